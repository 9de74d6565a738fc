import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CODEOWNERS_PATTERN_RULE, parseCodeOwners } from '../../server/src/engine/catalog/codeowners';

test('the last matching line wins, with gitignore anchoring and directory patterns', () => {
  const owners = parseCodeOwners([
    '* @acme/platform',
    '/specs/ @acme/api-guild',
    'orders/ @acme/orders',
    '*.json @acme/json-people',
    '/specs/legacy/*.yaml @alice',
    'docs/**/catalog-info.yaml owner@example.com',
  ].join('\n'));
  assert.deepEqual(owners.ownersOf('README.md'), ['@acme/platform']);
  assert.deepEqual(owners.ownersOf('specs/billing.yaml'), ['@acme/api-guild']);
  assert.deepEqual(owners.ownersOf('specs/orders/openapi.yaml'), ['@acme/orders'], 'unanchored directory pattern matches at any depth');
  assert.deepEqual(owners.ownersOf('specs/orders/openapi.json'), ['@acme/json-people']);
  assert.deepEqual(owners.ownersOf('specs/legacy/v1.yaml'), ['@alice']);
  assert.deepEqual(owners.ownersOf('specs/legacy/deep/v1.yaml'), ['@acme/api-guild'], '* does not cross a slash');
  assert.deepEqual(owners.ownersOf('docs/a/b/catalog-info.yaml'), ['owner@example.com']);
  assert.deepEqual(owners.diagnostics, []);
});

test('a line without owners un-owns; GitLab sections lend their default owners', () => {
  const owners = parseCodeOwners([
    '* @acme/platform',
    '/generated/',
    '^[Docs][2] @acme/writers',
    'docs/',
    '[APIs]',
    'specs/ @acme/apis',
  ].join('\n'));
  assert.deepEqual(owners.ownersOf('generated/x.yaml'), []);
  assert.deepEqual(owners.ownersOf('docs/guide.md'), ['@acme/writers']);
  assert.deepEqual(owners.ownersOf('specs/a.yaml'), ['@acme/apis']);
  assert.deepEqual(owners.diagnostics, []);
});

test('invalid patterns and owners give one diagnostic each, on their line, and are ignored', () => {
  const text = ['* @acme/platform', '!specs/ @acme/nobody', 'specs/[ab].yaml @acme/ab', 'specs/ not-an-owner', 'specs/c.yaml @acme/c'].join('\n');
  const owners = parseCodeOwners(text);
  assert.deepEqual(owners.diagnostics.map((d) => [d.code, d.range.start.line]), [
    [CODEOWNERS_PATTERN_RULE, 1], [CODEOWNERS_PATTERN_RULE, 2], [CODEOWNERS_PATTERN_RULE, 3],
  ]);
  assert.match(String(owners.diagnostics[0].message), /negation/);
  assert.match(String(owners.diagnostics[2].message), /not-an-owner/);
  assert.deepEqual(owners.ownersOf('specs/a.yaml'), ['@acme/platform']);
  assert.deepEqual(owners.ownersOf('specs/c.yaml'), ['@acme/c']);
});
