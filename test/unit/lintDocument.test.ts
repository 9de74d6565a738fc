// The CLI's Spectral-only lint: a value-only parse, findings placed by Spectral's own parser, and
// the full parse where that parser refuses the text. Each case must equal the lint of the
// positioned parse (the editor's path): findings, ranges, order and notices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/engine/languageService';
import { isValueOnly } from '../../server/src/engine/document/parsedDocument';
import { spectralAstOf } from '../../server/src/engine/spectral/valueOnlyParse';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { DIRECTORY_NOISE_SPECS, openapiDirectory } from '../helpers/realSpecs';

const SPEC = `openapi: 3.0.3
info:
  title: T
  version: '1'
  description: |
    Multi
    line

paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer, example: nope } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { kind: { type: string, enum: [cat, dog, cat] } } }
              example: { kind: 4 }
    post:
      operationId: getPet
      responses: {}
`;

function serviceFor(files: Record<string, string>, styleGuideEnabled: boolean) {
  const settings = { ...DEFAULT_SETTINGS, styleGuideEnabled };
  return createLanguageService({ workspace: new InMemoryWorkspace(files), getSettings: () => settings });
}

/** Both paths on fresh services (no shared caches); returns whether the lint document was value-only. */
async function assertSameAsPositioned(uri: string, text: string): Promise<boolean> {
  const valueOnlyService = serviceFor({ [uri]: text }, false);
  const lintDoc = valueOnlyService.getLintDocument(uri, text, 0);
  const fromValue = await valueOnlyService.lint(lintDoc);
  const positionedService = serviceFor({ [uri]: text }, false);
  const fromPositioned = await positionedService.lint(positionedService.getDocument(uri, text, 0));
  assert.ok((fromPositioned.byFile.get(uri) ?? []).length > 0, `${uri} has findings`);
  assert.deepEqual(fromValue.byFile, fromPositioned.byFile, uri);
  assert.deepEqual(fromValue.notices, fromPositioned.notices, uri);
  return isValueOnly(lintDoc);
}

test('value-only lint equals the positioned lint: YAML, CRLF, JSON', async () => {
  assert.equal(await assertSameAsPositioned('file:///w/api.yaml', SPEC), true);
  const lintDoc = serviceFor({ 'file:///w/api.yaml': SPEC }, false).getLintDocument('file:///w/api.yaml', SPEC, 0);
  assert.ok(spectralAstOf(lintDoc), "YAML is read through Spectral's parser's AST, parsed once");
  assert.equal(await assertSameAsPositioned('file:///w/crlf.yaml', SPEC.replace(/\n/g, '\r\n')), true);
  assert.equal(await assertSameAsPositioned('file:///w/api.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/a': { get: { responses: {} } } } }, null, 2)), true);
});

test("a trailing tab: js-yaml reads it, Spectral's parser refuses it, the full parse lints it", async () => {
  const text = SPEC.replace("operationId: getPet\n      parameters", "operationId: getPet\t\n      parameters");
  // Value-only at first; the fallback must still give the positioned result (no parser finding of Spectral's).
  assert.equal(await assertSameAsPositioned('file:///w/tab.yaml', text), true);
  const service = serviceFor({ 'file:///w/tab.yaml': text }, false);
  const result = await service.lint(service.getLintDocument('file:///w/tab.yaml', text, 0));
  assert.ok(!(result.byFile.get('file:///w/tab.yaml') ?? []).some((d) => d.code === 'parser'), "no finding of Spectral's parser");
});

test('only a Spectral-only lint of an OpenAPI document takes the value-only parse', () => {
  const uri = 'file:///w/api.yaml';
  assert.equal(isValueOnly(serviceFor({ [uri]: SPEC }, true).getLintDocument(uri, SPEC, 0)), false, 'the style guide needs positions');
  const arazzo = 'arazzo: 1.0.0\ninfo: { title: W, version: "1" }\nsourceDescriptions: []\nworkflows: []\n';
  assert.equal(isValueOnly(serviceFor({ 'file:///w/w.arazzo.yaml': arazzo }, false).getLintDocument('file:///w/w.arazzo.yaml', arazzo, 0)), false, 'Arazzo');
  const service = serviceFor({ [uri]: SPEC }, false);
  const first = service.getLintDocument(uri, SPEC, 0);
  assert.equal(service.getLintDocument(uri, SPEC, 0), first, 'kept for governance to reuse');
  service.forget(uri);
  assert.notEqual(service.getLintDocument(uri, SPEC, 0), first, 'forgotten with the file');
});

for (const name of ['Asana', 'Zoom']) {
  test(`real spec ${name}: value-only lint equals the positioned lint`, async () => {
    const json = readFileSync(path.join(openapiDirectory(), DIRECTORY_NOISE_SPECS[name]), 'utf8');
    assert.equal(await assertSameAsPositioned(`file:///w/${name}.json`, json), true);
  });
}
