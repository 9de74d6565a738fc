import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSpecs } from '../../server/src/engine/diff';

const spec = (security: unknown) => ({
  uri: 'file:///s.yaml',
  documents: new Map([['file:///s.yaml', { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { security, responses: { '200': { description: 'ok' } } } } } }]]),
});

test('alternatives that repeat a scheme with different scopes are not reported when unchanged', () => {
  const security = [{ oauth: ['read'] }, { oauth: ['read', 'write'] }, { key: [] }];
  assert.deepEqual(diffSpecs(spec(security), spec([...security].reverse())).changes, []);
});

test('a scope added to one of two alternatives of the same scheme is reported once, on that alternative', () => {
  const base = [{ oauth: ['read'] }, { oauth: ['admin'] }];
  const revision = [{ oauth: ['read'] }, { oauth: ['admin', 'audit'] }];
  const changes = diffSpecs(spec(base), spec(revision)).changes;
  assert.deepEqual(changes.map((c) => [c.id, c.pointer]), [['api-security-scope-added', '/paths/~1a/get/security/1']]);
});
