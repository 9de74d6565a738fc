import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/engine/languageService';
import { InMemoryWorkspace, type IGit } from '../../server/src/engine/workspace';
import { applyWorkspaceEdit, type EditorFile } from '../helpers/edits';
import { withSuppressions } from '../../server/src/engine/languageFeatures/diagnostics';
import { mergeSettings } from '../../server/src/engine/settings';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/fixes');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const URI = 'file:///workspace/orders.yaml';

function gitWith(files: Record<string, string>): IGit {
  return {
    async readFileAt(uri) {
      return files[uri] !== undefined ? { kind: 'ok', text: files[uri], revision: 'abc123' } : { kind: 'untracked', message: 'untracked' };
    },
    async resolveRef() { return 'abc123'; },
  };
}

function setup(files: Record<string, string>, baseline?: Record<string, string>, settings?: unknown) {
  const workspace = new InMemoryWorkspace(files, ['file:///workspace'], true, baseline ? gitWith(baseline) : undefined);
  const merged = settings === undefined ? undefined : mergeSettings(settings);
  const service = createLanguageService(merged ? { workspace, getSettings: () => merged } : { workspace });
  return { workspace, service };
}

async function actionsFor(service: ReturnType<typeof setup>['service'], uri: string, text: string, pick: (d: Diagnostic) => boolean, only?: string[]) {
  const doc = service.getDocument(uri, text, 1);
  const diags = await service.getFastDiagnostics(doc);
  const d = diags.find(pick);
  assert.ok(d, `diagnostic not found among ${diags.map((x) => `${x.code}@${x.range.start.line}`).join(', ')}`);
  return { doc, diagnostic: d, actions: await service.getCodeActions(doc, d.range, [d], only) };
}

function apply(files: Record<string, string>, action: CodeAction, version = 1): Record<string, string> {
  const map = new Map<string, EditorFile>(Object.entries(files).map(([u, t]) => [u, { text: t, version: u === URI ? version : null }]));
  const result = applyWorkspaceEdit(map, action.edit!);
  assert.ok(result.applied, result.failureReason);
  return Object.fromEntries([...map].map(([u, f]) => [u, f.text]));
}

const at = (line: number, code: string) => (d: Diagnostic) => d.code === code && d.range.start.line === line;
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf('\n' + needle) + 1).split('\n').length - 1;

test('property rename updates the key, required (quoted), schema and media-type examples and link expressions', async () => {
  const text = fixture('orders.yaml');
  const { service } = setup({ [URI]: text });
  const { actions } = await actionsFor(service, URI, text, at(lineOf(text, "        'created_at':"), 'specgate-property-casing'));
  const rename = actions.find((a) => a.title.startsWith('Rename'))!;
  assert.equal(rename.title, 'Rename created_at → createdAt');
  assert.equal(rename.isPreferred, true);
  const out = apply({ [URI]: text }, rename)[URI];
  assert.match(out, /required: \[itemId, 'createdAt'\]/);
  assert.match(out, /# when the item was created\n        'createdAt':/);
  assert.match(out, /\n        createdAt: '2024-01-01T00:00:00Z'/);
  assert.match(out, /\n                'createdAt': '2024-01-01T00:00:00Z'/);
  assert.match(out, /since: \$response\.body#\/createdAt/);
  assert.ok(!out.includes('created_at'));
  const after = await service.getFastDiagnostics(service.getDocument(URI, out, 2));
  assert.deepEqual(after.filter((d) => String(d.code).includes('casing') && /created/.test(String(d.message))), []);
});

test('schema rename updates every $ref, in every workspace file, and discriminator mappings', async () => {
  const text = fixture('orders.yaml');
  const other = 'file:///workspace/shared/more.yaml';
  const otherText = "Wrapper:\n  type: object\n  properties:\n    item:\n      $ref: \"../orders.yaml#/components/schemas/order_item\"\n";
  const files = { [URI]: text, [other]: otherText };
  const { service } = setup(files);
  const { actions } = await actionsFor(service, URI, text, at(lineOf(text, '    order_item:'), 'specgate-schema-name-casing'));
  assert.equal(actions[0].title, 'Rename order_item → OrderItem');
  const out = apply(files, actions[0]);
  assert.ok(!out[URI].includes('order_item'), out[URI]);
  assert.equal((out[URI].match(/'#\/components\/schemas\/OrderItem'/g) ?? []).length, 2);
  assert.match(out[URI], /item: OrderItem/);
  assert.match(out[other], /\$ref: "\.\.\/orders\.yaml#\/components\/schemas\/OrderItem"/);
});

test('operationId rename updates links and Arazzo steps; path rename keeps template and in: path parameter consistent', async () => {
  const text = fixture('orders.yaml');
  const arazzoUri = 'file:///workspace/flows.arazzo.yaml';
  const arazzo = 'arazzo: 1.0.0\ninfo: {title: f, version: 1.0.0}\nsourceDescriptions:\n  - name: orders\n    url: ./orders.yaml\n    type: openapi\nworkflows:\n  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: $sourceDescriptions.orders.Get_Order_Item\n';
  const files = { [URI]: text, [arazzoUri]: arazzo };
  const { service } = setup(files);
  const op = await actionsFor(service, URI, text, at(lineOf(text, '      operationId: Get_Order_Item'), 'specgate-operation-id-casing'));
  const out = apply(files, op.actions[0]);
  assert.equal((out[URI].match(/operationId: getOrderItem/g) ?? []).length, 2);
  assert.match(out[arazzoUri], /operationId: \$sourceDescriptions\.orders\.getOrderItem/);

  // A team's configured casings: kebab-case segments, camelCase path parameters. The path parameter is one
  // finding (on the parameter), and its fix renames the parameter and the template together.
  const rules = {
    'specgate-path-segment-casing': { severity: 'warn', options: { segmentCasing: 'kebab-case' } },
    'specgate-parameter-casing': { severity: 'warn', options: { path: 'camelCase' } },
  };
  const configured = setup({ [URI]: text }, undefined, { rules }).service;
  const p = await actionsFor(configured, URI, text, at(lineOf(text, '  /orderItems/{item_id}:'), 'specgate-path-segment-casing'));
  assert.equal(p.actions[0].title, 'Rename /orderItems/{item_id} → /order-items/{item_id}');
  assert.doesNotMatch(String(p.diagnostic.message), /parameter/, 'the path finding is about its segment only');
  const q = await actionsFor(configured, URI, text, at(lineOf(text, '      - name: item_id'), 'specgate-parameter-casing'));
  assert.equal(q.actions[0].title, 'Rename item_id → itemId');
  const out2 = apply({ [URI]: text }, q.actions[0])[URI];
  assert.match(out2, /\n  \/orderItems\/\{itemId\}:\n    parameters:\n      - name: itemId\n/);
});

test('mechanical fixes: timestamp format, missing operationId, 401/403 responses from components', async () => {
  const text = [
    'openapi: 3.0.3', 'info: {title: t, version: 1.0.0}', 'security: [{key: []}]', 'paths:', '  /orders/{orderId}:', '    get:',
    '      parameters:', '        - {name: orderId, in: path, required: true, schema: {type: string}}',
    '      responses:', "        '200':", '          description: ok', '          content:', '            application/json:',
    '              schema:', '                type: object', '                properties:', '                  shippedAt:',
    '                    type: string', '                  deliveryDate:', '                    type: string', '                    format: email',
    'components:', '  securitySchemes:', '    key: {type: http, scheme: bearer}', '  responses:', '    Unauthorized:', '      description: no',
    '',
  ].join('\n');
  const uri = 'file:///workspace/m.yaml';
  const { service } = setup({ [uri]: text });
  const doc = service.getDocument(uri, text, 1);
  const diags = await service.getFastDiagnostics(doc);
  const run = async (pick: (d: Diagnostic) => boolean) => {
    const d = diags.find(pick)!;
    assert.ok(d, 'diagnostic');
    const [a] = (await service.getCodeActions(doc, d.range, [d])).filter((x) => x.kind === 'quickfix');
    const edits = (a.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
    return { a, out: apply({ [URI]: text }, { ...a, edit: { documentChanges: [{ textDocument: { uri: URI, version: 1 }, edits }] } })[URI] };
  };
  const ts = await run((d) => d.code === 'specgate-timestamp-format' && String(d.message).includes('shippedAt'));
  assert.equal(ts.a.title, 'Add format: date-time to shippedAt');
  assert.match(ts.out, /shippedAt:\n                    type: string\n                    format: date-time\n/);
  const date = await run((d) => d.code === 'specgate-timestamp-format' && String(d.message).includes('deliveryDate'));
  assert.match(date.out, /format: date\n/);
  const auth = await run((d) => d.code === 'specgate-auth-error-responses');
  assert.match(auth.a.title, /Add 401, 403 responses/);
  assert.match(auth.out, /          description: ok\n[\s\S]*\n        '401':\n          \$ref: '#\/components\/responses\/Unauthorized'\n        '403':\n          description: Forbidden\ncomponents:/);
  assert.ok(YAML.parse(auth.out));
});

test('published names: the rename says it breaks, is not preferred, and the deprecate alternative is offered', async () => {
  const text = fixture('orders.yaml');
  const { service } = setup({ [URI]: text }, { [URI]: text });
  const { actions } = await actionsFor(service, URI, text, at(lineOf(text, "        'created_at':"), 'specgate-property-casing'));
  assert.equal(actions[0].title, 'Rename created_at → createdAt (breaking: published in HEAD)');
  assert.equal(actions[0].isPreferred, false);
  const alt = actions.find((a) => a.title.includes('deprecate'))!;
  assert.equal(alt.title, 'Add createdAt and deprecate created_at (non-breaking)');
  const out = apply({ [URI]: text }, alt)[URI];
  assert.match(out, /# specgate-disable-next-line specgate-property-casing -- [^\n]+\n        'created_at':\n          deprecated: true\n          type: string\n          format: date-time\n        'createdAt':\n          type: string\n          format: date-time\n        quantity:/);
  const after = withSuppressions({ text: out }, await service.getFastDiagnostics(service.getDocument(URI, out, 2)));
  assert.deepEqual(after.filter((d) => d.code === 'specgate-property-casing' || d.code === 'specgate-suppression-reason'), []);
});

test('fix-all: every non-breaking naming fix in one edit; published names are left alone', async () => {
  const text = fixture('orders.yaml');
  const { service } = setup({ [URI]: text });
  const doc = service.getDocument(URI, text, 1);
  const actions = await service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.specgate');
  const out = apply({ [URI]: text }, actions[0])[URI];
  const after = await service.getFastDiagnostics(service.getDocument(URI, out, 2));
  assert.deepEqual(after.filter((d) => /casing|terms/.test(String(d.code))).map((d) => d.message), []);
  assert.ok(YAML.parse(out));
  // Nothing when asked for quick fixes only, and nothing in the lightbulb without `only`.
  assert.deepEqual((await service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [])).length, 0);
});

test('on every style fixture: each preferred quick fix applies, parses, removes its finding and adds none; so does fix-all', async () => {
  const root = path.resolve(__dirname, '../../../test/fixtures');
  const { readdirSync, statSync } = await import('fs');
  const files: string[] = [];
  const scan = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) { if (name !== 'diff' && name !== 'breaking') scan(p); } else if (/\.(ya?ml|json)$/.test(name)) files.push(p);
    }
  };
  scan(root);
  const count = (l: Diagnostic[]) => l.reduce((m, x) => m.set(String(x.code), (m.get(String(x.code)) ?? 0) + 1), new Map<string, number>());
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const uri = 'file:///workspace/' + path.relative(root, file);
    const { service } = setup({ [uri]: text });
    const doc = service.getDocument(uri, text, 1);
    if (!doc.format || doc.format === 'arazzo1' || doc.problems.length) continue;
    const before = await service.getFastDiagnostics(doc);
    const beforeCounts = count(before);
    const check = async (action: CodeAction, label: string, finding?: Diagnostic) => {
      const map = new Map<string, EditorFile>([[uri, { text, version: 1 }]]);
      const own = action.edit!.documentChanges!.filter((c) => 'textDocument' in c && c.textDocument.uri === uri);
      assert.ok(applyWorkspaceEdit(map, { documentChanges: own }).applied, label);
      const fixed = service.getDocument(uri, map.get(uri)!.text, 2);
      assert.deepEqual(fixed.problems, [], `${label} keeps ${file} parseable`);
      const after = await service.getFastDiagnostics(fixed);
      for (const [code, n] of count(after)) assert.ok(n <= (beforeCounts.get(code) ?? 0), `${label} on ${file} adds a ${code} finding`);
      if (finding) assert.ok(!after.some((x) => x.code === finding.code && x.message === finding.message), `${label} removes its finding in ${file}`);
      checked++;
    };
    for (const d of before) {
      for (const a of await service.getCodeActions(doc, d.range, [d], ['quickfix'])) if (a.isPreferred && a.edit) await check(a, a.title, d);
    }
    const [all] = await service.getCodeActions(doc, d0, [], ['source.fixAll.specgate']);
    if (all) await check(all, 'fix-all');
  }
  assert.ok(checked > 20, `checked ${checked} fixes`);
});

const d0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

test('429 response fix references components.responses when a suitable one exists, inline otherwise', async () => {
  const base = (responses: string) => `openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n      operationId: getA\n      x-public: true\n      responses:\n        '200':\n          description: ok\n${responses}`;
  for (const [components, expected] of [
    ['components:\n  responses:\n    TooManyRequests:\n      description: slow down\n', "        '429':\n          $ref: '#/components/responses/TooManyRequests'\n"],
    ['', "        '429':\n          description: Too Many Requests\n"],
  ]) {
    const text = base(components);
    const uri = 'file:///workspace/r.yaml';
    const settings = mergeSettings({ rules: { 'specgate-rate-limit-responses': { severity: 'warn', options: { requireHeaders: false } } } });
    const service = createLanguageService({ workspace: new InMemoryWorkspace({ [uri]: text }), getSettings: () => settings });
    const doc = service.getDocument(uri, text, 1);
    const d = (await service.getFastDiagnostics(doc)).find((x) => x.code === 'specgate-rate-limit-responses')!;
    assert.ok(d);
    const [a] = await service.getCodeActions(doc, d.range, [d]);
    const map = new Map<string, EditorFile>([[uri, { text, version: 1 }]]);
    assert.ok(applyWorkspaceEdit(map, a.edit!).applied);
    assert.ok(map.get(uri)!.text.includes("          description: ok\n" + expected), map.get(uri)!.text);
    assert.deepEqual((await service.getFastDiagnostics(service.getDocument(uri, map.get(uri)!.text, 2))).filter((x) => x.code === d.code), []);
  }
});
