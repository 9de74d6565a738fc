import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStyleRules, type StyleFinding } from '../../server/src/engine/style/registry';
import { StyleMemo, styleRunOf } from '../../server/src/engine/style/incrementalStyle';
import { createLanguageService } from '../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';

/**
 * The style memo's hard paths, on hand-written documents edited the way the incremental parse edits
 * them (copy-on-write: the changed entry and its ancestors are new objects, everything else is shared).
 * Every version's findings must equal a from-scratch run on a deep copy, order included.
 */
type Json = Record<string, any>;

/** A copy of `doc` with `fn` applied at `path`, sharing every untouched object. */
function edit(doc: Json, path: string[], fn: (value: any) => any): Json {
  if (path.length === 0) return fn(doc);
  return { ...doc, [path[0]]: edit(doc[path[0]] ?? {}, path.slice(1), fn) };
}

function renameKey(map: Json, from: string, to: string): Json {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k === from ? to : k, v]));
}

const op = (operationId: string, properties: Json = { id: { type: 'string' } }) => ({
  operationId,
  security: [{ token: [] }],
  responses: {
    '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties } } } },
    '401': { description: 'no' },
    '403': { description: 'no' },
  },
});

function baseDocument(): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Shop', version: '1' },
    paths: {
      '/users': { get: op('listUsers', { userName: { type: 'string' }, user_email: { type: 'string' } }) },
      // `get_orders` is not camelCase, but its rename `getOrders` is taken by /legacy-orders (first in the document).
      '/legacy-orders': { get: op('getOrders') },
      '/orders': { get: op('get_orders') },
    },
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      parameters: { pageSize: { name: 'pageSize', in: 'query', schema: { type: 'integer' } } },
      schemas: {
        User: { type: 'object', properties: { userId: { type: 'string' }, firstName: { type: 'string' }, lastName: { type: 'string' }, created_date: { type: 'string' } } },
        Order: { type: 'object', properties: { orderId: { type: 'string' }, totalAmount: { type: 'number' }, status: { type: 'string', enum: ['OPEN', 'CLOSED', 'pending'] } } },
      },
    },
  };
}

/** Findings through the memo and from scratch; they must be equal. Returns the memo's findings and path. */
function check(memo: StyleMemo, doc: Json, where: string) {
  const findings = runStyleRules(doc, 'oas3.0', undefined, undefined, memo);
  assert.deepEqual(findings, runStyleRules(structuredClone(doc), 'oas3.0'), `${where}: memo and from-scratch differ`);
  return { findings, path: memo.outcomes.get('document') };
}

const at = (findings: StyleFinding[], pointer: string) => findings.filter((f) => f.pointer === pointer);

test('an edit inside one path item re-runs that entry only and reuses the others\' findings', () => {
  const memo = new StyleMemo();
  const v1 = baseDocument();
  const first = check(memo, v1, 'v1');
  assert.equal(first.path, 'full');
  const userEmail = at(first.findings, '/paths/~1users/get/responses/200/content/application~1json/schema/properties/user_email').filter((f) => f.ruleId === 'specgate-property-casing');
  assert.equal(userEmail.length, 1, 'the snake_case property is reported');
  const v2 = edit(v1, ['paths', '/users', 'get'], (o) => ({ ...o, summary: 'List users' }));
  const second = check(memo, v2, 'v2');
  assert.equal(second.path, 'incremental');
  // The unchanged schema's finding is the previous version's object, not a recomputed one.
  const before = at(first.findings, '/components/schemas/User/properties/created_date');
  assert.ok(before.length > 0);
  assert.equal(at(second.findings, '/components/schemas/User/properties/created_date')[0], before[0]);
  // A new finding inside the edited entry appears.
  const v3 = edit(v2, ['paths', '/users', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties'], (p) => ({ ...p, last_modified: { type: 'string' } }));
  const third = check(memo, v3, 'v3');
  assert.equal(third.path, 'incremental');
  assert.ok(third.findings.some((f) => f.pointer.endsWith('/properties/last_modified')));
});

test('an edit outside the entries re-runs the rest; one to the security an entry rule reads runs everything', () => {
  const memo = new StyleMemo();
  const v1 = baseDocument();
  check(memo, v1, 'v1');
  const v2 = edit(v1, ['info'], (i) => ({ ...i, title: 'Shop API' }));
  assert.equal(check(memo, v2, 'info').path, 'incremental');
  // A new parameter: a finding in the rest, and one more vote for the query parameters' casing.
  const v3 = edit(v2, ['components', 'parameters'], (p) => ({ ...p, sort_order: { name: 'sort_order', in: 'query', schema: { type: 'string' } } }));
  const third = check(memo, v3, 'components.parameters');
  assert.equal(third.path, 'incremental');
  assert.ok(third.findings.some((f) => f.pointer === '/components/parameters/sort_order/name'));
  // Two more snake_case query parameters: snake_case now leads; the convention moved, everything runs.
  const v4 = edit(v3, ['components', 'parameters'], (p) => ({ ...p, page_token: { name: 'page_token', in: 'query' }, max_items: { name: 'max_items', in: 'query' } }));
  const fourth = check(memo, v4, 'parameter convention');
  assert.equal(fourth.path, 'full');
  assert.ok(fourth.findings.some((f) => f.pointer === '/components/parameters/pageSize/name'));
  // Operations without their own security depend on the root's: an edit there runs everything.
  const v5 = edit(v4, ['paths', '/orders', 'get'], ({ security: _own, ...o }) => o);
  assert.equal(check(memo, v5, 'operation security removed').path, 'incremental');
  const v6 = { ...v5, security: [{ token: [] }] };
  assert.equal(check(memo, v6, 'root security').path, 'full');
  const v7 = edit(v6, ['components', 'securitySchemes'], () => ({ key: { type: 'apiKey', in: 'query', name: 'key' } }));
  const seventh = check(memo, v7, 'security schemes');
  assert.equal(seventh.path, 'full');
  assert.ok(seventh.findings.some((f) => f.ruleId === 'specgate-security-scheme-defined' && f.pointer.startsWith('/paths/~1users/')));
});

test('a rename blocked by operation-id-unique follows edits to the other entry', () => {
  const memo = new StyleMemo();
  const pointer = '/paths/~1orders/get/operationId';
  const v1 = baseDocument();
  const blocked = at(check(memo, v1, 'v1').findings, pointer).find((f) => f.ruleId === 'specgate-operation-id-casing');
  assert.ok(blocked && blocked.fix === undefined, 'no rename offered: getOrders is taken');
  assert.match(blocked.message, /No rename is offered: "getOrders" would itself be reported \(specgate-operation-id-unique\)/);
  // An edit in /orders itself: still blocked.
  const v2 = edit(v1, ['paths', '/orders', 'get'], (o) => ({ ...o, description: 'All orders' }));
  const second = check(memo, v2, 'v2');
  assert.equal(second.path, 'incremental');
  assert.equal(at(second.findings, pointer).find((f) => f.ruleId === 'specgate-operation-id-casing')?.fix, undefined);
  // The other entry gives the name up: /orders is unchanged, yet its rename is now offered.
  const v3 = edit(v2, ['paths', '/legacy-orders', 'get'], (o) => ({ ...o, operationId: 'getLegacyOrders' }));
  const third = check(memo, v3, 'v3');
  assert.equal(third.path, 'incremental');
  assert.deepEqual(at(third.findings, pointer).find((f) => f.ruleId === 'specgate-operation-id-casing')?.fix, { kind: 'rename', newName: 'getOrders' });
  // And takes it again.
  const v4 = edit(v3, ['paths', '/legacy-orders', 'get'], (o) => ({ ...o, operationId: 'getOrders' }));
  assert.equal(at(check(memo, v4, 'v4').findings, pointer).find((f) => f.ruleId === 'specgate-operation-id-casing')?.fix, undefined);
});

test('a renamed schema is a new entry: its findings move to the new key', () => {
  const memo = new StyleMemo();
  const v1 = baseDocument();
  check(memo, v1, 'v1');
  const v2 = edit(v1, ['components', 'schemas'], (s) => renameKey(s, 'Order', 'order_record'));
  const second = check(memo, v2, 'v2');
  assert.equal(second.path, 'incremental');
  assert.ok(second.findings.some((f) => f.pointer === '/components/schemas/order_record' && f.ruleId === 'specgate-schema-name-casing'));
  assert.ok(!second.findings.some((f) => f.pointer.startsWith('/components/schemas/Order/')));
  // The same object back under its old key.
  assert.equal(check(memo, edit(v2, ['components', 'schemas'], (s) => renameKey(s, 'order_record', 'Order')), 'v3').path, 'incremental');
});

test('entries deleted and added', () => {
  const memo = new StyleMemo();
  const v1 = baseDocument();
  check(memo, v1, 'v1');
  const v2 = edit(v1, ['paths'], ({ '/users': _removed, ...rest }) => rest);
  const second = check(memo, v2, 'deleted');
  assert.equal(second.path, 'incremental');
  assert.ok(!second.findings.some((f) => f.pointer.startsWith('/paths/~1users/')));
  const v3 = edit(v2, ['paths'], (p) => ({ '/accounts': { get: op('listAccounts', { account_id: { type: 'string' } }) }, ...p }));
  const third = check(memo, v3, 'added first');
  assert.equal(third.path, 'incremental');
  assert.ok(third.findings.some((f) => f.pointer.startsWith('/paths/~1accounts/')));
  const v4 = edit(v3, ['components', 'schemas'], (s) => ({ ...s, Invoice: { type: 'object', properties: { invoiceId: { type: 'string' } } } }));
  assert.equal(check(memo, v4, 'schema added').path, 'incremental');
});

test('an edit that moves a document-wide convention runs every rule again', () => {
  const memo = new StyleMemo();
  // camelCase leads snake_case 3 to 2 among property names.
  const v1: Json = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        A: { type: 'object', properties: { aOne: { type: 'string' }, aTwo: { type: 'string' }, aThree: { type: 'string' } } },
        B: { type: 'object', properties: { b_one: { type: 'string' }, b_two: { type: 'string' } } },
      },
    },
  };
  const first = check(memo, v1, 'v1');
  assert.ok(first.findings.some((f) => f.pointer === '/components/schemas/B/properties/b_one'));
  const v2 = edit(v1, ['components', 'schemas', 'B', 'properties'], (p) => ({ ...p, b_three: { type: 'string' }, b_four: { type: 'string' } }));
  const second = check(memo, v2, 'v2');
  assert.equal(second.path, 'full', 'snake_case now dominates: the unchanged schema A is judged again');
  assert.ok(second.findings.some((f) => f.pointer === '/components/schemas/A/properties/aOne'));
  // A vote that does not move the convention stays incremental.
  const v3 = edit(v2, ['components', 'schemas', 'B', 'properties'], (p) => ({ ...p, b_five: { type: 'string' } }));
  assert.equal(check(memo, v3, 'v3').path, 'incremental');
});

test('an edit that moves an acronym\'s majority runs every rule again', () => {
  const memo = new StyleMemo();
  const schema = (properties: string[]) => ({ type: 'object', properties: Object.fromEntries(properties.map((p) => [p, { type: 'string' }])) });
  const v1: Json = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { A: schema(['userId', 'orderId']), B: schema(['accountID']), C: schema(['name']) } },
  };
  assert.ok(check(memo, v1, 'v1').findings.some((f) => f.pointer === '/components/schemas/B/properties/accountID' && f.ruleId === 'specgate-acronym-casing'));
  const v2 = edit(v1, ['components', 'schemas', 'C'], () => schema(['itemID', 'cartID']));
  const second = check(memo, v2, 'v2');
  assert.equal(second.path, 'full');
  assert.ok(second.findings.some((f) => f.pointer === '/components/schemas/A/properties/userId' && f.ruleId === 'specgate-acronym-casing'));
});

test('the service uses the memo for a single-file spec only: not through YAML aliases, not for a multi-file spec', async () => {
  const folder = 'file:///workspace';
  const single = `${folder}/single.yaml`;
  const aliased = `${folder}/aliased.yaml`;
  const root = `${folder}/root.yaml`;
  const operation = (path: string, id: string) => `  ${path}:\n    get:\n      operationId: ${id}\n      responses:\n        '200':\n          description: ok\n`;
  const paths = `paths:\n${operation('/users', 'get_users')}${operation('/pets', 'listPets')}${operation('/orders', 'listOrders')}`;
  const files: Record<string, string> = {
    [single]: `openapi: 3.0.3\ninfo: {title: t, version: '1'}\n${paths}`,
    [aliased]: `openapi: 3.0.3\ninfo: &info {title: t, version: '1'}\nx-info: *info\n${paths}`,
    [root]: `openapi: 3.0.3\ninfo: {title: t, version: '1'}\n${paths}components:\n  schemas:\n    Pet:\n      $ref: './pet.yaml'\n`,
    [`${folder}/pet.yaml`]: `type: object\nproperties:\n  pet_name: {type: string}\n`,
  };
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files, [folder]) });
  const pathOf = async (uri: string) => {
    const doc = service.getDocument(uri, files[uri], 1);
    const diagnostics = await service.getFastDiagnostics(doc);
    assert.ok(diagnostics.some((d) => d.code === 'specgate-operation-id-casing'), `${uri}: the style guide ran`);
    return styleRunOf(doc.value as object);
  };
  assert.equal(await pathOf(single), 'full');
  assert.equal(await pathOf(aliased), undefined);
  assert.equal(await pathOf(root), undefined);
  // The next version of the single file goes through the memo incrementally.
  const v2 = files[single].replace('get_users', 'get_all_users');
  const doc2 = service.getDocument(single, v2, 2);
  await service.getFastDiagnostics(doc2);
  assert.equal(styleRunOf(doc2.value as object), 'incremental');
});
