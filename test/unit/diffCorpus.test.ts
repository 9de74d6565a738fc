/**
 * Regressions found by scoring the engine against base/revision pairs modelled
 * on other diff tools' test suites (oasdiff, openapi-diff). Each case is a
 * small YAML pair written here, with the verdict the field agrees on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSpecs, type DiffResult } from '../../server/src/engine/diff';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';

const BASE_URI = 'file:///corpus/base.yaml';
const REV_URI = 'file:///corpus/revision.yaml';

function diffYaml(base: string, revision: string): DiffResult {
  const b = parseDocument(BASE_URI, base).value;
  const r = parseDocument(REV_URI, revision).value;
  return diffSpecs({ uri: BASE_URI, documents: new Map([[BASE_URI, b]]) }, { uri: REV_URI, documents: new Map([[REV_URI, r]]) }, { now: Date.parse('2025-01-01') });
}

const ids = (result: DiffResult) => result.changes.map((c) => `${c.id} ${c.level}`).sort();

const securedOp = (security: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /reports:
    get:
${security}
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    token: { type: http, scheme: bearer }
`;

test('dropping the only security requirement of an operation (anonymous access) breaks nobody', () => {
  const result = diffYaml(securedOp('      security:\n        - token: []'), securedOp(''));
  assert.equal(result.summary.breaking, 0, ids(result).join('\n'));
  assert.ok(result.changes.some((c) => c.id === 'api-security-removed-now-anonymous' && c.level === 'non-breaking'));
});

test('an empty security list on the operation also opens it to anonymous callers', () => {
  const result = diffYaml(securedOp('      security:\n        - token: []'), securedOp('      security: []'));
  assert.equal(result.summary.breaking, 0, ids(result).join('\n'));
});

test('removing the global requirement while anonymous access is allowed is not breaking', () => {
  const doc = (sec: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
${sec}
paths:
  /reports:
    get:
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    token: { type: http, scheme: bearer }
`;
  const result = diffYaml(doc('security:\n  - token: []'), doc(''));
  assert.deepEqual(ids(result), ['api-global-security-added non-breaking', 'api-global-security-removed-now-anonymous non-breaking']);
});

test('removing one alternative while authentication stays required is still breaking', () => {
  const result = diffYaml(securedOp('      security:\n        - token: []\n        - {}'.replace('        - {}', '        - basic: []')), securedOp('      security:\n        - token: []'));
  assert.ok(result.changes.some((c) => c.id === 'api-security-removed' && c.level === 'breaking'), ids(result).join('\n'));
});

test('adding anonymous access next to the old requirement is not breaking', () => {
  const result = diffYaml(securedOp('      security:\n        - token: []'), securedOp('      security:\n        - token: []\n        - {}'));
  assert.equal(result.summary.breaking, 0, ids(result).join('\n'));
});

const itemBody = (props: string, required: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /items:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [${required}]
              properties:
                name: { type: string }
${props}
      responses:
        '201': { description: created }
`;

test('a new required request property that has a default is breaking (issue 16: the default does not make it optional)', () => {
  const result = diffYaml(itemBody('', 'name'), itemBody("                color: { type: string, default: red }", 'name, color'));
  assert.deepEqual(ids(result), ['new-required-request-property-with-default breaking']);
});

test('a new required request property without a default stays breaking', () => {
  const result = diffYaml(itemBody('', 'name'), itemBody('                color: { type: string }', 'name, color'));
  assert.deepEqual(ids(result), ['new-required-request-property breaking']);
});

const orderBody = (schema: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
${schema}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
${schema.replace(/^/gm, '  ')}
`;
const flat = `              type: object
              required: [sku, qty]
              properties:
                sku: { type: string }
                qty: { type: integer }`;

test('a body replaced by a oneOf of new alternatives is one breaking restructuring per direction, not property removals', () => {
  const wrapped = `              oneOf:
                - type: object
                  required: [sku]
                  properties: { sku: { type: string } }
                - type: object
                  required: [bundle]
                  properties: { bundle: { type: string } }`;
  const result = diffYaml(orderBody(flat), orderBody(wrapped));
  assert.deepEqual(ids(result), ['request-body-wrapped-in-one-of breaking', 'response-body-wrapped-in-one-of breaking']);
});

test('a request body wrapped in a oneOf that keeps the old schema is potentially breaking', () => {
  const wrapped = `              oneOf:
                - type: object
                  required: [sku, qty]
                  properties:
                    sku: { type: string }
                    qty: { type: integer }
                - type: object
                  required: [bundle]
                  properties: { bundle: { type: string } }`;
  const result = diffYaml(orderBody(flat), orderBody(wrapped));
  assert.ok(result.changes.some((c) => c.id === 'request-body-wrapped-in-one-of-original-preserved' && c.level === 'potentially-breaking'), ids(result).join('\n'));
  assert.ok(!result.changes.some((c) => c.id === 'request-property-removed'));
});

// Pairs modelled on OpenAPITools/openapi-diff's backward-compatibility suite.

const schemeDoc = (scheme: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - auth: []
paths:
  /widgets:
    get:
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    auth:
${scheme}
`;

test('changing how clients authenticate (scheme type, HTTP scheme, OAuth or OpenID URLs) is breaking', () => {
  const cases: [string, string, string][] = [
    ['      type: http\n      scheme: basic', '      type: apiKey\n      in: header\n      name: X-Key', 'api-security-component-type-changed'],
    ['      type: http\n      scheme: basic', '      type: http\n      scheme: bearer', 'api-security-component-http-scheme-changed'],
    ['      type: openIdConnect\n      openIdConnectUrl: https://id.example.com/a', '      type: openIdConnect\n      openIdConnectUrl: https://id.example.com/b', 'api-security-component-openid-connect-url-changed'],
  ];
  const flow = (key: string, url: string) => `      type: oauth2\n      flows:\n        authorizationCode:\n          authorizationUrl: ${key === 'authorizationUrl' ? url : 'https://id.example.com/auth'}\n          tokenUrl: ${key === 'tokenUrl' ? url : 'https://id.example.com/token'}\n          refreshUrl: ${key === 'refreshUrl' ? url : 'https://id.example.com/refresh'}\n          scopes: {}`;
  for (const [key, id] of [['authorizationUrl', 'api-security-component-oauth-url-changed'], ['tokenUrl', 'api-security-component-oauth-token-url-changed'], ['refreshUrl', 'api-security-component-oauth-refresh-url-changed']]) {
    cases.push([flow(key, 'https://id.example.com/old'), flow(key, 'https://id.example.com/new'), id]);
  }
  for (const [before, after, id] of cases) {
    const result = diffYaml(schemeDoc(before), schemeDoc(after));
    assert.ok(result.changes.some((c) => c.id === id && c.level === 'breaking'), `${id}: ${ids(result).join(', ')}`);
  }
  // scheme name spelled in another case is the same scheme
  assert.equal(diffYaml(schemeDoc('      type: http\n      scheme: Bearer'), schemeDoc('      type: http\n      scheme: bearer')).changes.length, 0);
  // bearerFormat is a documentation hint: reported, not breaking
  const hint = diffYaml(schemeDoc('      type: http\n      scheme: bearer\n      bearerFormat: JWT'), schemeDoc('      type: http\n      scheme: bearer\n      bearerFormat: opaque'));
  assert.deepEqual(ids(hint), ['api-security-component-bearer-format-changed potentially-breaking']);
});

const queryParam = (extra: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /widgets:
    get:
      parameters:
        - name: tag
          in: query
          schema: { type: string }
${extra}
      responses:
        '200': { description: ok }
`;

test('a query parameter that stops allowing empty values is breaking; allowing them is not', () => {
  const removed = diffYaml(queryParam('          allowEmptyValue: true'), queryParam(''));
  assert.deepEqual(ids(removed), ['request-parameter-allow-empty-value-removed breaking']);
  const setFalse = diffYaml(queryParam('          allowEmptyValue: true'), queryParam('          allowEmptyValue: false'));
  assert.deepEqual(ids(setFalse), ['request-parameter-allow-empty-value-removed breaking']);
  const added = diffYaml(queryParam(''), queryParam('          allowEmptyValue: true'));
  assert.deepEqual(ids(added), ['request-parameter-allow-empty-value-added non-breaking']);
});

const accessDoc = (reqProp: string, resProp: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /widgets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [id]
              properties:
                id: { type: string${reqProp} }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [secret]
                properties:
                  secret: { type: string${resProp} }
`;

test('readOnly/writeOnly: a required property clients must now send, or no longer receive, is breaking', () => {
  const notReadOnly = diffYaml(accessDoc(', readOnly: true', ''), accessDoc('', ''));
  assert.deepEqual(ids(notReadOnly), ['request-required-property-became-not-read-only breaking']);
  const writeOnly = diffYaml(accessDoc('', ''), accessDoc('', ', writeOnly: true'));
  assert.deepEqual(ids(writeOnly), ['response-required-property-became-write-only breaking']);
  // the reverse transitions relax the contract
  assert.equal(diffYaml(accessDoc('', ''), accessDoc(', readOnly: true', '')).summary.breaking, 0);
  // in 3.1 `required` applied to the readOnly property in requests too, so clients already send it (oasdiff: info)
  const as31 = (doc: string) => doc.replace('openapi: 3.0.3', 'openapi: 3.1.0');
  assert.deepEqual(ids(diffYaml(as31(accessDoc(', readOnly: true', '')), as31(accessDoc('', '')))), ['request-required-property-became-not-read-only-31 non-breaking']);
  // a required request property becoming read-only: what clients send is ignored or rejected (oasdiff: warning)
  assert.deepEqual(ids(diffYaml(accessDoc('', ''), accessDoc(', readOnly: true', ''))), ['request-required-property-became-read-only potentially-breaking']);
  assert.equal(diffYaml(accessDoc('', ', writeOnly: true'), accessDoc('', '')).summary.breaking, 0);
});

const petApi = (schema: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema: ${schema}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: ${schema}
components:
  schemas:
    Cat: { type: object, required: [name], properties: { name: { type: string }, meows: { type: boolean } } }
    Dog: { type: object, required: [name], properties: { name: { type: string }, barks: { type: boolean } } }
`;
const cat = "{ $ref: '#/components/schemas/Cat' }";
const alternatives = (key: string) => `{ ${key}: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ] }`;
const inProperty = (schema: string) => `{ type: object, properties: { pet: ${schema} } }`;

test('a body wrapped in anyOf is one restructuring change, not property removals', () => {
  const result = diffYaml(petApi(cat), petApi(alternatives('anyOf')));
  assert.deepEqual(ids(result), ['request-body-wrapped-in-any-of-original-preserved non-breaking', 'response-body-wrapped-in-any-of-original-preserved potentially-breaking']);
});

test('a response body wrapped in a oneOf that keeps the old schema is potentially breaking (oasdiff: warning)', () => {
  const result = diffYaml(petApi(cat), petApi(alternatives('oneOf')));
  assert.deepEqual(ids(result), ['request-body-wrapped-in-one-of-original-preserved potentially-breaking', 'response-body-wrapped-in-one-of-original-preserved potentially-breaking']);
});

test('a property wrapped in oneOf or anyOf is detected where it is, with the same levels as a body', () => {
  const one = diffYaml(petApi(inProperty(cat)), petApi(inProperty(alternatives('oneOf'))));
  assert.deepEqual(ids(one), ['request-property-wrapped-in-one-of-original-preserved potentially-breaking', 'response-property-wrapped-in-one-of-original-preserved potentially-breaking']);
  assert.ok(one.changes.every((c) => c.pointer.endsWith('/properties/pet/oneOf') || c.pointer.includes('/properties/pet/oneOf')), one.changes.map((c) => c.pointer).join('\n'));
  const dogOnly = `{ oneOf: [ { $ref: '#/components/schemas/Dog' }, { type: object, properties: { id: { type: integer } } } ] }`;
  const replaced = diffYaml(petApi(inProperty(cat)), petApi(inProperty(dogOnly)));
  assert.deepEqual(ids(replaced), ['request-property-wrapped-in-one-of breaking', 'response-property-wrapped-in-one-of breaking']);
  const any = diffYaml(petApi(inProperty(cat)), petApi(inProperty(alternatives('anyOf'))));
  assert.deepEqual(ids(any), ['request-property-wrapped-in-any-of-original-preserved non-breaking', 'response-property-wrapped-in-any-of-original-preserved potentially-breaking']);
});

test('a new required query parameter stays breaking even with a schema default (as oasdiff and openapi-diff report it)', () => {
  const result = diffYaml(queryParam(''), queryParam('').replace("      responses:", "        - name: page\n          in: query\n          required: true\n          schema: { type: integer, default: 1 }\n      responses:"));
  assert.deepEqual(ids(result), ['new-required-request-parameter breaking']);
});

/** One schema (YAML lines at indent 0) used as a 3.1 request body and as the response body. */
const inAndOut31 = (schema: string) => `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /things:
    post:
      requestBody:
        content:
          application/json:
            schema:
${schema.replace(/^/gm, '              ')}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
${schema.replace(/^/gm, '                ')}
`;
/** A 3.1 object with one property `kind` (`field`: its lines, indented 18 spaces as at the request's property). */
const nullableDoc = (field: string) =>
  `${inAndOut31(`type: object\nproperties:\n  kind:\n${field.replace(/^ {14}/gm, '')}`)}components:
  schemas:
    Kind: { type: string, enum: [a, b] }
`;

test('oneOf/anyOf [{type: null}, X] is X made nullable: one became-nullable, no type/enum/wrap artifacts', () => {
  const plain = "                  $ref: '#/components/schemas/Kind'";
  const wrapped = (key: string, nullFirst: boolean) => {
    const items = ["{ type: 'null' }", "{ $ref: '#/components/schemas/Kind' }"];
    if (!nullFirst) items.reverse();
    return `                  ${key}: [ ${items.join(', ')} ]`;
  };
  for (const key of ['oneOf', 'anyOf']) {
    for (const nullFirst of [true, false]) {
      const forward = diffYaml(nullableDoc(plain), nullableDoc(wrapped(key, nullFirst)));
      assert.deepEqual(ids(forward), ['request-property-became-nullable non-breaking', 'response-property-became-nullable breaking'], `${key} ${nullFirst}`);
      assert.ok(forward.changes.every((c) => c.pointer.endsWith(`/properties/kind/${key}`)), forward.changes.map((c) => c.pointer).join('\n'));
      const back = diffYaml(nullableDoc(wrapped(key, nullFirst)), nullableDoc(plain));
      assert.deepEqual(ids(back), ['request-property-became-not-nullable breaking', 'response-property-became-not-nullable non-breaking']);
    }
  }
  // the 3.1 type-array form is the same thing: moving between the two forms is no change
  const typeArray = "                  type: [string, 'null']\n                  enum: [a, b, null]";
  const viaWrap = "                  oneOf: [ { type: 'null' }, { type: string, enum: [a, b] } ]";
  assert.equal(diffYaml(nullableDoc(typeArray), nullableDoc(viaWrap)).summary.breaking, 0);
});

/** An object schema with `extra` keyword lines. */
const both31 = (extra: string) => inAndOut31(`type: object\nproperties: { a: { type: string }, b: { type: string } }\n${extra}`);

test('JSON Schema 2020-12 constraint keywords: added breaks requests, removed breaks responses (oasdiff levels)', () => {
  const cases: Array<[string, string]> = [
    ['dependentRequired: { a: [b] }', 'dependent-required'],
    ['dependentSchemas: { a: { required: [b] } }', 'dependent-schema'],
    ["patternProperties: { '^x-': { type: string } }", 'pattern-property'],
    ['propertyNames: { maxLength: 3 }', 'property-names'],
    ['unevaluatedProperties: false', 'unevaluated-properties'],
    ['if: { required: [a] }\nthen: { required: [b] }', 'if'],
  ];
  for (const [kw, name] of cases) {
    const added = diffYaml(both31('x-none: 1'), both31(kw));
    assert.ok(ids(added).includes(`request-body-${name}-added breaking`), `${name}: ${ids(added).join(', ')}`);
    assert.ok(ids(added).includes(`response-body-${name}-added non-breaking`), `${name}: ${ids(added).join(', ')}`);
    const removed = diffYaml(both31(kw), both31('x-none: 1'));
    assert.ok(ids(removed).includes(`request-body-${name}-removed non-breaking`), `${name}: ${ids(removed).join(', ')}`);
    assert.ok(ids(removed).includes(`response-body-${name}-removed breaking`), `${name}: ${ids(removed).join(', ')}`);
  }
  const changed = diffYaml(both31('dependentRequired: { a: [b] }'), both31('dependentRequired: { a: [b, c] }'));
  assert.deepEqual(ids(changed), ['request-body-dependent-required-changed breaking', 'response-body-dependent-required-changed breaking']);
  assert.equal(diffYaml(both31('dependentRequired: { a: [b] }'), both31('dependentRequired: { a: [b] }')).changes.length, 0);
});

test('contains and its bounds, and contentMediaType/contentEncoding/contentSchema on a property', () => {
  const arr = (extra: string) => both31(`properties:\n  a: { type: string }\n  list:\n    type: array\n${extra.replace(/^/gm, '    ')}`);
  const up = diffYaml(arr('contains: { type: integer }\nminContains: 1\nmaxContains: 3'), arr('contains: { type: integer }\nminContains: 2\nmaxContains: 4'));
  assert.deepEqual(ids(up), [
    'request-property-max-contains-increased non-breaking',
    'request-property-min-contains-increased breaking',
    'response-property-max-contains-increased breaking',
    'response-property-min-contains-increased non-breaking',
  ]);
  const added = diffYaml(arr('items: { type: string }'), arr('items: { type: string }\ncontains: { type: string }'));
  assert.deepEqual(ids(added), ['request-property-contains-added breaking', 'response-property-contains-added non-breaking']);
  const content = (extra: string) => both31(`properties:\n  data:\n    type: string\n${extra.replace(/^/gm, '    ')}`);
  const c = diffYaml(content('contentMediaType: application/json\ncontentEncoding: base64'), content('contentMediaType: text/plain\ncontentEncoding: base64\ncontentSchema: { type: string }'));
  assert.deepEqual(ids(c), [
    'request-property-content-media-type-changed breaking',
    'request-property-content-schema-added breaking',
    'response-property-content-media-type-changed breaking',
    'response-property-content-schema-added non-breaking',
  ]);
});

/** An array schema (flow-style keywords) used as a 3.1 request body and response body. */
const array31 = (schema: string) => inAndOut31(`{ type: array, ${schema} }`);

test('prefixItems positions and items: false closing a tuple', () => {
  const added = diffYaml(array31('prefixItems: [ { type: string } ]'), array31('prefixItems: [ { type: string }, { type: integer } ]'));
  assert.deepEqual(ids(added), ['request-body-prefix-items-added non-breaking', 'response-body-prefix-items-added breaking']);
  const open = array31('prefixItems: [ { type: string } ]');
  const closed = array31('prefixItems: [ { type: string } ], items: false');
  assert.deepEqual(ids(diffYaml(open, closed)), ['request-property-schema-became-false breaking', 'response-property-schema-became-false non-breaking']);
  assert.deepEqual(ids(diffYaml(closed, open)), ['request-property-schema-became-not-false non-breaking', 'response-property-schema-became-not-false breaking']);
});

test('changes inside not and then subschemas are compared (oasdiff traverses them in the same direction)', () => {
  const inner = (maxLength: number, req: string) => `not:\n  required: [${req}]\n  properties:\n    a: { type: string, maxLength: ${maxLength} }\n    ${req}: { type: string }`;
  const result = diffYaml(both31(inner(10, 'b')), both31(inner(5, 'c')));
  const found = ids(result);
  for (const id of ['request-property-max-length-decreased breaking', 'new-required-request-property breaking', 'request-property-removed potentially-breaking']) assert.ok(found.includes(id), found.join(', '));
  assert.ok(result.changes.some((c) => c.pointer.includes('/not/properties/a/maxLength')));
  const then = (min: number) => `if: { required: [a] }\nthen:\n  properties:\n    b: { type: integer, minimum: ${min} }`;
  assert.ok(ids(diffYaml(both31(then(1)), both31(then(5)))).includes('request-property-min-increased breaking'));
});

test('an enum dropped entirely widens requests and breaks a response body (response-mediatype-enum-removed)', () => {
  const doc = (enumLine: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /mode:
    put:
      requestBody:
        content:
          text/plain:
            schema: { type: string${enumLine} }
      responses:
        '200':
          description: ok
          content:
            text/plain:
              schema: { type: string${enumLine} }
`;
  assert.deepEqual(ids(diffYaml(doc(', enum: [fast, slow]'), doc(''))), ['request-body-enum-removed non-breaking', 'response-mediatype-enum-removed breaking']);
});

test('a body or parameter schema replaced by false is one transition, not keyword echoes; schema: true is no schema', () => {
  const doc = (param: string, bodyMedia: string, respMedia: string) => `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /things:
    post:
      parameters:
        - { name: q, in: query, schema: ${param} }
      requestBody:
        content:
          application/json: ${bodyMedia}
      responses:
        '200':
          description: ok
          content:
            application/json: ${respMedia}
`;
  const open = doc('{ type: string }', '{ schema: { type: object, required: [a], properties: { a: { type: string, enum: [x] } } } }', '{ schema: { type: object } }');
  const closed = doc('false', '{ schema: false }', '{ schema: false }');
  assert.deepEqual(ids(diffYaml(open, closed)), ['request-body-schema-became-false breaking', 'request-parameter-schema-became-false breaking', 'response-body-schema-became-false breaking']);
  assert.deepEqual(ids(diffYaml(closed, open)), ['request-body-schema-became-not-false non-breaking', 'request-parameter-schema-became-not-false non-breaking', 'response-body-schema-became-not-false non-breaking']);
  const none = doc('{ type: string }', '{}', '{}');
  assert.deepEqual(ids(diffYaml(none, doc('{ type: string }', '{ schema: false }', '{ schema: false }'))), ['request-body-schema-became-false breaking', 'response-body-schema-became-false breaking']);
  assert.deepEqual(ids(diffYaml(none, doc('{ type: string }', '{ schema: true }', '{ schema: true }'))), []);
  assert.deepEqual(ids(diffYaml(doc('{ type: string }', '{ schema: true }', '{ schema: true }'), none)), []);
});

test('prefixItems positions that repeat the items schema are no change; changes inside additionalProperties values are reported', () => {
  assert.deepEqual(ids(diffYaml(array31('items: { type: string }'), array31('items: { type: string }, prefixItems: [ { type: string } ]'))), []);
  const dict = (required: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /entries:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                additionalProperties: { type: object, required: [${required}], properties: { id: { type: integer }, kind: { type: string } } }
`;
  assert.deepEqual(ids(diffYaml(dict('id, kind'), dict('id'))), ['response-property-became-optional breaking']);
});

test('response media types: a rename to a more specific or general type, and parameter changes, are ordered (oasdiff levels)', () => {
  const doc = (types: string[]) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /groups:
    get:
      responses:
        '200':
          description: ok
          content:
${types.map((t) => `            '${t}': { schema: { type: object, properties: { id: { type: string } } } }`).join('\n')}
`;
  const cases: Array<[string[], string[], string[]]> = [
    [['application/json'], ['application/problem+json'], ['response-media-type-name-specialized non-breaking']],
    [['application/problem+json'], ['application/json'], ['response-media-type-name-generalized breaking']],
    [['*/*'], ['application/json'], ['response-media-type-name-specialized non-breaking']],
    [['application/json'], ['application/problem+json;q=1'], ['response-media-type-name-changed potentially-breaking']],
    [['application/json'], ['application/json; charset=utf-8'], ['response-media-type-parameter-added non-breaking']],
    [['application/json; charset=utf-8'], ['application/json'], ['response-media-type-parameter-removed breaking']],
    [['application/json; charset=utf-8'], ['application/json; charset="utf-16"'], ['response-media-type-parameter-changed breaking']],
    [['application/json; charset=utf-8'], ['application/json;charset="utf-8"'], []],
    [['application/json'], ['application/xml'], ['response-media-type-added non-breaking', 'response-media-type-removed breaking']],
  ];
  for (const [from, to, expected] of cases) assert.deepEqual(ids(diffYaml(doc(from), doc(to))), expected, `${from} -> ${to}`);
  // the renamed media type's schemas are still compared
  const changed = diffYaml(doc(['application/json']), doc(['application/problem+json']).replace('id: { type: string }', 'id: { type: integer }'));
  assert.ok(ids(changed).includes('response-property-type-changed breaking'), ids(changed).join(', '));
});

test('a global security requirement added while every operation declares its own security locks nobody out', () => {
  const doc = (global: boolean, pets: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
${global ? 'security:\n  - key: []\n' : ''}paths:
  /pets:
    get:
${pets}      responses:
        '200': { description: ok }
  /health:
    get:
      security: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`;
  const own = '      security:\n        - key: []\n';
  assert.deepEqual(ids(diffYaml(doc(false, own), doc(true, own))), ['api-global-security-added non-breaking']);
  assert.deepEqual(ids(diffYaml(doc(false, '      security: []\n'), doc(true, '      security: []\n'))), ['api-global-security-added non-breaking']);
  // an operation that inherits it is locked out of anonymous access
  assert.ok(diffYaml(doc(false, ''), doc(true, '')).summary.breaking > 0);
});

test('x-stability-level: draft and alpha operations are not checked, a decreased level is breaking, an unknown level is an error', () => {
  const doc = (level: string | undefined, op = '') => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /test:
    get:
${level ? `      x-stability-level: ${level}\n` : ''}${op}      responses:
        '200': { description: ok }
`;
  const param = '      parameters:\n        - { name: q, in: query, required: true, schema: { type: string } }\n';
  assert.deepEqual(ids(diffYaml(doc('alpha'), doc('alpha', param))), []);
  assert.deepEqual(ids(diffYaml(doc('draft'), doc(undefined, param))), []);
  assert.deepEqual(ids(diffYaml(doc('beta'), doc('beta', param))), ['new-required-request-parameter breaking']);
  assert.deepEqual(ids(diffYaml(doc('beta'), doc('alpha'))), ['api-stability-decreased breaking']);
  assert.deepEqual(ids(diffYaml(doc(undefined), doc('draft'))), ['api-stability-decreased breaking']);
  assert.deepEqual(ids(diffYaml(doc('alpha'), doc('beta'))), []);
  assert.deepEqual(ids(diffYaml(doc(undefined), doc('experimental'))), ['api-invalid-stability-level breaking']);
  const gone = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n`;
  assert.deepEqual(ids(diffYaml(doc('alpha'), gone)), []);
  assert.ok(diffYaml(doc('beta'), gone).summary.breaking > 0);
});

test('OpenAPI 3.2 itemSchema of a streamed media type is compared like a body schema', () => {
  const doc = (type: string) => `openapi: 3.2.0
info: { title: t, version: '1' }
paths:
  /stream:
    post:
      requestBody:
        content:
          application/jsonl:
            itemSchema: { type: object, properties: { id: { type: ${type} } } }
      responses:
        '200':
          description: ok
          content:
            application/jsonl:
              itemSchema: { type: object, properties: { id: { type: ${type} } } }
`;
  assert.deepEqual(ids(diffYaml(doc('string'), doc('integer'))), ['request-property-type-changed breaking', 'response-property-type-changed breaking']);
});
