import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkExample } from '../../../server/src/engine/rules/docs/exampleCheck';

const root = {
  components: {
    schemas: {
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true } } },
      Pet: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['cat', 'dog'] }, age: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, note: { type: 'string', nullable: true } } }] },
      Open: { type: 'object', additionalProperties: true, properties: { a: { type: 'string' } } },
      Map: { type: 'object', additionalProperties: { type: 'string' } },
      Either: { oneOf: [{ type: 'object', properties: { x: { type: 'string' } }, required: ['x'] }, { type: 'object', properties: { y: { type: 'string' } }, required: ['y'] }] },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const messages = (content: string, schema: unknown, direction: 'request' | 'response' = 'response') =>
  checkExample(content, schema, root, direction, 'yaml')?.map((p) => `${content.slice(p.offset, p.offset + p.length)} | ${p.message}`);

test('a fitting example has no problems (allOf merged, nullable, integer as number)', () => {
  assert.deepEqual(messages('{"id": "p1", "kind": "cat", "age": 3, "tags": ["a"], "note": null}', ref('Pet')), []);
});

test('undeclared property even where additionalProperties allows it, on the key', () => {
  assert.deepEqual(messages('a: x\nb: y\n', ref('Open')), ['b | "b" is not a property of the response schema (Open).']);
});

test('wrong type, enum value outside the enum, nested array items, on the value', () => {
  assert.deepEqual(messages('{"id": "p", "kind": "bird", "age": "3", "tags": [1]}', ref('Pet')), [
    '"bird" | "kind": "bird" is not one of the schema\'s values ("cat", "dog").',
    '"3" | "age" is a string; the schema says integer.',
    '1 | "tags[0]" is a number; the schema says string.',
  ]);
});

test('missing required: read-only properties are not required in requests', () => {
  assert.deepEqual(messages('{"age": 1}', ref('Pet'), 'request')?.map((m) => m.split(' | ')[1]), ['The example lacks the required property "kind".']);
  assert.deepEqual(messages('{"age": 1}', ref('Pet'), 'response')?.map((m) => m.split(' | ')[1]), [
    'The example lacks the required property "id".',
    'The example lacks the required property "kind".',
  ]);
});

test('schemas that cannot decide report nothing: maps, oneOf without a fitting branch, unresolvable refs', () => {
  assert.deepEqual(messages('{"anything": "x"}', ref('Map')), []);
  assert.deepEqual(messages('{"x": "1"}', ref('Either')), []);
  assert.deepEqual(messages('{"z": 1}', ref('Either')), []);
  assert.deepEqual(messages('{"z": 1}', { $ref: 'other.yaml#/X' }), []);
});

test('a block that does not parse, or is a scalar, is not checked', () => {
  assert.equal(checkExample('{ "a": 1, ... }', ref('Open'), root, 'response', 'json'), undefined);
  assert.deepEqual(checkExample('{ "a": "1" }', ref('Open'), root, 'response', 'json'), []);
  assert.equal(checkExample('just text', ref('Open'), root, 'response', 'yaml'), undefined);
  assert.equal(checkExample('a: [1', ref('Open'), root, 'response', 'yaml'), undefined);
});
