/**
 * Bug classes found by judging Specgate's verdicts against peers' suites (issue 16), each with fixtures written
 * here: Swagger 2.0 as a number, allOf equivalence, oneOf/anyOf next to content, relaxed security requirements,
 * match-everything patterns, operation-level servers, and messages that never print `undefined`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSpecs, type DiffResult } from '../../server/src/engine/diff';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';
import { CASES } from '../fixtures/diff/cases';
import { SCHEMA_CASES } from '../fixtures/diff/schemaCases';
import { api, diffDocs } from './diffHelpers';

const BASE_URI = 'file:///peer/base.yaml';
const REV_URI = 'file:///peer/revision.yaml';

function diffText(base: string, revision: string): DiffResult {
  const b = parseDocument(BASE_URI, base).value;
  const r = parseDocument(REV_URI, revision).value;
  return diffSpecs({ uri: BASE_URI, documents: new Map([[BASE_URI, b]]) }, { uri: REV_URI, documents: new Map([[REV_URI, r]]) }, { now: Date.parse('2025-01-01') });
}

const ids = (result: DiffResult) => result.changes.map((c) => `${c.id} ${c.level}`).sort();
const has = (result: DiffResult, id: string) => result.changes.some((c) => c.id === id);

test('swagger: 2.0 written as a number (unquoted YAML, JSON) is diffed as Swagger 2.0: hosts and response schemas', () => {
  const yaml = (host: string, maxLength: number) => `swagger: 2.0
info: { title: t, version: '1' }
host: ${host}
basePath: /v1
schemes: [https]
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          schema: { type: string, maxLength: ${maxLength} }
`;
  const result = diffText(yaml('api.example.com', 10), yaml('api2.example.com', 20));
  assert.ok(has(result, 'api-server-removed'), ids(result).join('\n'));
  assert.ok(result.changes.some((c) => c.id === 'response-body-max-length-increased' && c.level === 'breaking'), ids(result).join('\n'));
  // The same document as JSON, where 2.0 is a number too.
  const json = (maxLength: number) => JSON.stringify({ swagger: 2.0, info: { title: 't', version: '1' }, paths: { '/pets': { get: { responses: { '200': { description: 'ok', schema: { type: 'string', maxLength } } } } } } });
  assert.ok(has(diffText(json(10), json(20)), 'response-body-max-length-increased'));
});

/** POST /things takes and returns the given schema; components given separately. */
function roundTrip(schema: unknown, components: Record<string, unknown> = {}): Record<string, unknown> {
  const content = { 'application/json': { schema } };
  return api({ '/things': { post: { requestBody: { content }, responses: { '200': { description: 'ok', content } } } } }, { components: { schemas: components } });
}

const Base = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } };
const Named = { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { name: { type: 'string', maxLength: 100 } } }] };

test('allOf: inlining a multi-level chain into one schema with the same effective constraints is no change', () => {
  const chained = roundTrip({ allOf: [{ $ref: '#/components/schemas/Named' }] }, { Base, Named });
  const inlined = roundTrip({ type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 36 }, name: { type: 'string', maxLength: 100 } } }, { Base, Named });
  assert.deepEqual(ids(diffDocs(chained, inlined)), []);
  assert.deepEqual(ids(diffDocs(inlined, chained)), []);
});

test('allOf: wrapping a $ref in a one-element allOf next to a default, or adding an annotation-only member, is no breaking change', () => {
  const plain = roundTrip({ type: 'object', properties: { size: { $ref: '#/components/schemas/Size' } } }, { Size: { type: 'integer', maximum: 10 } });
  const wrapped = roundTrip({ type: 'object', properties: { size: { allOf: [{ $ref: '#/components/schemas/Size' }], default: 5 } } }, { Size: { type: 'integer', maximum: 10 } });
  const result = diffDocs(plain, wrapped);
  assert.equal(result.summary.breaking + result.summary.potentiallyBreaking, 0, ids(result).join('\n'));
  assert.ok(!has(result, 'request-property-all-of-added') && !has(result, 'response-property-all-of-added'));
  const annotated = roundTrip({ allOf: [{ $ref: '#/components/schemas/Base' }, { xml: { name: 'thing' }, description: 'A thing', 'x-internal': true }] }, { Base });
  const bare = roundTrip({ allOf: [{ $ref: '#/components/schemas/Base' }] }, { Base });
  assert.deepEqual(ids(diffDocs(bare, annotated)), []);
  assert.deepEqual(ids(diffDocs(annotated, bare)), []);
});

test('allOf: a member re-declaring an existing property with a stricter limit is reported', () => {
  const before = roundTrip({ allOf: [{ $ref: '#/components/schemas/Base' }] }, { Base });
  const stricter = roundTrip({ allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { id: { maxLength: 20 } } }] }, { Base });
  const result = diffDocs(before, stricter);
  const narrowed = result.changes.find((c) => c.id === 'request-property-max-length-decreased');
  assert.ok(narrowed, ids(result).join('\n'));
  assert.equal(narrowed.level, 'breaking');
  assert.equal(narrowed.pointer, '/paths/~1things/post/requestBody/content/application~1json/schema/allOf/1/properties/id/maxLength');
  assert.ok(result.changes.some((c) => c.id === 'request-body-all-of-added' && c.level === 'breaking'), ids(result).join('\n'));
  // Re-declaring it identically (or looser, which does not loosen anything) constrains nothing new.
  const same = roundTrip({ allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { id: { type: 'string', maxLength: 36 } } }] }, { Base });
  assert.deepEqual(ids(diffDocs(before, same)), []);
  const looser = roundTrip({ allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { id: { maxLength: 50 } } }] }, { Base });
  const loose = diffDocs(before, looser);
  assert.ok(!has(loose, 'request-property-max-length-increased'), ids(loose).join('\n'));
});

test('oneOf/anyOf added next to existing properties narrows requests; dropping it widens responses', () => {
  const props = { a: { type: 'string' }, b: { type: 'string' } };
  const open = roundTrip({ type: 'object', properties: props });
  const exclusive = roundTrip({ type: 'object', properties: props, oneOf: [{ required: ['a'] }, { required: ['b'] }] });
  const added = diffDocs(open, exclusive);
  assert.ok(added.changes.some((c) => c.id === 'request-body-one-of-list-added' && c.level === 'breaking'), ids(added).join('\n'));
  assert.ok(added.changes.some((c) => c.id === 'response-body-one-of-list-added' && c.level === 'non-breaking'));
  const dropped = diffDocs(exclusive, open);
  assert.ok(dropped.changes.some((c) => c.id === 'response-body-one-of-list-removed' && c.level === 'breaking'), ids(dropped).join('\n'));
  assert.ok(dropped.changes.some((c) => c.id === 'request-body-one-of-list-removed' && c.level === 'non-breaking'));
  // A scalar replaced by alternatives (no content kept) is not judged as a narrowing.
  const scalar = diffDocs(roundTrip({ type: 'string' }), roundTrip({ oneOf: [{ type: 'string' }, { type: 'integer' }] }));
  assert.ok(!has(scalar, 'request-body-one-of-list-added'), ids(scalar).join('\n'));
});

const secured = (security: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /reports:
    get:
      security:
${security}
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    token: { type: http, scheme: bearer }
    key: { type: apiKey, in: header, name: X-Key }
    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://a/token', scopes: { read: r, write: w } } } }
`;

test('a security requirement replaced by a subset of its schemes or scopes is a relaxation, not a removal', () => {
  const schemes = diffText(secured('        - token: []\n          key: []'), secured('        - token: []'));
  assert.deepEqual(ids(schemes), ['api-security-requirement-relaxed non-breaking']);
  assert.match(schemes.changes[0].message, /relaxed to token/);
  const scopes = diffText(secured('        - oauth: [read, write]\n          key: []'), secured('        - oauth: [read]'));
  assert.deepEqual(ids(scopes), ['api-security-requirement-relaxed non-breaking']);
  // Not a subset: another scheme is now needed, so clients are locked out.
  const other = diffText(secured('        - token: []\n          key: []'), secured('        - oauth: [read]'));
  assert.ok(other.changes.some((c) => c.id === 'api-security-removed' && c.level === 'breaking'), ids(other).join('\n'));
  // A scope more than before is no subset.
  const more = diffText(secured('        - oauth: [read]\n          key: []'), secured('        - oauth: [read, write]'));
  assert.ok(more.summary.breaking > 0, ids(more).join('\n'));
});

test("match-everything patterns ('', .*, ^.*$) are no pattern: going to a real one is a pattern added", () => {
  for (const everything of ['', '.*', '^.*$']) {
    const result = diffDocs(roundTrip({ type: 'string', pattern: everything }), roundTrip({ type: 'string', pattern: '^[a-z]+$' }));
    assert.ok(result.changes.some((c) => c.id === 'request-body-pattern-added' && c.level === 'breaking'), `${JSON.stringify(everything)}: ${ids(result).join(', ')}`);
    assert.ok(!has(result, 'request-body-pattern-changed'));
    assert.deepEqual(ids(diffDocs(roundTrip({ type: 'string', pattern: everything }), roundTrip({ type: 'string' }))), []);
  }
});

test('operation-level servers: a removed server is reported for the operation; inherited root servers are not repeated', () => {
  const doc = (opServers: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
servers: [{ url: 'https://api.example.com' }]
paths:
  /upload:
    post:
${opServers}
      responses:
        '200': { description: ok }
`;
  const removed = diffText(doc("      servers: [{ url: 'https://upload.example.com' }, { url: 'https://upload-eu.example.com' }]"), doc("      servers: [{ url: 'https://upload.example.com' }]"));
  const change = removed.changes.find((c) => c.id === 'api-server-removed');
  assert.ok(change, ids(removed).join('\n'));
  assert.equal(change.operation, 'POST /upload');
  assert.equal(change.pointer, '/paths/~1upload/post/servers/1');
  // Dropping the override falls back to the root list: the upload hosts are removed for this operation.
  const fallback = diffText(doc("      servers: [{ url: 'https://upload.example.com' }]"), doc(''));
  assert.ok(fallback.changes.some((c) => c.id === 'api-server-removed' && c.operation === 'POST /upload'), ids(fallback).join('\n'));
  assert.deepEqual(ids(diffText(doc(''), doc(''))), []);
});

test('no change message prints undefined: every fixture of every check, in both directions', () => {
  const pairs: Array<[unknown, unknown]> = CASES.map((c) => [c.base, c.revision]);
  for (const [b, r] of Object.values(SCHEMA_CASES)) {
    const embed = (s: unknown) => roundTrip({ type: 'object', properties: { p: s } });
    pairs.push([embed(b), embed(r)], [roundTrip(b), roundTrip(r)]);
  }
  // Keywords that appear or disappear on one side only.
  const scheme = (extra: Record<string, unknown>) => api({}, { components: { securitySchemes: { a: { type: 'http', scheme: 'bearer', ...extra } } } });
  pairs.push([scheme({}), scheme({ bearerFormat: 'JWT' })]);
  let messages = 0;
  for (const [b, r] of pairs) {
    for (const result of [diffDocs(b, r), diffDocs(r, b)]) {
      for (const c of result.changes) {
        messages++;
        assert.doesNotMatch(c.message, /undefined/, `${c.id}: ${c.message}`);
      }
    }
  }
  assert.ok(messages > 1000, `only ${messages} messages checked`);
});
