import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { startServer, LspSession } from '../helpers/lspClient';
import { applyWorkspaceEdit, type EditorFile } from '../helpers/edits';
import { pathToUri } from '../../server/src/engine/uri';

/** A team's configured casings (the defaults follow each document's own convention; these tests are about fixed ones). */
const CONFIGURED_CASINGS = {
  'specgate-path-segment-casing': { severity: 'warn', options: { segmentCasing: 'kebab-case' } },
  'specgate-parameter-casing': { severity: 'warn', options: { query: 'camelCase', path: 'camelCase', header: 'Train-Case' } },
  'specgate-operation-id-casing': { severity: 'warn', options: { casing: 'camelCase' } },
  'specgate-schema-name-casing': { severity: 'warn', options: { casing: 'PascalCase' } },
  'specgate-acronym-casing': { severity: 'warn', options: { style: 'capitalize-first-only' } },
};

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SHOP = readFileSync(path.join(ROOT, 'test/fixtures/fixes/shop.yaml'), 'utf8');
let dir: string;
let server: LspSession;
let counter = 0;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-fixes-'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { rules: CONFIGURED_CASINGS, debounceMs: 30, spectralEnabled: false } });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf('\n' + needle) + 1).split('\n').length - 1;

interface Opened { uri: string; file: string; text: string; version: number; diagnostics: Diagnostic[] }

async function openSpec(text: string, session = server, folder = dir): Promise<Opened> {
  const file = path.join(folder, `spec-${++counter}.yaml`);
  await fs.writeFile(file, text);
  const uri = pathToUri(file);
  const wait = session.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
  session.open(uri, text);
  return { uri, file, text, version: 1, diagnostics: (await wait).diagnostics };
}

async function codeActions(o: Opened, diagnostics: Diagnostic[], only?: string[], session = server): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (await session.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: o.uri }, range, context: { diagnostics, only },
  })) as CodeAction[];
}

/** Applies the edit as an editor would, sends didChange, waits for the new publish, saves to disk. */
async function applyAndSync(o: Opened, edit: WorkspaceEdit, session = server): Promise<Diagnostic[]> {
  const files = new Map<string, EditorFile>([[o.uri, { text: o.text, version: o.version }]]);
  const result = applyWorkspaceEdit(files, edit);
  assert.ok(result.applied, result.failureReason);
  o.text = files.get(o.uri)!.text;
  o.version++;
  await fs.writeFile(o.file, o.text);
  const wait = session.waitForDiagnostics(o.uri, (p) => p.version === o.version);
  session.change(o.uri, o.version, o.text);
  o.diagnostics = (await wait).diagnostics;
  return o.diagnostics;
}

function cliFindings(file: string, code: string): Array<{ code: string; message: string; range: Diagnostic['range'] }> {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'lint', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as Array<{ code: string; message: string; range: Diagnostic['range'] }>).filter((d) => d.code === code);
}

interface Case { name: string; code: string; at: string; title: string | RegExp; expect: RegExp; gone: string }

const CASES: Case[] = [
  { name: 'property casing', code: 'specgate-property-casing', at: '        shipped_at:', title: 'Rename shipped_at → shippedAt', expect: /        - shippedAt\n[\s\S]*\n        shippedAt:\n/, gone: 'shipped_at' },
  { name: 'glossary term', code: 'specgate-preferred-terms', at: '        creationDate:', title: 'Rename creationDate → createdAt', expect: /required: \[itemId, createdAt\][\s\S]*\n        createdAt:\n/, gone: 'creationDate' },
  { name: 'acronym', code: 'specgate-acronym-casing', at: '        userID:', title: 'Rename userID → userId', expect: /\n        userId:\n/, gone: 'userID' },
  { name: 'schema name', code: 'specgate-schema-name-casing', at: '    order_item:', title: 'Rename order_item → OrderItem', expect: /\$ref: '#\/components\/schemas\/OrderItem'[\s\S]*\n    OrderItem:\n[\s\S]*\$ref: '#\/components\/schemas\/OrderItem'/, gone: 'order_item' },
  { name: 'operationId', code: 'specgate-operation-id-casing', at: '      operationId: Get_Order_Item', title: 'Rename Get_Order_Item → getOrderItem', expect: /operationId: getOrderItem\n/, gone: 'Get_Order_Item' },
  { name: 'query parameter', code: 'specgate-parameter-casing', at: '        - name: page_size', title: 'Rename page_size → pageSize', expect: /- name: pageSize\n/, gone: 'page_size' },
  { name: 'path parameter', code: 'specgate-parameter-casing', at: '        - name: item_id', title: 'Rename item_id → itemId', expect: /\n  \/orderItems\/\{itemId\}:\n[\s\S]*- name: itemId\n/, gone: '"item_id"' },
  { name: 'path segments', code: 'specgate-path-segment-casing', at: '  /orderItems/{item_id}:', title: 'Rename /orderItems/{item_id} → /order-items/{item_id}', expect: /\n  \/order-items\/\{item_id\}:\n[\s\S]*- name: item_id\n/, gone: 'orderItems' },
  { name: 'enum value', code: 'specgate-enum-casing', at: '          enum: [OPEN, CLOSED, inProgress]', title: 'Rename inProgress → IN_PROGRESS', expect: /enum: \[OPEN, CLOSED, IN_PROGRESS\]/, gone: 'inProgress' },
  { name: 'timestamp format', code: 'specgate-timestamp-format', at: '        orderDate:', title: 'Add format: date to orderDate', expect: /orderDate:\n          type: string\n          format: date\n/, gone: 'orderDate' },
  { name: '401/403 responses', code: 'specgate-auth-error-responses', at: '    get:\n      description: The orders.', title: 'Add 401, 403 responses', expect: /\$ref: '#\/components\/schemas\/Order'\n        '401':\n          description: Unauthorized\n        '403':\n          description: Forbidden\n/, gone: 'GET /orders' },
];

for (const c of CASES) {
  test(`quick fix over LSP: ${c.name}`, async () => {
    const o = await openSpec(SHOP);
    const line = lineOf(SHOP, c.at);
    const d = o.diagnostics.find((x) => x.code === c.code && x.range.start.line === line);
    assert.ok(d, `${c.code} on line ${line}`);
    const actions = await codeActions(o, [d]);
    const action = actions.find((a) => (typeof c.title === 'string' ? a.title === c.title : c.title.test(a.title)));
    assert.ok(action, `action "${c.title}" among ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [d]);
    const change = action.edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(change.textDocument.version, 1, 'the edit carries the document version');
    const count = (list: Diagnostic[]) => list.reduce((m, x) => m.set(String(x.code), (m.get(String(x.code)) ?? 0) + 1), new Map<string, number>());
    const beforeCounts = count(o.diagnostics);
    const after = await applyAndSync(o, action.edit!);
    assert.match(o.text, c.expect);
    for (const [code, n] of count(after)) assert.ok(n <= (beforeCounts.get(code) ?? 0), `no new finding because of the fix: ${code}`);
    assert.doesNotThrow(() => YAML.parse(o.text));
    assert.equal(YAML.parseDocument(o.text).errors.length, 0);
    assert.deepEqual(after.filter((x) => x.code === c.code && String(x.message).includes(c.gone)), [], 'the diagnostic is gone');
    assert.deepEqual(after.filter((x) => x.code === 'specgate-syntax'), []);
    assert.deepEqual(cliFindings(o.file, c.code).filter((x) => x.message.includes(c.gone)), [], 'specgate lint is clean for that rule there');
  });
}

test('quick fix over LSP: missing operationId (Spectral operation-operationId)', async () => {
  const s = await startServer({ rootUri: pathToUri(dir), settings: { rules: CONFIGURED_CASINGS, debounceMs: 30 } });
  try {
    const file = path.join(dir, 'opid.yaml');
    await fs.writeFile(file, SHOP);
    const uri = pathToUri(file);
    const wait = s.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'operation-operationId'));
    s.open(uri, SHOP);
    const diagnostics = (await wait).diagnostics;
    const o: Opened = { uri, file, text: SHOP, version: 1, diagnostics };
    const d = diagnostics.find((x) => x.code === 'operation-operationId')!;
    const [action] = await codeActions(o, [d], undefined, s);
    assert.equal(action.title, 'Add operationId: getOrders');
    const after = await applyAndSync(o, action.edit!, s);
    assert.match(o.text, /\n  \/orders:\n    get:\n      operationId: getOrders\n      description: The orders\.\n/);
    void after;
    const settled = await s.waitForDiagnostics(uri, (p) => p.version === 2 && !p.diagnostics.some((x) => x.code === 'operation-operationId'));
    assert.deepEqual(settled.diagnostics.filter((x) => String(x.code).startsWith('specgate-operation-id') && String(x.message).includes('getOrders')), []);
    assert.deepEqual(cliFindings(file, 'operation-operationId'), []);
  } finally {
    await s.shutdown();
  }
});

test('schema rename across files: one WorkspaceEdit renames the $refs in another workspace file', async () => {
  const other = path.join(dir, 'catalog.yaml');
  const o = await openSpec(SHOP);
  const otherText = `openapi: 3.0.3\ninfo: {title: Catalog, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    Listing:\n      type: object\n      properties:\n        item:\n          $ref: './${path.basename(o.file)}#/components/schemas/order_item'\n`;
  await fs.writeFile(other, otherText);
  const d = o.diagnostics.find((x) => x.code === 'specgate-schema-name-casing')!;
  const [action] = await codeActions(o, [d]);
  const uris = action.edit!.documentChanges!.map((c) => (c as { textDocument: { uri: string; version: number | null } }).textDocument);
  assert.deepEqual(uris.map((u) => u.uri).sort(), [o.uri, pathToUri(other)].sort());
  const files = new Map<string, EditorFile>([[o.uri, { text: o.text, version: 1 }], [pathToUri(other), { text: otherText, version: null }]]);
  assert.ok(applyWorkspaceEdit(files, action.edit!).applied);
  assert.equal(files.get(pathToUri(other))!.text, otherText.replace('order_item', 'OrderItem'));
  assert.ok(!files.get(o.uri)!.text.includes('order_item'));
});

test('a fix computed for a stale version is not applied', async () => {
  const o = await openSpec(SHOP);
  const d = o.diagnostics.find((x) => x.code === 'specgate-property-casing')!;
  const [action] = await codeActions(o, [d]);
  // The user types before the fix is applied.
  const typed = o.text.replace('title: Shop API', 'title: Shop API v2');
  const wait = server.waitForDiagnostics(o.uri, (p) => p.version === 2);
  server.change(o.uri, 2, typed);
  await wait;
  const files = new Map<string, EditorFile>([[o.uri, { text: typed, version: 2 }]]);
  const result = applyWorkspaceEdit(files, action.edit!);
  assert.equal(result.applied, false);
  assert.equal(files.get(o.uri)!.text, typed);
  // Asked again, the fix is computed for the current version.
  const d2 = server.published.filter((p) => p.uri === o.uri && p.version === 2).pop()!.diagnostics.find((x) => x.code === 'specgate-property-casing')!;
  const [again] = await codeActions({ ...o, version: 2 }, [d2]);
  assert.equal((again.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 2);
  assert.ok(applyWorkspaceEdit(files, again.edit!).applied);
});

test('fix-all (source.fixAll.specgate): every naming finding fixed in one edit, nothing new', async () => {
  const o = await openSpec(SHOP);
  const before = new Set(o.diagnostics.map((d) => `${d.code}`));
  const actions = await codeActions(o, [], ['source.fixAll']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.specgate');
  const after = await applyAndSync(o, actions[0].edit!);
  const naming = ['property-casing', 'preferred-terms', 'acronym-casing', 'parameter-casing', 'path-segment-casing', 'operation-id-casing', 'schema-name-casing', 'enum-casing'];
  assert.deepEqual(after.filter((d) => naming.some((n) => d.code === `specgate-${n}`)).map((d) => d.message), []);
  for (const d of after) assert.ok(before.has(String(d.code)), `no new kind of finding: ${d.code} ${d.message}`);
  assert.doesNotThrow(() => YAML.parse(o.text));
  for (const n of naming) assert.deepEqual(cliFindings(o.file, `specgate-${n}`), []);
  // A quick-fix request (the lightbulb) does not carry the source action.
  assert.ok((await codeActions(o, [])).every((a) => a.kind !== 'source.fixAll.specgate'));
});

test('"Fix naming in workspace": the server sends workspace/applyEdit needing confirmation, across files', async () => {
  const ws = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-wsfix-'));
  const s = await startServer({ rootUri: pathToUri(ws), settings: { rules: CONFIGURED_CASINGS, debounceMs: 30, spectralEnabled: false } });
  try {
    await fs.writeFile(path.join(ws, 'a.yaml'), SHOP);
    await fs.writeFile(path.join(ws, 'b.yaml'), SHOP.replace('Shop API', 'Other API'));
    let received: WorkspaceEdit | undefined;
    s.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      received = params.edit;
      return { applied: true };
    });
    const result = (await s.connection.sendRequest('workspace/executeCommand', { command: 'specgate.server.fixNamingInWorkspace', arguments: [] })) as { fixes: number; files: number; applied: boolean };
    assert.equal(result.applied, true, JSON.stringify(result));
    assert.equal(result.files, 2);
    assert.ok(result.fixes >= 16, String(result.fixes));
    const annotation = Object.values(received!.changeAnnotations!)[0];
    assert.equal(annotation.needsConfirmation, true);
    const files = new Map<string, EditorFile>([[pathToUri(path.join(ws, 'a.yaml')), { text: SHOP, version: null }], [pathToUri(path.join(ws, 'b.yaml')), { text: SHOP.replace('Shop API', 'Other API'), version: null }]]);
    for (const c of received!.documentChanges!) for (const e of (c as { edits: Array<{ annotationId?: string }> }).edits) assert.ok(e.annotationId);
    assert.ok(applyWorkspaceEdit(files, received!).applied);
    for (const f of files.values()) assert.ok(!/order_item|shipped_at|Get_Order_Item/.test(f.text));
  } finally {
    await s.shutdown();
    await fs.rm(ws, { recursive: true, force: true });
  }
});

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

test('baseline-aware: a name published in HEAD says the rename breaks; a name new since HEAD gets the preferred fix', async () => {
  const repo = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-fixgit-'));
  const s = await startServer({ rootUri: pathToUri(repo), settings: { rules: CONFIGURED_CASINGS, debounceMs: 30, spectralEnabled: false } });
  try {
    git(repo, 'init', '-q');
    await fs.writeFile(path.join(repo, 'shop.yaml'), SHOP);
    git(repo, 'add', 'shop.yaml');
    git(repo, 'commit', '-q', '-m', 'v1');
    const edited = SHOP.replace('        orderId:\n          type: string\n', '        orderId:\n          type: string\n        billing_name:\n          type: string\n');
    await fs.writeFile(path.join(repo, 'shop.yaml'), edited);
    const uri = pathToUri(path.join(repo, 'shop.yaml'));
    const wait = s.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => String(d.message).includes('billing_name')));
    s.open(uri, edited);
    const diagnostics = (await wait).diagnostics;
    const o: Opened = { uri, file: path.join(repo, 'shop.yaml'), text: edited, version: 1, diagnostics };

    const published = diagnostics.find((d) => d.code === 'specgate-property-casing' && String(d.message).includes('shipped_at'))!;
    const actions = await codeActions(o, [published], undefined, s);
    assert.equal(actions[0].title, 'Rename shipped_at → shippedAt (breaking: published in HEAD)');
    assert.equal(actions[0].isPreferred, false);
    const alternative = actions.find((a) => a.title === 'Add shippedAt and deprecate shipped_at (non-breaking)');
    assert.ok(alternative, actions.map((a) => a.title).join(' | '));

    const fresh = diagnostics.find((d) => d.code === 'specgate-property-casing' && String(d.message).includes('billing_name'))!;
    const [preferred] = await codeActions(o, [fresh], undefined, s);
    assert.equal(preferred.title, 'Rename billing_name → billingName');
    assert.equal(preferred.isPreferred, true);

    // The non-breaking alternative: the diagnostic goes away and the breaking engine has nothing breaking to say.
    const after = await applyAndSync(o, alternative.edit!, s);
    assert.match(o.text, /\n        shipped_at:\n          deprecated: true\n/);
    assert.match(o.text, /\n        shippedAt:\n          type: string\n          format: date-time\n/);
    assert.deepEqual(after.filter((d) => d.code === 'specgate-property-casing' && String(d.message).includes('shipped_at')), []);
    const settled = await s.waitForDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.every((d) => !String(d.message).includes('shipped_at')), 20_000);
    assert.ok(settled);
    // Fix-all leaves the published name alone and fixes the new one.
    const [all] = await codeActions(o, [], ['source.fixAll.specgate'], s);
    const files = new Map<string, EditorFile>([[uri, { text: o.text, version: o.version }]]);
    assert.ok(applyWorkspaceEdit(files, all.edit!).applied);
    assert.match(files.get(uri)!.text, /billingName:/);
    assert.match(files.get(uri)!.text, /\n        shipped_at:\n/);
    assert.match(files.get(uri)!.text, /\n    order_item:\n/);
  } finally {
    await s.shutdown();
    await fs.rm(repo, { recursive: true, force: true });
  }
});
