import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceCodeLenses } from '../../../server/src/engine/navigation/codeLens';
import { fixtureFiles } from './memoryFiles';

test('Swagger 2.0 definitions are counted; security definitions get no lens', async () => {
  const files = fixtureFiles();
  const lenses = await referenceCodeLenses(files.doc('legacy.swagger.yaml'), files);
  assert.deepEqual(lenses.map((l) => l.command?.title), ['1 reference']);
});

test('a fragment file without components gets no lens; references from other files count', async () => {
  const files = fixtureFiles();
  assert.deepEqual(await referenceCodeLenses(files.doc('schemas/common.yaml'), files), []);
  const orders = await referenceCodeLenses(files.doc('orders.yaml'), files);
  assert.deepEqual(orders, []);
});
