import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitionAt } from '../../../server/src/engine/navigation/definition';
import { CancelledError } from '../../../server/src/engine/references/cancellation';
import { fixtureFiles, memoryFiles, positionOf, ROOT } from './memoryFiles';

test('JSON documents: a $ref with an escaped pointer segment goes to the path item', async () => {
  const text = JSON.stringify({ openapi: '3.0.0', paths: { '/a/{id}': { get: { responses: {} } } }, components: { links: { L: { operationRef: '#/paths/~1a~1{id}/get' } } } }, null, 2);
  const files = memoryFiles({ 'api.json': text });
  const found = await definitionAt(files.doc('api.json'), positionOf(text, '#/paths/~1a', 3), files);
  assert.deepEqual([found?.uri, found?.range.start.line], [`${ROOT}/api.json`, positionOf(text, '"get"').line]);
});

test('a cycle of files ($ref to a file that $refs back) resolves one hop, never loops; missing members give nothing', async () => {
  const a = "openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      $ref: 'b.yaml#/B'\n    C:\n      $ref: 'b.yaml#/Nope'\n";
  const b = "B:\n  properties:\n    back:\n      $ref: 'a.yaml#/components/schemas/A'\n";
  const files = memoryFiles({ 'a.yaml': a, 'b.yaml': b });
  assert.deepEqual((await definitionAt(files.doc('a.yaml'), positionOf(a, 'b.yaml#/B', 2), files))?.range.start, { line: 0, character: 0 });
  assert.equal((await definitionAt(files.doc('b.yaml'), positionOf(b, 'a.yaml#/', 2), files))?.range.start.line, 3);
  assert.equal(await definitionAt(files.doc('a.yaml'), positionOf(a, 'b.yaml#/Nope', 2), files), undefined);
});

test('a cancelled request stops before reading other files', async () => {
  const files = fixtureFiles();
  const text = files.doc('petstore.yaml').text;
  await assert.rejects(definitionAt(files.doc('petstore.yaml'), positionOf(text, "common.yaml#/Error'"), files, { isCancellationRequested: true }), CancelledError);
});
