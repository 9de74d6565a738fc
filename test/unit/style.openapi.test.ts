import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAtPointer, indexDocument, resolveLocalRef } from '../../server/src/engine/openapi';

test('index lists operations, parameters, schemas and properties with pointers (OAS 3)', () => {
  const doc = {
    openapi: '3.1.0',
    paths: {
      '/a/{id}': {
        parameters: [{ name: 'id', in: 'path' }],
        'x-ext': { get: {} },
        get: {
          parameters: [{ $ref: '#/components/parameters/Q' }],
          requestBody: { content: { 'application/json': { schema: { properties: { p1: { type: 'string' } } } } } },
          responses: { '200': { content: { 'text/plain': { schema: { items: { properties: { p2: {} } } } } } } },
          callbacks: { cb: { '{$request.body#/url}': { post: { operationId: 'cbOp' } } } },
        },
      },
    },
    webhooks: { hook: { post: { operationId: 'hookOp' } } },
    components: {
      schemas: { S: { allOf: [{ properties: { p3: {} } }], additionalProperties: { properties: { p4: {} } } } },
      parameters: { Q: { name: 'q', in: 'query', schema: { properties: { p5: {} } } } },
    },
  };
  const index = indexDocument(doc, 'oas3.1');
  assert.deepEqual(index.operations.map((o) => [o.kind, o.method, o.pointer]), [
    ['path', 'get', '/paths/~1a~1{id}/get'],
    ['callback', 'post', '/paths/~1a~1{id}/get/callbacks/cb/{$request.body#~1url}/post'],
    ['webhook', 'post', '/webhooks/hook/post'],
  ]);
  assert.deepEqual(index.parameters.map((p) => p.pointer), ['/paths/~1a~1{id}/parameters/0', '/components/parameters/Q']);
  assert.deepEqual(index.properties.map((p) => p.pointer), [
    '/paths/~1a~1{id}/get/requestBody/content/application~1json/schema/properties/p1',
    '/paths/~1a~1{id}/get/responses/200/content/text~1plain/schema/items/properties/p2',
    '/components/schemas/S/allOf/0/properties/p3',
    '/components/schemas/S/additionalProperties/properties/p4',
    '/components/parameters/Q/schema/properties/p5',
  ]);
  assert.equal(indexDocument(doc, 'oas3.1'), index, 'cached per document');
});

test('index for Swagger 2.0 covers definitions, body parameters and response schemas', () => {
  const doc = {
    swagger: '2.0',
    paths: { '/a': { post: { parameters: [{ in: 'body', name: 'b', schema: { properties: { p1: {} } } }, { in: 'query', name: 'q', items: { enum: ['A'] } }], responses: { '200': { schema: { properties: { p2: {} } } } } } } },
    definitions: { D: { properties: { p3: {} } } },
  };
  const index = indexDocument(doc, 'oas2');
  assert.deepEqual(index.properties.map((p) => p.name), ['p1', 'p2', 'p3']);
  assert.deepEqual(index.schemaNames, [{ name: 'D', pointer: '/definitions/D' }]);
  assert.ok(index.schemas.some((s) => s.pointer === '/paths/~1a/post/parameters/1/items'));
});

test('shared (aliased) and cyclic schemas are walked once', () => {
  const shared: Record<string, unknown> = { properties: { x: {} } };
  (shared.properties as Record<string, unknown>).self = shared;
  const doc = { openapi: '3.0.0', components: { schemas: { A: shared, B: shared } } };
  const index = indexDocument(doc, 'oas3.0');
  assert.deepEqual(index.properties.map((p) => p.pointer), ['/components/schemas/A/properties/x', '/components/schemas/A/properties/self']);
});

test('resolveLocalRef follows local refs with cycle and depth safety', () => {
  const doc = { components: { responses: { A: { $ref: '#/components/responses/B' }, B: { description: 'b' }, C: { $ref: '#/components/responses/C' } } } };
  assert.deepEqual(resolveLocalRef(doc, { $ref: '#/components/responses/A' }), { value: { description: 'b' }, pointer: '/components/responses/B' });
  assert.equal(resolveLocalRef(doc, { $ref: '#/components/responses/C' }), undefined);
  assert.equal(resolveLocalRef(doc, { $ref: 'other.yaml#/x' }), undefined);
  assert.equal(resolveLocalRef(doc, { description: 'inline' }), undefined);
  assert.equal(getAtPointer({ a: [{ b: 1 }] }, '/a/0/b'), 1);
  assert.equal(getAtPointer({ a: {} }, '/a/constructor'), undefined);
});
