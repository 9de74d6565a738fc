/** Pure $ref utilities. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectExternalRefs, deref, getAtPointer, isRemoteUri, loadSpecGraph, resolveRefUri } from '../../server/src/engine/refs';

test('resolveRefUri: local, relative and absolute refs', () => {
  assert.deepEqual(resolveRefUri('#/components/schemas/A', 'file:///x/api.yaml'), { uri: 'file:///x/api.yaml', pointer: '/components/schemas/A' });
  assert.deepEqual(resolveRefUri('./schemas/a.yaml#/A', 'file:///x/api.yaml'), { uri: 'file:///x/schemas/a.yaml', pointer: '/A' });
  assert.deepEqual(resolveRefUri('../common.yaml', 'file:///x/y/api.yaml'), { uri: 'file:///x/common.yaml', pointer: '' });
  assert.deepEqual(resolveRefUri('other.json#/a~1b', '/repo/specs/api.json'), { uri: '/repo/specs/other.json', pointer: '/a~1b' });
  assert.deepEqual(resolveRefUri('https://example.com/s.yaml#/X', 'file:///x/api.yaml'), { uri: 'https://example.com/s.yaml', pointer: '/X' });
  assert.equal(resolveRefUri('#/a%20b', 'file:///x.yaml').pointer, '/a b');
});

test('isRemoteUri', () => {
  assert.equal(isRemoteUri('https://example.com/a.yaml'), true);
  assert.equal(isRemoteUri('file:///a.yaml'), false);
});

test('collectExternalRefs: deduped files, no fragments, no local refs', () => {
  const doc = { a: { $ref: './a.yaml#/X' }, b: [{ $ref: './a.yaml#/Y' }, { $ref: '#/local' }], c: { $ref: 'b.yaml' } };
  assert.deepEqual(collectExternalRefs(doc, 'file:///x/api.yaml'), ['file:///x/a.yaml', 'file:///x/b.yaml']);
});

test('collectExternalRefs with a cache: versions sharing subtrees give what a fresh walk gives', () => {
  const from = 'file:///x/api.yaml';
  const cache = new WeakMap();
  const v1 = {
    paths: { '/a': { get: { responses: { '200': { $ref: './responses.yaml#/Ok' } } } }, '/b': { get: {} } },
    components: { schemas: { S: { $ref: './s.yaml' }, T: { type: 'object' } } },
  };
  assert.deepEqual(collectExternalRefs(v1, from, cache), ['file:///x/responses.yaml', 'file:///x/s.yaml']);
  // An edit adds a ref inside /b (a new object); /a and the schemas are shared with v1 and come from the cache.
  const v2 = { ...v1, paths: { ...v1.paths, '/b': { get: { requestBody: { $ref: 'bodies.yaml#/B' } } } } };
  assert.deepEqual(collectExternalRefs(v2, from, cache), collectExternalRefs(structuredClone(v2), from));
  assert.deepEqual(collectExternalRefs(v2, from, cache), ['file:///x/responses.yaml', 'file:///x/bodies.yaml', 'file:///x/s.yaml']);
  // The same subtree read from another file resolves against that file.
  assert.deepEqual(collectExternalRefs(v2, 'file:///y/api.yaml', cache), ['file:///y/responses.yaml', 'file:///y/bodies.yaml', 'file:///y/s.yaml']);
  // The ref removed again: the cached subtrees do not bring it back.
  const v3 = { ...v2, paths: { ...v2.paths, '/b': { get: {} } }, components: { schemas: { T: v1.components.schemas.T } } };
  assert.deepEqual(collectExternalRefs(v3, from, cache), ['file:///x/responses.yaml']);
});

test('deref follows chains across documents and stops on cycles', () => {
  const docs = new Map<string, unknown>([
    ['file:///a.yaml', { A: { $ref: 'b.yaml#/B' }, L1: { $ref: '#/L2' }, L2: { $ref: '#/L1' } }],
    ['file:///b.yaml', { B: { type: 'string' } }],
  ]);
  const at = deref(docs, { uri: 'file:///a.yaml', pointer: '/A', node: getAtPointer(docs.get('file:///a.yaml'), '/A') });
  assert.deepEqual(at, { uri: 'file:///b.yaml', pointer: '/B', node: { type: 'string' } });
  const loop = deref(docs, { uri: 'file:///a.yaml', pointer: '/L1', node: { $ref: '#/L2' } });
  assert.ok((loop.node as { $ref?: string }).$ref);
});

test('loadSpecGraph loads reachable files once, reports missing and remote ones', async () => {
  const files: Record<string, unknown> = {
    'file:///x/b.yaml': { B: { $ref: './c.yaml#/C' }, back: { $ref: './api.yaml#/x' } },
    'file:///x/c.yaml': { C: { type: 'string' } },
  };
  const reads: string[] = [];
  const root = { a: { $ref: './b.yaml#/B' }, m: { $ref: './missing.yaml' }, r: { $ref: 'https://example.com/r.yaml' } };
  const graph = await loadSpecGraph('file:///x/api.yaml', root, async (uri) => {
    reads.push(uri);
    return files[uri];
  });
  assert.deepEqual([...graph.documents.keys()].sort(), ['file:///x/api.yaml', 'file:///x/b.yaml', 'file:///x/c.yaml']);
  assert.deepEqual(graph.missing.sort(), ['file:///x/missing.yaml', 'https://example.com/r.yaml']);
  assert.equal(reads.filter((u) => u === 'file:///x/b.yaml').length, 1);
});
