import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { completionsAt } from '../../../server/src/engine/navigation/completion';
import { parseDocument } from '../../../server/src/engine/document/parsedDocument';
import { memoryFiles, ROOT } from './memoryFiles';

async function complete(textWithCursor: string, names?: string): Promise<CompletionItem[]> {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const lines = text.slice(0, offset).split('\n');
  const files = memoryFiles({ 'api.yaml': names ?? text });
  return completionsAt({ uri: `${ROOT}/api.yaml`, text, offset, position: { line: lines.length - 1, character: lines[lines.length - 1].length }, names: files.doc('api.yaml'), files });
}

test('names come from the latest parse even when the live text does not parse', async () => {
  const parsed = 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      type: object\n    B:\n      type: string\n';
  const items = await complete(`${parsed}    C:\n      $ref: "#/components/schemas/|`, parsed);
  assert.deepEqual(items.map((i) => i.label), ['A', 'B']);
  assert.equal(parseDocument('file:///x.yaml', `${parsed}    C:\n      $ref: "#/components/schemas/`).problems.length > 0, true, 'the live text is broken');
});

test('pointer segments with "/" are escaped; "#" alone offers the root members with a slash', async () => {
  const text = "openapi: 3.0.0\npaths:\n  /a/b:\n    get: {}\nx:\n  $ref: '#/paths/|'\n";
  const items = await complete(text);
  assert.deepEqual(items.map((i) => i.label), ['~1a~1b']);
  const root = await complete("openapi: 3.0.0\nx:\n  $ref: '#|'\n");
  assert.deepEqual(root.map((i) => (i.textEdit as { newText: string }).newText), ['/openapi', '/x']);
});

test('Arazzo and non-spec documents get nothing', async () => {
  assert.deepEqual(await complete('arazzo: 1.0.0\nworkflows:\n  - |'), []);
  assert.deepEqual(await complete('name: x\n  $ref: |'), []);
});
