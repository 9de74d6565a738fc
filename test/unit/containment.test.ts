import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outsideReferenceRefusal, referenceRoot } from '../../server/src/engine/refs/containment';
import { loadSpecGraph } from '../../server/src/engine/refs';
import { Ruleset } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { runSpectral } from '../../server/src/engine/spectral/spectralRunner';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

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

test('Spectral: a $ref to an absolute path is never read outside the workspace, and its message names the path as written', async () => {
  const uri = 'file:///ws/api.yaml';
  const text = `openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '/etc/passwd#/root'\n`;
  const reads: string[] = [];
  const workspace = new InMemoryWorkspace({ [uri]: text, 'file:///etc/passwd': 'root: {type: string}\n' }, ['file:///ws']);
  const readFile = workspace.readFile.bind(workspace);
  workspace.readFile = async (u: string) => { reads.push(u); return readFile(u); };
  const byFile = await runSpectral(uri, text, new Ruleset({ extends: [[oas as never, 'recommended']] } as never), workspace, DEFAULT_SETTINGS);
  assert.ok(!reads.includes('file:///etc/passwd'), `read ${reads}`);
  const invalid = (byFile.get(uri) ?? []).filter((d) => d.code === 'invalid-ref');
  assert.equal(invalid.length, 1);
  assert.match(String(invalid[0].message), /^\$ref \/etc\/passwd: Spectral reads absolute paths from the referencing file's folder, and \/ws\/etc\/passwd does not exist/);
});
