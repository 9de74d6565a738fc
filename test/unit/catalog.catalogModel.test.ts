import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { FileWorkspaceIndex } from '../../server/src/engine/workspace/workspaceIndex';
import { governanceSnapshot, sourceFromIndex } from '../../server/src/engine/catalog/governance';
import { CATALOG_DEFINITION_RULE, CATALOG_DUPLICATE_RULE, CATALOG_UNKNOWN_API_RULE, nameFromPath } from '../../server/src/engine/catalog/catalogModel';
import { CODEOWNERS_PATTERN_RULE } from '../../server/src/engine/catalog/codeowners';
import { governanceFiles } from '../helpers/governanceFixture';

const ROOT = 'file:///ws';

async function snapshotOf(changes: Record<string, string | null> = {}) {
  const files: Record<string, string> = {};
  for (const [rel, text] of Object.entries({ ...governanceFiles(), ...changes })) if (text !== null) files[`${ROOT}/${rel}`] = text;
  const index = new FileWorkspaceIndex(new InMemoryWorkspace(files, [ROOT]));
  await index.ready();
  return governanceSnapshot(sourceFromIndex(index, [ROOT]));
}

test('names from the path when no descriptor claims the file', () => {
  assert.equal(nameFromPath('file:///ws/specs/orders/openapi.yaml'), 'orders');
  assert.equal(nameFromPath('file:///ws/specs/billing.openapi.yaml'), 'billing');
  assert.equal(nameFromPath('file:///ws/specs/ledger-v2.json'), 'ledger-v2');
});

test('the fixture catalog: owners from Backstage and CODEOWNERS, consumers with their owners', async () => {
  const { catalog } = await snapshotOf();
  const summary = catalog.apis.map((a) => ({
    name: a.name, file: a.file?.slice(ROOT.length + 1), title: a.title, version: a.version, owner: a.owner, ownerSource: a.ownerSource,
    codeowners: a.codeowners, lifecycle: a.lifecycle, system: a.system, consumers: a.consumers,
  }));
  assert.deepEqual(summary, [
    { name: 'billing-api', file: 'billing/openapi.yaml', title: 'Billing API', version: '2.0.0', owner: 'billing-team', ownerSource: 'catalog',
      codeowners: ['@acme/billing', '@acme/finance'], lifecycle: 'experimental', system: 'shop', consumers: [{ name: 'storefront', owner: 'web-team' }] },
    { name: 'orders-api', file: 'orders/openapi.yaml', title: 'Orders', version: '1.4.0', owner: 'orders-team', ownerSource: 'catalog',
      codeowners: ['@acme/orders'], lifecycle: 'production', system: 'shop',
      consumers: [{ name: 'storefront', owner: 'web-team' }, { name: 'mobile-app', owner: 'mobile-team' }] },
    { name: 'shipping', file: 'shipping/shipping.openapi.yaml', title: 'Shipping API', version: '0.9.0', owner: '@acme/shipping', ownerSource: 'codeowners',
      codeowners: ['@acme/shipping'], lifecycle: undefined, system: undefined, consumers: [{ name: 'storefront', owner: 'web-team' }] },
  ]);
  for (const [uri, list] of catalog.diagnostics) assert.deepEqual(list, [], uri);
});

test('bad entries: one diagnostic on the file that has them, everything else still catalogued', async () => {
  const { catalog } = await snapshotOf({
    'storefront/catalog-info.yaml': [
      'kind: Component', 'metadata: { name: storefront }', 'spec: { owner: web-team, consumesApis: [orders-api, api:inventory-api] }',
      '---', 'kind: API', 'metadata: { name: orders-api }', 'spec: { owner: someone-else }',
      '---', 'kind: API', 'metadata: { name: remote-api }', 'spec: { owner: x, definition: { $text: "https://example.com/api.yaml" } }',
      '---', 'kind: API', 'metadata: { name: outside-api }', 'spec: { owner: x, definition: { $text: ../../elsewhere/api.yaml } }',
      '---', 'kind: API', 'metadata: { name: missing-api }', 'spec: { owner: x, definition: { $text: ./nope.yaml } }',
    ].join('\n'),
    '.github/CODEOWNERS': '* @acme/platform\n[unclosed.yaml @acme/x\nshipping/ @acme/shipping\n',
    'billing/catalog-info.yaml': 'kind: API\nmetadata: { name: billing-api\n',
  });
  const codes = (rel: string) => (catalog.diagnostics.get(`${ROOT}/${rel}`) ?? []).map((d) => [d.code, d.range.start.line]);
  assert.deepEqual(codes('storefront/catalog-info.yaml'), [
    [CATALOG_DUPLICATE_RULE, 5], [CATALOG_DEFINITION_RULE, 10], [CATALOG_DEFINITION_RULE, 14], [CATALOG_DEFINITION_RULE, 18], [CATALOG_UNKNOWN_API_RULE, 2],
  ]);
  assert.deepEqual(codes('.github/CODEOWNERS'), [[CODEOWNERS_PATTERN_RULE, 1]]);
  assert.equal(codes('billing/catalog-info.yaml').length, 1);
  const orders = catalog.apis.find((a) => a.name === 'orders-api')!;
  assert.equal(orders.owner, 'orders-team', 'the first descriptor wins a duplicate name');
  assert.deepEqual(orders.consumers.map((c) => c.name), ['storefront']);
  const billing = catalog.apis.find((a) => a.file === `${ROOT}/billing/openapi.yaml`)!;
  assert.deepEqual([billing.name, billing.owner], ['billing', '@acme/platform'], 'a broken descriptor falls back to path and CODEOWNERS');
  assert.ok(catalog.apis.some((a) => a.name === 'remote-api' && a.file === undefined));
});
