import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/engine/document/parsedDocument';
import { documentLinks } from '../../../server/src/engine/navigation/documentLinks';

test('JSON and unquoted YAML: the link covers the file part; local and remote refs get none', () => {
  const json = parseDocument('file:///ws/api.json', '{\n  "openapi": "3.0.0",\n  "x": { "$ref": "s/a.json#/A" },\n  "y": { "$ref": "#/x" },\n  "z": { "$ref": "https://e.com/a.json" }\n}');
  assert.deepEqual(documentLinks(json).map((l) => [l.range, l.target]), [[{ start: { line: 2, character: 18 }, end: { line: 2, character: 26 } }, 'file:///ws/s/a.json']]);
  const yaml = parseDocument('file:///ws/api.yaml', 'openapi: 3.0.0\nx:\n  $ref: ../common.yaml\n');
  assert.deepEqual(documentLinks(yaml).map((l) => [l.range.start.character, l.range.end.character, l.target]), [[8, 22, 'file:///common.yaml']]);
});
