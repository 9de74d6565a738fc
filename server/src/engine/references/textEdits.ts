/**
 * Minimal text edits on a parsed document: replace one scalar (keeping its quoting style),
 * insert a member into a mapping (block YAML, flow YAML or JSON), insert a line. The file is
 * never re-serialized, so comments, formatting and key order stay as they are.
 */
import * as YAML from 'yaml';
import type { TextEdit, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { JsonPointer } from '../jsonPointer';

const RESERVED_PLAIN = /^(true|false|null|yes|no|on|off|y|n|~|\.nan|\.inf|-\.inf)$/i;

/** Whether a string can be written as a plain YAML scalar and read back as the same string. */
export function isPlainSafe(value: string): boolean {
  return /^[A-Za-z_/$](?:[\w/$.{}\-]| (?! ))*$/.test(value) && !value.endsWith(' ') && !RESERVED_PLAIN.test(value);
}

/** A YAML/JSON key or value written for insertion: JSON-quoted in JSON files. */
export function writeScalar(value: unknown, json: boolean): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (json) return JSON.stringify(value);
  return isPlainSafe(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

export function isJsonDoc(doc: ParsedDocument): boolean {
  return doc.uri.endsWith('.json') || /^\s*[{[]/.test(doc.text);
}

/** The replacement text of a scalar node holding `value`, in the node's own quoting style. */
export function scalarText(node: YAML.Scalar, value: string, json: boolean): string {
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return `'${value.replace(/'/g, "''")}'`;
    case 'QUOTE_DOUBLE':
      return JSON.stringify(value);
    case 'PLAIN':
      return json || !isPlainSafe(value) ? writeScalar(value, json) : value;
    default:
      return writeScalar(value, json);
  }
}

function rangeOf(doc: ParsedDocument, start: number, end: number): Range {
  return { start: doc.textDocument.positionAt(start), end: doc.textDocument.positionAt(end) };
}

/** Replace a scalar node's text with `value`; undefined when the node is not a scalar. */
export function replaceScalar(doc: ParsedDocument, node: YAML.Node | null | undefined, value: string): TextEdit | undefined {
  if (!node || !YAML.isScalar(node) || !node.range) return undefined;
  return minimalEdit(doc, node, value) ?? { range: rangeOf(doc, node.range[0], node.range[1]), newText: scalarText(node, value, isJsonDoc(doc)) };
}

/**
 * When the scalar is written literally (no escapes), only the changed middle is replaced, so the
 * edit covers just the name inside e.g. `'#/components/schemas/order_item'` and keeps the quoting.
 */
function minimalEdit(doc: ParsedDocument, node: YAML.Scalar, value: string): TextEdit | undefined {
  const [start, end] = node.range!;
  const q = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? 1 : node.type === 'PLAIN' ? 0 : -1;
  if (q < 0) return undefined;
  const inner = doc.text.slice(start + q, end - q);
  const old = String(node.value);
  if (inner !== old) return undefined;
  let p = 0;
  while (p < old.length && p < value.length && old[p] === value[p]) p++;
  let s = 0;
  while (s < old.length - p && s < value.length - p && old[old.length - 1 - s] === value[value.length - 1 - s]) s++;
  const middle = value.slice(p, value.length - s);
  const safe = node.type === 'PLAIN' ? /^[\w\-./{}$]*$/.test(middle) && !RESERVED_PLAIN.test(value) && !/^[-+.\d]/.test(value) && value !== ''
    : node.type === 'QUOTE_SINGLE' ? !middle.includes("'") : !/["\\]/.test(middle);
  if (!safe) return undefined;
  return { range: rangeOf(doc, start + q + p, start + q + old.length - s), newText: middle };
}

/** Replace the key (target 'key') or the scalar value at `pointer`. */
export function replaceAt(doc: ParsedDocument, pointer: JsonPointer, target: 'key' | 'value', value: string): TextEdit | undefined {
  const found = doc.nodeAt(pointer);
  if (!found) return undefined;
  return replaceScalar(doc, target === 'key' ? found.key : found.value, value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The indentation unit of the document (2 unless the text says otherwise). */
function indentUnit(text: string): number {
  const m = /\n( +)\S/.exec(text);
  return m ? Math.min(m[1].length, 8) : 2;
}

/** Block YAML lines for `key: value` at `indent`. Objects and arrays nest with `unit` spaces. */
function yamlMember(key: string, value: unknown, indent: number, unit: number, eol: string): string {
  const pad = ' '.repeat(indent);
  const k = writeScalar(key, false);
  if (Array.isArray(value)) {
    if (value.length === 0) return `${pad}${k}: []`;
    return `${pad}${k}:` + value.map((v) => `${eol}${pad}${' '.repeat(unit)}- ${writeScalar(v, false)}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return `${pad}${k}: {}`;
    return `${pad}${k}:` + entries.map(([ck, cv]) => eol + yamlMember(ck, cv, indent + unit, unit, eol)).join('');
  }
  return `${pad}${k}: ${writeScalar(value, false)}`;
}

function jsonMember(key: string, value: unknown, indent: number, unit: number, eol: string, multiline: boolean): string {
  const body = multiline ? JSON.stringify(value, null, unit).split('\n').join(eol + ' '.repeat(indent)) : JSON.stringify(value);
  return `${JSON.stringify(key)}: ${multiline ? body : body.replace(/([:,])(?=\S)/g, '$1 ')}`;
}

export interface InsertOptions {
  /** Insert as the first member instead of after the last one. */
  first?: boolean;
  /** Insert right after this member (when present). */
  after?: string;
}

/**
 * Insert `key: value` into the mapping at `pointer`. Block maps get a new line at the members'
 * indentation; flow maps and JSON objects get `, key: value` (pretty-printed on its own line when
 * the object spans several lines). Undefined when the pointer is not a mapping.
 */
export function insertMember(doc: ParsedDocument, pointer: JsonPointer, key: string, value: unknown, options: InsertOptions = {}): TextEdit | undefined {
  const found = doc.nodeAt(pointer);
  const map = found?.value;
  if (!map || !YAML.isMap(map) || !map.range) return undefined;
  const text = doc.text;
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const items = map.items.filter((p) => YAML.isNode(p.key) && (p.key as YAML.Node).range);
  const json = isJsonDoc(doc);
  if (map.flow) {
    const multiline = text.slice(map.range[0], map.range[1]).includes('\n');
    if (items.length === 0) {
      const open = map.range[0] + 1;
      const indent = columnOf(text, found?.key?.range?.[0] ?? map.range[0]) + unit;
      const member = json ? jsonMember(key, value, indent, unit, eol, multiline) : `${writeScalar(key, false)}: ${flowValue(value)}`;
      return { range: rangeOf(doc, open, open), newText: multiline ? `${eol}${' '.repeat(indent)}${member}` : member };
    }
    const anchor = pickAnchor(items, options);
    const keyNode = anchor.key as YAML.Node;
    const indent = columnOf(text, keyNode.range![0]);
    const member = json ? jsonMember(key, value, indent, unit, eol, multiline) : `${writeScalar(key, false)}: ${flowValue(value)}`;
    if (options.first) {
      const at = keyNode.range![0];
      return { range: rangeOf(doc, at, at), newText: `${member},${multiline ? eol + ' '.repeat(indent) : ' '}` };
    }
    const end = endOfPair(anchor);
    return { range: rangeOf(doc, end, end), newText: `,${multiline ? eol + ' '.repeat(indent) : ' '}${member}` };
  }
  if (items.length === 0) return undefined;
  const anchor = pickAnchor(items, options);
  const keyNode = anchor.key as YAML.Node;
  const indent = columnOf(text, keyNode.range![0]);
  const member = yamlMember(key, value, indent, unit, eol);
  if (options.first) {
    const at = keyNode.range![0];
    return { range: rangeOf(doc, at, at), newText: member.slice(indent) + eol + ' '.repeat(indent) };
  }
  const end = endOfPair(anchor);
  if (end > 0 && text[end - 1] === '\n') return { range: rangeOf(doc, end, end), newText: member + eol };
  const at = lineEnd(text, end);
  return { range: rangeOf(doc, at, at), newText: eol + member };
}

function flowValue(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : writeScalar(value, false);
}

function pickAnchor(items: YAML.Pair[], options: InsertOptions): YAML.Pair {
  if (options.first) return items[0];
  if (options.after !== undefined) {
    const hit = items.find((p) => YAML.isScalar(p.key) && String(p.key.value) === options.after);
    if (hit) return hit;
  }
  return items[items.length - 1];
}

function endOfPair(pair: YAML.Pair): number {
  const v = pair.value as YAML.Node | null;
  return v?.range ? v.range[1] : (pair.key as YAML.Node).range![1];
}

/** The source text of a member (key through value), and where it ends. */
export function memberSource(doc: ParsedDocument, pointer: JsonPointer): { start: number; end: number; text: string } | undefined {
  const found = doc.nodeAt(pointer);
  if (!found?.key?.range || !found.value?.range) return undefined;
  const start = found.key.range[0];
  const end = found.value.range[1];
  return { start, end, text: doc.text.slice(start, end) };
}

/** Insert a whole line (e.g. a comment) before the line holding `offset`, at that line's indentation. */
export function insertLineBefore(doc: ParsedDocument, offset: number, line: string): TextEdit {
  const start = lineStart(doc.text, offset);
  const indent = doc.text.slice(start, offset).match(/^\s*/)![0];
  return { range: rangeOf(doc, start, start), newText: indent + line + eolOf(doc.text) };
}

export { rangeOf as offsetRange, lineEnd, eolOf, columnOf, indentUnit };

export { EditSet } from './editSet';
