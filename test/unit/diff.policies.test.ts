/**
 * Levels decided from the consumer's side (issue 16): required request properties with defaults, discriminator
 * renames, request defaults, scalar query parameters becoming arrays, and serialisation of single values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DiffResult } from '../../server/src/engine/diff';
import { api, diffDocs } from './diffHelpers';

const ids = (result: DiffResult) => result.changes.map((c) => `${c.id} ${c.level}`).sort();
const content = (schema: unknown) => ({ 'application/json': { schema } });
/** POST /pets with the given request body schema and response body schema. */
const pets = (request: unknown, response: unknown = { type: 'object' }) =>
  api({ '/pets': { post: { requestBody: { content: content(request) }, responses: { '200': { description: 'ok', content: content(response) } } } } });
/** GET /pets/{id} with the given parameters. */
const withParams = (...parameters: unknown[]) => api({ '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...parameters], responses: { '200': { description: 'ok' } } } } });

test('a new required request property is breaking even with a default', () => {
  const base = pets({ type: 'object', properties: { name: { type: 'string' } } });
  const rev = pets({ type: 'object', required: ['kind'], properties: { name: { type: 'string' }, kind: { type: 'string', default: 'dog' } } });
  assert.deepEqual(ids(diffDocs(base, rev)), ['new-required-request-property-with-default breaking']);
});

test('a discriminator propertyName change breaks requests and is potentially breaking in responses', () => {
  const pet = (propertyName: string) => ({ type: 'object', properties: { kind: { type: 'string' }, type: { type: 'string' } }, discriminator: { propertyName } });
  const result = diffDocs(pets(pet('kind'), pet('kind')), pets(pet('type'), pet('type')));
  assert.deepEqual(ids(result), ['request-body-discriminator-property-name-changed breaking', 'response-body-discriminator-property-name-changed potentially-breaking']);
});

test('a changed default of an optional request parameter or property is potentially breaking; never for path parameters', () => {
  const query = (d: string) => ({ name: 'sort', in: 'query', schema: { type: 'string', default: d } });
  assert.deepEqual(ids(diffDocs(withParams(query('name')), withParams(query('date')))), ['request-parameter-default-value-changed potentially-breaking']);
  const body = (d: number) => pets({ type: 'object', properties: { limit: { type: 'integer', default: d } } }, { type: 'object', properties: { limit: { type: 'integer', default: d } } });
  assert.deepEqual(ids(diffDocs(body(10), body(20))), ['request-property-default-value-changed potentially-breaking', 'response-property-default-value-changed non-breaking']);
  const path = (d: string) => api({ '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', default: d } }], responses: { '200': { description: 'ok' } } } } });
  assert.deepEqual(ids(diffDocs(path('a'), path('b'))), []);
});

test('an optional form/explode query parameter going from a scalar to an array of it is non-breaking', () => {
  const scalar = { name: 'tag', in: 'query', schema: { type: 'string', maxLength: 20 } };
  const array = { name: 'tag', in: 'query', schema: { type: 'array', items: { type: 'string', maxLength: 20 } } };
  assert.deepEqual(ids(diffDocs(withParams(scalar), withParams(array))), ['request-parameter-became-array non-breaking']);
  // Not the same items, not form/explode, or at least two values: still judged as a type change.
  const otherItems = { ...array, schema: { type: 'array', items: { type: 'integer' } } };
  assert.ok(diffDocs(withParams(scalar), withParams(otherItems)).summary.breaking > 0);
  const csv = { ...array, explode: false };
  assert.ok(diffDocs(withParams(scalar), withParams(csv)).summary.breaking > 0);
  const two = { ...array, schema: { ...array.schema, minItems: 2 } };
  assert.ok(diffDocs(withParams(scalar), withParams(two)).summary.breaking > 0);
  const required = { ...array, required: true };
  assert.ok(diffDocs(withParams({ ...scalar, required: true }), withParams(required)).summary.breaking > 0);
});

test('explode or style changes on single-value schemas are no change; on arrays, or to label/matrix, they break', () => {
  const q = (extra: Record<string, unknown>, schema: unknown = { type: 'integer' }) => ({ name: 'page', in: 'query', schema, ...extra });
  assert.deepEqual(ids(diffDocs(withParams(q({})), withParams(q({ explode: false })))), []);
  assert.deepEqual(ids(diffDocs(withParams(q({})), withParams(q({ style: 'pipeDelimited' })))), []);
  const arr = { type: 'array', items: { type: 'integer' } };
  assert.deepEqual(ids(diffDocs(withParams(q({}, arr)), withParams(q({ explode: false }, arr)))), ['request-parameter-explode-changed breaking']);
  const path = (style?: string) => api({ '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, ...(style ? { style } : {}) }], responses: { '200': { description: 'ok' } } } } });
  assert.deepEqual(ids(diffDocs(path(), path('label'))), ['request-parameter-style-changed breaking']);
  assert.deepEqual(ids(diffDocs(path(), path('simple'))), []);
});
