import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  resolveStyleRules,
  RULE_DOCS_BASE,
  ruleDocUrl,
  runStyleRules,
  styleRules,
  type StyleFinding,
  type StyleRuleError,
} from '../../server/src/engine/style/registry';
import type { SpecFormat } from '../../server/src/engine/style/types';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/rules');

function load(file: string): { doc: unknown; format: SpecFormat } {
  const doc = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const format: SpecFormat = doc.swagger ? 'oas2' : String(doc.openapi).startsWith('3.1') ? 'oas3.1' : 'oas3.0';
  return { doc, format };
}

const strip = (f: StyleFinding) => {
  const { pointer, target, message, fix } = f;
  return fix ? { pointer, target, message, fix } : { pointer, target, message };
};

/** Findings of one rule, with every other rule at its default (the way users see them). */
function findingsOf(ruleId: string, file: string) {
  const { doc, format } = load(file);
  const rule = styleRules.find((r) => r.id === ruleId)!;
  const errors: StyleRuleError[] = [];
  const findings = runStyleRules(doc, format, { [ruleId]: rule.defaultSeverity }, errors);
  assert.deepEqual(errors, []);
  return findings.filter((f) => f.ruleId === ruleId).map(strip);
}

for (const rule of styleRules) {
  test(`${rule.id}: bad fixture gives the expected findings`, () => {
    const dir = path.join(FIXTURES, rule.id);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'bad.expected.json'), 'utf8'));
    assert.ok(expected.length > 0);
    assert.deepEqual(findingsOf(rule.id, path.join(dir, 'bad.yaml')), expected);
  });
  test(`${rule.id}: good fixture is clean`, () => {
    assert.deepEqual(findingsOf(rule.id, path.join(FIXTURES, rule.id, 'good.yaml')), []);
  });
  test(`${rule.id}: is documented`, () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
    assert.match(doc, new RegExp(`^# ${rule.id}`));
    assert.match(doc, /## Options/);
    assert.match(doc, /```yaml/);
    const index = fs.readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
    assert.ok(index.includes(`[${rule.id}](${rule.id}.md)`), 'listed in docs/rules/README.md');
    assert.ok(index.includes(`| ${rule.defaultSeverity}${rule.enabledByDefault === false ? ' (off by default)' : ''} |`), 'README severity');
  });
}

test('rule ids are unique and doc URLs point at docs/rules', () => {
  assert.equal(new Set(styleRules.map((r) => r.id)).size, styleRules.length);
  assert.equal(styleRules.length, 17);
  assert.equal(ruleDocUrl('specgate-enum-casing'), `${RULE_DOCS_BASE}specgate-enum-casing.md`);
});

test('acceptance: mixed naming spec gives exactly one finding per offending node', () => {
  const { doc, format } = load(path.join(FIXTURES, 'acceptance/mixed-naming.yaml'));
  // Casings configured, as a team's style guide does: the document alone is too small for a dominant convention.
  const configured = {
    'specgate-path-segment-casing': { severity: 'warn' as const, options: { segmentCasing: 'kebab-case' } },
    'specgate-operation-id-casing': { severity: 'warn' as const, options: { casing: 'camelCase' } },
    'specgate-schema-name-casing': { severity: 'warn' as const, options: { casing: 'PascalCase' } },
  };
  const findings = runStyleRules(doc, format, configured).map((f) => [f.ruleId, f.pointer, f.target, f.fix]);
  assert.deepEqual(findings, [
    ['specgate-property-casing', '/components/schemas/Order/properties/created_at', 'key', { kind: 'rename', newName: 'createdAt' }],
    ['specgate-path-segment-casing', '/paths/~1orderItems', 'key', { kind: 'rename', newName: '/order-items' }],
    ['specgate-operation-id-casing', '/paths/~1orderItems/get/operationId', 'value', { kind: 'rename', newName: 'getOrderItems' }],
    ['specgate-schema-name-casing', '/components/schemas/order_item', 'key', { kind: 'rename', newName: 'OrderItem' }],
    ['specgate-timestamp-format', '/components/schemas/Order/properties/updatedAt', 'key', { kind: 'add-format', format: 'date-time' }],
  ]);
});

test('one diagnostic per name: glossary wins over casing, casing over acronyms', () => {
  const doc = {
    openapi: '3.0.3',
    paths: {},
    components: {
      schemas: {
        HTTP_Server: {
          properties: { orderId: {}, customerName: {}, creation_date: { type: 'string', format: 'date-time' }, user_ID: {}, ownerID: {} },
        },
      },
    },
  };
  const configured = {
    'specgate-acronym-casing': { severity: 'warn' as const, options: { style: 'capitalize-first-only' } },
    'specgate-schema-name-casing': { severity: 'warn' as const, options: { casing: 'PascalCase' } },
  };
  const got = runStyleRules(doc, 'oas3.0', configured).map((f) => [f.ruleId, f.pointer, (f.fix as { newName?: string })?.newName]);
  assert.deepEqual(got, [
    ['specgate-property-casing', '/components/schemas/HTTP_Server/properties/user_ID', 'userId'],
    ['specgate-acronym-casing', '/components/schemas/HTTP_Server/properties/ownerID', 'ownerId'],
    ['specgate-schema-name-casing', '/components/schemas/HTTP_Server', 'HttpServer'],
    ['specgate-preferred-terms', '/components/schemas/HTTP_Server/properties/creation_date', 'createdAt'],
  ]);
  // With the glossary off, the casing rule reports creation_date itself.
  const noGlossary = runStyleRules(doc, 'oas3.0', { 'specgate-preferred-terms': 'off' });
  assert.ok(noGlossary.some((f) => f.ruleId === 'specgate-property-casing' && f.pointer.endsWith('/creation_date')));
  // With allow-uppercase acronyms, conversions keep capitals.
  const upper = runStyleRules(doc, 'oas3.0', { 'specgate-acronym-casing': { severity: 'warn', options: { style: 'allow-uppercase' } } });
  const userId = upper.find((f) => f.pointer.endsWith('/user_ID'));
  assert.deepEqual(userId?.fix, { kind: 'rename', newName: 'userID' });
});

test('glossary renders the preferred term in the document casing, user terms and useDefaults', () => {
  const doc = { openapi: '3.0.3', paths: {}, components: { schemas: { A: { properties: { order_id: {}, customer_id: {}, date_created: { type: 'string', format: 'date-time' } } } } } };
  const config = { 'specgate-preferred-terms': { severity: 'warn' as const, options: { terms: { customerId: 'client_id' } } } };
  const got = runStyleRules(doc, 'oas3.0', config).filter((f) => f.ruleId === 'specgate-preferred-terms');
  assert.deepEqual(got.map((f) => (f.fix as unknown as { newName: string }).newName), ['client_id', 'created_at']);
  const noDefaults = runStyleRules(doc, 'oas3.0', {
    'specgate-preferred-terms': { severity: 'warn', options: { useDefaults: false, terms: { customer_id: 'clientId' } } },
  }).filter((f) => f.ruleId === 'specgate-preferred-terms');
  assert.deepEqual(noDefaults.map((f) => f.pointer), ['/components/schemas/A/properties/customer_id']);
});

test('property casing: fixed casing option and tie-breaking', () => {
  const doc = { openapi: '3.0.3', paths: {}, components: { schemas: { A: { properties: { firstName: {}, last_name: {} } } } } };
  const auto = runStyleRules(doc, 'oas3.0', { 'specgate-data-classification': 'off' });
  assert.deepEqual(auto.map((f) => f.pointer), ['/components/schemas/A/properties/last_name']);
  const snake = runStyleRules(doc, 'oas3.0', {
    'specgate-data-classification': 'off',
    'specgate-property-casing': { severity: 'error', options: { casing: 'snake_case' } },
  });
  assert.deepEqual(snake.map((f) => [f.pointer, f.severity, f.message]), [
    ['/components/schemas/A/properties/firstName', 'error', 'Property "firstName" is not snake_case; rename it to "first_name".'],
  ]);
});

test('acronym allow list and allow-uppercase consistency mode', () => {
  const doc = { openapi: '3.0.3', paths: {}, components: { schemas: { A: { properties: { userID: {}, orderID: {}, itemId: {}, apiURL: {} } } } } };
  const allow = runStyleRules(doc, 'oas3.0', { 'specgate-acronym-casing': { severity: 'warn', options: { style: 'capitalize-first-only', allow: ['ID'] } } });
  assert.deepEqual(allow.filter((f) => f.ruleId === 'specgate-acronym-casing').map((f) => f.pointer), ['/components/schemas/A/properties/apiURL']);
  const consistent = runStyleRules(doc, 'oas3.0', { 'specgate-acronym-casing': { severity: 'warn', options: { style: 'allow-uppercase' } } });
  assert.deepEqual(
    consistent.filter((f) => f.ruleId === 'specgate-acronym-casing').map((f) => [f.pointer, f.fix]),
    [['/components/schemas/A/properties/itemId', { kind: 'rename', newName: 'itemID' }]],
  );
});

test('enum casing: fixed option', () => {
  const doc = { openapi: '3.0.3', paths: {}, components: { schemas: { S: { type: 'string', enum: ['ACTIVE', 'inactive'] } } } };
  const got = runStyleRules(doc, 'oas3.0', { 'specgate-enum-casing': { severity: 'hint', options: { casing: 'kebab-case' } } });
  assert.deepEqual(got.map((f) => [f.pointer, f.severity, (f.fix as unknown as { newName: string }).newName]), [['/components/schemas/S/enum/0', 'hint', 'active']]);
});

test('parameters referenced through components are checked once, where defined', () => {
  const doc = {
    openapi: '3.0.3',
    paths: {
      '/a': { get: { parameters: [{ $ref: '#/components/parameters/P' }] }, post: { parameters: [{ $ref: '#/components/parameters/P' }] } },
    },
    components: { parameters: { P: { name: 'page_size', in: 'query' } } },
  };
  const got = runStyleRules(doc, 'oas3.0', { 'specgate-operation-security-defined': 'off', 'specgate-parameter-casing': { severity: 'warn', options: { query: 'camelCase' } } });
  assert.deepEqual(got.map((f) => [f.pointer, f.target]), [['/components/parameters/P/name', 'value']]);
});

test('registry config: off, severity strings, option merge, invalid entries, opt-in rules', () => {
  const byId = (config: Parameters<typeof resolveStyleRules>[0]) => new Map(resolveStyleRules(config).map((r) => [r.rule.id, r]));
  const defaults = byId(undefined);
  assert.equal(defaults.has('specgate-rate-limit-responses'), false);
  assert.equal(defaults.get('specgate-operation-id-unique')?.severity, 'error');
  const custom = byId({
    'specgate-property-casing': 'off',
    'specgate-rate-limit-responses': { severity: 'info', options: { requireHeaders: false, bogus: undefined } },
    'specgate-enum-casing': 'loud' as never,
    'specgate-unknown': 'error',
  });
  assert.equal(custom.has('specgate-property-casing'), false);
  assert.deepEqual(custom.get('specgate-rate-limit-responses')?.options, {
    headers: ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
    requireHeaders: false,
  });
  assert.equal(custom.get('specgate-enum-casing')?.severity, 'warn');
  assert.equal(runStyleRules({ arazzo: '1.0.0' }, 'arazzo1').length, 0);
});

test('a throwing rule is skipped and reported through the errors array', () => {
  const boom = {
    id: 'specgate-test-boom',
    description: 'throws',
    defaultSeverity: 'error' as const,
    formats: ['oas3.0' as const],
    defaultOptions: {},
    scope: 'document' as const,
    check(ctx: { report(f: unknown): void }) {
      ctx.report({ pointer: '', target: 'key', message: 'partial' });
      throw new Error('kaboom');
    },
  };
  styleRules.unshift(boom);
  try {
    const errors: StyleRuleError[] = [];
    const kebab = { 'specgate-path-segment-casing': { severity: 'warn' as const, options: { segmentCasing: 'kebab-case' } } };
    const findings = runStyleRules({ openapi: '3.0.3', paths: { '/a_b': {} } }, 'oas3.0', kebab, errors);
    assert.deepEqual(errors.map((e) => [e.ruleId, (e.error as Error).message]), [['specgate-test-boom', 'kaboom']]);
    assert.ok(!findings.some((f) => f.ruleId === 'specgate-test-boom'));
    assert.ok(findings.some((f) => f.ruleId === 'specgate-path-segment-casing'));
  } finally {
    styleRules.shift();
  }
});

test('robustness: garbage shapes never throw in any rule', () => {
  const cyclic: Record<string, unknown> = { type: 'object' };
  cyclic.properties = { self_ref: cyclic, createdAt: cyclic };
  let deep: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < 5000; i++) deep = { type: 'object', properties: { nested_x: deep } };
  const garbage: unknown[] = [
    null,
    undefined,
    42,
    'openapi: 3.0.0',
    [],
    [{ paths: {} }],
    { paths: null },
    { paths: 'x', components: 'y', security: 'z', definitions: [] },
    { paths: [1, 2, 3], components: { schemas: ['a', null] } },
    { paths: { '/a': null, '/b': 'str', '/c': [], '/d': { get: null, post: 'x', put: [], parameters: 'p' } } },
    { paths: { '/e/{id}': { get: { operationId: 5, parameters: [null, 'x', { name: 3, in: [] }, { $ref: 5 }], responses: [], security: [null, 'a', { x: 1 }] } } } },
    { paths: { '/f': { get: { responses: { '200': { content: { 'application/json': { schema: 'string' } }, headers: 'h' } }, requestBody: [] } } } },
    { components: { schemas: { A: { properties: null }, B: { properties: [] }, C: { properties: { a: null, b: 'x', c: [], createdAt: { type: null } } }, D: { enum: 'x' }, E: { enum: [null, {}, 1, 'ok_value', 'OK'] }, F: { allOf: 'x', oneOf: [null, 1], items: [1, null] } } } },
    { components: { securitySchemes: [], parameters: { p: null, q: { name: null } }, responses: 'x' }, security: [[], {}] },
    { components: { securitySchemes: { a: null, b: { type: 'apiKey', in: 'query' } } } },
    { swagger: '2.0', definitions: { A: cyclic }, parameters: { p: { in: 'body', schema: 5 } }, securityDefinitions: 'x' },
    { openapi: '3.1.0', webhooks: { a: { post: { callbacks: { x: { '{$url}': { post: { operationId: 'Bad_Id' } } } } } } }, components: { schemas: { Deep: deep } } },
    { components: { schemas: { ['__proto__']: { properties: { constructor: {}, toString: {} } } } } },
  ];
  const config = { 'specgate-rate-limit-responses': 'warn' as const };
  for (const format of ['oas2', 'oas3.0', 'oas3.1'] as const) {
    for (const [i, doc] of garbage.entries()) {
      const errors: StyleRuleError[] = [];
      const findings = runStyleRules(doc, format, config, errors);
      assert.deepEqual(errors, [], `errors for garbage[${i}] as ${format}`);
      assert.ok(Array.isArray(findings));
      // every rule on its own, outside the registry, too
      for (const rule of styleRules) {
        assert.doesNotThrow(() => rule.check({ document: doc, format, options: rule.defaultOptions, report: () => {} }), `${rule.id} on garbage[${i}]`);
      }
    }
  }
});

test('a large spec (1000 operations, 900 schemas) runs every rule to completion', () => {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 500; i++) {
    const op = (verb: string) => ({
      operationId: `${verb}Resource${i}`,
      parameters: [{ name: 'perPage', in: 'query', schema: { type: 'integer' } }, { name: 'resourceId', in: 'path', required: true }],
      responses: {
        '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i % 900}` } } } },
        '401': { description: 'no' },
      },
    });
    paths[`/resources-${i}/{resourceId}`] = { get: op('get'), post: op('create') };
  }
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < 900; i++) {
    const properties: Record<string, unknown> = {};
    for (let p = 0; p < 40; p++) properties[p % 7 === 0 ? `field_${p}` : `fieldName${p}`] = { type: 'string', enum: ['ONE', 'TWO', 'threeFour'] };
    properties.createdAt = { type: 'string' };
    properties.owner = { type: 'object', properties: { emailAddress: { type: 'string' }, nested: { type: 'array', items: { type: 'object', properties: { a_b: {} } } } } };
    schemas[`Resource${i}`] = { type: 'object', properties };
  }
  const doc = { openapi: '3.0.3', security: [{ token: [] }], paths, components: { schemas, securitySchemes: { token: { type: 'http', scheme: 'bearer' } } } };
  // Timing belongs in the benchmark; here the large input must simply complete with every finding.
  const findings = runStyleRules(doc, 'oas3.0', { 'specgate-rate-limit-responses': 'warn' });
  assert.ok(findings.length > 10000);
  assert.equal(findings.filter((f) => f.ruleId === 'specgate-timestamp-format').length, 900);
});
