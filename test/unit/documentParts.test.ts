import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { buildIndex } from '../../server/src/engine/openapi';
import { assembleDocument, documentParts, ENTRIES, PartIndexCache, partsIndex, sameRest } from '../../server/src/engine/openapi/documentParts';
import type { SpecFormat } from '../../server/src/engine/style/types';
import { openapiDirectory } from '../helpers/realSpecs';

/** The index lists, comparable (memo dropped). */
const lists = (index: ReturnType<typeof buildIndex>) => ({
  operations: index.operations,
  parameters: index.parameters,
  schemas: index.schemas,
  properties: index.properties,
  schemaNames: index.schemaNames,
});

const SPECS: Array<{ file: string; format: SpecFormat }> = [
  { file: 'asana.com.json', format: 'oas3.0' },
  { file: 'slack.com.json', format: 'oas3.0' },
  { file: 'meraki.com.json', format: 'oas2' },
];

for (const { file, format } of SPECS) {
  test(`the index assembled from parts equals the whole document's on ${file}`, (t) => {
    const full = path.join(openapiDirectory(), file);
    if (!existsSync(full)) return t.skip(`${file} not in the cache`);
    const doc = JSON.parse(readFileSync(full, 'utf8'));
    const parts = documentParts(doc, format)!;
    assert.ok(parts.entries.length > 20, 'the spec has entries');
    const cache = new PartIndexCache();
    assert.deepEqual(lists(partsIndex(parts, cache)), lists(buildIndex(doc, format)));
    // Edit one entry (copy-on-write): the next index reuses the others' and still equals a full build.
    const edited = { ...doc, paths: { ...doc.paths } };
    const first = Object.keys(edited.paths)[0];
    edited.paths[first] = { ...edited.paths[first], summary: 'edited' };
    const editedParts = documentParts(edited, format)!;
    assert.ok(sameRest(parts, editedParts), 'only an entry changed');
    assert.deepEqual(lists(partsIndex(editedParts, cache)), lists(buildIndex(edited, format)));
  });
}

test('parts of a document: entries of paths and schemas, the rest in order; assembling keeps the key order', () => {
  const doc = {
    openapi: '3.0.3',
    paths: { '/a/{id}': { get: {} }, '/b': {} },
    info: { title: 't' },
    components: { parameters: { p: {} }, schemas: { S: { type: 'object' }, T: {} }, responses: {} },
  };
  const parts = documentParts(doc, 'oas3.0')!;
  assert.deepEqual(parts.entries.map((e) => e.pointer), ['/paths/~1a~1{id}', '/paths/~1b', '/components/schemas/S', '/components/schemas/T']);
  assert.deepEqual(parts.rest.map((m) => [m.pointer, m.value === ENTRIES ? 'ENTRIES' : typeof m.value]), [
    ['/openapi', 'string'],
    ['/paths', 'ENTRIES'],
    ['/info', 'object'],
    ['/components', 'ENTRIES'],
    ['/components/parameters', 'object'],
    ['/components/schemas', 'ENTRIES'],
    ['/components/responses', 'object'],
  ]);
  const some = assembleDocument(parts, (e) => e.key === '/b' || e.key === 'T');
  assert.equal(JSON.stringify(some), JSON.stringify({ openapi: '3.0.3', paths: { '/b': {} }, info: { title: 't' }, components: { parameters: { p: {} }, schemas: { T: {} }, responses: {} } }));
  assert.equal(some.info, doc.info, 'the rest is shared, not copied');
  assert.equal(JSON.stringify(assembleDocument(parts, (e) => e.key === 'S', false)), JSON.stringify({ paths: {}, components: { schemas: { S: { type: 'object' } } } }));
  // Swagger 2.0 keeps its schemas under `definitions`; a `components` member is just rest there.
  const swagger = documentParts({ swagger: '2.0', definitions: { D: {} }, components: { schemas: { X: {} } } }, 'oas2')!;
  assert.deepEqual(swagger.entries.map((e) => e.pointer), ['/definitions/D']);
  // A key that would not survive a copy: no parts, the caller runs everything.
  assert.equal(documentParts(JSON.parse('{"paths": {"__proto__": {}}}'), 'oas3.0'), undefined);
  assert.equal(documentParts('not a document', 'oas3.0'), undefined);
});
