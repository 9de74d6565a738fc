import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { renameEdits } from '../../../server/src/engine/references/renameEdits';
import { withGuides } from '../../../server/src/engine/rules/docs/guideTexts';
import { applyWorkspaceEdit, type EditorFile } from '../../helpers/edits';
import { versionsOf } from '../../../server/src/engine/languageFeatures/namingFixes';
import { fixtureText } from './docsFixtures';

const SPEC = 'file:///workspace/orders/openapi.yaml';
const GUIDE = 'file:///workspace/docs/orders.md';
const OTHER = 'file:///workspace/docs/billing.md';
const spec = fixtureText('orders/openapi.yaml');

function positionOf(text: string, needle: string, delta: number): Position {
  const before = text.slice(0, text.indexOf(needle) + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

async function f2(files: Record<string, string>, needle: string, delta: number, newName: string) {
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  const doc = service.getDocument(SPEC, files[SPEC], 2);
  const edit = await service.rename(doc, positionOf(files[SPEC], needle, delta), newName);
  const map = new Map<string, EditorFile>(Object.entries(files).map(([u, t]) => [u, { text: t, version: u === SPEC ? 2 : null }]));
  assert.ok(applyWorkspaceEdit(map, edit).applied);
  return Object.fromEntries([...map].map(([u, f]) => [u, f.text]));
}

test('F2 on an operationId updates inline code naming it in the guides, in the same edit', async () => {
  const guide = 'Use `getOrder` (the `getOrder` operation) to fetch one; `getOrders` and getOrder in prose stay.\n';
  const out = await f2({ [SPEC]: spec, [GUIDE]: guide }, 'operationId: getOrder', 14, 'fetchOrder');
  assert.match(out[SPEC], /operationId: fetchOrder/);
  assert.equal(out[GUIDE], 'Use `fetchOrder` (the `fetchOrder` operation) to fetch one; `getOrders` and getOrder in prose stay.\n');
});

test('F2 on a property renames the keys of examples tied to an operation using that schema, only there', async () => {
  const guide = fixtureText('docs/orders.md');
  const out = await f2({ [SPEC]: spec, [GUIDE]: guide }, '        sku:', 9, 'stockCode');
  const after = out[GUIDE];
  assert.match(after, /"items": \[\{ "stockCode": "A-1", "quantity": "2" \}\]/);
  assert.equal(after.replace('"stockCode"', '"sku"'), guide, 'nothing else changed');
  const status = await f2({ [SPEC]: spec, [GUIDE]: guide }, '        status:', 9, 'state');
  assert.match(status[GUIDE], /\nstate: refunded\n/, 'a YAML response example key');
  assert.match(status[GUIDE], /"customerId": "c-1"/);
});

test('a path rename (naming fix) rewrites matching mentions, keeping base path and written parameter values', async () => {
  const guide = 'Fetch `GET /v1/orders/123` or GET /orders/{id}; `GET /order` is not this path.\n';
  const files = { [SPEC]: spec, [GUIDE]: guide, [OTHER]: '---\napi: billing-api\n---\n`GET /orders/1`\n' };
  const workspace = new InMemoryWorkspace(files);
  const service = createLanguageService({ workspace });
  const doc = service.getDocument(SPEC, spec, 2);
  await service.index.ready();
  const edits = await renameEdits(doc, { kind: 'path', name: '/orders/{orderId}', pointer: '/paths/~1orders~1{orderId}' }, '/purchase-orders/{orderId}', withGuides(async () => [], service.index, SPEC, workspace.folders));
  const map = new Map<string, EditorFile>(Object.entries(files).map(([u, t]) => [u, { text: t, version: u === SPEC ? 2 : null }]));
  assert.ok(applyWorkspaceEdit(map, edits.toWorkspaceEdit(versionsOf(doc))).applied);
  assert.equal(map.get(GUIDE)!.text, 'Fetch `GET /v1/purchase-orders/123` or GET /purchase-orders/{id}; `GET /order` is not this path.\n');
  assert.equal(map.get(OTHER)!.text, files[OTHER], 'a guide narrowed to another API is left alone');
});
