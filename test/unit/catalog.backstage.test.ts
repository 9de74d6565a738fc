import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiRefKey, CATALOG_ENTITY_RULE, CATALOG_SYNTAX_RULE, ownerName, parseCatalogFile } from '../../server/src/engine/catalog/backstage';

const URI = 'file:///ws/catalog-info.yaml';

test('entity references in their three forms', () => {
  assert.equal(apiRefKey('orders-api'), 'default/orders-api');
  assert.equal(apiRefKey('api:orders-api'), 'default/orders-api');
  assert.equal(apiRefKey('api:default/Orders-API'), 'default/orders-api');
  assert.equal(apiRefKey('api:payments/ledger'), 'payments/ledger');
  assert.equal(apiRefKey('component:storefront'), undefined);
  assert.equal(ownerName('group:default/web-team'), 'web-team');
  assert.equal(ownerName('user:alice'), 'alice');
});

test('multi-document descriptors: API definitions as $text, $json, inline and URL; components', () => {
  const file = parseCatalogFile(URI, [
    'apiVersion: backstage.io/v1alpha1', 'kind: API', 'metadata: { name: a, title: A }',
    'spec: { owner: team-a, lifecycle: production, system: s, definition: { $text: ./a.yaml } }',
    '---', 'apiVersion: backstage.io/v1alpha1', 'kind: API', 'metadata: { name: b }',
    'spec: { owner: team-b, definition: { $json: "../b.json" } }',
    '---', 'kind: API', 'metadata: { name: c }', 'spec: { definition: "openapi: 3.0.0" }',
    '---', 'kind: API', 'metadata: { name: d }', 'spec: { definition: { $text: "https://example.com/d.yaml" } }',
    '---', 'kind: Group', 'metadata: { name: team-a }', 'spec: { type: team }',
    '---', 'kind: Component', 'metadata: { name: web }', 'spec: { owner: web-team, consumesApis: [a, "api:b"], providesApis: [] }',
  ].join('\n'));
  assert.deepEqual(file.diagnostics, []);
  const [a, b, c, d, web] = file.entities;
  assert.ok(a.kind === 'API');
  assert.deepEqual({ ...a, nameRange: undefined, definition: { ...a.definition!, range: undefined } }, {
    kind: 'API', name: 'a', namespace: 'default', title: 'A', owner: 'team-a', lifecycle: 'production', system: 's',
    nameRange: undefined, definition: { kind: 'file', path: './a.yaml', range: undefined },
  });
  assert.deepEqual(b.kind === 'API' && b.definition?.kind === 'file' && b.definition.path, '../b.json');
  assert.equal(c.kind === 'API' && c.definition?.kind, 'inline');
  assert.equal(d.kind === 'API' && d.definition?.kind, 'url');
  assert.equal(web.kind, 'Component');
  assert.deepEqual(web.kind === 'Component' && web.consumesApis.map((r) => r.ref), ['a', 'api:b']);
});

test('bad YAML, missing spec, unknown kind and missing name: one diagnostic each, the rest is read', () => {
  const file = parseCatalogFile(URI, [
    'kind: API', 'metadata: { name: no-spec }',
    '---', 'kind: Widget', 'metadata: { name: w }', 'spec: {}',
    '---', 'kind: API', 'metadata: { title: nameless }', 'spec: { owner: x }',
    '---', 'kind: API', 'metadata: { name: broken', 'spec: [',
    '---', 'kind: API', 'metadata: { name: good }', 'spec: { owner: team-good }',
  ].join('\n'));
  assert.deepEqual(file.diagnostics.map((d) => [d.code, d.range.start.line]), [
    [CATALOG_ENTITY_RULE, 1], [CATALOG_ENTITY_RULE, 3], [CATALOG_ENTITY_RULE, 8], [CATALOG_SYNTAX_RULE, 13],
  ]);
  assert.match(String(file.diagnostics[0].message), /no-spec.*has no spec/);
  assert.match(String(file.diagnostics[1].message), /Unknown kind "Widget"/);
  assert.deepEqual(file.entities.map((e) => e.name), ['good']);
});
