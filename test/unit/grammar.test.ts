// The OpenAPI injection grammars in syntaxes/, tokenized as VS Code does: vscode-textmate + vscode-oniguruma,
// injected into the real YAML and JSON grammars (from tm-grammars, the grammars VS Code ships).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};
const injections = manifest.contributes.grammars.filter((g) => g.injectTo);
const grammarFiles: Record<string, string> = {
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'source.json': require.resolve('tm-grammars/grammars/json.json'),
};
for (const g of injections) grammarFiles[g.scopeName] = path.join(ROOT, g.path);

let registry: vsctm.Registry | undefined;
async function grammarFor(scope: string): Promise<vsctm.IGrammar> {
  if (!registry) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = grammarFiles[scopeName];
        return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      // As VS Code does with contributes.grammars[].injectTo.
      getInjections: (scopeName: string) => injections.filter((g) => g.injectTo.includes(scopeName)).map((g) => g.scopeName),
    });
  }
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, `grammar ${scope}`);
  return grammar;
}

/** Every token as `text => scopes`, line by line. */
async function tokenize(scope: string, text: string): Promise<{ text: string; scopes: string[] }[]> {
  const grammar = await grammarFor(scope);
  let state = vsctm.INITIAL;
  const out: { text: string; scopes: string[] }[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}

const scopesOf = (tokens: { text: string; scopes: string[] }[], text: string) =>
  tokens.filter((t) => t.text === text).map((t) => t.scopes.join(' '));
const has = (tokens: { text: string; scopes: string[] }[], text: string, scope: string) =>
  assert.ok(scopesOf(tokens, text).some((s) => s.includes(scope)), `"${text}" should have ${scope}; got ${JSON.stringify(scopesOf(tokens, text))}`);
const hasNot = (tokens: { text: string; scopes: string[] }[], text: string, scope: string) =>
  assert.ok(!scopesOf(tokens, text).some((s) => s.includes(scope)), `"${text}" should not have ${scope}; got ${JSON.stringify(scopesOf(tokens, text))}`);

const YAML = `openapi: 3.1.0
info:
  title: Orders
  version: 1.0.0
  x-audience: internal
paths:
  /orders:
    x-owner: team-a
    get:
      operationId: listOrders
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Order'
        4XX:
          $ref: "#/components/responses/Problem"
        default:
          description: error
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: ./schemas/order.yaml#/Order }
      responses:
        201:
          description: created
components:
  schemas:
    Order:
      description: |
        Looks like keys, is text (the first line of a block scalar is not guarded: a TextMate limit):
        get:
        '200': not a key in a block scalar
      properties:
        get: { type: string }
        # $ref: commented out
`;

test('manifest contributes both injections into YAML and JSON', () => {
  const byScope = Object.fromEntries(injections.map((g) => [g.scopeName, g.injectTo]));
  assert.deepEqual(byScope['openapi.injection.yaml'], ['source.yaml']);
  assert.ok(byScope['openapi.injection.json'].includes('source.json'));
  for (const g of injections) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
});

test('YAML: $ref values, plain, single- and double-quoted, block and flow', async () => {
  const tokens = await tokenize('source.yaml', YAML);
  has(tokens, '$ref', 'keyword.other.reference.openapi');
  has(tokens, '#/components/schemas/Order', 'markup.underline.link.reference.openapi');
  has(tokens, '#/components/responses/Problem', 'markup.underline.link.reference.openapi');
  has(tokens, './schemas/order.yaml#/Order', 'markup.underline.link.reference.openapi');
  hasNot(tokens, '# $ref: commented out', 'keyword.other.reference.openapi');
});

test('YAML: x- extension keys', async () => {
  const tokens = await tokenize('source.yaml', YAML);
  has(tokens, 'x-audience', 'entity.other.attribute-name.extension.openapi');
  has(tokens, 'x-owner', 'entity.other.attribute-name.extension.openapi');
  hasNot(tokens, 'internal', 'entity.other.attribute-name.extension.openapi');
});

test('YAML: HTTP method keys of operations, not a property named get', async () => {
  const tokens = await tokenize('source.yaml', YAML);
  const gets = scopesOf(tokens, 'get');
  assert.ok(gets.some((s) => s.includes('keyword.other.http-method.openapi')), JSON.stringify(gets));
  has(tokens, 'post', 'keyword.other.http-method.openapi');
  // `get: { type: string }` (a property) and `get:` inside a block scalar are not operations.
  assert.equal(gets.filter((s) => s.includes('keyword.other.http-method.openapi')).length, 1, JSON.stringify(gets));
});

test('YAML: response status-code keys, quoted, plain and ranges', async () => {
  const tokens = await tokenize('source.yaml', YAML);
  has(tokens, '200', 'constant.numeric.status-code.openapi');
  has(tokens, '201', 'constant.numeric.status-code.openapi');
  has(tokens, '4XX', 'constant.numeric.status-code.openapi');
  hasNot(tokens, 'ok', 'constant.numeric.status-code.openapi');
});

const JSON_SPEC = `{
  "openapi": "3.0.3",
  "info": { "title": "Orders", "version": "1.0.0", "x-audience": "internal" },
  "paths": {
    "/orders": {
      "get": {
        "responses": {
          "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order", "nullable": true } } } },
          "404": { "$ref": "#/components/responses/NotFound" }
        }
      }
    }
  },
  "components": { "schemas": { "Order": { "properties": { "name": { "type": "string", "example": "$ref" } } } } }
}`;

test('JSON: $ref values, x- keys, methods and status codes; the host grammar resumes after them', async () => {
  const tokens = await tokenize('source.json', JSON_SPEC);
  has(tokens, '$ref', 'keyword.other.reference.openapi');
  has(tokens, '#/components/schemas/Order', 'markup.underline.link.reference.openapi');
  has(tokens, '#/components/responses/NotFound', 'markup.underline.link.reference.openapi');
  has(tokens, 'x-audience', 'entity.other.attribute-name.extension.openapi');
  has(tokens, 'get', 'keyword.other.http-method.openapi');
  has(tokens, '200', 'constant.numeric.status-code.openapi');
  has(tokens, '404', 'constant.numeric.status-code.openapi');
  // The key after a $ref pair is still a key, and nothing is marked illegal.
  has(tokens, 'nullable', 'support.type.property-name.json');
  assert.deepEqual(tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid'))), []);
  // A "$ref" string value is not a reference.
  hasNot(tokens.filter((t) => t.scopes.some((s) => s.includes('string.quoted.double.json')) && !t.scopes.some((s) => s.includes('property-name'))), '$ref', 'keyword.other.reference.openapi');
});
