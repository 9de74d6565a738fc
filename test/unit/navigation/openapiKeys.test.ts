import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeField, fieldsOf, kindAt, FIELDS, TRANSITIONS } from '../../../server/src/engine/navigation/openapiKeys';

test('kindAt follows the object model: operations, parameters by index, schemas nested through properties and allOf', () => {
  assert.equal(kindAt(['paths', '/a', 'get']), 'operation');
  assert.equal(kindAt(['paths', '/a', 'get', 'parameters', '2']), 'parameter');
  assert.equal(kindAt(['components', 'schemas', 'A', 'properties', 'b', 'allOf', '0', 'items']), 'schema');
  assert.equal(kindAt(['components', 'schemas', 'A', 'properties']), 'schemaMap');
  assert.equal(kindAt(['paths', '/a', 'get', 'responses', '200', 'content', 'application/json']), 'mediaType');
  assert.equal(kindAt(['info', 'nothing']), undefined);
});

test('fields per version: 2.0, 3.0 and 3.1 keys are offered only where the version defines them', () => {
  const names = (kind: string, format: 'oas2' | 'oas3.0' | 'oas3.1') => fieldsOf(kind, format).map((f) => f[0]);
  assert.ok(names('root', 'oas2').includes('swagger') && !names('root', 'oas2').includes('openapi'));
  assert.ok(names('root', 'oas3.1').includes('webhooks') && !names('root', 'oas3.0').includes('webhooks'));
  assert.ok(names('schema', 'oas3.0').includes('nullable') && !names('schema', 'oas3.1').includes('nullable'));
  assert.ok(names('response', 'oas2').includes('schema') && !names('response', 'oas3.0').includes('schema'));
});

test('every field has a description and every transition target is a known kind', () => {
  for (const [kind, fields] of Object.entries(FIELDS)) for (const [key, description] of fields) assert.ok(description.length > 10, `${kind}.${key}`);
  const kinds = new Set([...Object.keys(FIELDS), ...Object.keys(TRANSITIONS)]);
  for (const targets of Object.values(TRANSITIONS)) for (const target of Object.values(targets)) assert.ok(kinds.has(target) || ['tagNames', 'securityRequirement', 'example'].includes(target), target);
  assert.match(describeField(['paths', '/a', 'get'], 'operationId', 'oas3.0')!.description, /unique/i);
  assert.equal(describeField(['components', 'schemas', 'A', 'properties'], 'type', 'oas3.0'), undefined, 'a property named type is not the keyword');
});
