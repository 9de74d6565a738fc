// What the robustness sweep found (issue 18), each at LSP level: BOM files, deep flow sequences the
// nesting estimate missed, idle documents kept busy, `$ref`s leaving the workspace, NUL bytes, pure $ref cycles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, codes, LspSession } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

let root: string;
let ws: string;
let session: LspSession;

const SPEC = (extra = '') => `openapi: 3.0.3
info:
  title: Orders
  version: 1.0.0
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Order'
components:
  schemas:
    Order:
      type: object
      properties:
        orderId: { type: string }
        created_at: { type: string, format: date-time }
${extra}`;

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-robust-'));
  ws = path.join(root, 'ws');
  await fs.mkdir(ws);
  initRepo(ws);
  await fs.writeFile(path.join(ws, 'committed.yaml'), SPEC());
  git(ws, 'add', '.');
  git(ws, 'commit', '-qm', 'init');
  await fs.writeFile(path.join(root, 'secret.yaml'), 'token: hunter2\nOrder: { type: object }\n');
  session = await startServer({ rootUri: pathToUri(ws), trace: true, settings: { spectralEnabled: true } });
});
after(async () => {
  await session.shutdown();
  await fs.rm(root, { recursive: true, force: true });
});

test('a spec starting with a UTF-8 byte-order mark is recognised and linted', async () => {
  const uri = pathToUri(path.join(ws, 'bom.yaml'));
  session.open(uri, '\uFEFF' + SPEC());
  const published = await session.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('specgate-property-casing'));
  const casing = published.diagnostics.find((d) => d.code === 'specgate-property-casing')!;
  assert.equal(casing.range.start.line, SPEC().split('\n').findIndex((l) => l.includes('created_at')));
});

test('deep flow sequences behind an anchor, a tag or an apostrophe get the nesting-limit message, not a stack overflow', async () => {
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  for (const [name, value] of [['anchor', `&a ${deep}`], ['tag', `!!seq ${deep}`], ['apostrophe', `[don't, ${deep}]`]]) {
    const uri = pathToUri(path.join(ws, `deep-${name}.yaml`));
    session.open(uri, SPEC(`x-deep: ${value}\n`));
    const published = await session.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(published.diagnostics), ['specgate-nesting-limit'], name);
    assert.match(String(published.diagnostics[0].message), /Nesting deeper than 256 levels \(specgate\.maxNestingDepth\)/);
    assert.doesNotMatch(JSON.stringify(published.diagnostics), /call stack/);
  }
});

test('a NUL byte and a pure $ref cycle each get a clear message', async () => {
  const nulUri = pathToUri(path.join(ws, 'nul.yaml'));
  session.open(nulUri, SPEC().replace('title: Orders', 'title: "Ord\u0000ers"'));
  const nul = await session.waitForDiagnostics(nulUri, (p) => p.diagnostics.some((d) => /NUL byte/.test(String(d.message))));
  const found = nul.diagnostics.find((d) => /NUL byte/.test(String(d.message)))!;
  assert.equal(found.range.start.line, 2);

  const cycleUri = pathToUri(path.join(ws, 'cycle.yaml'));
  session.open(cycleUri, SPEC(`    Purchase: { $ref: '#/components/schemas/Sale' }\n    Sale: { $ref: '#/components/schemas/Purchase' }\n`));
  const cycle = await session.waitForDiagnostics(cycleUri, (p) => codes(p.diagnostics).includes('specgate-ref-cycle'));
  const finding = cycle.diagnostics.filter((d) => d.code === 'specgate-ref-cycle');
  assert.equal(finding.length, 1, 'one finding per loop');
  assert.match(String(finding[0].message), /#\/components\/schemas\/(Purchase|Sale) → #\/components\/schemas\/(Sale|Purchase) → /);
});

test('a $ref that leaves the workspace is not read, and says so', async () => {
  const uri = pathToUri(path.join(ws, 'escape.yaml'));
  const text = SPEC().replace("$ref: '#/components/schemas/Order'", "$ref: '../secret.yaml#/Order'");
  session.open(uri, text);
  const published = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => /leaves the workspace/.test(String(d.message))));
  const refusal = published.diagnostics.find((d) => /leaves the workspace/.test(String(d.message)))!;
  assert.match(String(refusal.message), /secret\.yaml/);
  assert.match(String(refusal.message), /specgate\.allowReferencesOutsideWorkspace/);
  assert.equal(refusal.range.start.line, text.split('\n').findIndex((l) => l.includes('secret.yaml')));
  assert.doesNotMatch(JSON.stringify(session.published), /hunter2/);
});

test('idle documents stay idle: an untracked spec and a refused one are not re-analysed while nothing changes', async () => {
  const untracked = pathToUri(path.join(ws, 'untracked.yaml'));
  const bomb = pathToUri(path.join(ws, 'bomb.yaml'));
  const lol = ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'paths: {}', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++) lol.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
  session.open(untracked, SPEC());
  session.open(bomb, lol.join('\n') + '\n');
  await session.waitForDiagnostics(bomb, (p) => codes(p.diagnostics).includes('specgate-alias-limit'));
  // Every layer of both versions has run (the signal also counts if it came before this line).
  for (const uri of [untracked, bomb]) await session.waitForAnalysis(uri, 1);
  // Both analyses are done; watch three baseline polls go by.
  await session.waitForNotification('specgate/trace', (p) => p.event === 'baselinePoll');
  const publishesBefore = session.published.filter((p) => p.uri === untracked || p.uri === bomb).length;
  const analysesBefore = session.notifications.filter((n) => n.method === 'specgate/baseline').length;
  for (let i = 0; i < 3; i++) await session.waitForNotification('specgate/trace', (p) => p.event === 'baselinePoll');
  assert.equal(session.published.filter((p) => p.uri === untracked || p.uri === bomb).length, publishesBefore, 'no publishes while idle');
  assert.equal(session.notifications.filter((n) => n.method === 'specgate/baseline').length, analysesBefore, 'no re-analysis while idle');
});

test('a spec edited into something that is no longer a spec is still signalled as analysed, its findings cleared', async () => {
  const uri = pathToUri(path.join(ws, 'emptied.yaml'));
  session.open(uri, SPEC());
  await session.waitForAnalysis(uri, 1);
  session.change(uri, 2, '');
  // The run that dropped the layers used to supersede itself: no signal for version 2, ever.
  await session.waitForAnalysis(uri, 2);
  assert.deepEqual(session.published.filter((p) => p.uri === uri).pop()!.diagnostics, []);
});
