// Spectral on a value-only parse, findings placed afterwards on the positioned parse (the Spectral
// worker's path) against Spectral on the shared positioned parse (the CLI's path): the same
// findings, ranges and order, on crafted documents and on real specs.
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
import { locatePendingRanges, spectralValueDocument } from '../../server/src/engine/spectral/valueOnlyParse';
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
  if (own) placed.set(uri, locatePendingRanges(own, positioned));
  return { shared, placed };
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
