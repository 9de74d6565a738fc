import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRenames, type Rename } from '../../server/src/engine/style/fixCheck';
import type { StyleFinding } from '../../server/src/engine/style/registry';

const rename = (pointer: string, newName: string, target: 'key' | 'value' = 'key'): Rename => ({
  finding: { pointer, target, message: '', ruleId: 'r', severity: 'warn', fix: { kind: 'rename', newName } } as StyleFinding,
  newName,
});

function spec() {
  return {
    components: {
      schemas: {
        user_account: { properties: { created_date: { type: 'string' }, id: { type: 'string' } } },
        Order: { properties: { total: { type: 'number' } } },
        order_item: { properties: { qty: { type: 'integer' } } },
        Tag: { type: 'string' },
      },
    },
    paths: { '/a': { get: { operationId: 'get_a' } } },
  };
}

test('renames several keys of one map at once, keeping key order and sharing the values', () => {
  const original = spec();
  const renamed = applyRenames(original, [rename('/components/schemas/user_account', 'UserAccount'), rename('/components/schemas/order_item', 'OrderItem')]) as ReturnType<typeof spec>;
  assert.deepEqual(Object.keys(renamed.components.schemas), ['UserAccount', 'Order', 'OrderItem', 'Tag']);
  assert.equal((renamed.components.schemas as any).UserAccount, original.components.schemas.user_account);
  assert.equal(renamed.paths, original.paths, 'untouched subtrees are shared');
  assert.deepEqual(Object.keys(original.components.schemas), ['user_account', 'Order', 'order_item', 'Tag'], 'the original is not changed');
});

test('a key inside a renamed member is renamed too, whatever order the renames come in', () => {
  const original = spec();
  const renamed = applyRenames(original, [
    rename('/components/schemas/user_account', 'UserAccount'),
    rename('/components/schemas/user_account/properties/created_date', 'createdAt'),
    rename('/paths/~1a/get/operationId', 'getA', 'value'),
  ]) as any;
  assert.deepEqual(Object.keys(renamed.components.schemas.UserAccount.properties), ['createdAt', 'id']);
  assert.equal(renamed.paths['/a'].get.operationId, 'getA');
  assert.deepEqual(Object.keys(original.components.schemas.user_account.properties), ['created_date', 'id']);
  assert.equal(original.paths['/a'].get.operationId, 'get_a');
});

test('a rename onto a name the map already has, or one already taken by an earlier rename, is skipped', () => {
  const renamed = applyRenames(spec(), [
    rename('/components/schemas/order_item', 'Order'),
    rename('/components/schemas/user_account', 'Account'),
    rename('/components/schemas/Tag', 'Account'),
    rename('/components/schemas/missing', 'Missing'),
  ]) as any;
  assert.deepEqual(Object.keys(renamed.components.schemas), ['Account', 'Order', 'order_item', 'Tag']);
});

test('hundreds of renames in one map give the same map as renaming one at a time', () => {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < 600; i++) schemas[i % 2 ? `schema_${i}` : `Schema${i}`] = { i };
  const renames = Object.keys(schemas).filter((k) => k.startsWith('schema_')).map((k) => rename(`/components/schemas/${k}`, k.replace('schema_', 'Schema')));
  const renamed = applyRenames({ components: { schemas } }, renames) as any;
  const expected = Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k.replace('schema_', 'Schema'), v]));
  assert.deepEqual(Object.keys(renamed.components.schemas), Object.keys(expected));
  for (const [k, v] of Object.entries(expected)) assert.equal(renamed.components.schemas[k], v);
});
