import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { FileWorkspaceIndex } from '../../server/src/engine/workspace/workspaceIndex';
import { crossApiDiagnostics, governanceSnapshot, sourceFromIndex } from '../../server/src/engine/catalog/governance';
import { CROSS_API_NAMING_RULE, CROSS_API_SHARED_SCHEMA_RULE, CROSS_API_TYPES_RULE } from '../../server/src/engine/rules/crossApi/crossApiRules';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/engine/settings';
import { governanceFiles } from '../helpers/governanceFixture';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_DEFINITION_RULE, CATALOG_DUPLICATE_RULE, CATALOG_UNKNOWN_API_RULE } from '../../server/src/engine/catalog/catalogModel';
import { CATALOG_ENTITY_RULE, CATALOG_SYNTAX_RULE } from '../../server/src/engine/catalog/backstage';
import { CODEOWNERS_PATTERN_RULE } from '../../server/src/engine/catalog/codeowners';

const ROOT = 'file:///ws';
const SHIPPING = `${ROOT}/shipping/shipping.openapi.yaml`;

async function diagnosticsOf(changes: Record<string, string | null> = {}, settings = DEFAULT_SETTINGS) {
  const files: Record<string, string> = {};
  for (const [rel, text] of Object.entries({ ...governanceFiles(), ...changes })) if (text !== null) files[`${ROOT}/${rel}`] = text;
  const index = new FileWorkspaceIndex(new InMemoryWorkspace(files, [ROOT]));
  await index.ready();
  return crossApiDiagnostics(await governanceSnapshot(sourceFromIndex(index, [ROOT])), settings);
}

const summary = (list: Awaited<ReturnType<typeof diagnosticsOf>>) =>
  [...list].flatMap(([uri, ds]) => ds.map((d) => ({ file: uri.slice(ROOT.length + 1), code: d.code, line: d.range.start.line, related: d.relatedInformation?.map((r) => `${r.location.uri.slice(ROOT.length + 1)}:${r.location.range.start.line}`) })));

test('the outlier API gets each inconsistency, naming the others and pointing at their nodes', async () => {
  const byFile = await diagnosticsOf();
  assert.deepEqual([...byFile.keys()], [SHIPPING], 'only the outlier has findings');
  assert.deepEqual(summary(byFile).sort((a, b) => a.line - b.line || String(a.code).localeCompare(String(b.code))), [
    { file: 'shipping/shipping.openapi.yaml', code: CROSS_API_NAMING_RULE, line: 35, related: ['billing/catalog-info.yaml'.replace('catalog-info', 'openapi') + ':35', 'orders/openapi.yaml:35'].sort() },
    { file: 'shipping/shipping.openapi.yaml', code: CROSS_API_NAMING_RULE, line: 37, related: ['billing/openapi.yaml:37', 'orders/openapi.yaml:37'] },
    { file: 'shipping/shipping.openapi.yaml', code: CROSS_API_TYPES_RULE, line: 37, related: ['billing/openapi.yaml:37', 'orders/openapi.yaml:37'] },
    { file: 'shipping/shipping.openapi.yaml', code: CROSS_API_TYPES_RULE, line: 41, related: ['billing/openapi.yaml:40', 'orders/openapi.yaml:40'] },
    { file: 'shipping/shipping.openapi.yaml', code: CROSS_API_SHARED_SCHEMA_RULE, line: 43, related: ['billing/openapi.yaml:42', 'orders/openapi.yaml:42'] },
  ]);
  const messages = byFile.get(SHIPPING)!.map((d) => String(d.message));
  assert.ok(messages.includes('"customer_id" is the same concept as "customerId" in billing-api, orders-api; "customerId" is the majority convention (2 of 3 APIs). Rename "customer_id" to match.'), messages.join('\n'));
  assert.ok(messages.includes('"creationDate" is type integer with format int64 here but type string with format date-time in billing-api, orders-api; type string with format date-time is the majority convention (2 of 3 APIs).'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('Schema "Error" differs from "Error" in billing-api, orders-api, the majority convention (2 of 3 APIs): "code" is integer here, string there; required is [message] here, [code, message] there')), messages.join('\n'));
});

test('a tie is decided by the glossary, or not at all', async () => {
  // Two APIs only: createdAt vs creation_date is a 1:1 tie; the glossary prefers createdAt.
  // customerId vs customer_id is a tie the glossary has no word on: no finding.
  const byFile = await diagnosticsOf({ 'billing/openapi.yaml': null, 'billing/catalog-info.yaml': null,
    'shipping/shipping.openapi.yaml': governanceFiles()['shipping/shipping.openapi.yaml'].replace('creationDate:\n          type: integer\n          format: int64', 'creation_date:\n          type: string\n          format: date-time') });
  const naming = [...byFile.values()].flat().filter((d) => d.code === CROSS_API_NAMING_RULE);
  assert.deepEqual(naming.map((d) => d.message), [
    '"creation_date" is the same concept as "createdAt" in orders-api; "createdAt" is the glossary\'s preferred form (the APIs are split 1 to 1). Rename "creation_date" to match.',
  ]);
});

test('the conventions file overrides the majority and says so', async () => {
  const byFile = await diagnosticsOf({
    '.specgate/conventions.yaml': 'propertyCasing: snake_case\ntypes:\n  totalAmount: { type: string }\nschemas:\n  Error: shipping\n',
  });
  const all = summary(byFile);
  assert.ok(all.some((f) => f.file === 'orders/openapi.yaml' && f.code === CROSS_API_NAMING_RULE && f.line === 35), JSON.stringify(all));
  assert.ok(all.some((f) => f.file === 'orders/openapi.yaml' && f.code === CROSS_API_TYPES_RULE && f.line === 40));
  assert.ok(all.some((f) => f.file === 'billing/openapi.yaml' && f.code === CROSS_API_SHARED_SCHEMA_RULE));
  const orderMessages = byFile.get(`${ROOT}/orders/openapi.yaml`)!.map((d) => String(d.message));
  assert.ok(orderMessages.some((m) => m.includes('"customer_id" is the convention set in .specgate/conventions.yaml')), orderMessages.join('\n'));
  assert.ok(!all.some((f) => f.file === 'shipping/shipping.openapi.yaml' && f.code === CROSS_API_SHARED_SCHEMA_RULE));
});

test('rules can be switched off; a single API has no cross-API findings', async () => {
  const off = await diagnosticsOf({}, mergeSettings({ rules: { [CROSS_API_NAMING_RULE]: 'off', [CROSS_API_TYPES_RULE]: 'off' } }));
  assert.deepEqual(summary(off).map((f) => f.code), [CROSS_API_SHARED_SCHEMA_RULE]);
  const alone = await diagnosticsOf({ 'orders/openapi.yaml': null, 'billing/openapi.yaml': null });
  assert.equal(alone.size, 0);
});

test('every governance finding id is documented and listed', () => {
  const root = path.resolve(__dirname, '../../..');
  const index = fs.readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8');
  for (const id of [CROSS_API_NAMING_RULE, CROSS_API_TYPES_RULE, CROSS_API_SHARED_SCHEMA_RULE, CATALOG_SYNTAX_RULE, CATALOG_ENTITY_RULE,
    CATALOG_DEFINITION_RULE, CATALOG_DUPLICATE_RULE, CATALOG_UNKNOWN_API_RULE, CODEOWNERS_PATTERN_RULE]) {
    const doc = fs.readFileSync(path.join(root, 'docs/rules', `${id}.md`), 'utf8');
    assert.match(doc, new RegExp(`^# ${id}\\n`));
    for (const section of ['## What it catches', '## Why it matters', '## How to fix', '## What it leaves alone']) assert.ok(doc.includes(section), `${id}: ${section}`);
    assert.ok(index.includes(`[${id}](${id}.md)`), `${id} listed in docs/rules/README.md`);
  }
});

test('precision guards from the real-spec sample: more precise formats, APIs using both spellings, form fields', async () => {
  const shipping = governanceFiles()['shipping/shipping.openapi.yaml'];
  // shipping's totalAmount is a number with a format: more precise than the convention, not reported.
  const precise = await diagnosticsOf({ 'shipping/shipping.openapi.yaml': shipping.replace('totalAmount:\n          type: string', 'totalAmount:\n          type: number\n          format: double') });
  assert.ok(!summary(precise).some((f) => f.code === CROSS_API_TYPES_RULE && f.line === 41), JSON.stringify(summary(precise)));
  // shipping also says customerId somewhere: its customer_id is its own inconsistency, not a cross-API one.
  const both = await diagnosticsOf({ 'shipping/shipping.openapi.yaml': shipping.replace('        totalAmount:\n', '        parcel:\n          type: object\n          properties:\n            customerId:\n              type: string\n        totalAmount:\n') });
  assert.ok(!summary(both).some((f) => f.code === CROSS_API_NAMING_RULE && f.line === 35), JSON.stringify(summary(both)));
  // Form fields (Twilio names them PascalCase, its JSON snake_case) are not compared with JSON properties.
  const form = await diagnosticsOf({ 'shipping/shipping.openapi.yaml': shipping.replace('  /shipments/{shipmentId}:\n', [
    '  /shipments:', '    post:', '      requestBody:', '        content:', '          application/x-www-form-urlencoded:', '            schema:',
    '              type: object', '              properties:', '                CustomerId: { type: string }', '      responses:', "        '201': { description: created }",
    '  /shipments/{shipmentId}:', ''].join('\n')) });
  assert.ok(!summary(form).some((f) => f.code === CROSS_API_NAMING_RULE && f.line < 20), JSON.stringify(summary(form)));
  assert.equal(summary(form).filter((f) => f.code === CROSS_API_NAMING_RULE).length, 2, 'the JSON findings remain');
});

test('versions of one API (same title) are one voice: v2 fixing a name does not make v1 a cross-API outlier', async () => {
  const shipping = governanceFiles()['shipping/shipping.openapi.yaml'];
  const byFile = await diagnosticsOf({ 'shipping/v2/shipping.openapi.yaml': shipping.replace('customer_id:', 'customerId:') });
  const naming = summary(byFile).filter((f) => f.code === CROSS_API_NAMING_RULE);
  assert.ok(!naming.some((f) => f.line === 35), JSON.stringify(naming));
  assert.ok(naming.some((f) => f.file === 'shipping/shipping.openapi.yaml' && f.line === 37), 'creationDate is still an outlier against the other teams');
  const types = byFile.get(SHIPPING)!.filter((d) => d.code === CROSS_API_TYPES_RULE).map((d) => String(d.message));
  assert.ok(types.some((m) => m.includes('(2 of 3 APIs)')), `versions are counted once: ${types.join('\n')}`);
});
