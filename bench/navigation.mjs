// Navigation latency on GitHub's REST API description (9 MB of YAML) while Spectral lints it:
// definition, references and completion p95 over real LSP requests (target ≤ 50 ms each).
// Writes bench/results-navigation.md. Run with `npm run bench:navigation` (builds first).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { startServer } from './lsp.mjs';
import { ensureSpec } from './fetch.mjs';
import { percentile, median } from './stats.mjs';

const SAMPLES = Number(process.env.NAV_SAMPLES ?? 60);
const EDIT_SAMPLES = Number(process.env.NAV_EDIT_SAMPLES ?? 8);

/** The GitHub spec as YAML: from the test cache when present (no download), else through bench/fetch.mjs. */
function githubYaml() {
  const cached = new URL('../test/.cache/_octokit_openapi_22.0.0/package/generated/api.github.com.json', import.meta.url).pathname;
  if (existsSync(cached)) return YAML.stringify(JSON.parse(readFileSync(cached, 'utf8')), { lineWidth: 0, aliasDuplicateObjects: false });
  return readFileSync(ensureSpec('github').yaml, 'utf8');
}

function positionAt(text, offset) {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  return { line, character: offset - last - 1 };
}

/** Deterministic sample of `n` items (a fixed-step walk, so runs are comparable). */
function sample(list, n) {
  const step = Math.max(1, Math.floor(list.length / n));
  return list.filter((_, i) => i % step === 0).slice(0, n);
}

const loadBefore = loadavg();
const text = githubYaml();
const dir = mkdtempSync(join(tmpdir(), 'specgate-bench-nav-'));
const file = join(dir, 'github.yaml');
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const refs = [...text.matchAll(/\$ref: (["']?)#\/components\/schemas\/([^"'\n]+)\1/g)];
const schemasAt = text.indexOf('\n  schemas:\n', text.indexOf('\ncomponents:\n'));
const definitionPositions = sample(refs, SAMPLES).map((m) => positionAt(text, m.index + 10));
const referenceNames = [...new Set(sample(refs, SAMPLES * 2).map((m) => m[2]))].slice(0, SAMPLES);
const referencePositions = referenceNames.map((name) => positionAt(text, text.indexOf(`\n    ${name}:\n`, schemasAt) + 6));
const completionPositions = sample(refs, SAMPLES).map((m) => positionAt(text, m.index + m[0].indexOf('schemas/') + 'schemas/'.length));

// Above specgate.largeFileThresholdKB Spectral runs on save only: raise it so Spectral lints the spec during the bench.
const server = await startServer({ rootUri: pathToFileURL(dir).href, settings: { spectralEnabled: process.env.NAV_SPECTRAL !== 'off', largeFileThresholdKB: 64 * 1024 } });
let finished = false;
server.connection.onNotification('specgate/analysisFinished', (p) => { if (p.uri === uri && p.version === 1) finished = true; });
const opened = performance.now();
server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
await server.waitFor((e) => e.params.uri === uri && e.params.version === 1);
const firstPublish = performance.now() - opened;

async function time(method, params) {
  const t = performance.now();
  const result = await server.connection.sendRequest(method, params);
  return { ms: performance.now() - t, result };
}
const td = { uri };
const results = {};
async function measure(name, method, positions, extra = {}, check) {
  for (const position of positions.slice(0, 3)) await time(method, { textDocument: td, position, ...extra }); // warm-up
  const times = [];
  for (const position of positions) {
    const { ms, result } = await time(method, { textDocument: td, position, ...extra });
    if (!check(result)) throw new Error(`${name}: unexpected result at ${JSON.stringify(position)}: ${JSON.stringify(result).slice(0, 200)}`);
    times.push(ms);
  }
  results[name] = { n: times.length, median: median(times), p95: percentile(times, 95), max: Math.max(...times), spectralRunning: !finished };
}

await measure('definition', 'textDocument/definition', definitionPositions, {}, (r) => r && r.uri === uri);
await measure('references', 'textDocument/references', referencePositions, { context: { includeDeclaration: false } }, (r) => Array.isArray(r) && r.length > 0);
await measure('completion ($ref: #/components/schemas/)', 'textDocument/completion', completionPositions, {}, (r) => (Array.isArray(r) ? r : r.items).length > 500);

/** The fast layer of a version is published, but later layers may still hold the main thread: probe until a definition answers quickly. */
async function mainThreadIdle() {
  for (let i = 0; i < 200; i++) if ((await time('textDocument/definition', { textDocument: td, position: definitionPositions[0] })).ms < 20) return;
}

// Completion right after an edit: the new version is not parsed yet; names come from the last parse.
await mainThreadIdle();
const editTimes = [];
let version = 1;
const editAt = completionPositions[0];
let end = positionAt(text, text.length);
for (let i = 0; i < EDIT_SAMPLES; i++) {
  version++;
  // A comment appended at the end: positions above stay valid.
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: end, end }, text: `# edit ${i}\n` }] });
  end = { line: end.line + 1, character: 0 };
  const { ms, result } = await time('textDocument/completion', { textDocument: td, position: editAt });
  if ((Array.isArray(result) ? result : result.items).length < 500) throw new Error('completion after an edit lost the schema names');
  editTimes.push(ms);
  await server.waitFor((e) => e.params.uri === uri && e.params.version === version);
  await mainThreadIdle();
}
results['completion right after an edit'] = { n: editTimes.length, median: median(editTimes), p95: percentile(editTimes, 95), max: Math.max(...editTimes), spectralRunning: !finished };
const loadAfter = loadavg();
await server.shutdown();
rmSync(dir, { recursive: true, force: true });

const fmt = (x) => x.toFixed(1);
const rows = Object.entries(results).map(([name, r]) => `| ${name} | ${r.n} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.spectralRunning ? 'yes' : 'no'} |`);
const report = `# Navigation latency (bench/navigation.mjs)

GitHub's REST API description (\`@octokit/openapi\` 22.0.0) as YAML, ${(text.length / 1024 / 1024).toFixed(1)} MB, ${refs.length} \`$ref\`s to component schemas,
open in the language server with Spectral on (\`spectral:oas\` in the worker thread). Times are LSP round trips in ms,
measured by a client over stdio. Target: p95 ≤ 50 ms for definition, references and completion.

Machine: ${cpus().length} cores, load average ${loadBefore.map(fmt).join(' / ')} before and ${loadAfter.map(fmt).join(' / ')} after (1/5/15 min),
shared with other sessions. First publish of the opened document: ${(firstPublish / 1000).toFixed(1)} s.

| request | n | median | p95 | max | Spectral still running at the end |
|---|---|---|---|---|---|
${rows.join('\n')}

"Completion right after an edit": a new version is sent and completion asked at once, before any analysis of
that version (the previous version's analysis has finished on the main thread): the cursor's place is read from the
live text and the names from the latest parse. Spectral runs in its worker thread throughout.
${process.env.NAV_NOTE ?? ''}
`;
writeFileSync(new URL('./results-navigation.md', import.meta.url), report);
console.log(report);
