/** Direction asymmetry, refactors that are not changes, cross-file refs, cycles, Swagger 2, semver. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, clone, diffDocs, expectChange, find, ok, URI } from './diffHelpers';

const orderSchema = { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 255 }, status: { type: 'string', enum: ['open', 'closed'] } } };

/** POST /orders takes and returns the same component schema. */
function shared(schema: unknown): Record<string, unknown> {
  return api(
    {
      '/orders': {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
        },
      },
    },
    { components: { schemas: { Order: schema } } },
  );
}

test('direction: a narrowed constraint breaks requests, not responses', () => {
  const rev = clone(orderSchema);
  rev.properties.name.maxLength = 100;
  const result = diffDocs(shared(orderSchema), shared(rev));
  expectChange(result, 'request-property-max-length-decreased', '/components/schemas/Order/properties/name/maxLength', 'revision');
  assert.equal(find(result, 'request-property-max-length-decreased')?.level, 'breaking');
  assert.equal(find(result, 'request-property-max-length-decreased')?.direction, 'request');
  assert.equal(find(result, 'response-property-max-length-decreased')?.level, 'non-breaking');
  assert.equal(find(result, 'response-property-max-length-decreased')?.direction, 'response');
});

test('direction: a widened constraint breaks responses, not requests', () => {
  const rev = clone(orderSchema);
  rev.properties.name.maxLength = 500;
  const result = diffDocs(shared(orderSchema), shared(rev));
  assert.equal(find(result, 'request-property-max-length-increased')?.level, 'non-breaking');
  assert.equal(find(result, 'response-property-max-length-increased')?.level, 'breaking');
});

test('direction: enum value added and removed, required and optional', () => {
  const added = clone(orderSchema);
  added.properties.status.enum.push('pending');
  let result = diffDocs(shared(orderSchema), shared(added));
  assert.equal(find(result, 'request-property-enum-value-added')?.level, 'non-breaking');
  assert.equal(find(result, 'response-property-enum-value-added')?.level, 'potentially-breaking');
  const optional = clone(orderSchema);
  optional.required = [];
  result = diffDocs(shared(orderSchema), shared(optional));
  assert.equal(find(result, 'request-property-became-optional')?.level, 'non-breaking');
  assert.equal(find(result, 'response-property-became-optional')?.level, 'breaking');
});

test('readOnly properties are not judged on the request side, writeOnly not on the response side', () => {
  const base = clone(orderSchema) as Record<string, any>;
  base.properties.id = { type: 'string', readOnly: true, maxLength: 10 };
  const rev = clone(base);
  rev.properties.id.maxLength = 5;
  rev.properties.secret = { type: 'string', writeOnly: true };
  rev.required.push('id');
  const result = diffDocs(shared(base), shared(rev));
  assert.equal(find(result, 'request-property-max-length-decreased'), undefined);
  assert.equal(find(result, 'request-property-became-required'), undefined);
  assert.ok(find(result, 'new-optional-request-property'));
  assert.equal(find(result, 'response-optional-property-added'), undefined);
});

test('refactors are not changes: inline to component, component rename, reordering, path parameter rename', () => {
  const inline = api({
    '/pets/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'q', in: 'query', schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } } } } } },
      },
    },
  });
  const refactored = api(
    {
      '/pets/{petId}': {
        get: {
          responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } }, description: 'ok' } },
          parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }, { $ref: '#/components/parameters/PetId' }],
        },
      },
    },
    {
      components: {
        parameters: { PetId: { name: 'petId', in: 'path', required: true, schema: { type: 'string' } } },
        schemas: { Pet: { properties: { b: { type: 'integer' }, a: { type: 'string' } }, type: 'object' } },
      },
    },
  );
  assert.deepEqual(diffDocs(inline, refactored).changes, []);
  const renamed = clone(refactored) as Record<string, any>;
  renamed.components.schemas = { Animal: renamed.components.schemas.Pet };
  renamed.paths['/pets/{petId}'].get.responses['200'].content['application/json'].schema.$ref = '#/components/schemas/Animal';
  assert.deepEqual(diffDocs(refactored, renamed).changes, []);
});

test('refactor: properties moved into an allOf component are not changes', () => {
  const flat = shared({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' } } });
  const composed = shared({ allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { b: { type: 'string' } } }] }) as Record<string, any>;
  composed.components.schemas.Base = { type: 'object', required: ['a'], properties: { a: { type: 'string' } } };
  assert.deepEqual(diffDocs(flat, composed).changes, []);
});

test('cross-file $refs are resolved and pointers name the file the node lives in', () => {
  const root = (file: string) =>
    api({ '/orders': { post: { requestBody: { content: { 'application/json': { schema: { $ref: `${file}#/Order` } } } }, responses: ok } } });
  const other = 'file:///api/schemas/order.yaml';
  const result = diffDocs(root('./schemas/order.yaml'), root('./schemas/order.yaml'), { [other]: { Order: orderSchema } }, {
    [other]: { Order: { ...orderSchema, properties: { ...orderSchema.properties, name: { type: 'string', maxLength: 10 } } } },
  });
  const change = find(result, 'request-property-max-length-decreased');
  assert.ok(change);
  assert.equal(change.uri, other);
  assert.equal(change.pointer, '/Order/properties/name/maxLength');
});

test('$ref cycles terminate and changes inside them are found once per operation', () => {
  const tree = (max: number) =>
    shared({ type: 'object', properties: { label: { type: 'string', maxLength: max }, children: { type: 'array', items: { $ref: '#/components/schemas/Order' } }, self: { $ref: '#/components/schemas/Order' } } });
  const result = diffDocs(tree(10), tree(5));
  const found = result.changes.filter((c) => c.id === 'request-property-max-length-decreased');
  assert.equal(found.length, 1);
  const loop = api({ '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } }, { components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } } });
  assert.deepEqual(diffDocs(loop, clone(loop)).changes, []);
});

test('Swagger 2.0: body and query parameters, responses and definitions', () => {
  const swagger = (max: number, required: boolean) => ({
    swagger: '2.0',
    info: { title: 't', version: '1.0.0' },
    paths: {
      '/orders': {
        post: {
          parameters: [
            { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Order' } },
            { name: 'limit', in: 'query', type: 'integer', maximum: max, required },
          ],
          responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Order' } } },
        },
      },
    },
    definitions: { Order: { type: 'object', properties: { name: { type: 'string', maxLength: max } } } },
  });
  const result = diffDocs(swagger(10, false), swagger(5, true));
  expectChange(result, 'request-property-max-length-decreased', '/definitions/Order/properties/name/maxLength', 'revision');
  expectChange(result, 'request-parameter-max-decreased', '/paths/~1orders/post/parameters/1/maximum', 'revision');
  expectChange(result, 'request-parameter-became-required', '/paths/~1orders/post/parameters/1/required', 'revision');
});

test('OpenAPI 3.1 type arrays with null', () => {
  const doc = (type: unknown) => ({ ...shared({ type: 'object', properties: { a: { type } } }), openapi: '3.1.0' });
  const result = diffDocs(doc('string'), doc(['string', 'null']));
  assert.equal(find(result, 'response-property-became-nullable')?.level, 'breaking');
  assert.equal(find(result, 'request-property-became-nullable')?.level, 'non-breaking');
});

test('semver: required bump against info.version', () => {
  const v = (version: string, extra: Record<string, unknown> = {}) => ({ ...api({ '/a': { get: { responses: ok, ...extra } } }), info: { title: 't', version } });
  let result = diffDocs(v('1.2.3'), v('1.2.3', { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] }));
  assert.equal(result.semver.required, 'major');
  assert.equal(result.semver.actual, 'none');
  assert.equal(result.semver.sufficient, false);
  result = diffDocs(v('1.2.3'), v('2.0.0', { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] }));
  assert.equal(result.semver.sufficient, true);
  result = diffDocs(v('1.2.3'), v('1.3.0', { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }));
  assert.deepEqual([result.semver.required, result.semver.actual, result.semver.sufficient], ['minor', 'minor', true]);
  result = diffDocs(v('1.2.3'), v('1.2.4', { deprecated: true }));
  assert.deepEqual([result.semver.required, result.semver.sufficient], ['patch', true]);
  result = diffDocs(v('1.2.3'), v('1.2.3'));
  assert.deepEqual([result.semver.required, result.semver.sufficient, result.summary.breaking], ['none', true, 0]);
  assert.equal(diffDocs(v('0.3.0'), v('0.4.0', { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] })).semver.sufficient, true);
});

test('the done-when scenario: each edit reported, semver major', () => {
  const base = shared(orderSchema) as Record<string, any>;
  base.paths['/orders'].get = { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }], responses: ok };
  base.paths['/orders/{id}'] = { delete: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } };
  base.components.schemas.Order.properties.note = { type: 'string' };
  const rev = clone(base);
  rev.components.schemas.Order.properties.name.maxLength = 100;
  rev.components.schemas.Order.properties.status.enum = ['open', 'closed', 'pending'];
  rev.components.schemas.Order.properties.kind = { type: 'string' };
  rev.components.schemas.Order.required.push('kind');
  rev.paths['/orders'].get.parameters[0].required = true;
  delete rev.paths['/orders/{id}'];
  delete rev.components.schemas.Order.properties.note;
  const result = diffDocs(base, rev);
  for (const id of ['request-property-max-length-decreased', 'new-required-request-property', 'request-parameter-became-required', 'api-path-removed-without-deprecation', 'response-optional-property-removed', 'response-property-enum-value-added']) {
    assert.ok(find(result, id), id);
  }
  assert.equal(find(result, 'response-optional-property-removed')?.pointer, '/components/schemas/Order/properties/note');
  assert.equal(find(result, 'api-path-removed-without-deprecation')?.pointer, '/paths/~1orders~1{id}/delete');
  assert.equal(result.semver.required, 'major');
  assert.equal(URI, result.changes[0].uri);
});
