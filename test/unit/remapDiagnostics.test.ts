// The root's last Spectral findings follow an edit until Spectral runs on the new text: before the
// edit they stay, after it they move, touching it they go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { remapDiagnostics } from '../../server/src/diagnosticsScheduler';

const at = (line: number, from: number, to: number, code: string): Diagnostic => ({ range: { start: { line, character: from }, end: { line, character: to } }, message: code, code });
const where = (list: Diagnostic[]) => list.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

const TEXT = ['openapi: 3.0.3', 'info:', '  title: Pets', '  version: 1.0.0', 'paths: {}', ''].join('\n');
const FINDINGS = [at(0, 0, 7, 'root'), at(2, 2, 7, 'title'), at(2, 9, 13, 'title-value'), at(3, 11, 16, 'version'), at(4, 0, 5, 'paths')];

test('a finding before the edit stays, after it moves by lines and, on the edit\'s last line, by characters', () => {
  // Typing inside the title's value: the finding on the value goes, the key's on the same line stays.
  assert.deepEqual(where(remapDiagnostics(FINDINGS, TEXT, TEXT.replace('Pets', 'Pet store'))), ['root@0:0-0:7', 'title@2:2-2:7', 'version@3:11-3:16', 'paths@4:0-4:5']);
  // Two lines inserted after info: later findings move down two lines; the title key, which the
  // inserted text's common suffix makes touch the edit, goes.
  const inserted = TEXT.replace('info:\n', 'info:\n  description: a\n  x-a: 1\n');
  assert.deepEqual(where(remapDiagnostics(FINDINGS, TEXT, inserted)), ['root@0:0-0:7', 'title-value@4:9-4:13', 'version@5:11-5:16', 'paths@6:0-6:5']);
  // Characters inserted before a finding on the same line move it right.
  assert.deepEqual(where(remapDiagnostics([at(3, 11, 16, 'version')], TEXT, TEXT.replace('  version', '  x-version'))), ['version@3:13-3:18']);
  assert.deepEqual(where(remapDiagnostics([at(3, 11, 16, 'version')], TEXT, TEXT.replace('version: 1.0.0', 'versions: 1.0.0'))), ['version@3:12-3:17']);
  // Text inserted right at a finding's start: it goes (it may now be about something else).
  assert.deepEqual(where(remapDiagnostics([at(3, 11, 16, 'version')], TEXT, TEXT.replace('version: 1.0.0', 'version:  1.0.0'))), []);
  // Lines deleted above.
  assert.deepEqual(where(remapDiagnostics([at(4, 0, 5, 'paths')], TEXT, TEXT.replace('  title: Pets\n', ''))), ['paths@3:0-3:5']);
  // The same text: the same list.
  assert.equal(remapDiagnostics(FINDINGS, TEXT, TEXT), FINDINGS);
});

test('on a 1 MB text the edit is found by blocks and the result equals a small text\'s', () => {
  const filler = Array.from({ length: 20_000 }, (_, i) => `  x-line-${i}: ${'v'.repeat(40)}`).join('\n');
  const big = `openapi: 3.0.3\ninfo:\n${filler}\npaths: {}\n`;
  const lines = big.split('\n').length;
  const last = at(lines - 2, 0, 5, 'paths');
  const before = at(10_002, 2, 14, 'before');
  const middle = at(10_003, 2, 14, 'middle');
  const edited = big.replace('x-line-10000: ', 'x-line-10000: more\n  x-new: ');
  assert.deepEqual(where(remapDiagnostics([last, before, middle], big, edited)), [`paths@${lines - 1}:0-${lines - 1}:5`, 'before@10002:2-10002:14', 'middle@10004:2-10004:14']);
});
