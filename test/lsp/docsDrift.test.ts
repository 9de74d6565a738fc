import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, LspSession, codes } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';

const WORKSPACE = path.resolve(__dirname, '../../../test/fixtures/docs/workspace');
let dir: string;
let server: LspSession;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-docs-lsp-'));
  await fs.cp(WORKSPACE, dir, { recursive: true });
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

test('an open guide gets diagnostics on the exact span, with the version, and a quick fix replaces the mention', async () => {
  const uri = pathToUri(path.join(dir, 'docs/orders.md'));
  const text = await fs.readFile(path.join(dir, 'docs/orders.md'), 'utf8');
  const wait = server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  server.open(uri, text, 'markdown', 3);
  const published = await wait;
  assert.equal(published.version, 3);
  const unknown = published.diagnostics.find((d) => d.code === 'specgate-docs-unknown-operation')!;
  assert.deepEqual(unknown.range, { start: { line: 8, character: 9 }, end: { line: 8, character: 29 } });
  assert.equal(unknown.source, 'specgate');
  const actions = await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] },
  }) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, 'Replace with GET /orders/{orderId}');
  const change = actions[0].edit!.documentChanges![0] as { textDocument: { version: number }; edits: Array<{ newText: string }> };
  assert.equal(change.textDocument.version, 3);
  assert.equal(change.edits[0].newText, 'GET /orders/{orderId}');
});

test('editing the guide re-checks it: fixing the mention removes the finding', async () => {
  const uri = pathToUri(path.join(dir, 'docs/billing.md'));
  const text = await fs.readFile(path.join(dir, 'docs/billing.md'), 'utf8');
  const first = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('specgate-docs-unknown-operation'));
  server.open(uri, text, 'markdown', 1);
  await first;
  const fixed = server.waitForDiagnostics(uri, (p) => p.version === 2);
  server.change(uri, 2, text.replace('PUT /invoices', 'GET /invoices'));
  assert.deepEqual((await fixed).diagnostics, []);
});

test('editing a spec re-checks the open guides against it', async () => {
  const guideUri = pathToUri(path.join(dir, 'README.md'));
  const guide = await fs.readFile(path.join(dir, 'README.md'), 'utf8');
  const clean = server.waitForDiagnostics(guideUri);
  server.open(guideUri, guide, 'markdown', 1);
  assert.deepEqual((await clean).diagnostics, []);
  const specUri = pathToUri(path.join(dir, 'orders/openapi.yaml'));
  const spec = await fs.readFile(path.join(dir, 'orders/openapi.yaml'), 'utf8');
  const drifted = server.waitForDiagnostics(guideUri, (p) => codes(p.diagnostics).includes('specgate-docs-unknown-operation'));
  server.open(specUri, spec, 'yaml', 1);
  server.change(specUri, 2, spec.replace('  /orders/{orderId}:', '  /orders/{orderId}/details:'));
  const { diagnostics } = await drifted;
  assert.match(String(diagnostics[0].message), /^no operation matches GET \/v1\/orders\/\{orderId\} in .*; did you mean /);
});
