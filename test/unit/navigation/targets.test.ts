import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/engine/document/parsedDocument';
import { isSecurityRequirementName, mappingTarget, refTarget, spanOf } from '../../../server/src/engine/navigation/targets';

test('refTarget resolves relative files and fragments, and refuses remote ones', () => {
  assert.deepEqual(refTarget('../common.yaml#/components/schemas/A%20B', 'file:///ws/api/x.yaml'), { uri: 'file:///ws/common.yaml', pointer: '/components/schemas/A B' });
  assert.deepEqual(refTarget('#/a/b~1c', 'file:///ws/x.yaml'), { uri: 'file:///ws/x.yaml', pointer: '/a/b~1c' });
  assert.equal(refTarget('https://example.com/x.yaml#/A', 'file:///ws/x.yaml'), undefined);
  assert.equal(refTarget('#A', 'file:///ws/x.yaml'), undefined, 'a plain-name fragment is not a JSON pointer');
});

test('mapping values are bare schema names (per version) or references', () => {
  const oas2 = parseDocument('file:///ws/x.yaml', "swagger: '2.0'\n");
  const oas3 = parseDocument('file:///ws/x.yaml', 'openapi: 3.0.0\n');
  assert.equal(mappingTarget('Dog', oas2)?.pointer, '/definitions/Dog');
  assert.equal(mappingTarget('Dog', oas3)?.pointer, '/components/schemas/Dog');
  assert.deepEqual(mappingTarget('dog.yaml', oas3), { uri: 'file:///ws/dog.yaml', pointer: '' });
});

test('security requirement names only at the root or in operations; spans end on the last line of text', () => {
  assert.ok(isSecurityRequirementName(['security', '0', 'a'], 'key'));
  assert.ok(isSecurityRequirementName(['paths', '/x', 'get', 'security', '1', 'a'], 'key'));
  assert.ok(!isSecurityRequirementName(['components', 'schemas', 'security', '0', 'a'], 'key'));
  assert.ok(!isSecurityRequirementName(['security', '0', 'a'], 'value'));
  const doc = parseDocument('file:///ws/x.yaml', 'openapi: 3.0.0\na:\n  b: 1\n\n\nc: 2\n');
  assert.deepEqual(spanOf(doc, '/a')?.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 6 } });
});
