/**
 * Cheap pre-parse guards. The `yaml` parser aborts the whole process (a fatal V8 OOM, not
 * a catchable error) on documents nested a few thousand levels deep, so depth is estimated
 * from the raw text before the parser ever sees it.
 */
export interface ParseLimits {
  /** Deepest nesting accepted (block indentation levels + flow brackets). */
  maxDepth: number;
  /** Most alias expansions accepted when building values (YAML "billion laughs"). */
  maxAliasCount: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 256, maxAliasCount: 10_000 };

/** Anchors (`&name`) and tags (`!tag`, `!!seq`, `!<uri>`) before a value, with their spaces. */
const NODE_PROPERTIES = /^(?:(?:&[^\s\[\]{},]+|![^\s\[\]{},]*) +)+/;

/** Whether position `i` begins a scalar: the previous non-space character opens or separates flow items. */
function startsScalar(text: string, i: number, scanFrom: number): boolean {
  for (let j = i - 1; j >= scanFrom; j--) {
    const c = text[j];
    if (c === ' ' || c === '\t') continue;
    return c === '[' || c === '{' || c === ',' || c === ':' || c === '?';
  }
  return true;
}

/** Value-start prefix of a block line: indentation, `- ` sequence markers, an optional `key: `. */
const BLOCK_PREFIX = /^( *)((?:- +)*)(?:(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{[][^#]*?) *: +)?/;

function nextIndex(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? Infinity : at;
}

/**
 * A block line the general path would read as indentation, `- ` markers and text only: its first
 * non-space character is printable and not `#`, and no `[` or `{` is within the 4 KB it looks at
 * (`nextOpen`: the first of either at or after `from`). Blank, comment and tab-indented lines, and
 * lines that may open a flow collection, take the general path.
 */
function plainBlockLine(text: string, from: number, to: number, nextOpen: number): boolean {
  if (nextOpen < to) return false;
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) i++;
  if (i === to) return false;
  const first = text.charCodeAt(i);
  return first > 32 && first !== 35 /* # */ && first < 127;
}

/**
 * Estimates the nesting depth of YAML or JSON text, and returns the 0-based line where the
 * estimate first exceeds `limit`, or -1. Overestimates at worst slightly; linear time.
 */
export function findExcessiveNesting(
  text: string,
  limit: number,
  /** false: every line through the general path (a test compares the two). */
  shortcut = true,
): number {
  return scanNesting(text, 0, text.length, limit, [], shortcut).line;
}

/**
 * The estimate over the lines in [from, to) only (`from` a line start, `to` a line start or the end),
 * starting below block entries at `outerIndents` (the columns of the enclosing maps' keys): true
 * when it exceeds `limit` there. undefined when a flow collection is still open at `to`, so that the
 * lines after it would be read differently: only the whole text can tell then.
 * An edit re-parsed as one block map's entries changes nothing after them (the next line closes
 * every deeper level), so this region stands for the whole text (incrementalParse.ts).
 */
export function exceedsNestingWithin(text: string, from: number, to: number, limit: number, outerIndents: readonly number[]): boolean | undefined {
  const { line, open } = scanNesting(text, from, to, limit, [...outerIndents], true);
  return line >= 0 ? true : open ? undefined : false;
}

/** The block levels open at a line indented by `indent`: deeper ones close, a deeper indent opens one. */
function enterBlockLine(indentStack: number[], indent: number): void {
  while (indentStack.length > 0 && indentStack[indentStack.length - 1] > indent) indentStack.pop();
  if (indentStack.length === 0 || indentStack[indentStack.length - 1] < indent) indentStack.push(indent);
}

function scanNesting(text: string, from: number, to: number, limit: number, indentStack: number[], shortcut: boolean): { line: number; open: boolean } {
  let flowDepth = 0;
  let quote: string | undefined;
  let line = 0;
  let lineStart = from;
  // The next `[` and `{`, found with indexOf and moved forward only: linear over the whole text.
  let nextSquare = -1;
  let nextCurly = -1;
  while (lineStart < to || lineStart === text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let scanFrom = lineStart;
    const lookEnd = Math.min(lineEnd, lineStart + 4096);
    if (nextSquare !== Infinity && nextSquare < lineStart) nextSquare = nextIndex(text, '[', lineStart);
    if (nextCurly !== Infinity && nextCurly < lineStart) nextCurly = nextIndex(text, '{', lineStart);
    if (shortcut && flowDepth === 0 && plainBlockLine(text, lineStart, lookEnd, Math.min(nextSquare, nextCurly))) {
      // Most lines: no bracket, so only their indentation and `- ` markers count (as below, without the regexes).
      let i = lineStart;
      while (text.charCodeAt(i) === 32) i++;
      enterBlockLine(indentStack, i - lineStart);
      let dashes = 0;
      while (i + 1 < lookEnd && text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 32) {
        dashes++;
        i += 2;
        while (i < lookEnd && text.charCodeAt(i) === 32) i++;
      }
      if (indentStack.length + dashes > limit) return { line, open: true };
      scanFrom = lineEnd;
    } else if (flowDepth === 0) {
      const raw = text.slice(lineStart, lookEnd);
      const trimmed = raw.trimStart();
      if (trimmed !== '' && !trimmed.startsWith('#')) {
        const m = BLOCK_PREFIX.exec(raw)!;
        enterBlockLine(indentStack, m[1].length);
        const dashes = (m[2].match(/-/g) ?? []).length;
        if (indentStack.length + dashes > limit) return { line, open: true };
        // Anchors and tags may stand before a flow collection (`key: &a [[...`, `- !!seq [...`).
        const valueStart = m[0].length + (NODE_PROPERTIES.exec(raw.slice(m[0].length))?.[0].length ?? 0);
        const next = raw.charAt(valueStart);
        scanFrom = next === '[' || next === '{' ? lineStart + valueStart : lineEnd;
      } else {
        scanFrom = lineEnd;
      }
    }
    for (let i = scanFrom; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (quote !== undefined) {
        if (c === 92 /* \ */ && quote === '"') i++;
        else if (text[i] === quote) quote = undefined;
        continue;
      }
      // A quote opens a quoted scalar only where a scalar starts; `don't` inside a plain scalar is text.
      if ((c === 34 || c === 39) && startsScalar(text, i, scanFrom)) quote = text[i];
      else if (c === 91 || c === 123) {
        flowDepth++;
        if (flowDepth + indentStack.length > limit) return { line, open: true };
      } else if (c === 93 || c === 125) {
        if (flowDepth > 0) flowDepth--;
        if (flowDepth === 0) break;
      } else if (c === 35 /* # */ && (i === lineStart || text.charCodeAt(i - 1) === 32)) break;
    }
    // An unterminated single-quoted scalar in flow context may span lines; a double one too.
    if (flowDepth === 0) quote = undefined;
    line++;
    lineStart = lineEnd + 1;
  }
  return { line: -1, open: flowDepth > 0 };
}
