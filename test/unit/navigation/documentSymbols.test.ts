import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { parseDocument } from '../../../server/src/engine/document/parsedDocument';
import { documentSymbols } from '../../../server/src/engine/navigation/documentSymbols';
import { indexDocument } from '../../../server/src/engine/openapi';
import { openapiDirectory } from '../../helpers/realSpecs';
import { fixtureText } from './memoryFiles';

test('Swagger 2.0: definitions, parameters, responses and securityDefinitions are groups of their own', () => {
  const symbols = documentSymbols(parseDocument('file:///ws/legacy.swagger.yaml', fixtureText('legacy.swagger.yaml')));
  assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.children?.map((c) => c.name)]), [
    ['paths', SymbolKind.Module, ['/things']],
    ['definitions', SymbolKind.Package, ['Thing']],
    ['securityDefinitions', SymbolKind.Package, ['basic']],
  ]);
});

test('a real spec (LaunchDarkly): one outline entry per operation, every range inside the document', () => {
  const text = readFileSync(path.join(openapiDirectory(), 'launchdarkly.com.json'), 'utf8');
  const doc = parseDocument('file:///ws/launchdarkly.json', text);
  const symbols = documentSymbols(doc);
  const paths = symbols.find((s) => s.name === 'paths')!;
  const operations = paths.children!.flatMap((p) => p.children ?? []);
  assert.equal(operations.length, indexDocument(doc.value, doc.format!).operations.filter((o) => o.kind === 'path').length);
  assert.ok(operations.every((o) => /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)( \S+)?$/.test(o.name)));
  const lines = doc.textDocument.lineCount;
  const check = (list: typeof symbols) => list.forEach((s) => {
    assert.ok(s.range.start.line <= s.selectionRange.start.line && s.range.end.line < lines, s.name);
    check(s.children ?? []);
  });
  check(symbols);
});

test('not an OpenAPI document, or a document that does not parse: no symbols and no error', () => {
  assert.deepEqual(documentSymbols(parseDocument('file:///ws/a.yaml', 'a: 1\n')), []);
  assert.deepEqual(documentSymbols(parseDocument('file:///ws/a.yaml', 'openapi: 3.0.0\npaths: [\n')), []);
});

test('every selectionRange lies inside its range (VS Code rejects the whole outline otherwise), tags given as array items included', () => {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const texts = [
    readFileSync(path.resolve(__dirname, '../../../../test/e2e/workspace/openapi.yaml'), 'utf8'),
    'openapi: 3.0.3\ninfo: {title: T, version: "1"}\ntags:\n  - name: a\n    description: A\n\n  - name: b\npaths: {}\n',
  ];
  let checked = 0;
  for (const [i, text] of texts.entries()) {
    const walk = (list: DocumentSymbol[]) => {
      for (const s of list) {
        assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), `${i}: ${s.name} ${JSON.stringify(s.range)} ${JSON.stringify(s.selectionRange)}`);
        checked++;
        walk(s.children ?? []);
      }
    };
    walk(documentSymbols(parseDocument(`file:///t${i}.yaml`, text, 1)));
  }
  assert.ok(checked > 10, `${checked} symbols`);
});
