import type { Diagnostic, Position } from 'vscode-languageserver-types';

/**
 * Keeps every range inside the text it is published for. Spectral's own parser on badly broken
 * JSON, and older results remapped through edits, can point past the end of a line or the file;
 * clients reject or misplace such ranges.
 */
export function clampToText(diagnostics: Diagnostic[], text: string): Diagnostic[] {
  const clamp = positionClamp(text);
  return diagnostics.map((d) => {
    const start = clamp(d.range.start);
    const end = clamp(d.range.end);
    const ordered = end.line < start.line || (end.line === start.line && end.character < start.character) ? start : end;
    if (start.line === d.range.start.line && start.character === d.range.start.character && ordered === end && end.line === d.range.end.line && end.character === d.range.end.character) return d;
    return { ...d, range: { start, end: ordered } };
  });
}

/** Puts a position inside `text`: on a line that exists, and before that line's break (`\r\n` included). */
export function positionClamp(text: string): (p: Position) => Position {
  const lineLengths = lineLengthsOf(text);
  return (p) => {
    const line = Math.min(Math.max(p.line, 0), lineLengths.length - 1);
    return { line, character: Math.min(Math.max(p.character, 0), lineLengths[line]) };
  };
}

/**
 * The last texts' line lengths: each version is published up to three times (fast, breaking and
 * Spectral layers), and scanning GitHub's 9 MB spec again each time cost ~70 ms per publish.
 */
const recentLineLengths: { text: string; lengths: number[] }[] = [];
const RECENT_TEXTS = 2;

function lineLengthsOf(text: string): number[] {
  const known = recentLineLengths.find((entry) => entry.text === text);
  if (known) return known.lengths;
  const lengths = scanLineLengths(text);
  recentLineLengths.unshift({ text, lengths });
  recentLineLengths.length = Math.min(recentLineLengths.length, RECENT_TEXTS);
  return lengths;
}

function scanLineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lengths.push(end - start - (end > start && text.charCodeAt(end - 1) === 13 ? 1 : 0));
    if (nl < 0) return lengths;
    start = nl + 1;
  }
}
