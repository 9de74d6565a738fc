/**
 * Where the cursor is in a YAML document being typed, read from the text (indentation), not from
 * a parse: half-typed lines do not parse, and a 9 MB spec must not be parsed per keystroke.
 * Gives the path of member keys from the root to the object holding the cursor, and whether the
 * cursor is on a key, on a key's value, or on a sequence item.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export interface CursorContext {
  /** Keys (and item indexes) from the root to the object holding the cursor; undefined in JSON (no indentation to read). */
  path: string[] | undefined;
  mode: 'key' | 'value' | 'item';
  /** The key whose value is being typed (mode `value`). */
  key?: string;
  /** The text typed so far for the key or value, without quotes. */
  typed: string;
  /** The range of `typed`, replaced by a completion. */
  range: Range;
  /** The text before the cursor on its line. */
  linePrefix: string;
}

const KEY_LINE = /^(\s*)(-\s+)?(["']?)([^"'#:]+?)\3\s*:(?:\s+|$)(.*)$/;
const MAX_LINES_UP = 5_000_000;

const [SPACE, HASH, CR] = [0x20, 0x23, 0x0d];

export function cursorContext(text: string, offset: number, position: Position): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const linePrefix = text.slice(lineStart, offset);
  if (/^\s*#/.test(linePrefix)) return undefined;
  const json = /^\s*[{[]/.test(text.slice(0, 200));
  let mode: CursorContext['mode'];
  let key: string | undefined;
  let typed: string;
  let indent: number;
  let dash: number | undefined;
  let flowParent: string | undefined;
  const keyLine = KEY_LINE.exec(linePrefix);
  if (keyLine) {
    mode = 'value';
    key = keyLine[4].trim();
    if (keyLine[2]) dash = keyLine[1].length;
    indent = keyLine[1].length + (keyLine[2]?.length ?? 0);
    typed = keyLine[5].replace(/^\[/, '').replace(/^.*,\s*/, '').replace(/^["']/, '');
    // A key inside a flow mapping on the same line: `x: { $ref: '#/...`, `"x": { "$ref": "#/...`.
    const nested = /[{,]\s*(["']?)([^"':{},]+)\1\s*:\s*["']?([^"',{}]*)$/.exec(keyLine[5]);
    if (nested) {
      flowParent = key;
      key = nested[2].trim();
      typed = nested[3];
    }
  } else {
    const item = /^(\s*)-\s+(["']?)([^"':]*)$/.exec(linePrefix);
    const bare = /^(\s*)(["']?)([^"':\s]*)$/.exec(linePrefix);
    if (item) {
      mode = 'item';
      indent = item[1].length;
      dash = indent;
      typed = item[3];
    } else if (bare) {
      mode = 'key';
      indent = bare[1].length;
      typed = bare[3];
    } else return undefined;
  }
  let path: string[] | undefined | null = null;
  const context: CursorContext = {
    // Computed on first use: `$ref` completion never needs it, and the walk up a 9 MB spec is not free.
    get path() {
      if (path === null) {
        const parent = json ? undefined : parentPath(text, lineStart, indent, dash);
        path = parent && flowParent !== undefined ? [...parent, flowParent] : parent;
      }
      return path;
    },
    mode, key, typed, linePrefix,
    range: { start: { line: position.line, character: position.character - typed.length }, end: position },
  };
  return context;
}

/**
 * Walks up from the cursor's line to the root. `indent` is the column of the cursor's key (or of
 * its dash for items). `dash`: the column of the dash when the cursor's line starts a sequence item.
 */
function parentPath(text: string, lineStart: number, indent: number, dash: number | undefined): string[] | undefined {
  const out: string[] = [];
  let need = indent;
  // A sequence being counted: its dash column and how many items sit above the cursor's.
  // Items above the cursor's own item are counted: that count is its index.
  let seq: { dash: number; count: number } | undefined = dash === undefined ? undefined : { dash, count: 0 };
  if (seq) need = seq.dash;
  let end = lineStart - 1;
  for (let n = 0; end >= 0 && n < MAX_LINES_UP; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const lineEnd = end;
    end = start - 1;
    // Most lines are deeper than the one looked for: measure the indentation before slicing.
    let ind = 0;
    while (start + ind < lineEnd && text.charCodeAt(start + ind) === SPACE) ind++;
    const first = text.charCodeAt(start + ind);
    if (start + ind >= lineEnd || first === HASH || first === CR) continue;
    if (ind > need && !(seq && ind === seq.dash)) continue;
    const line = text.slice(start, lineEnd).replace(/\r$/, '');
    const trimmed = line.trim();
    if (seq && ind === seq.dash && trimmed.startsWith('-')) {
      seq.count++;
      continue;
    }
    if (ind > need || (ind === need && !seq)) continue;
    if (!seq && trimmed.startsWith('-')) {
      // The cursor sits inside an item of a sequence further up.
      seq = { dash: ind, count: 0 };
      need = ind;
      continue;
    }
    const keyLine = KEY_LINE.exec(line);
    if (!keyLine || keyLine[2]) return undefined;
    if (seq) {
      out.push(String(seq.count));
      seq = undefined;
    }
    if (ind === need && keyLine[5] !== '') continue;
    out.push(keyLine[4].trim());
    need = ind;
    if (ind === 0) break;
  }
  if (seq) return undefined;
  return out.reverse();
}
