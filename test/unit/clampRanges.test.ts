import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { clampToText } from '../../server/src/engine/languageFeatures/clampRanges';

const diag = (sl: number, sc: number, el: number, ec: number): Diagnostic => ({ range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, message: 'm' });

test('ranges inside the text are returned untouched (same object)', () => {
  const d = diag(0, 1, 1, 2);
  assert.equal(clampToText([d], 'abc\ndef\n')[0], d);
});

test('ranges past the end of a line, of the file, or negative are clamped into the text', () => {
  const text = 'abc\r\nde\nlast';
  const [pastLine, pastFile, negative, inverted] = clampToText([diag(0, 10, 0, 99), diag(7, 3, 9, 9), diag(-1, -4, 0, 1), diag(1, 2, 0, 0)], text);
  assert.deepEqual(pastLine.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, 'CR is not part of the line');
  assert.deepEqual(pastFile.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 4 } });
  assert.deepEqual(negative.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  assert.deepEqual(inverted.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, 'an end before the start collapses onto the start');
});

test('empty text keeps every range at 0:0', () => {
  assert.deepEqual(clampToText([diag(3, 3, 4, 4)], '')[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});
