import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { startServer, LspSession } from '../helpers/lspClient';
import { applyWorkspaceEdit, type EditorFile } from '../helpers/edits';
import { pathToUri } from '../../server/src/engine/uri';

const SHOP = readFileSync(path.resolve(__dirname, '../../../test/fixtures/fixes/shop.yaml'), 'utf8');
let dir: string;
let server: LspSession;
let uri: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-rename-'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 30, spectralEnabled: false } });
  await fs.writeFile(path.join(dir, 'shop.yaml'), SHOP);
  await fs.writeFile(path.join(dir, 'other.yaml'), "Thing:\n  $ref: 'shop.yaml#/components/schemas/Order'\n");
  uri = pathToUri(path.join(dir, 'shop.yaml'));
  const wait = server.waitForDiagnostics(uri, (p) => p.version === 1);
  server.open(uri, SHOP);
  await wait;
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

function positionOf(needle: string, delta: number): Position {
  const before = SHOP.slice(0, SHOP.indexOf(needle) + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('prepareRename gives the name range and placeholder; a non-renameable place is refused with a message', async () => {
  const pos = positionOf('\n    Order:', 6);
  const prepared = (await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: pos })) as { range: { start: Position; end: Position }; placeholder: string };
  assert.equal(prepared.placeholder, 'Order');
  assert.deepEqual(prepared.range, { start: { line: pos.line, character: 4 }, end: { line: pos.line, character: 9 } });
  await assert.rejects(
    server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: positionOf('title: Shop API', 9) }),
    /Only schema names, property names, operationIds and parameter names can be renamed/,
  );
});

test('F2 on a schema renames it and every $ref across files, with the document version', async () => {
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf('\n    Order:', 6), newName: 'PurchaseOrder' })) as WorkspaceEdit;
  const other = pathToUri(path.join(dir, 'other.yaml'));
  const files = new Map<string, EditorFile>([[uri, { text: SHOP, version: 1 }], [other, { text: "Thing:\n  $ref: 'shop.yaml#/components/schemas/Order'\n", version: null }]]);
  const versions = edit.documentChanges!.map((c) => (c as { textDocument: { uri: string; version: number | null } }).textDocument);
  assert.deepEqual(versions.find((v) => v.uri === uri)!.version, 1);
  assert.ok(applyWorkspaceEdit(files, edit).applied);
  assert.match(files.get(uri)!.text, /\n    PurchaseOrder:\n/);
  assert.match(files.get(uri)!.text, /\$ref: '#\/components\/schemas\/PurchaseOrder'/);
  assert.equal(files.get(other)!.text, "Thing:\n  $ref: 'shop.yaml#/components/schemas/PurchaseOrder'\n");
});

test('F2 on a property, an operationId and a parameter', async () => {
  const rename = async (pos: Position, newName: string) => {
    const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: pos, newName })) as WorkspaceEdit;
    const files = new Map<string, EditorFile>([[uri, { text: SHOP, version: 1 }]]);
    assert.ok(applyWorkspaceEdit(files, { documentChanges: edit.documentChanges!.filter((c) => (c as { textDocument: { uri: string } }).textDocument.uri === uri) }).applied);
    return files.get(uri)!.text;
  };
  assert.match(await rename(positionOf('\n        orderId:', 10), 'id'), /required:\n        - id\n        - shipped_at\n      properties:\n        id:\n/);
  assert.match(await rename(positionOf('operationId: Get_Order_Item', 15), 'fetchItem'), /operationId: fetchItem\n/);
  assert.match(await rename(positionOf('- name: item_id', 9), 'itemId'), /\n  \/orderItems\/\{itemId\}:\n[\s\S]*- name: itemId\n/);
});

test('renaming onto an existing schema or property, or to an invalid name, is refused with a clear message', async () => {
  const refuse = (pos: Position, newName: string, message: RegExp) =>
    assert.rejects(server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: pos, newName }), message);
  await refuse(positionOf('\n    Order:', 6), 'order_item', /Cannot rename schema "Order": A schema named "order_item" already exists/);
  await refuse(positionOf('\n        orderId:', 10), 'status', /already has a property named "status"/);
  await refuse(positionOf('\n    Order:', 6), 'Order Form', /not a valid schema name/);
});
