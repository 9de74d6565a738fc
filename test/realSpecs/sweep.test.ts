import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { openapiDirectory, listSpecs, sample } from '../helpers/realSpecs';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';
import { parseValue } from '../../server/src/engine/document/parseValue';
import { fastDiagnostics } from '../../server/src/engine/languageFeatures/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { diffSpecs } from '../../server/src/engine/diff';
import { pathToUri } from '../../server/src/engine/uri';

const specs = sample(listSpecs(openapiDirectory()), 160);

test(`real specs from ${specs.length} APIs: parse, lint and self-diff without a crash or a phantom change`, () => {
  assert.ok(specs.length >= 150, `only ${specs.length} specs found`);
  let findings = 0;
  for (const file of specs) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToUri(file);
    const doc = parseDocument(uri, text);
    assert.ok(doc.format, `${file} is recognised as OpenAPI`);
    assert.deepEqual(doc.problems, [], `${file} parses`);
    const byFile = fastDiagnostics(doc, DEFAULT_SETTINGS);
    for (const d of byFile.get(uri) ?? []) {
      assert.ok(d.range.start.line >= 0 && d.range.end.line < doc.textDocument.lineCount, `${file}: range inside the document`);
      assert.match(String(d.code), /^specgate-/);
    }
    findings += byFile.get(uri)?.length ?? 0;
    const input = { uri, documents: new Map([[uri, doc.value]]) };
    const self = diffSpecs(input, input);
    assert.deepEqual(self.changes.map((c) => c.id), [], `${path.basename(file)} compared with itself has no changes`);
  }
  assert.ok(findings > 0, 'the style guide finds something in real specs');
});

test('the same spec as JSON and as YAML gives the same findings at the same pointers, and no diff', () => {
  for (const file of specs.slice(0, 40)) {
    const json = readFileSync(file, 'utf8');
    const value = JSON.parse(json);
    const yamlText = YAML.stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
    const a = parseDocument('file:///a.json', json);
    const b = parseDocument('file:///a.yaml', yamlText);
    assert.deepEqual(parseValue('file:///a.yaml', yamlText).value, b.value, `${path.basename(file)}: the fast value parse equals the full parse`);
    const pointers = (doc: typeof a) => (fastDiagnostics(doc, DEFAULT_SETTINGS).get(doc.uri) ?? []).map((d) => `${d.code} ${(d.data as { pointer: string }).pointer}`).sort();
    assert.deepEqual(pointers(b), pointers(a), path.basename(file));
    const diff = diffSpecs({ uri: 'file:///a.json', documents: new Map([['file:///a.json', a.value]]) }, { uri: 'file:///a.yaml', documents: new Map([['file:///a.yaml', b.value]]) });
    assert.deepEqual(diff.changes, [], path.basename(file));
  }
});
