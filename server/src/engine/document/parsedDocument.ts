import * as YAML from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { JsonPointer, joinPointer, splitPointer } from '../jsonPointer';
import type { SpecFormat, FindingTarget } from '../style/types';
import { DEFAULT_PARSE_LIMITS, ParseLimits, findExcessiveNesting } from './limits';
import { sniffFormat } from './sniff';

export interface SyntaxProblem {
  message: string;
  range: Range;
  code: string;
}

/** One parse of one document version: values plus a pointer → range map, shared by every feature. */
export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly textDocument: TextDocument;
  /** Undefined for YAML/JSON files that are not OpenAPI or Arazzo. */
  readonly format: SpecFormat | undefined;
  /** The document's value; undefined when the text could not be parsed at all. */
  readonly value: unknown;
  readonly problems: SyntaxProblem[];
  /** The yaml AST, or undefined when parsing was refused (limits). */
  readonly ast: YAML.Document.Parsed | undefined;
  rangeOf(pointer: JsonPointer, target?: FindingTarget): Range | undefined;
  /** `rangeOf` as text offsets `[start, end)`; `exact` unless they are an ancestor's (the pointer is missing). */
  placeOf(pointer: JsonPointer, target?: FindingTarget): { offsets: readonly [number, number]; exact: boolean } | undefined;
  nodeAt(pointer: JsonPointer): { key?: YAML.Node; value?: YAML.Node | null } | undefined;
  /** The deepest pointer whose key or value contains `offset`. */
  pointerAt(offset: number): { pointer: JsonPointer; target: FindingTarget } | undefined;
}

/** The `yaml` options of every positioned parse (the incremental re-parse must use the same). */
export const YAML_PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: false, keepSourceTokens: false } as const;

export function parseDocument(
  uri: string,
  text: string,
  version = 0,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedDocument {
  const textDocument = TextDocument.create(uri, uri.endsWith('.json') ? 'json' : 'yaml', version, text);
  const format = sniffFormat(text);
  const base = { uri, version, text, textDocument, format };
  const deepLine = findExcessiveNesting(text, limits.maxDepth);
  if (deepLine >= 0) return new YamlBackedDocument(base, undefined, undefined, [nestingProblem(deepLine, limits)]);
  const ast = YAML.parseDocument(text, YAML_PARSE_OPTIONS);
  const overflow = ast.errors.find(isStackOverflow);
  if (overflow) {
    // The estimate missed a shape the parser still recursed into: refuse it as the estimate would have.
    return new YamlBackedDocument(base, undefined, undefined, [nestingProblem(textDocument.positionAt(overflow.pos[0]).line, limits)]);
  }
  const problems: SyntaxProblem[] = ast.errors.map((e) => toProblem(e, textDocument));
  const nul = text.indexOf('\u0000');
  if (nul >= 0) problems.push(nulProblem(textDocument.positionAt(nul)));
  let value: unknown;
  let anchors = false;
  try {
    value = ast.toJS({ maxAliasCount: limits.maxAliasCount, onAnchor: () => (anchors = true) });
  } catch (e) {
    const offset = ast.contents?.range?.[0] ?? 0;
    const pos = textDocument.positionAt(offset);
    problems.push({
      code: 'specgate-alias-limit',
      message: `Could not build the document's value: ${(e as Error).message}`,
      range: { start: pos, end: pos },
    });
    value = undefined;
  }
  return new YamlBackedDocument(base, ast, value, problems, { limits, anchors });
}

/** How a document was parsed: what `reparseDocument` (incrementalParse.ts) needs to reuse it. */
export interface ParseProvenance {
  limits: ParseLimits;
  /** Some node carries an anchor (`&name`): an edit anywhere may change values elsewhere. */
  anchors: boolean;
  /** Built by splicing re-parsed entries into an earlier version's tree (not a full parse). */
  spliced?: boolean;
  /**
   * The previous version's text `[start, oldEnd)` was re-parsed: its nodes wholly before `start` are
   * shared with this version, those from `oldEnd` on are copies moved by `delta`.
   */
  reparsed?: { previous: WeakRef<ParsedDocument>; start: number; oldEnd: number; delta: number };
}

export type DocumentBase = { uri: string; version: number; text: string; textDocument: TextDocument; format: SpecFormat | undefined };

/** A document from an AST and value built elsewhere (the incremental re-parse). */
export function documentFromParts(base: DocumentBase, ast: YAML.Document.Parsed, value: unknown, provenance: ParseProvenance): ParsedDocument {
  return new YamlBackedDocument(base, ast, value, [], provenance);
}

/**
 * A document this thread does not parse (above `specgate.backgroundAnalysisThresholdKB`: another
 * thread analyses it). No value, no problems: every feature treats it as nothing to work on.
 */
export function deferredDocument(uri: string, text: string, version: number): ParsedDocument {
  return documentWithoutTree(uri, text, version, undefined);
}

/**
 * A document with a value and no positions: what the Spectral worker lints (its findings' ranges
 * are computed by the thread that holds the positioned parse; see spectral/valueOnlyParse.ts).
 */
export function valueOnlyDocument(uri: string, text: string, version: number, value: unknown): ParsedDocument {
  const doc = documentWithoutTree(uri, text, version, value);
  VALUE_ONLY.add(doc);
  return doc;
}

function documentWithoutTree(uri: string, text: string, version: number, value: unknown): ParsedDocument {
  const textDocument = TextDocument.create(uri, uri.endsWith('.json') ? 'json' : 'yaml', version, text);
  return new YamlBackedDocument({ uri, version, text, textDocument, format: sniffFormat(text) }, undefined, value, []);
}

const VALUE_ONLY = new WeakSet<ParsedDocument>();

/** Whether `doc` came from `valueOnlyDocument`: a value, no AST, ranges left to another parse. */
export function isValueOnly(doc: ParsedDocument): boolean {
  return VALUE_ONLY.has(doc);
}

/** The provenance of a document made by `parseDocument` or `documentFromParts`, if any. */
export function provenanceOf(doc: ParsedDocument): ParseProvenance | undefined {
  return doc instanceof YamlBackedDocument ? doc.provenance : undefined;
}

export function nestingProblem(line: number, limits: ParseLimits): SyntaxProblem {
  return {
    code: 'specgate-nesting-limit',
    message: `Nesting deeper than ${limits.maxDepth} levels (specgate.maxNestingDepth); Specgate does not parse this document to stay responsive.`,
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
  };
}

const isStackOverflow = (e: YAML.YAMLError) => /Maximum call stack size exceeded/.test(e.message);

/** A raw NUL byte is legal in no YAML or JSON text; it means a binary file or a corrupted string. */
function nulProblem(at: { line: number; character: number }): SyntaxProblem {
  return {
    code: 'specgate-syntax',
    message: 'The text holds a NUL byte (U+0000), which YAML and JSON do not allow: is this a binary file, or a string that lost its escaping? Write it as "\\u0000" inside a double-quoted string.',
    range: { start: at, end: { line: at.line, character: at.character + 1 } },
  };
}

function toProblem(e: YAML.YAMLError, doc: TextDocument): SyntaxProblem {
  const [start, end] = e.pos;
  const firstLine = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return {
    code: 'specgate-syntax',
    message: firstLine,
    range: { start: doc.positionAt(start), end: doc.positionAt(Math.max(end, start)) },
  };
}

type NodePair = { key?: YAML.Node; value?: YAML.Node | null };

class YamlBackedDocument implements ParsedDocument {
  private readonly mapIndex = new WeakMap<YAML.YAMLMap, Map<string, YAML.Pair>>();

  constructor(
    private readonly base: DocumentBase,
    readonly ast: YAML.Document.Parsed | undefined,
    readonly value: unknown,
    readonly problems: SyntaxProblem[],
    readonly provenance?: ParseProvenance,
  ) {}

  get uri() { return this.base.uri; }
  get version() { return this.base.version; }
  get text() { return this.base.text; }
  get textDocument() { return this.base.textDocument; }
  get format() { return this.base.format; }

  nodeAt(pointer: JsonPointer): NodePair | undefined {
    if (!this.ast) return undefined;
    let current: NodePair = { value: this.ast.contents as YAML.Node | null };
    for (const segment of splitPointer(pointer)) {
      const container = this.deref(current.value);
      if (YAML.isMap(container)) {
        const pair = this.pairsOf(container).get(segment);
        if (!pair) return undefined;
        current = { key: pair.key as YAML.Node, value: pair.value as YAML.Node | null };
      } else if (YAML.isSeq(container)) {
        const item = container.items[Number(segment)];
        if (item === undefined || !/^\d+$/.test(segment)) return undefined;
        current = { value: item as YAML.Node | null };
      } else {
        return undefined;
      }
    }
    return current;
  }

  rangeOf(pointer: JsonPointer, target: FindingTarget = 'value'): Range | undefined {
    const place = this.placeOf(pointer, target);
    return place && this.toRange(place.offsets[0], place.offsets[1]);
  }

  placeOf(pointer: JsonPointer, target: FindingTarget = 'value'): { offsets: readonly [number, number]; exact: boolean } | undefined {
    // Fall back to the nearest existing ancestor, so findings about missing members still land.
    let segments = splitPointer(pointer);
    let exact = true;
    for (;;) {
      const found = this.nodeAt(joinPointer('', ...segments));
      if (found) {
        const node = target === 'key' && found.key ? found.key : found.value ?? found.key;
        if (node?.range) return { offsets: [node.range[0], node.range[1]], exact };
      }
      exact = false;
      if (segments.length === 0) return undefined;
      segments = segments.slice(0, -1);
      target = 'key';
    }
  }

  pointerAt(offset: number): { pointer: JsonPointer; target: FindingTarget } | undefined {
    if (!this.ast?.contents) return undefined;
    let node: unknown = this.ast.contents;
    let pointer = '';
    let target: FindingTarget = 'value';
    for (let depth = 0; depth < 1000; depth++) {
      node = this.deref(node);
      let next: unknown;
      if (YAML.isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as YAML.Node | null;
          const value = pair.value as YAML.Node | null;
          const keyName = YAML.isScalar(key) ? String(key.value) : undefined;
          if (keyName === undefined) continue;
          if (key?.range && offset >= key.range[0] && offset <= key.range[1]) {
            return { pointer: joinPointer(pointer, keyName), target: 'key' };
          }
          if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
            pointer = joinPointer(pointer, keyName);
            target = 'value';
            next = value;
            break;
          }
        }
      } else if (YAML.isSeq(node)) {
        node.items.forEach((item, index) => {
          const n = item as YAML.Node | null;
          if (next === undefined && n?.range && offset >= n.range[0] && offset <= n.range[1]) {
            pointer = joinPointer(pointer, index);
            next = n;
          }
        });
      }
      if (next === undefined) return pointer === '' ? undefined : { pointer, target };
      node = next;
    }
    return { pointer, target };
  }

  private deref(node: unknown): unknown {
    if (YAML.isAlias(node) && this.ast) return node.resolve(this.ast);
    return node;
  }

  private pairsOf(map: YAML.YAMLMap): Map<string, YAML.Pair> {
    let index = this.mapIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = pair.key;
        const name = YAML.isScalar(key) ? String(key.value) : undefined;
        if (name !== undefined && !index.has(name)) index.set(name, pair as YAML.Pair);
      }
      this.mapIndex.set(map, index);
    }
    return index;
  }

  private toRange(start: number, end: number): Range {
    return { start: this.textDocument.positionAt(start), end: this.textDocument.positionAt(end) };
  }
}
