// Spectral on a value-only parse, findings placed afterwards on the positioned parse (the Spectral
// worker's path) or on Spectral's own positioned parser (the CLI's Spectral-only lint), against
// Spectral on the shared positioned parse: the same findings, ranges and order, on crafted
// documents and on real specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { Ruleset } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import type { Diagnostic } from 'vscode-languageserver-types';
import { runSpectral } from '../../server/src/engine/spectral/spectralRunner';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';
import { locatePendingRanges, locateWith, spectralParserLocator, spectralValueDocument } from '../../server/src/engine/spectral/valueOnlyParse';
import { sharedParser } from '../../server/src/engine/spectral/sharedParse';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { DIRECTORY_NOISE_SPECS, openapiDirectory } from '../helpers/realSpecs';

const ruleset = () => new Ruleset({ extends: [[oas as never, 'all']] } as never, { severity: 'recommended' });

async function bothWays(uri: string, text: string, files: Record<string, string> = {}): Promise<{ shared: Map<string, Diagnostic[]>; placed: Map<string, Diagnostic[]> }> {
  const workspace = new InMemoryWorkspace({ [uri]: text, ...files });
  const positioned = parseDocument(uri, text);
  const shared = await runSpectral(uri, text, ruleset(), workspace, DEFAULT_SETTINGS, positioned);
  const valueOnly = spectralValueDocument(uri, text, 0);
  assert.ok(valueOnly, 'the fast value parse applies');
  const placed = await runSpectral(uri, text, ruleset(), workspace, DEFAULT_SETTINGS, valueOnly);
  const own = placed.get(uri);
  if (own) {
    placed.set(uri, locatePendingRanges(own, positioned));
    // Spectral's own parser places them as the positioned parse does.
    const locator = spectralParserLocator(text);
    assert.ok(locator, "Spectral's parser reads the text");
    assert.deepEqual(locateWith(locator, own), placed.get(uri), `${uri}: placed by Spectral's parser`);
  }
  return { shared, placed };
}

/** Every path of `value`, plus a missing child of each collection (Spectral then asks for the closest). */
function everyPath(value: unknown, limit = 20000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    if (out.length >= limit) return;
    out.push(at);
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...at, i]));
      out.push([...at, v.length]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, [...at, k]);
      out.push([...at, 'x-not-there', 'deeper']);
    }
  };
  walk(value, []);
  return out;
}

/** The two locators agree on every path of `text`: start and end, exact and closest. */
function assertLocatorsAgree(uri: string, text: string): number {
  const positioned = parseDocument(uri, text);
  const shared = sharedParser(positioned);
  const spectrals = spectralParserLocator(text);
  assert.ok(spectrals, uri);
  const paths = everyPath(positioned.value);
  for (const at of paths) {
    for (const closest of [true, false]) {
      assert.deepEqual(spectrals.getLocationForJsonPath(undefined, at, closest), shared.getLocationForJsonPath(undefined, at, closest), `${uri} ${JSON.stringify(at)} closest=${closest}`);
    }
  }
  return paths.length;
}

const CRAFTED = `openapi: 3.0.3
info:
  title: T
  version: '1'
  description: |
    multi
    line
servers: [{ url: 'https://example.com/' }]
paths:
  /b/:
    get:
      description:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { a: { type: string, enum: [x, y] } } }
              example: { a: z }
  /a/{id}:
    get:
      operationId: same
      parameters: [{ name: id, in: query, schema: { type: integer, example: nope } }]
      responses:
        '200': { $ref: 'other.yaml#/Ok' }
    post:
      operationId: same
      tags: [undeclared]
      responses: {}
components:
  schemas:
    Unused: { type: string, default: 4 }
`;

test('crafted: same findings, ranges and order as the shared parse, external findings untouched', async () => {
  const other = 'Ok:\n  description: ok\n  content:\n    application/json:\n      schema: { type: integer }\n      example: text\n';
  const uri = 'file:///w/api.yaml';
  const { shared, placed } = await bothWays(uri, CRAFTED, { 'file:///w/other.yaml': other });
  const own = shared.get(uri) ?? [];
  assert.ok(own.length >= 8, `the document exercises many rules: ${own.map((d) => d.code).join(', ')}`);
  assert.ok(own.some((d) => d.range.start.line > 0), 'ranges are real positions');
  assert.ok(shared.get('file:///w/other.yaml')?.length, 'a finding sits in the referenced file');
  assert.deepEqual([...placed.keys()].sort(), [...shared.keys()].sort());
  for (const [file, list] of shared) assert.deepEqual(placed.get(file), list, file);
});

test('JSON text: the same as the shared parse', async () => {
  const uri = 'file:///w/api.json';
  const text = JSON.stringify(YAML.parse(CRAFTED.replace("{ $ref: 'other.yaml#/Ok' }", "{ description: ok }")), null, 2);
  const { shared, placed } = await bothWays(uri, text);
  assert.ok((shared.get(uri) ?? []).length >= 6);
  assert.deepEqual(placed, shared);
});

test('the value-only parse is refused where it would not read the document as the positioned parse does', () => {
  const base = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n';
  assert.ok(spectralValueDocument('file:///a.yaml', base, 0));
  for (const [why, text] of [
    ['merge key', `${base}components:\n  schemas:\n    A: &a { type: string }\n    B:\n      <<: *a\n`],
    ['alias', `${base}x-a: &a { b: 1 }\nx-b: *a\n`],
    ['duplicate key', `${base}paths: {}\n`],
    ['syntax error', `${base}info: [\n`],
    ['empty', ''],
  ]) assert.equal(spectralValueDocument('file:///a.yaml', text, 0), undefined, why);
});

test('placing needs a positioned parse of the same text', () => {
  const text = 'openapi: 3.0.3\ninfo: [\n';
  assert.throws(() => locatePendingRanges([], parseDocument('file:///a.yaml', text)), /no positioned parse/);
});

// Real specs, as YAML (how most are written) and as the published JSON.
for (const name of ['Asana', 'Box', 'Plaid', 'Zoom']) {
  test(`real spec ${name}: value-only + placed equals the shared parse (YAML and JSON)`, async () => {
    const json = readFileSync(path.join(openapiDirectory(), DIRECTORY_NOISE_SPECS[name]), 'utf8');
    const yaml = YAML.stringify(JSON.parse(json), { lineWidth: 0, aliasDuplicateObjects: false });
    for (const [uri, text] of [[`file:///w/${name}.yaml`, yaml], [`file:///w/${name}.json`, json]]) {
      const { shared, placed } = await bothWays(uri, text);
      assert.ok((shared.get(uri) ?? []).length > 0, `${uri} has findings`);
      assert.deepEqual(placed, shared, uri);
    }
  });
}

test("Spectral's parser and the shared parser place every path alike: block, flow, quoted, multi-line, empty values", () => {
  const text = `openapi: 3.0.3
info:
  title: "T: quoted"
  version: '1'
  description: |
    multi
    line

  summary: >-
    folded
    text
servers: [{ url: 'https://example.com/' }, {url: "x"}]
paths:
  /a:
    get:
      description:
      tags:
        - one
        -
        - [x, y]
      responses:
        "200": { description: ok, content: {} }
        '404':
          description: >
            gone
x-empty-map: {}
x-empty-seq: []
x-null: null
x-plain: a long
  plain scalar
"x-quoted key": 1
? complex
: value
# a trailing comment
`;
  assert.ok(assertLocatorsAgree('file:///w/a.yaml', text) > 40);
  assert.ok(assertLocatorsAgree('file:///w/b.yaml', text.replace(/\n/g, '\r\n')) > 40, 'CRLF line breaks');
  assert.ok(assertLocatorsAgree('file:///w/c.json', JSON.stringify(YAML.parse(text), null, 2)) > 40, 'JSON');
});

test("Spectral's parser refuses what it cannot read, so the caller takes the full parse", () => {
  assert.equal(spectralParserLocator('openapi: 3.0.3\ninfo: [\n'), undefined);
});

for (const name of ['Asana', 'Zoom']) {
  test(`real spec ${name}: Spectral's parser and the shared parser place every path alike (YAML and JSON)`, () => {
    const json = readFileSync(path.join(openapiDirectory(), DIRECTORY_NOISE_SPECS[name]), 'utf8');
    const yaml = YAML.stringify(JSON.parse(json), { lineWidth: 0, aliasDuplicateObjects: false });
    assert.ok(assertLocatorsAgree(`file:///w/${name}.yaml`, yaml) > 1000);
    assert.ok(assertLocatorsAgree(`file:///w/${name}.json`, json) > 1000);
  });
}
