import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeLens, CompletionItem, CompletionList, DocumentLink, Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { startServer, LspSession } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/navigation');
let dir: string;
let server: LspSession;
const texts = new Map<string, string>();
const versions = new Map<string, number>();
const uriOf = (rel: string) => pathToUri(path.join(dir, rel));

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-nav-authoring-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
  for (const rel of ['petstore.yaml', 'orders.yaml', 'legacy.swagger.yaml']) {
    const text = await fs.readFile(path.join(dir, rel), 'utf8');
    texts.set(rel, text);
    versions.set(rel, 1);
    const analysed = server.waitForAnalysis(uriOf(rel), 1);
    server.open(uriOf(rel), text);
    await analysed;
  }
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

function positionAfter(text: string, needle: string, delta = needle.length): Position {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  const lines = text.slice(0, index + delta).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Replaces `from` by `to` in a fixture (a new version, as typed), then asks for completion at `cursor` inside `to`. */
async function completeAfterEdit(rel: string, from: string, to: string, cursor: string): Promise<CompletionItem[]> {
  const text = texts.get(rel)!;
  assert.ok(text.includes(from), from);
  const edited = text.replace(from, to);
  const version = versions.get(rel)! + 1;
  versions.set(rel, version);
  server.change(uriOf(rel), version, edited);
  const offset = edited.indexOf(to) + to.indexOf(cursor) + cursor.length;
  const lines = edited.slice(0, offset).split('\n');
  const result = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: uriOf(rel) }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } })) as CompletionItem[] | CompletionList;
  // Back to the fixture text for the next case.
  server.change(uriOf(rel), version + 1, text);
  versions.set(rel, version + 1);
  return Array.isArray(result) ? result : result.items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newTexts = (items: CompletionItem[]) => items.map((i) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : i.label));

test('completion of $ref targets: local pointers, pointers in another file, relative paths', async () => {
  const schemas = await completeAfterEdit('petstore.yaml', "$ref: '#/components/schemas/Missing'", "$ref: '#/components/schemas/", "schemas/");
  assert.deepEqual(labels(schemas), ['Pet', 'Dog', 'Cat', 'Tree']);
  const edit = schemas[0].textEdit as { range: { start: Position; end: Position } };
  assert.equal(edit.range.end.character - edit.range.start.character, 0);
  const partial = await completeAfterEdit('petstore.yaml', "$ref: '#/components/schemas/Missing'", "$ref: '#/components/schemas/Do'", 'schemas/Do');
  assert.equal((partial[0].textEdit as { range: { start: Position; end: Position } }).range.end.character - (partial[0].textEdit as { range: { start: Position } }).range.start.character, 2);
  // A schema added in the same version is offered (small documents: the current version is parsed).
  const added = await completeAfterEdit('petstore.yaml', "$ref: '#/components/schemas/Missing'", "$ref: '#/components/schemas/'", 'schemas/');
  assert.deepEqual(labels(added), ['Pet', 'Dog', 'Cat', 'Tree']);
  const withNew = await completeAfterEdit('petstore.yaml', "  responses:\n    Problem:", "    Fresh:\n      type: string\n  responses:\n    Problem:", 'Fresh');
  assert.deepEqual(withNew, [], 'a schema key being typed gets no completion of its own');
  const text = texts.get('petstore.yaml')!;
  const both = text.replace("  responses:\n    Problem:", "    Fresh:\n      type: string\n  responses:\n    Problem:").replace("$ref: '#/components/schemas/Missing'", "$ref: '#/components/schemas/'");
  const v = versions.get('petstore.yaml')! + 1;
  versions.set('petstore.yaml', v);
  server.change(uriOf('petstore.yaml'), v, both);
  const cursor = positionAfter(both, "$ref: '#/components/schemas/");
  const fresh = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: uriOf('petstore.yaml') }, position: cursor })) as CompletionItem[];
  assert.deepEqual(labels(fresh), ['Pet', 'Dog', 'Cat', 'Tree', 'Fresh']);
  const groups = await completeAfterEdit('petstore.yaml', "$ref: '#/components/schemas/Missing'", "$ref: '#/components/", 'components/');
  assert.deepEqual(labels(groups), ['schemas', 'responses', 'securitySchemes']);
  const fragment = await completeAfterEdit('petstore.yaml', "$ref: '#/components/schemas/Missing'", "$ref: './schemas/common.yaml#/", 'yaml#/');
  assert.deepEqual(labels(fragment), ['Error', 'ErrorDetail', 'Tree']);
  const files = await completeAfterEdit('petstore.yaml', "$ref: '#/components/schemas/Missing'", "$ref: './schemas/", 'schemas/');
  assert.deepEqual(labels(files).sort(), ['address.yaml', 'common.yaml']);
  const start = await completeAfterEdit('petstore.yaml', "$ref: '#/components/schemas/Missing'", "$ref: ''", "$ref: '");
  for (const expected of ['schemas/', 'orders.yaml', 'legacy.swagger.yaml', '#/components/schemas/Pet', '#/components/responses/Problem']) assert.ok(labels(start).includes(expected), expected);
  assert.ok(!labels(start).includes('petstore.yaml'), 'not the document itself');
});

test('completion of keys valid at the cursor, per version, with the specification description', async () => {
  const operation = await completeAfterEdit('petstore.yaml', '      operationId: listPets\n', '      operationId: listPets\n      dep\n', '      dep');
  const deprecated = operation.find((i) => i.label === 'deprecated')!;
  assert.match((deprecated.documentation as MarkupContent).value, /deprecated/);
  assert.ok(labels(operation).includes('requestBody') && labels(operation).includes('callbacks'));
  assert.ok(!labels(operation).includes('operationId') && !labels(operation).includes('consumes'), 'present keys and 2.0 keys are not offered');
  const swagger = await completeAfterEdit('legacy.swagger.yaml', '      operationId: listThings\n', '      operationId: listThings\n      \n', 'listThings\n      ');
  assert.ok(labels(swagger).includes('consumes') && !labels(swagger).includes('requestBody'));
  const root30 = await completeAfterEdit('petstore.yaml', 'paths:\n', 'paths:\nx-y: 1\nw\n', 'x-y: 1\nw');
  const root31 = await completeAfterEdit('orders.yaml', 'paths:\n', 'paths:\nx-y: 1\nw\n', 'x-y: 1\nw');
  assert.ok(!labels(root30).includes('webhooks') && !labels(root30).includes('jsonSchemaDialect') && labels(root30).includes('externalDocs'));
  assert.ok(labels(root31).includes('jsonSchemaDialect') && !labels(root31).includes('webhooks'), '3.1 keys; webhooks is already there');
  // Inside a sequence item (a parameter), after its first key.
  const parameter = await completeAfterEdit('petstore.yaml', '          in: path\n', '          in: path\n          \n', 'in: path\n          ');
  assert.ok(labels(parameter).includes('style') && labels(parameter).includes('description') && !labels(parameter).includes('name'));
});

test('completion of status codes, media types, security schemes, tags, formats and parameter locations', async () => {
  const codes = await completeAfterEdit('petstore.yaml', "        '201':\n          description: Created\n", "        '201':\n          description: Created\n        4\n", 'Created\n        4');
  assert.ok(labels(codes).includes('404') && labels(codes).includes('default'));
  assert.ok(newTexts(codes).includes("'404':"));
  const media = await completeAfterEdit('petstore.yaml', '          content:\n            application/json:\n              schema:\n                type: array', '          content:\n            app\n            application/json:\n              schema:\n                type: array', 'app');
  assert.ok(labels(media).includes('application/problem+json'));
  const schemes = await completeAfterEdit('petstore.yaml', '        - oauth: [read]\n', '        - oauth: [read]\n        - \n', '[read]\n        - ');
  assert.deepEqual(newTexts(schemes), ['apiKey: []', 'oauth: []']);
  const tags = await completeAfterEdit('petstore.yaml', 'tags: [pets]', 'tags: [pets, ]', 'pets, ');
  assert.deepEqual(labels(tags), ['pets', 'store', 'unknown']);
  const tagItems = await completeAfterEdit('petstore.yaml', '        - store\n', '        - store\n        - \n', 'store\n        - ');
  assert.deepEqual(labels(tagItems), ['pets', 'store', 'unknown']);
  const formats = await completeAfterEdit('petstore.yaml', '          type: string\n      responses:', '          type: string\n            format: \n      responses:', 'format: ');
  assert.ok(labels(formats).includes('date-time') && labels(formats).includes('uuid'));
  const locations = await completeAfterEdit('petstore.yaml', '          in: path', '          in: ', 'in: ');
  assert.deepEqual(labels(locations), ['query', 'header', 'path', 'cookie']);
  const links = await completeAfterEdit('petstore.yaml', '              operationId: getPet', '              operationId: ', 'operationId: ');
  assert.deepEqual(labels(links), ['listPets', 'createPet', 'getPet']);
  assert.deepEqual(await completeAfterEdit('petstore.yaml', 'title: Pet store', 'title: Pet', 'Pet'), []);
});

async function hover(rel: string, position: Position): Promise<string | undefined> {
  const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(rel) }, position })) as Hover | null;
  return h ? (h.contents as MarkupContent).value : undefined;
}

test('hover on a $ref previews the target; on a key, the field description; info.version keeps its own hover', async () => {
  const petstore = texts.get('petstore.yaml')!;
  const error = (await hover('petstore.yaml', positionAfter(petstore, "common.yaml#/Error'", 3)))!;
  assert.match(error, /`common\.yaml#\/Error`/);
  assert.match(error, /```yaml\nError:\n {2}type: object\n {2}properties:/);
  const address = (await hover('petstore.yaml', positionAfter(petstore, "./schemas/address.yaml'", 3)))!;
  assert.match(address, /street:/);
  const pet = (await hover('petstore.yaml', positionAfter(petstore, "$ref: '#/components/schemas/Pet'", 10)))!;
  assert.match(pet, /^`#\/components\/schemas\/Pet`\n\n```yaml\nPet:\n/);
  assert.match(pet, /\n {4}parent:\n {6}\$ref: '#\/components\/schemas\/Pet'\n```$/, 'the whole schema: exactly 15 lines');
  assert.equal(await hover('petstore.yaml', positionAfter(petstore, '#/components/schemas/Missing', 5)), undefined);
  const operationId = (await hover('petstore.yaml', positionAfter(petstore, 'operationId: listPets', 3)))!;
  assert.match(operationId, /\*\*operationId\*\* \(operation field\)\n\nUnique string used to identify the operation/);
  const version = (await hover('petstore.yaml', positionAfter(petstore, '  version: 1.0.0', 4)))!;
  assert.match(version, /\*\*Specgate:\*\* no baseline[\s\S]*\n---\n[\s\S]*\*\*version\*\* \(info field\)/);
  // A property named like a keyword is not described as one.
  assert.equal(await hover('petstore.yaml', positionAfter(petstore, '        kind:\n', 10)), undefined);
});

test('document links open the file part of external $refs', async () => {
  const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf('petstore.yaml') } })) as DocumentLink[];
  const petstore = texts.get('petstore.yaml')!;
  const summary = links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, path.relative(dir, new URL(l.target!).pathname)]);
  const first = positionAfter(petstore, "'./schemas/common.yaml#/Error'", 1);
  assert.deepEqual(summary.find((s) => s[0] === first.line), [first.line, first.character, first.character + './schemas/common.yaml'.length, 'schemas/common.yaml']);
  assert.deepEqual(summary.map((s) => s[3]).sort(), ['schemas/address.yaml', 'schemas/common.yaml', 'schemas/common.yaml', 'schemas/common.yaml', 'schemas/nowhere.yaml']);
});

test('code lens "N references" is off by default and counts $refs across files when on', async () => {
  const off = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf('petstore.yaml') } })) as CodeLens[];
  assert.deepEqual(off, []);
  const other = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false, codeLens: { references: true } } });
  try {
    const analysed = other.waitForAnalysis(uriOf('petstore.yaml'), 1);
    other.open(uriOf('petstore.yaml'), texts.get('petstore.yaml')!);
    await analysed;
    const lenses = (await other.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf('petstore.yaml') } })) as CodeLens[];
    const lines = texts.get('petstore.yaml')!.split('\n');
    assert.deepEqual(lenses.map((l) => [lines[l.range.start.line].trim(), l.command!.title]), [
      ['Pet:', '7 references'], ['Dog:', '1 reference'], ['Cat:', '1 reference'], ['Tree:', '0 references'], ['Problem:', '1 reference'],
    ]);
  } finally {
    await other.shutdown();
  }
});
