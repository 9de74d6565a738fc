import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit, TextDocumentEdit } from 'vscode-languageserver-types';
import { EditSet } from '../../server/src/engine/references/editSet';

const U = 'file:///a.yaml';
const edit = (line: number, from: number, to: number, newText: string): TextEdit => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
const one = (...edits: TextEdit[]) => {
  const s = new EditSet();
  for (const e of edits) s.add(U, e);
  return s;
};
const editsOf = (s: EditSet) => ((s.toWorkspaceEdit(new Map()).documentChanges ?? []) as TextDocumentEdit[]).flatMap((c) => c.edits as TextEdit[]);

test('identical edits are kept once; the workspace edit lists them sorted by position', () => {
  const s = one(edit(9, 2, 5, 'b'), edit(1, 0, 3, 'a'), edit(9, 2, 5, 'b'), edit(4, 1, 1, 'x'));
  assert.equal(s.size, 3);
  assert.deepEqual(editsOf(s).map((e) => e.newText), ['a', 'x', 'b']);
});

test('a fix overlapping a taken edit is refused whole; touching edits and identical ones merge', () => {
  const taken = one(edit(3, 4, 10, 'fooBar'), edit(7, 0, 2, 'id'));
  assert.equal(taken.tryMerge(one(edit(3, 8, 12, 'x'), edit(20, 0, 1, 'y'))), false, 'overlaps 3:4-10');
  assert.equal(taken.size, 2, 'nothing of the refused fix was added');
  assert.equal(taken.tryMerge(one(edit(3, 10, 12, 'z'), edit(3, 4, 10, 'fooBar'))), true, 'touching, and identical');
  assert.equal(taken.size, 3);
  assert.equal(taken.tryMerge(one(edit(7, 1, 1, 'q'))), false, 'an insertion inside a replaced range');
  assert.equal(taken.tryMerge(one(edit(7, 2, 2, 'q'))), true, 'an insertion right after a replaced range');
});

test('two different insertions at one point conflict (their order would be arbitrary)', () => {
  const taken = one(edit(5, 0, 0, '# a\n'));
  assert.equal(taken.tryMerge(one(edit(5, 0, 0, '# b\n'))), false);
  assert.equal(taken.tryMerge(one(edit(5, 0, 0, '# a\n'))), true);
  assert.equal(taken.size, 1);
});

test('a long edit spanning many later ones is still seen as a conflict', () => {
  const taken = one(edit(1, 0, 0, 'x'));
  for (let line = 2; line < 200; line++) assert.ok(taken.tryMerge(one(edit(line, 0, 3, 'abc'))));
  const wide: TextEdit = { range: { start: { line: 0, character: 5 }, end: { line: 150, character: 0 } }, newText: '' };
  assert.equal(taken.tryMerge(one(wide)), false);
  // A set that already holds overlapping edits (added directly) still finds every conflict.
  const messy = one(wide, edit(10, 0, 3, 'abc'));
  assert.equal(messy.tryMerge(one(edit(120, 0, 1, 'q'))), false);
  assert.equal(messy.tryMerge(one(edit(151, 0, 1, 'q'))), true);
});

test('edits of other files never conflict', () => {
  const taken = one(edit(3, 4, 10, 'a'));
  const other = new EditSet();
  other.add('file:///b.yaml', edit(3, 4, 10, 'b'));
  assert.equal(taken.tryMerge(other), true);
  assert.equal(taken.toWorkspaceEdit(new Map([[U, 7]])).documentChanges!.length, 2);
  assert.deepEqual((taken.toWorkspaceEdit(new Map([[U, 7]])).documentChanges![0] as TextDocumentEdit).textDocument, { uri: U, version: 7 });
});
