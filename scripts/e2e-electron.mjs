// npm run test:e2e:electron — the same suite (test/e2e/suite) with @vscode/test-electron, for machines that can
// download VS Code (this project's CI machines cannot: they use npm run test:e2e, code-server).
// Like the code-server runner it packages the .vsix, installs it with --install-extension into a fresh extensions
// folder, and opens a temporary git repository with a committed spec. Linux without a display: xvfb-run -a.
// VSCODE_VERSION picks the build (default: the engines.vscode minimum is not downloadable by tag, so 'stable').
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createE2eWorkspace } from './e2e-workspace.mjs';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vsix = join(root, 'out/e2e/specgate.vsix');
let result;
let code = 1;
const data = fs.mkdtempSync(join(os.tmpdir(), 'specgate-e2e-electron-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [join(root, 'scripts/e2e-build-suite.mjs')], { stdio: 'inherit' });
  const ws = join(data, 'ws');
  fs.mkdirSync(ws);
  createE2eWorkspace(root, ws);
  const resultFile = join(data, 'e2e-result.json');
  fs.writeFileSync(join(data, 'e2e-run.json'), JSON.stringify({ expectVsix: true, artifactsDir: join(root, '.e2e-artifacts'), resultFile }));

  const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION || 'stable');
  const [cli, ...defaults] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  // Our own folders instead of the shared .vscode-test ones: a fresh profile with only the .vsix installed.
  const cliArgs = defaults.filter((a) => !/^--(extensions-dir|user-data-dir)/.test(a));
  const dirs = [`--user-data-dir=${join(data, 'user')}`, `--extensions-dir=${join(data, 'extensions')}`];
  execFileSync(cli, [...cliArgs, ...dirs, '--install-extension', vsix], { stdio: 'inherit', shell: process.platform === 'win32' });
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: join(root, 'test/e2e/harness'),
    extensionTestsPath: join(root, 'out/e2e/suite/index.js'),
    launchArgs: [ws, ...dirs, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).catch((e) => { console.error(e?.message ?? e); return 1; });
  if (fs.existsSync(resultFile)) result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
} catch (e) {
  console.error(e?.stack ?? e);
  code = 1;
} finally {
  fs.rmSync(data, { recursive: true, force: true });
}
result ??= { passed: 0, failed: 1 };
if (code !== 0 && result.failed === 0) result.failed = 1;
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(code === 0 && result.failed === 0 ? 0 : 1);
