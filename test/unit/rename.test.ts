import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import type { Position } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { RenameRefusal } from '../../server/src/engine/languageFeatures/rename';
import { applyWorkspaceEdit, type EditorFile } from '../helpers/edits';

const text = readFileSync(path.resolve(__dirname, '../../../test/fixtures/fixes/orders.yaml'), 'utf8');
const URI = 'file:///workspace/orders.yaml';

function positionOf(needle: string, delta = 1): Position {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

async function renamed(files: Record<string, string>, position: Position, newName: string) {
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  const doc = service.getDocument(URI, files[URI], 3);
  const edit = await service.rename(doc, position, newName);
  const map = new Map<string, EditorFile>(Object.entries(files).map(([u, t]) => [u, { text: t, version: u === URI ? 3 : null }]));
  assert.ok(applyWorkspaceEdit(map, edit).applied);
  return Object.fromEntries([...map].map(([u, f]) => [u, f.text]));
}

test('prepareRename: names on keys, values, $refs and required entries; refusal elsewhere', () => {
  const service = createLanguageService({ workspace: new InMemoryWorkspace({ [URI]: text }) });
  const doc = service.getDocument(URI, text, 1);
  assert.equal(service.prepareRename(doc, positionOf('\n    Order:', 6)).placeholder, 'Order');
  const onRef = service.prepareRename(doc, positionOf("$ref: '#/components/schemas/order_item'", 10));
  assert.equal(onRef.placeholder, 'order_item');
  assert.equal(service.prepareRename(doc, positionOf('      operationId: Get_Order_Item', 20)).placeholder, 'Get_Order_Item');
  assert.equal(service.prepareRename(doc, positionOf('- name: item_id', 9)).placeholder, 'item_id');
  assert.equal(service.prepareRename(doc, positionOf('\n        quantity:', 9)).placeholder, 'quantity');
  assert.throws(() => service.prepareRename(doc, positionOf('title: Orders API', 8)), RenameRefusal);
});

test('F2 on a schema renames the key and every $ref, in other files too', async () => {
  const other = 'file:///workspace/api/extra.yaml';
  const out = await renamed({ [URI]: text, [other]: "X:\n  $ref: '../orders.yaml#/components/schemas/Order'\n" }, positionOf('\n    Order:', 6), 'PurchaseOrder');
  assert.match(out[URI], /\n    PurchaseOrder:\n/);
  assert.match(out[URI], /\$ref: '#\/components\/schemas\/PurchaseOrder'/);
  assert.match(out[URI], /order: '#\/components\/schemas\/PurchaseOrder'/);
  assert.equal(out[other], "X:\n  $ref: '../orders.yaml#/components/schemas/PurchaseOrder'\n");
});

test('F2 on a property inside allOf renames required entries of the family; on a discriminator property too', async () => {
  const out = await renamed({ [URI]: text }, positionOf('\n            orderNumber:', 13), 'number');
  assert.match(out[URI], /required:\n            - number\n/);
  const out2 = await renamed({ [URI]: text }, positionOf('\n        kind:', 9), 'type');
  assert.match(out2[URI], /required: \[type\]/);
  assert.match(out2[URI], /propertyName: type/);
  assert.ok(YAML.parse(out2[URI]));
});

test('F2 on a path parameter renames the template and every in: path parameter', async () => {
  const out = await renamed({ [URI]: text }, positionOf('- name: item_id', 9), 'itemId');
  assert.match(out[URI], /\n  \/orderItems\/\{itemId\}:\n    parameters:\n      - name: itemId\n/);
});

test('collisions and invalid names are refused with a clear message', async () => {
  const service = createLanguageService({ workspace: new InMemoryWorkspace({ [URI]: text }) });
  const doc = service.getDocument(URI, text, 1);
  await assert.rejects(service.rename(doc, positionOf('\n    Order:', 6), 'Base'), /A schema named "Base" already exists/);
  await assert.rejects(service.rename(doc, positionOf('\n        quantity:', 9), 'itemId'), /already has a property named "itemId"/);
  await assert.rejects(service.rename(doc, positionOf('      operationId: Get_Order_Item', 20), 'createOrder'), /already used by another operation/);
  await assert.rejects(service.rename(doc, positionOf('\n    Order:', 6), 'Bad Name'), /not a valid schema name/);
  await assert.rejects(service.rename(doc, positionOf('title: Orders API', 8), 'x'), RenameRefusal);
});
