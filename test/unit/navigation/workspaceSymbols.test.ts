import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesQuery, symbolsOf, workspaceSymbols } from '../../../server/src/engine/navigation/workspaceSymbols';
import { fixtureFiles } from './memoryFiles';

test('queries match the characters in order, case-insensitively; spaces are kept for METHOD /path', () => {
  assert.ok(matchesQuery('createPet', 'crpet'));
  assert.ok(!matchesQuery('createPet', 'petcr'));
  assert.ok(matchesQuery('GET /pets/{petId}', 'get /pets'));
  assert.ok(matchesQuery('listPets', 'list pets'), 'a space in the query does not require one in a name without spaces');
});

test('symbols are built once per parse; callbacks are left out; the limit holds', async () => {
  const files = fixtureFiles();
  const doc = files.doc('petstore.yaml');
  assert.equal(symbolsOf(doc), symbolsOf(doc));
  assert.deepEqual(symbolsOf(doc).map((s) => s.name).slice(0, 2), ['listPets', 'GET /pets']);
  assert.equal((await workspaceSymbols('', files, undefined, 3)).length, 3);
  assert.deepEqual((await workspaceSymbols('orderShipped', files)).map((s) => s.name), ['orderShipped', 'POST orderShipped']);
});
