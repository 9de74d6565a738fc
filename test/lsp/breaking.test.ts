import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession, codes } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/breaking');
const EXPECTED = [
  'api-path-removed-without-deprecation',
  'request-parameter-became-required',
  'request-property-became-required',
  'request-property-max-length-decreased',
  'request-property-enum-value-removed',
  'response-optional-property-removed',
  'response-property-enum-value-added',
];
let dir: string;
let server: LspSession;
let v1: string;
let v2: string;
let uri: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-git-'));
  v1 = await fs.readFile(path.join(FIXTURES, 'orders-v1.yaml'), 'utf8');
  v2 = await fs.readFile(path.join(FIXTURES, 'orders-v2.yaml'), 'utf8');
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'orders.yaml'), v1);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'v1');
  uri = pathToUri(path.join(dir, 'orders.yaml'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false, styleGuideEnabled: false } });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length - 1;
const breakingCodes = (p: { diagnostics: { code?: unknown }[] }) => codes(p.diagnostics as never).filter((c) => EXPECTED.includes(c));

test('each edit against HEAD shows a hint on its node; a removal sits on the nearest surviving parent', async () => {
  const wait = server.waitForDiagnostics(uri, (p) => breakingCodes(p).length >= EXPECTED.length);
  server.open(uri, v1, 'yaml', 1);
  server.change(uri, 2, v2);
  const { diagnostics, version } = await wait;
  assert.equal(version, 2);
  const on = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);
  assert.deepEqual(new Set(breakingCodes({ diagnostics })), new Set(EXPECTED));
  assert.ok(on('request-property-max-length-decreased').includes(lineOf(v2, 'maxLength: 100')));
  assert.ok(on('request-parameter-became-required').includes(lineOf(v2, 'required: true')));
  assert.ok(on('request-property-enum-value-removed').includes(lineOf(v2, 'enum: [web, phone]')));
  assert.ok(on('response-property-enum-value-added').includes(lineOf(v2, 'enum: [open, shipped, cancelled]') ), JSON.stringify(on('response-property-enum-value-added')));
  assert.ok(on('api-path-removed-without-deprecation').includes(lineOf(v2, 'paths:')), 'removed path shows on paths:');
  const removedPath = diagnostics.find((d) => d.code === 'api-path-removed-without-deprecation')!;
  assert.match(String(removedPath.message), /\/orders\/\{orderId\}/);
  assert.equal(removedPath.severity, 2, 'breaking changes are warnings by default');
  assert.match(removedPath.codeDescription!.href, /docs\/changes\/api-path-removed-without-deprecation\.md$/);
});

test('hover on a changed node says before → after, who breaks, what to do, and links the docs', async () => {
  const line = lineOf(v2, 'maxLength: 100');
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } }) as { contents: { value: string } };
  const text = hover.contents.value;
  assert.match(text, /request-property-max-length-decreased/);
  assert.match(text, /`255` → `100`/);
  assert.match(text, /Who breaks/);
  assert.match(text, /POST \/orders/);
  assert.match(text, /What to do instead/);
  assert.match(text, /docs\/changes\/request-property-max-length-decreased\.md/);
});

test('hover on info.version gives the semver bump the changes need, with counts', async () => {
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(v2, 'version: 1.0.0'), character: 12 } }) as { contents: { value: string } };
  assert.match(hover.contents.value, /Required version bump: major/);
  assert.match(hover.contents.value, /\d+ breaking/);
  assert.match(hover.contents.value, /not sufficient/);
});

test('the report command returns a markdown changelog', async () => {
  const result = await server.connection.sendRequest('workspace/executeCommand', { command: 'specgate.report', arguments: [uri] }) as { markdown: string };
  assert.match(result.markdown, /## Breaking changes/);
  assert.match(result.markdown, /request-property-max-length-decreased/);
});

test('after a commit the hints disappear; checking out the old version brings them back', async () => {
  await fs.writeFile(path.join(dir, 'orders.yaml'), v2);
  const cleared = server.waitForDiagnostics(uri, (p) => breakingCodes(p).length === 0, 15_000);
  git(dir, 'commit', '-qam', 'v2');
  await cleared;
  const back = server.waitForDiagnostics(uri, (p) => breakingCodes(p).length >= EXPECTED.length, 15_000);
  git(dir, 'checkout', '-q', '-b', 'old', 'HEAD~1');
  await back;
  git(dir, 'checkout', '-q', 'main');
});

test('accepting a breaking change records it in .specgate/accepted.yaml and stops reporting it', async () => {
  git(dir, 'checkout', '-q', 'old');
  const present = await server.waitForDiagnostics(uri, (p) => breakingCodes(p).includes('request-property-max-length-decreased'), 15_000).catch(() => undefined);
  const diagnostics = present?.diagnostics ?? server.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
  const target = diagnostics.find((d) => d.code === 'request-property-max-length-decreased')!;
  const actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } }) as Array<{ title: string; edit: { documentChanges: Array<{ kind?: string; uri?: string; textDocument?: { uri: string }; edits?: Array<{ newText: string }> }> } }>;
  const accept = actions.find((a) => /Accept this breaking change/.test(a.title))!;
  assert.ok(accept, JSON.stringify(actions.map((a) => a.title)));
  const textEdit = accept.edit.documentChanges.find((c) => c.edits)!;
  await fs.mkdir(path.join(dir, '.specgate'), { recursive: true });
  await fs.writeFile(path.join(dir, '.specgate/accepted.yaml'), textEdit.edits!.map((e) => e.newText).join(''));
  const accepted = await fs.readFile(path.join(dir, '.specgate/accepted.yaml'), 'utf8');
  assert.match(accepted, /id: request-property-max-length-decreased/);
  assert.match(accepted, /reason: "TODO/);
  const gone = server.waitForDiagnostics(uri, (p) => !breakingCodes(p).includes('request-property-max-length-decreased') && breakingCodes(p).length > 0, 15_000);
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(path.join(dir, '.specgate/accepted.yaml')), type: 1 }] });
  await gone;
  git(dir, 'checkout', '-q', 'main');
});
