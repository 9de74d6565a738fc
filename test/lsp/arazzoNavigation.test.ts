import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Location, Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { startServer, LspSession } from '../helpers/lspClient';
import { applyWorkspaceEdit, type EditorFile } from '../helpers/edits';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/arazzo');
let dir: string;
let server: LspSession;
const texts = new Map<string, string>();
const uriOf = (rel: string) => pathToUri(path.join(dir, rel));

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-arazzo-nav-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
  for (const rel of ['checkout.arazzo.yaml', 'billing.yaml', 'store.swagger.yaml']) {
    const text = await fs.readFile(path.join(dir, rel), 'utf8');
    texts.set(rel, text);
    const opened = server.waitForDiagnostics(uriOf(rel), (p) => p.version === 1);
    server.open(uriOf(rel), text);
    await opened;
  }
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Position of `needle` (+ delta characters) in a fixture file. */
function at(rel: string, needle: string, delta = 0): Position {
  const text = texts.get(rel)!;
  const before = text.slice(0, text.indexOf(needle) + delta).split('\n');
  assert.ok(text.includes(needle), needle);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

test('definition: operationId and operationPath go to the operation (multi-file spec, Swagger 2.0); $steps outputs to the output', async () => {
  const def = (position: Position) => server.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf('checkout.arazzo.yaml') }, position }) as Promise<Location | null>;
  const created = (await def(at('checkout.arazzo.yaml', '$sourceDescriptions.pets.createPet', 5)))!;
  assert.equal(created.uri, uriOf('pets/paths/pets.yaml'));
  const petsPaths = await fs.readFile(path.join(dir, 'pets/paths/pets.yaml'), 'utf8');
  assert.equal(created.range.start.line, lineOf(petsPaths, 'post:'));
  const byPath = (await def(at('checkout.arazzo.yaml', "operationPath: '{$sourceDescriptions.pets.url}", 20)))!;
  assert.equal(byPath.uri, uriOf('pets/openapi.yaml'));
  const order = (await def(at('checkout.arazzo.yaml', '$sourceDescriptions.store.placeOrder', 3)))!;
  assert.deepEqual([order.uri, order.range.start.line], [uriOf('store.swagger.yaml'), lineOf(texts.get('store.swagger.yaml')!, '    post:')]);
  const output = (await def(at('checkout.arazzo.yaml', 'value: $steps.createPet.outputs.petId', 12)))!;
  assert.deepEqual([output.uri, output.range.start.line], [uriOf('checkout.arazzo.yaml'), lineOf(texts.get('checkout.arazzo.yaml')!, 'petId: $response.body#/id')]);
  assert.equal(await def(at('checkout.arazzo.yaml', 'title: Checkout', 3)), null);
});

test('references: from an operation in a spec to every step calling it, across files', async () => {
  const refs = (await server.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf('store.swagger.yaml') }, position: at('store.swagger.yaml', 'operationId: placeOrder', 15), context: { includeDeclaration: false } })) as Location[];
  assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]), [[uriOf('checkout.arazzo.yaml'), lineOf(texts.get('checkout.arazzo.yaml')!, '$sourceDescriptions.store.placeOrder')]]);
  const getOrder = (await server.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf('store.swagger.yaml') }, position: at('store.swagger.yaml', 'operationId: getOrder', 15), context: { includeDeclaration: false } })) as Location[];
  assert.deepEqual(getOrder.map((r) => r.uri), [uriOf('shared.arazzo.yaml')]);
});

test('F2 on an operationId renames the calling steps across files: qualified, and plain when no other source defines it', async () => {
  const rename = async (rel: string, needle: string, newName: string) => {
    const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriOf(rel) }, position: at(rel, needle, 14), newName })) as WorkspaceEdit;
    const files = new Map<string, EditorFile>();
    for (const [name, text] of texts) files.set(uriOf(name), { text, version: 1 });
    files.set(uriOf('shared.arazzo.yaml'), { text: await fs.readFile(path.join(dir, 'shared.arazzo.yaml'), 'utf8'), version: null });
    assert.ok(applyWorkspaceEdit(files, edit).applied);
    return (rel2: string) => files.get(uriOf(rel2))!.text;
  };
  let after = await rename('store.swagger.yaml', 'operationId: placeOrder', 'submitOrder');
  assert.match(after('store.swagger.yaml'), /operationId: submitOrder\n/);
  assert.match(after('checkout.arazzo.yaml'), /operationId: \$sourceDescriptions\.store\.submitOrder\n/);
  after = await rename('billing.yaml', 'operationId: createInvoice', 'issueInvoice');
  assert.match(after('checkout.arazzo.yaml'), /\n        operationId: issueInvoice\n/);
  after = await rename('store.swagger.yaml', 'operationId: getOrder', 'fetchOrder');
  assert.match(after('shared.arazzo.yaml'), /\n        operationId: fetchOrder\n/);
});
