// npm run test:e2e — the VS Code e2e suite in a real VS Code (code-server 4.139.1 = VS Code 1.139.1) on a
// machine without Microsoft's downloads:
//   1. installs its tools into .e2e-tools/ (scripts/e2e-install.sh, cached between runs);
//   2. packages Specgate as a .vsix (scripts/package.mjs) and installs it with --install-extension;
//   3. makes the workspace: a temporary git repository with a committed OpenAPI file;
//   4. starts code-server, opens the workbench in headless Debian Chromium (playwright-core) with the test
//      payload, and runs test/e2e/suite (Mocha, @vscode/test-electron's run() contract) in the extension host;
//   5. prints `N passed, N failed`; on failure, screenshots and the code-server log go to .e2e-artifacts/.
// Options: --skip-install (tools must be there), --skip-package (reuse out/e2e/specgate.vsix),
//          --docs-screenshot (writes docs/images/breaking-hover.png), E2E_VERBOSE=1, E2E_TIMEOUT_MS, E2E_PORT.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createE2eWorkspace } from './e2e-workspace.mjs';
import * as util from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const TOOLS = process.env.E2E_TOOLS || join(root, '.e2e-tools');
const ARTIFACTS = join(root, '.e2e-artifacts');
const PORT = +(process.env.E2E_PORT || 18765);
const TIMEOUT = +(process.env.E2E_TIMEOUT_MS || 240_000);
const t0 = Date.now();
const t = (s) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let result = { passed: 0, failed: 0 };
let data;
let csProc;
let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  console.error(e?.stack ?? e);
  exitCode = 1;
} finally {
  if (csProc?.pid) { try { process.kill(-csProc.pid, 'SIGTERM'); } catch { /* gone */ } }
  await sleep(500);
  if (data && exitCode !== 0 && fs.existsSync(join(data, 'code-server.log'))) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.copyFileSync(join(data, 'code-server.log'), join(ARTIFACTS, 'code-server.log'));
    console.log('--- code-server log (tail; full copy in .e2e-artifacts/code-server.log)');
    console.log(fs.readFileSync(join(data, 'code-server.log'), 'utf8').split('\n').slice(-25).join('\n'));
  }
  if (data) fs.rmSync(data, { recursive: true, force: true });
  if (exitCode !== 0 && result.failed === 0) result.failed = 1; // the run itself failed (no suite result)
  t(`done (exit ${exitCode})`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(exitCode);
}

async function main() {
  if (!args.has('--skip-install')) {
    t('tools');
    execFileSync('bash', [join(root, 'scripts/e2e-install.sh')], { stdio: 'inherit' });
  }
  const node24 = join(TOOLS, 'node24/bin');
  const codeServer = join(TOOLS, 'cs/bin/code-server');
  if (!fs.existsSync(codeServer)) throw new Error(`code-server is not installed in ${TOOLS}; run scripts/e2e-install.sh`);

  const vsix = join(root, 'out/e2e/specgate.vsix');
  if (!args.has('--skip-package') || !fs.existsSync(vsix)) {
    t('package the .vsix');
    execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
    t(`.vsix ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);
  }
  t('bundle the suite');
  execFileSync(process.execPath, [join(root, 'scripts/e2e-build-suite.mjs')], { stdio: 'inherit' });
  const suiteEntry = join(root, 'out/e2e/suite/index.js');

  // Everything code-server and Chromium write (config, sockets, profiles) goes under one temporary folder.
  data = fs.mkdtempSync(join(os.tmpdir(), 'specgate-e2e-'));
  const ws = join(data, 'ws');
  const signals = join(data, 'signals');
  for (const d of ['User', 'home', 'tmp', 'extensions', 'ws', 'signals']) fs.mkdirSync(join(data, d), { recursive: true });
  createE2eWorkspace(root, ws);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const docsShot = args.has('--docs-screenshot') ? join(root, 'docs/images/breaking-hover.png') : undefined;
  fs.writeFileSync(join(data, 'e2e-run.json'), JSON.stringify({ expectVsix: true, signalsDir: signals, artifactsDir: ARTIFACTS, docsScreenshot: docsShot, resultFile: join(data, 'e2e-result.json') }));
  fs.writeFileSync(join(data, 'User/settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'git.enabled': false, 'chat.disableAIFeatures': true,
    'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.delay': 100, 'window.commandCenter': false,
  }));
  const env = { ...process.env, HOME: join(data, 'home'), TMPDIR: join(data, 'tmp'), PATH: `${node24}:${process.env.PATH}` };
  const csArgs = ['--user-data-dir', data, '--extensions-dir', join(data, 'extensions')];

  t('install the .vsix into code-server');
  const installOut = execFileSync(codeServer, [...csArgs, '--install-extension', vsix], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (!/successfully installed/i.test(installOut)) throw new Error(`--install-extension: ${installOut}`);

  t('start code-server');
  const logFd = fs.openSync(join(data, 'code-server.log'), 'w');
  csProc = spawn(codeServer, [...csArgs, '--bind-addr', `127.0.0.1:${PORT}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver'], { env, detached: true, stdio: ['ignore', logFd, logFd] });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not yet */ }
    if (i > 300 || csProc.exitCode !== null) throw new Error('code-server did not start');
    await sleep(100);
  }

  t('run the suite in the extension host');
  const require = createRequire(join(TOOLS, 'runner/package.json'));
  const { chromium } = require('playwright-core');
  const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(join(root, 'test/e2e/harness'))],
    ['extensionTestsPath', remote(suiteEntry)],
  ]);
  const url = `${base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`;
  const ctx = await chromium.launchPersistentContext(join(data, 'chrome'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
    env: { ...env, HOME: join(data, 'home') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = ctx.pages()[0] ?? await ctx.newPage();
    const noise = /open-vsx|ERR_NAME_NOT_RESOLVED|ENOTFOUND|status of 404|github|Creating a socket|AccountPolicyGate|AgentHost|connection token|grace|Service Worker|iframe|builtin extensions|ChatModelSelection|marketplace|gallery|^\s*$/i;
    page.on('console', async (m) => {
      const parts = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
      if (typeof parts[0] === 'string' && parts[0].startsWith('%c')) parts.splice(0, 2);
      const line = util.format(...parts);
      const r = /\[e2e\] RESULT (\{.*\})/.exec(line);
      if (r) result = JSON.parse(r[1]);
      if (process.env.E2E_VERBOSE || /\[e2e\]|^\s+(✔|\d+\))/.test(line) || !noise.test(line)) console.log(line.replace(/^\[Extension Host\] /, ''));
    });
    const exit = new Promise((res) => page.exposeFunction('codeAutomationExit', (code) => res(code)));
    // Screenshot requests from the suite (inside the extension host) arrive as files in signals/.
    let stop = false;
    const shots = (async () => {
      while (!stop) {
        for (const f of fs.readdirSync(signals).filter((n) => n.endsWith('.req'))) {
          const req = join(signals, f);
          const { path } = JSON.parse(fs.readFileSync(req, 'utf8'));
          fs.mkdirSync(dirname(path), { recursive: true });
          await page.screenshot({ path }).then(() => t(`screenshot ${path}`), (e) => t(`screenshot failed: ${e.message}`));
          fs.renameSync(req, req.replace(/\.req$/, '.done'));
        }
        await sleep(100);
      }
    })();
    await page.goto(url);
    const code = await Promise.race([exit, sleep(TIMEOUT).then(() => 'timeout')]);
    stop = true;
    await shots;
    t(`extension tests exit code: ${code}`);
    if (fs.existsSync(join(data, 'e2e-result.json'))) result = JSON.parse(fs.readFileSync(join(data, 'e2e-result.json'), 'utf8'));
    if (code !== 0) await page.screenshot({ path: join(ARTIFACTS, 'workbench-at-exit.png') }).catch(() => {});
    return code === 0 ? 0 : 1;
  } finally {
    await ctx.close().catch(() => {});
  }
}
