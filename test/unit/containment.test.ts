import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outsideReferenceRefusal, referenceRoot } from '../../server/src/engine/refs/containment';
import { loadSpecGraph } from '../../server/src/engine/refs';

test('local references stay inside the workspace folder holding the spec, or the spec folder', () => {
  const folders = ['file:///ws', 'file:///other'];
  assert.equal(referenceRoot('file:///ws/specs/a.yaml', folders), 'file:///ws');
  assert.equal(referenceRoot('file:///tmp/x/a.yaml', folders), 'file:///tmp/x');
  assert.equal(outsideReferenceRefusal('file:///ws/common/b.yaml', 'file:///ws', false), undefined);
  assert.equal(outsideReferenceRefusal('file:///wsx/b.yaml', 'file:///ws', true), undefined, 'allowed by the setting');
  assert.match(outsideReferenceRefusal('file:///wsx/b.yaml', 'file:///ws', false)!, /leaves the workspace/, 'a sibling folder sharing the prefix is outside');
  assert.match(outsideReferenceRefusal('file:///etc/passwd', 'file:///ws', false)!, /\/etc\/passwd leaves the workspace \(\/ws\)/);
  assert.equal(outsideReferenceRefusal('https://example.com/x.yaml', 'file:///ws', false), undefined, 'remote references have their own setting');
});

test('the $ref graph loader never reads a refused file', async () => {
  const reads: string[] = [];
  const graph = await loadSpecGraph('file:///ws/a.yaml', { x: { $ref: '../secret.yaml#/k' }, y: { $ref: './b.yaml' } }, async (uri) => {
    reads.push(uri);
    return {};
  }, { mayRead: (uri) => outsideReferenceRefusal(uri, 'file:///ws', false) === undefined });
  assert.deepEqual(reads, ['file:///ws/b.yaml']);
  assert.deepEqual(graph.missing, ['file:///secret.yaml']);
});
