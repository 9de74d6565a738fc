/**
 * Incremental re-parse: on an edit, parse only the block-map entries the edit touches (one path
 * under `paths`, one schema under `components.schemas`, else a top-level key) and splice them into
 * the previous version's AST and value. Anything this cannot prove equal to a full parse (errors,
 * anchors, flow style, JSON, tabs, document markers, an edit across the entries' indentation)
 * takes the full parse. Design and limits: docs/performance.md, "Incremental parse".
 *
 * The previous version's AST is never changed: the new AST shares the nodes before the edit,
 * holds copies of the nodes after it (shifted) and shallow copies of the maps on the way down,
 * so a `ParsedDocument` stays valid while newer versions are built from it.
 */
import * as YAML from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_PARSE_LIMITS, ParseLimits, exceedsNestingWithin, findExcessiveNesting } from './limits';
import { documentFromParts, parseDocument, ParsedDocument, provenanceOf, YAML_PARSE_OPTIONS } from './parsedDocument';
import { sniffFormat } from './sniff';
import { editSpan, EditSpan } from './editSpan';
import { lazilyShifted, shiftNode } from './shiftRanges';
import { seedLineOffsets } from './lineOffsets';

/** Parses `text`, reusing `previous` (an earlier version of the same document) when the edit allows it. */
export function reparseDocument(
  previous: ParsedDocument | undefined,
  uri: string,
  text: string,
  version: number,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedDocument {
  const spliced = previous ? spliceEdit(previous, uri, text, version, limits) : undefined;
  return spliced ?? parseDocument(uri, text, version, limits);
}

/**
 * Incremental parses of open documents. While a document is broken (syntax errors: always a full
 * parse) the last clean version is kept, so the edit that repairs it splices from that version.
 */
export class IncrementalParser {
  private readonly lastClean = new Map<string, ParsedDocument>();

  parse(previous: ParsedDocument | undefined, uri: string, text: string, version: number, limits?: ParseLimits): ParsedDocument {
    const clean = previous && previous.problems.length === 0 ? previous : this.lastClean.get(uri);
    const doc = reparseDocument(clean ?? previous, uri, text, version, limits);
    if (doc.problems.length === 0) this.lastClean.delete(uri);
    else if (clean) this.lastClean.set(uri, clean);
    return doc;
  }

  forget(uri: string): void {
    this.lastClean.delete(uri);
  }
}

/** One block map on the way down to the edit, with the entries it touches. */
interface Level {
  map: YAML.YAMLMap;
  /** Column of the map's keys. */
  indent: number;
  /** Where each entry's section starts in the old text: its key's line (the document start for the first root entry). */
  starts: number[];
  /** Where the last entry's section ends in the old text. */
  end: number;
  first: number;
  last: number;
}

/** A region re-parsed on its own, ready to be spliced in. */
interface Replacement {
  level: number;
  regionStart: number;
  sub: YAML.Document.Parsed;
  pairs: YAML.Pair[];
  value: unknown;
}

function spliceEdit(previous: ParsedDocument, uri: string, text: string, version: number, limits: ParseLimits): ParsedDocument | undefined {
  const provenance = provenanceOf(previous);
  const ast = previous.ast;
  if (!provenance || provenance.anchors || !sameLimits(provenance.limits, limits)) return undefined;
  if (!ast || ast.errors.length > 0 || previous.problems.length > 0 || previous.value === undefined || previous.uri !== uri) return undefined;
  if (uri.endsWith('.json') || text.includes('\u0000')) return undefined;
  if (previous.text === text) {
    // The same text again (an undo back to it): the same tree and value, shared with the new version.
    const reparsed = { previous: new WeakRef(previous), start: text.length, oldEnd: text.length, delta: 0 };
    const textDocument = TextDocument.create(uri, 'yaml', version, text);
    seedLineOffsets(previous.textDocument, previous.text, textDocument, text, { start: text.length, oldEnd: text.length, newEnd: text.length, delta: 0 });
    return documentFromParts({ uri, version, text, textDocument, format: previous.format }, ast, previous.value, { ...provenance, spliced: true, reparsed });
  }
  const root = ast.contents;
  if (!isPlainBlockMap(root) || !isPlainObject(previous.value)) return undefined;
  const old = previous.text;
  const rootStarts = sectionStarts(root, old, 0);
  if (!rootStarts || /^%/m.test(old.slice(0, rootStarts[1] ?? old.length))) return undefined;

  const edit = editSpan(old, text);
  const levels = levelsTo(edit, root, rootStarts, old);
  for (let l = levels.length - 1; l >= 0; l--) {
    const level = levels[l];
    const regionStart = level.starts[level.first];
    const regionEnd = (level.last + 1 < level.starts.length ? level.starts[level.last + 1] : level.end) + edit.delta;
    // Re-parsing most of the document costs a full parse anyway, twice if it then fails.
    if (l === 0 && regionEnd - regionStart > text.length / 2) return undefined;
    // The nesting estimate refuses exactly what a full parse would: the previous version passed it,
    // and only the region's lines changed (see exceedsNestingWithin); the whole text when unsure.
    const outerIndents = levels.slice(0, l).map((outer) => outer.indent);
    const exceeds = exceedsNestingWithin(text, regionStart, regionEnd, limits.maxDepth, outerIndents) ?? findExcessiveNesting(text, limits.maxDepth) >= 0;
    if (exceeds) return undefined;
    const replacement = parseRegion(text, regionStart, regionEnd, level, l, limits);
    if (!replacement || collides(level, replacement.pairs)) continue;
    const value = spliceValue(previous.value, levels, replacement);
    if (value === undefined) continue;
    const spliced = spliceAst(ast, levels, replacement, edit.delta);
    const textDocument = TextDocument.create(uri, 'yaml', version, text);
    seedLineOffsets(previous.textDocument, old, textDocument, text, edit);
    const reparsed = { previous: new WeakRef(previous), start: regionStart, oldEnd: regionEnd - edit.delta, delta: edit.delta };
    return documentFromParts({ uri, version, text, textDocument, format: sniffFormat(text) }, spliced, value, { limits, anchors: false, spliced: true, reparsed });
  }
  return undefined;
}

const sameLimits = (a: ParseLimits, b: ParseLimits) => a.maxDepth === b.maxDepth && a.maxAliasCount === b.maxAliasCount;

function isPlainBlockMap(node: unknown): node is YAML.YAMLMap {
  return YAML.isMap(node) && !node.flow && !node.tag && !node.anchor && node.items.length > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set);
}

/** The start of the line holding `offset`. */
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Whether the key at `keyStart` stands at column `indent`, after spaces only (a BOM may precede the first key). */
function keyAtColumn(text: string, keyStart: number, indent: number): boolean {
  const from = lineStart(text, keyStart);
  const before = text.slice(from, keyStart);
  if (from === 0 && indent === 0 && before === '\uFEFF') return true;
  return before.length === indent && before.trim() === '';
}

/** Section starts of a block map whose keys are plain strings at column `indent`; undefined otherwise. */
function sectionStarts(map: YAML.YAMLMap, text: string, indent: number): number[] | undefined {
  const starts: number[] = [];
  for (const pair of map.items) {
    const key = pair.key;
    if (!YAML.isScalar(key) || typeof key.value !== 'string' || !key.range) return undefined;
    if (!keyAtColumn(text, key.range[0], indent)) return undefined;
    starts.push(indent === 0 && starts.length === 0 ? 0 : lineStart(text, key.range[0]));
  }
  return starts;
}

/** The last index whose start is at or before `offset` (starts ascending). */
function sectionAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The block maps from the root down to the deepest one whose entries contain the whole edit.
 * An insertion at a section start may extend the section before it, so that one counts as touched.
 */
function levelsTo(edit: EditSpan, root: YAML.YAMLMap, rootStarts: number[], old: string): Level[] {
  const from = Math.max(edit.start - 1, 0);
  const levels: Level[] = [];
  let level: Level = { map: root, indent: 0, starts: rootStarts, end: old.length, first: sectionAt(rootStarts, from), last: sectionAt(rootStarts, edit.oldEnd) };
  for (;;) {
    levels.push(level);
    if (level.first !== level.last) return levels;
    const child = level.map.items[level.first].value;
    if (!isPlainBlockMap(child)) return levels;
    const firstKey = child.items[0].key as YAML.Node;
    if (!firstKey?.range) return levels;
    const indent = firstKey.range[0] - lineStart(old, firstKey.range[0]);
    if (indent <= level.indent) return levels;
    const starts = sectionStarts(child, old, indent);
    const end = level.first + 1 < level.starts.length ? level.starts[level.first + 1] : level.end;
    if (!starts || from < starts[0] || edit.oldEnd >= end) return levels;
    level = { map: child, indent, starts, end, first: sectionAt(starts, from), last: sectionAt(starts, edit.oldEnd) };
  }
}

const TAB_INDENT = /^ *\t/m;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)|^%/m;

/** Parses the new text of a level's touched entries on its own; undefined when it cannot stand for a full parse. */
function parseRegion(text: string, regionStart: number, regionEnd: number, level: Level, depth: number, limits: ParseLimits): Replacement | undefined {
  const region = text.slice(regionStart, regionEnd);
  if (TAB_INDENT.test(region) || DOCUMENT_MARKER.test(region)) return undefined;
  // Below the root, a content line left of the entries' column would belong to an outer collection.
  if (level.indent > 0 && new RegExp(`^ {0,${level.indent - 1}}[^ \\r\\n#]`, 'm').test(region)) return undefined;
  const sub = YAML.parseDocument(region, YAML_PARSE_OPTIONS);
  if (sub.errors.length > 0) return undefined;
  const contents = sub.contents;
  let pairs: YAML.Pair[] = [];
  if (contents !== null) {
    if (!isPlainBlockMap(contents)) return undefined;
    pairs = contents.items as YAML.Pair[];
    for (const pair of pairs) {
      const key = pair.key;
      if (!YAML.isScalar(key) || typeof key.value !== 'string' || !key.range) return undefined;
      if (!keyAtColumn(text, key.range[0] + regionStart, level.indent)) return undefined;
    }
  }
  // Removing every entry, or the first or last one without a replacement, changes the map's own range: full parse.
  const n = level.map.items.length;
  if (pairs.length === 0 && (level.first === 0 || level.last === n - 1)) return undefined;
  let anchors = false;
  let value: unknown;
  try {
    value = sub.toJS({ maxAliasCount: limits.maxAliasCount, onAnchor: () => (anchors = true) });
  } catch {
    return undefined;
  }
  if (anchors || (contents !== null && !isPlainObject(value))) return undefined;
  return { level: depth, regionStart, sub, pairs, value: value ?? {} };
}

/** A new key equal to a key outside the replaced entries: the full parse reports the duplicate. */
function collides(level: Level, pairs: YAML.Pair[]): boolean {
  if (pairs.length === 0) return false;
  const added = new Set(pairs.map((p) => (p.key as YAML.Scalar).value as string));
  return level.map.items.some((p, i) => (i < level.first || i > level.last) && added.has((p.key as YAML.Scalar).value as string));
}

const keyOf = (pair: YAML.Pair) => (pair.key as YAML.Scalar).value as string;

/** Sets an own property as `yaml`'s toJS does (`__proto__` as data, not the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** The new document value: the replaced map rebuilt in entry order, its ancestors copied shallowly, the rest shared. */
function spliceValue(rootValue: unknown, levels: Level[], replacement: Replacement): unknown {
  const chain: Record<string, unknown>[] = [rootValue as Record<string, unknown>];
  for (let j = 0; j < replacement.level; j++) {
    const next = chain[j][keyOf(levels[j].map.items[levels[j].first] as YAML.Pair)];
    if (!isPlainObject(next)) return undefined;
    chain.push(next);
  }
  const level = levels[replacement.level];
  const oldValue = chain[replacement.level];
  const subValue = replacement.value as Record<string, unknown>;
  let rebuilt: Record<string, unknown> = {};
  level.map.items.forEach((pair, i) => {
    if (i === level.first) for (const p of replacement.pairs) setOwn(rebuilt, keyOf(p), subValue[keyOf(p)]);
    if (i < level.first || i > level.last) setOwn(rebuilt, keyOf(pair as YAML.Pair), oldValue[keyOf(pair as YAML.Pair)]);
  });
  for (let j = replacement.level - 1; j >= 0; j--) {
    const copy = { ...chain[j] };
    setOwn(copy, keyOf(levels[j].map.items[levels[j].first] as YAML.Pair), rebuilt);
    rebuilt = copy;
  }
  return rebuilt;
}

type Range3 = [number, number, number];

/** A shallow copy of a `yaml` node, pair or document (its type tag is a non-enumerable property). */
function shallowCopy<T extends object>(node: T): T {
  return Object.create(Object.getPrototypeOf(node), Object.getOwnPropertyDescriptors(node)) as T;
}

/**
 * The new AST: the re-parsed entries in place of the old ones, copies of everything after the edit
 * shifted, shallow copies of the maps on the way down; the nodes before the edit are shared.
 */
function spliceAst(ast: YAML.Document.Parsed, levels: Level[], replacement: Replacement, delta: number): YAML.Document.Parsed {
  const depth = replacement.level;
  const copies: YAML.YAMLMap[] = [];
  for (let j = 0; j <= depth; j++) {
    const old = levels[j].map;
    const lastKept = j === depth ? levels[j].last : levels[j].first;
    const copy = shallowCopy(old);
    copy.items = old.items.map((item, i) => (i > lastKept ? lazilyShifted(item, delta) : item));
    copy.range = [...(old.range as Range3)];
    copies.push(copy);
  }
  for (let j = 0; j < depth; j++) {
    const pair = shallowCopy(copies[j].items[levels[j].first] as YAML.Pair);
    pair.value = copies[j + 1];
    copies[j].items[levels[j].first] = pair;
  }
  for (const pair of replacement.pairs) shiftNode(pair, replacement.regionStart);
  const level = levels[depth];
  const map = copies[depth];
  const n = map.items.length;
  const oldRange = levels[depth].map.range as Range3;
  const includesLast = level.last === n - 1;
  map.items.splice(level.first, level.last - level.first + 1, ...replacement.pairs);
  const range = map.range as Range3;
  range[0] = (map.items[0].key as YAML.Node).range![0];
  const subRange = replacement.sub.contents?.range;
  if (includesLast && subRange) {
    range[1] = subRange[1] + replacement.regionStart;
    range[2] = subRange[2] + replacement.regionStart;
  } else {
    range[1] += delta;
    range[2] += delta;
  }
  const doc = shallowCopy(ast);
  doc.contents = copies[0] as unknown as YAML.ParsedNode;
  doc.range = [...(ast.range as Range3)] as Range3;
  // Ancestors (and the document) ending where the replaced map ended end where it ends now.
  let childOld = oldRange;
  let childNew: Range3 = [...range] as Range3;
  for (let j = depth - 1; j >= -1; j--) {
    const r = (j >= 0 ? copies[j].range : doc.range) as Range3;
    const before = (j >= 0 ? levels[j].map.range : ast.range) as Range3;
    if (j === -1 && depth === 0) {
      // The root entries were re-parsed as a document: it knows the start and the trailing comments.
      if (replacement.regionStart === 0) r[0] = replacement.sub.range[0];
      r[1] = includesLast ? replacement.sub.range[1] + replacement.regionStart : r[1] + delta;
      r[2] = includesLast ? replacement.sub.range[2] + replacement.regionStart : r[2] + delta;
      break;
    }
    for (const k of [1, 2] as const) {
      if (r[k] === childOld[2]) r[k] = childNew[2];
      else if (r[k] === childOld[1]) r[k] = childNew[1];
      else r[k] += delta;
    }
    childOld = before;
    childNew = [...r] as Range3;
  }
  return doc;
}
