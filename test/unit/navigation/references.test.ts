import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referencesAt } from '../../../server/src/engine/navigation/references';
import { fixtureFiles, memoryFiles, positionOf } from './memoryFiles';

test('references of a fragment member that references itself (a cycle) list each $ref once', async () => {
  const files = fixtureFiles();
  const common = files.doc('schemas/common.yaml');
  const found = await referencesAt(common, positionOf(common.text, 'Tree:', 2), files, true);
  const lines = found.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}`).sort();
  assert.deepEqual(lines, [`common.yaml:${positionOf(common.text, "$ref: '#/Tree'").line}`, 'common.yaml:9', `petstore.yaml:${positionOf(files.doc('petstore.yaml').text, 'common.yaml#/Tree').line}`].sort());
});

test('Swagger 2.0: definitions and security definitions', async () => {
  const files = fixtureFiles();
  const legacy = files.doc('legacy.swagger.yaml');
  assert.equal((await referencesAt(legacy, positionOf(legacy.text, '  Thing:', 3), files, false)).length, 1);
  assert.deepEqual((await referencesAt(legacy, positionOf(legacy.text, '  basic:', 3), files, false)).map((l) => l.range.start.line), [positionOf(legacy.text, '- basic: []').line]);
});

test('a $ref resolving to another file through ../ is matched by the resolved target, not its spelling', async () => {
  const api = "openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      $ref: './lib/../shared/s.yaml#/S'\n    B:\n      $ref: 'shared/s.yaml#/S'\n";
  const files = memoryFiles({ 'api.yaml': api, 'shared/s.yaml': 'S:\n  type: string\n' });
  const fromFragment = await referencesAt(files.doc('shared/s.yaml'), { line: 0, character: 1 }, files, false);
  assert.deepEqual(fromFragment.map((l) => l.range.start.line).sort(), [4, 6], 'any key of a fragment can be referenced');
  const fromRef = await referencesAt(files.doc('api.yaml'), positionOf(api, "shared/s.yaml#/S'", 2), files, false);
  assert.deepEqual(fromRef.map((l) => l.range.start.line).sort(), [4, 6]);
});
