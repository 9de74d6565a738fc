/**
 * A Spectral parser backed by Specgate's own parse of the document (`ParsedDocument`), so the
 * text is parsed once for every layer instead of once more by Spectral (~2 s on GitHub's spec).
 *
 * Locations follow `@stoplight/yaml`'s `getLocationForJsonPath` (what Spectral's YAML parser
 * uses), on the `yaml` AST: a collection under a key starts right after the key, ends at the end
 * of its last item; a missing member falls back to the closest existing ancestor.
 * Documents using YAML merge keys (`<<`) are left to Spectral's parser, which merges them.
 */
import * as YAML from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';

type Segment = string | number;

export interface SharedParser {
  parse(input: string): { data: unknown; diagnostics: never[]; ast: unknown; lineMap: number[] };
  getLocationForJsonPath(result: unknown, path: Segment[], closest?: boolean): { range: Range } | undefined;
  trapAccess<T>(obj: T): T;
}

/**
 * Whether Spectral can use `doc`'s parse: a clean parse without merge keys. JSON too: spectral-cli
 * reads JSON with its YAML parser, so its locations are the YAML ones this parser reproduces.
 */
export function canShareParse(doc: ParsedDocument): boolean {
  return doc.ast !== undefined && doc.value !== undefined && doc.problems.length === 0 && !MERGE_KEY.test(doc.text);
}

/** A YAML merge key (`<<:`): Spectral's parser merges it, the `yaml` core schema does not. */
export const MERGE_KEY = /(^|[\s{,])<<\s*:/m;

export function sharedParser(doc: ParsedDocument): SharedParser {
  const ast = doc.ast!;
  const deref = (n: unknown): unknown => (YAML.isAlias(n) ? n.resolve(ast) : n);
  const pos = (offset: number) => doc.textDocument.positionAt(offset);
  const afterKey = (pair: YAML.Pair) => ((pair.key as YAML.Node | null)?.range?.[1] ?? 0) + 1;

  function endOf(node: unknown, pair: YAML.Pair | undefined): number {
    node = deref(node);
    if (YAML.isSeq(node)) {
      const last = node.items[node.items.length - 1];
      if (last !== undefined && last !== null) return endOf(last, undefined);
    } else if (YAML.isMap(node)) {
      const last = node.items[node.items.length - 1];
      if (last) return last.value === null || last.value === undefined ? afterKey(last) : endOf(last.value, last);
    } else if (YAML.isScalar(node) && pair && (pair.value === null || pair.value === undefined)) {
      return afterKey(pair);
    }
    let end = (node as YAML.Node | null)?.range?.[1] ?? 0;
    if (YAML.isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
      while (end > (node.range?.[0] ?? 0) && (doc.text[end - 1] === '\n' || doc.text[end - 1] === '\r')) end--;
      end = blockScalarEnd(doc.text, end);
    }
    return end;
  }

  /**
   * The last member of `map` with that key (as `@stoplight/yaml` finds it). Indexed per map: a scan
   * per lookup was quadratic (60,000 findings under a `paths` map of 12,000 entries took 29 s).
   */
  const memberIndex = new WeakMap<YAML.YAMLMap, Map<string, YAML.Pair>>();
  function memberOf(map: YAML.YAMLMap, key: string): YAML.Pair | undefined {
    let index = memberIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (YAML.isScalar(item.key)) index.set(String(item.key.value), item as YAML.Pair);
      memberIndex.set(map, index);
    }
    return index.get(key);
  }

  function location(node: unknown, pair: YAML.Pair | undefined): { range: Range } {
    let start: number;
    const target = deref(node) as YAML.Node;
    if (pair && (pair.value === null || pair.value === undefined)) start = afterKey(pair);
    else if (pair && !YAML.isScalar(target)) start = afterKey(pair);
    else start = (node as YAML.Node).range?.[0] ?? 0;
    return { range: { start: pos(start), end: pos(endOf(node, pair)) } };
  }

  return {
    parse: () => ({ data: doc.value, diagnostics: [], ast: doc.ast, lineMap: [] }),
    trapAccess: (obj) => obj,
    getLocationForJsonPath(_result, path, closest = false) {
      let node: unknown = ast.contents;
      let pair: YAML.Pair | undefined;
      if (node === null || node === undefined) return undefined;
      for (const segment of path) {
        const container = deref(node);
        if (YAML.isMap(container)) {
          const found = memberOf(container, String(segment));
          if (!found) return closest ? location(node, pair) : undefined;
          pair = found;
          node = found.value === null || found.value === undefined ? found.key : found.value;
        } else if (YAML.isSeq(container)) {
          const index = Number(segment);
          const item = Number.isInteger(index) ? container.items[index] : undefined;
          // An empty item (`-` alone) is a null scalar in yaml and no node at all in Spectral's parser.
          if (item === undefined || item === null || isEmptyScalar(item)) return closest ? location(node, pair) : undefined;
          pair = undefined;
          node = item;
        } else {
          return closest ? location(node, pair) : undefined;
        }
      }
      return location(node, pair);
    },
  };
}

function isEmptyScalar(node: unknown): boolean {
  return YAML.isScalar(node) && node.value === null && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}

/**
 * Where `@stoplight/yaml` ends a block scalar whose last content character ends at `contentEnd`:
 * at the last line break before the next line with content (blank and whitespace-only lines
 * belong to the scalar; a CRLF's `\r` too), or at `contentEnd` when no line break follows.
 */
function blockScalarEnd(text: string, contentEnd: number): number {
  let end = contentEnd;
  for (let i = contentEnd; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') end = i;
    else if (c !== ' ' && c !== '\t' && c !== '\r') break;
  }
  return end;
}
