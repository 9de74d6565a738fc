import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession, codes } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';

/** A team's configured casings (the defaults follow each document's own convention; these tests are about fixed ones). */
const CONFIGURED_CASINGS = {
  'specgate-path-segment-casing': { severity: 'warn', options: { segmentCasing: 'kebab-case' } },
  'specgate-parameter-casing': { severity: 'warn', options: { query: 'camelCase', path: 'camelCase', header: 'Train-Case' } },
  'specgate-operation-id-casing': { severity: 'warn', options: { casing: 'camelCase' } },
  'specgate-schema-name-casing': { severity: 'warn', options: { casing: 'PascalCase' } },
  'specgate-acronym-casing': { severity: 'warn', options: { style: 'capitalize-first-only' } },
};

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/specs');
let dir: string;
let server: LspSession;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-lsp-'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { rules: CONFIGURED_CASINGS, debounceMs: 50 } });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

test('mixed naming: one diagnostic on each offending node, none on well-named ones', async () => {
  const text = await fs.readFile(path.join(FIXTURES, 'mixed-naming.yaml'), 'utf8');
  const uri = pathToUri(path.join(dir, 'mixed.yaml'));
  const waiting = server.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('oas3') || String(d.code).includes('operation-')));
  server.open(uri, text);
  const { diagnostics, version } = await waiting;
  assert.equal(version, 1);
  const style = diagnostics.filter((d) => String(d.code).startsWith('specgate-'));
  const at = (needle: string) => style.filter((d) => d.range.start.line === lineOf(text, needle));
  assert.deepEqual(codes(at('  /orderItems:')), ['specgate-path-segment-casing']);
  assert.deepEqual(codes(at('operationId: Get_Order_Items')), ['specgate-operation-id-casing']);
  assert.deepEqual(codes(at('    order_item:')), ['specgate-schema-name-casing']);
  assert.deepEqual(codes(at('        created_at:')), ['specgate-property-casing']);
  assert.deepEqual(codes(at('        updatedAt:')), ['specgate-timestamp-format']);
  for (const good of ['        createdAt:', '        itemId:', '        productName:', '        quantity:']) {
    assert.deepEqual(at(good), [], `no finding on ${good.trim()}`);
  }
  const created = at('        created_at:')[0];
  assert.deepEqual(created.range, { start: { line: lineOf(text, '        created_at:'), character: 8 }, end: { line: lineOf(text, '        created_at:'), character: 18 } });
  assert.equal(created.source, 'specgate');
  assert.match(created.codeDescription!.href, /docs\/rules\/specgate-property-casing\.md$/);
  assert.ok(created.severity! >= 1 && created.severity! <= 4);
});

test('a spec edited into invalid YAML shows syntax errors, and recovers when fixed', async () => {
  const uri = pathToUri(path.join(dir, 'edit.yaml'));
  const good = await fs.readFile(path.join(FIXTURES, 'clean.yaml'), 'utf8');
  const first = server.waitForDiagnostics(uri, (p) => p.version === 1);
  server.open(uri, good);
  const initial = await first;
  assert.deepEqual(codes(initial.diagnostics).filter((c) => c.startsWith('specgate-')), []);
  const broken = good.replace('title: Orders API', 'title: [Orders API');
  const brokenWait = server.waitForDiagnostics(uri, (p) => p.version === 2);
  server.change(uri, 2, broken);
  const afterBreak = await brokenWait;
  assert.ok(afterBreak.diagnostics.length > 0);
  assert.ok(afterBreak.diagnostics.every((d) => d.code === 'specgate-syntax'), JSON.stringify(afterBreak.diagnostics));
  assert.ok(afterBreak.diagnostics.every((d) => d.severity === 1));
  const fixedWait = server.waitForDiagnostics(uri, (p) => p.version === 3);
  server.change(uri, 3, good);
  const fixed = await fixedWait;
  assert.ok(!codes(fixed.diagnostics).includes('specgate-syntax'));
  assert.equal(server.process.exitCode, null, 'server still running');
});

test('rapid edits publish diagnostics for the newest version last, never an older one after it', async () => {
  const uri = pathToUri(path.join(dir, 'rapid.yaml'));
  const base = await fs.readFile(path.join(FIXTURES, 'clean.yaml'), 'utf8');
  server.open(uri, base);
  for (let v = 2; v <= 8; v++) server.change(uri, v, base.replace('quantity:', `quantity${v}:`));
  const last = await server.waitForDiagnostics(uri, (p) => p.version === 8);
  assert.equal(last.version, 8);
  await server.waitForAnalysis(uri, 8);
  const mine = server.published.filter((p) => p.uri === uri);
  assert.equal(mine[mine.length - 1].version, 8);
});

test('plain YAML and JSON files that are not specs get no diagnostics', async () => {
  const uri = pathToUri(path.join(dir, 'docker-compose.yaml'));
  server.open(uri, 'services:\n  web:\n    image: nginx\n    created_at: [oops\n');
  const spec = pathToUri(path.join(dir, 'marker.yaml'));
  const marker = server.waitForDiagnostics(spec);
  server.open(spec, 'openapi: 3.0.0\ninfo: {title: x, version: "1"}\npaths: {}\n');
  await marker;
  await server.waitForAnalysis(uri, 1);
  assert.equal(server.published.filter((p) => p.uri === uri && p.diagnostics.length > 0).length, 0);
});

test('alias bombs, deep nesting and $ref cycles do not take the server down', async () => {
  let bomb = 'openapi: 3.0.0\ninfo: {title: x, version: "1"}\npaths: {}\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (let i = 0; i < 9; i++) { bomb += `b${i}: &b${i} [${Array(9).fill('*' + prev).join(',')}]\n`; prev = `b${i}`; }
  const deep = 'openapi: 3.0.0\nx: ' + '['.repeat(30_000) + ']'.repeat(30_000) + '\n';
  const cycle = [
    'openapi: 3.0.0', 'info: {title: x, version: "1"}', 'paths: {}', 'components:', '  schemas:',
    '    A:', '      $ref: "#/components/schemas/B"', '    B:', '      $ref: "#/components/schemas/A"',
  ].join('\n') + '\n';
  const expectations: Array<[string, string, string]> = [['bomb.yaml', bomb, 'specgate-alias-limit'], ['deep.yaml', deep, 'specgate-nesting-limit'], ['cycle.yaml', cycle, '']];
  for (const [name, text, code] of expectations) {
    const uri = pathToUri(path.join(dir, name));
    const wait = server.waitForDiagnostics(uri);
    server.open(uri, text);
    const { diagnostics } = await wait;
    if (code) assert.ok(codes(diagnostics).includes(code), `${name}: ${JSON.stringify(codes(diagnostics))}`);
    await server.waitForAnalysis(uri, 1);
  }
  assert.equal(server.process.exitCode, null, 'server still running');
  const probe = pathToUri(path.join(dir, 'probe.yaml'));
  const alive = server.waitForDiagnostics(probe);
  server.open(probe, 'openapi: 3.0.0\ninfo: {title: x, version: "1"}\npaths:\n  /orderItems: {}\n');
  assert.ok(codes((await alive).diagnostics).includes('specgate-path-segment-casing'));
});

test('a suppression comment silences the next line; one without a reason is itself a finding', async () => {
  const uri = pathToUri(path.join(dir, 'suppressed.yaml'));
  const text = [
    'openapi: 3.0.0', 'info: {title: x, version: "1"}', 'paths:',
    '  # specgate-disable-next-line specgate-path-segment-casing -- legacy path kept for v1 clients',
    '  /orderItems: {}',
    '  # specgate-disable-next-line specgate-path-segment-casing',
    '  /lineItems: {}',
  ].join('\n') + '\n';
  const wait = server.waitForDiagnostics(uri);
  server.open(uri, text);
  const { diagnostics } = await wait;
  const style = diagnostics.filter((d) => String(d.code).startsWith('specgate-'));
  assert.deepEqual(style.map((d) => [d.code, d.range.start.line]), [['specgate-suppression-reason', 5]]);
});

test('diagnostics are cleared when the document closes', async () => {
  const uri = pathToUri(path.join(dir, 'closing.yaml'));
  const wait = server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  server.open(uri, 'openapi: 3.0.0\ninfo: {title: x, version: "1"}\npaths:\n  /orderItems: {}\n');
  await wait;
  const cleared = server.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  server.close(uri);
  await cleared;
});
