import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DocumentSymbol, Location, Position, SymbolInformation } from 'vscode-languageserver-types';
import { startServer, LspSession } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/navigation');
let dir: string;
let server: LspSession;
const texts = new Map<string, string>();
const uriOf = (rel: string) => pathToUri(path.join(dir, rel));

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-nav-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  for (const rel of ['petstore.yaml', 'orders.yaml', 'legacy.swagger.yaml', 'schemas/common.yaml', 'schemas/address.yaml']) texts.set(rel, await fs.readFile(path.join(dir, rel), 'utf8'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
  for (const rel of ['petstore.yaml', 'orders.yaml', 'legacy.swagger.yaml']) {
    const analysed = server.waitForAnalysis(uriOf(rel), 1);
    server.open(uriOf(rel), texts.get(rel)!);
    await analysed;
  }
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Position of the `occurrence`-th `needle` (+ delta characters) in a fixture file. */
function at(rel: string, needle: string, delta = 0, occurrence = 1): Position {
  const text = texts.get(rel)!;
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} in ${rel}`);
  const lines = text.slice(0, index + delta).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
const lineOf = (rel: string, needle: string, occurrence = 1) => at(rel, needle, 0, occurrence).line;
const where = (l: Location | null) => (l ? [path.relative(dir, new URL(l.uri).pathname), l.range.start.line] : null);

function definition(rel: string, position: Position) {
  return server.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf(rel) }, position }) as Promise<Location | null>;
}
function references(rel: string, position: Position, includeDeclaration = false) {
  return server.connection.sendRequest('textDocument/references', { textDocument: { uri: uriOf(rel) }, position, context: { includeDeclaration } }) as Promise<Location[]>;
}

test('definition of a $ref: local, other file with a pointer, pointer inside that file, whole file', async () => {
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', "$ref: '#/components/schemas/Pet'", 12))), ['petstore.yaml', lineOf('petstore.yaml', '    Pet:')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', "$ref: './schemas/common.yaml#/Error'", 12))), ['schemas/common.yaml', 0]);
  assert.deepEqual(where(await definition('orders.yaml', at('orders.yaml', "petstore.yaml#/components/schemas/Pet", 3))), ['petstore.yaml', lineOf('petstore.yaml', '    Pet:')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', "$ref: './schemas/address.yaml'", 10))), ['schemas/address.yaml', 0]);
  // A cyclic schema (Tree → Tree) and a self-referencing property resolve without looping.
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', "./schemas/common.yaml#/Tree", 3))), ['schemas/common.yaml', lineOf('schemas/common.yaml', 'Tree:')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', "$ref: '#/components/schemas/Pet'", 12, 5))), ['petstore.yaml', lineOf('petstore.yaml', '    Pet:')]);
});

test('definition of a missing target is empty, without an error', async () => {
  assert.equal(await definition('petstore.yaml', at('petstore.yaml', '#/components/schemas/Missing', 5)), null);
  assert.equal(await definition('petstore.yaml', at('petstore.yaml', './schemas/nowhere.yaml#/Nothing', 5)), null);
  assert.equal(await definition('petstore.yaml', at('petstore.yaml', 'tags: [pets, unknown]', 15)), null);
  assert.equal(await definition('petstore.yaml', at('petstore.yaml', 'title: Pet store', 3)), null);
});

test('definition of security names, mapping values, link operationId/operationRef and tags', async () => {
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', '  - apiKey: []', 5))), ['petstore.yaml', lineOf('petstore.yaml', '    apiKey:')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', '- oauth: [read]', 4))), ['petstore.yaml', lineOf('petstore.yaml', '    oauth:')]);
  assert.deepEqual(where(await definition('legacy.swagger.yaml', at('legacy.swagger.yaml', '- basic: []', 3))), ['legacy.swagger.yaml', lineOf('legacy.swagger.yaml', '  basic:')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', 'dog: Dog', 6))), ['petstore.yaml', lineOf('petstore.yaml', '    Dog:')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', "cat: '#/components/schemas/Cat'", 10))), ['petstore.yaml', lineOf('petstore.yaml', '    Cat:')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', 'operationId: getPet', 14))), ['petstore.yaml', lineOf('petstore.yaml', '    get:', 2)]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', "operationRef: '#/paths", 16))), ['petstore.yaml', lineOf('petstore.yaml', '    get:', 2)]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', '        - store', 10))), ['petstore.yaml', lineOf('petstore.yaml', '  - name: store')]);
  assert.deepEqual(where(await definition('petstore.yaml', at('petstore.yaml', 'tags: [pets]', 8))), ['petstore.yaml', lineOf('petstore.yaml', '  - name: pets')]);
});

test('references of a component: every $ref and mapping across the workspace, from the key or from a $ref', async () => {
  const fromKey = (await references('petstore.yaml', at('petstore.yaml', '    Pet:', 5))).map(where);
  const expected = [
    ...[1, 2, 3, 4, 5, 6].map((n) => ['petstore.yaml', lineOf('petstore.yaml', "$ref: '#/components/schemas/Pet'", n)]),
    ['orders.yaml', lineOf('orders.yaml', 'petstore.yaml#/components/schemas/Pet')],
  ];
  assert.deepEqual(fromKey.sort(), expected.sort());
  const fromRef = (await references('orders.yaml', at('orders.yaml', 'petstore.yaml#/components/schemas/Pet', 3), true)).map(where);
  assert.deepEqual(fromRef.sort(), [...expected, ['petstore.yaml', lineOf('petstore.yaml', '    Pet:')]].sort());
  // A fragment's member: referenced from two APIs.
  const error = (await references('petstore.yaml', at('petstore.yaml', "common.yaml#/Error'", 3))).map(where);
  assert.deepEqual(error.sort(), [
    ['orders.yaml', lineOf('orders.yaml', 'schemas/common.yaml#/Error')],
    ['petstore.yaml', lineOf('petstore.yaml', './schemas/common.yaml#/Error', 1)],
    ['petstore.yaml', lineOf('petstore.yaml', './schemas/common.yaml#/Error', 2)],
  ].sort());
  const dog = (await references('petstore.yaml', at('petstore.yaml', '    Dog:', 5))).map(where);
  assert.deepEqual(dog, [['petstore.yaml', lineOf('petstore.yaml', 'dog: Dog')]]);
});

test('references of security schemes, operations (links) and tags', async () => {
  const oauth = (await references('petstore.yaml', at('petstore.yaml', '    oauth:', 5), true)).map(where);
  assert.deepEqual(oauth.sort(), [['petstore.yaml', lineOf('petstore.yaml', '- oauth: [read]')], ['petstore.yaml', lineOf('petstore.yaml', '    oauth:')]].sort());
  const getPet = (await references('petstore.yaml', at('petstore.yaml', 'operationId: getPet', 14, 2))).map(where);
  assert.deepEqual(getPet.sort(), [['petstore.yaml', lineOf('petstore.yaml', 'operationId: getPet')], ['petstore.yaml', lineOf('petstore.yaml', 'operationRef:')]].sort());
  const pets = (await references('petstore.yaml', at('petstore.yaml', '  - name: pets', 10))).map(where);
  assert.deepEqual(pets.sort(), [
    ['petstore.yaml', lineOf('petstore.yaml', 'tags: [pets]')],
    ['petstore.yaml', lineOf('petstore.yaml', '        - pets')],
    ['petstore.yaml', lineOf('petstore.yaml', 'tags: [pets, unknown]')],
  ].sort());
  assert.deepEqual(await references('petstore.yaml', at('petstore.yaml', 'title: Pet store', 3)), []);
});

test('document symbols: paths → METHOD operationId, components by kind, webhooks, tags', async () => {
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf('petstore.yaml') } })) as DocumentSymbol[];
  const outline = (list: DocumentSymbol[] | undefined): unknown[] => (list ?? []).map((s) => (s.children?.length ? [s.name, outline(s.children)] : s.name));
  assert.deepEqual(outline(symbols), [
    ['paths', [['/pets', ['GET listPets', 'POST createPet']], ['/pets/{petId}', ['GET getPet']]]],
    ['components', [['schemas', ['Pet', 'Dog', 'Cat', 'Tree']], ['responses', ['Problem']], ['securitySchemes', ['apiKey', 'oauth']]]],
    ['tags', ['pets', 'store']],
  ]);
  const post = symbols[0].children![0].children![1];
  assert.equal(post.selectionRange.start.line, lineOf('petstore.yaml', '    post:'));
  assert.equal(post.range.end.line, lineOf('petstore.yaml', '  /pets/{petId}:') - 1);
  const orders = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf('orders.yaml') } })) as DocumentSymbol[];
  assert.deepEqual(outline(orders), [['paths', [['/orders', ['POST createOrder']]]], ['webhooks', [['orderShipped', ['POST orderShipped']]]]]);
});

test('workspace symbols: operations by operationId and METHOD /path, and schemas, across every API', async () => {
  const search = async (query: string) => ((await server.connection.sendRequest('workspace/symbol', { query })) as SymbolInformation[]).map((s) => [s.name, where(s.location)![0]]);
  assert.deepEqual(await search('createOrder'), [['createOrder', 'orders.yaml']]);
  assert.deepEqual((await search('GET /pets')).sort(), [['GET /pets', 'petstore.yaml'], ['GET /pets/{petId}', 'petstore.yaml']]);
  // The query's characters in order: the schema and the operation listing it.
  assert.deepEqual((await search('Thing')).sort(), [['GET /things', 'legacy.swagger.yaml'], ['Thing', 'legacy.swagger.yaml'], ['listThings', 'legacy.swagger.yaml']]);
  const all = (await search('')).map(([name]) => name);
  for (const name of ['listThings', 'GET /things', 'orderShipped', 'POST orderShipped', 'Pet', 'Dog', 'listPets']) assert.ok(all.includes(name), name);
});
