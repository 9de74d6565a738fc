import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext } from '../../../server/src/engine/navigation/cursorContext';

/** The context at `|` in `text`. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const lines = text.slice(0, offset).split('\n');
  return cursorContext(text, offset, { line: lines.length - 1, character: lines[lines.length - 1].length });
}

test('a key being typed: the path of its parent object, siblings and deeper lines skipped', () => {
  const ctx = at('openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: x\n      dep|\n');
  assert.deepEqual([ctx?.path, ctx?.mode, ctx?.typed], [['paths', '/a', 'get'], 'key', 'dep']);
  assert.deepEqual(ctx?.range, { start: { line: 7, character: 6 }, end: { line: 7, character: 9 } });
  assert.deepEqual(at('openapi: 3.0.0\ninfo:\n  title: x\n|')?.path, []);
});

test('sequence items: the index is the number of items above, compact and indented sequences alike', () => {
  const params = 'paths:\n  /a:\n    get:\n      parameters:\n        - name: a\n          in: query\n        - name: b\n          |';
  assert.deepEqual(at(params)?.path, ['paths', '/a', 'get', 'parameters', '1']);
  assert.deepEqual(at('tags:\n- name: a\n- name: b\n  descr|')?.path, ['tags', '1']);
  const newItem = at('security:\n  - a: []\n  - |');
  assert.deepEqual([newItem?.path, newItem?.mode], [['security', '1'], 'item']);
  const firstKey = at('paths:\n  /a:\n    get:\n      parameters:\n        - in: |');
  assert.deepEqual([firstKey?.path, firstKey?.mode, firstKey?.key], [['paths', '/a', 'get', 'parameters', '0'], 'value', 'in']);
});

test('values: the key, the typed text without quotes, flow sequences after the last comma', () => {
  const ref = at("components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B|");
  assert.deepEqual([ref?.mode, ref?.key, ref?.typed, ref?.path], ['value', '$ref', '#/components/schemas/B', ['components', 'schemas', 'A']]);
  assert.equal(at('x:\n  tags: [a, b|')?.typed, 'b');
  assert.equal(at('x:\n  format: |')?.typed, '');
});

test('JSON: values by their key on the line, no path (indentation means nothing there); comments give nothing', () => {
  const json = at('{\n  "openapi": "3.0.0",\n  "x": { "$ref": "#/components/|" }\n}');
  assert.deepEqual([json?.key, json?.typed], ['$ref', '#/components/'], 'a key inside a flow mapping on the same line');
  const flow = at("a:\n  x: { $ref: '#/b|' }");
  assert.deepEqual([flow?.key, flow?.typed, flow?.path], ['$ref', '#/b', ['a', 'x']]);
  const ref = at('{\n  "openapi": "3.0.0",\n  "x": {\n    "$ref": "#/components/|"\n  }\n}');
  assert.deepEqual([ref?.key, ref?.typed, ref?.path], ['$ref', '#/components/', undefined]);
  assert.equal(at('a:\n  # comm|'), undefined);
});
