/**
 * Spectral on a value-only parse, ranges afterwards. Spectral needs positions only for the ranges
 * of its findings, and `yaml`'s positioned AST is ~85% of a parse's time and most of its memory
 * (GitHub's spec: 3.9 s and ~350 MB, against 0.6 s for the value alone). So the Spectral worker
 * lints the value (`fastValue`), marks its own document's findings as located later, and the
 * thread that holds the positioned parse of the same text fills in their ranges with the same
 * location rules as the shared parser (`sharedParse.ts`): the findings and ranges are the same.
 * Where no positioned parse exists (the CLI's Spectral-only lint), Spectral's own parser places
 * them (`spectralParserLocator`).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { positionClamp } from '../languageFeatures/clampRanges';
import type { load as loadYamlAst } from '@stoplight/yaml-ast-parser';
import { getLocationForJsonPath } from '@stoplight/yaml';
import { fastValue } from '../document/parseValue';
import { astValue, spectralParserAst } from '../document/astValue';
import { valueOnlyDocument, type ParsedDocument } from '../document/parsedDocument';
import { MERGE_KEY, canShareParse, sharedParser, type SharedParser } from './sharedParse';

type Segment = string | number;

/**
 * The value-only document Spectral can lint, or undefined when the text needs the full parser.
 * `withAst`: read YAML through Spectral's parser's AST when it reads the text as js-yaml does
 * (`astValue`), and keep the AST to place the findings with (`spectralParserLocator`): one parse.
 */
export function spectralValueDocument(uri: string, text: string, version: number, withAst = false): ParsedDocument | undefined {
  if (MERGE_KEY.test(text)) return undefined;
  const parsed = withAst ? astValue(text) : undefined;
  if (parsed) {
    const doc = valueOnlyDocument(uri, text, version, parsed.value);
    spectralAsts.set(doc, parsed.ast);
    return doc;
  }
  const value = fastValue(uri, text);
  return value === undefined ? undefined : valueOnlyDocument(uri, text, version, value);
}

/** The AST `spectralValueDocument` built a document's value from, if it did. */
const spectralAsts = new WeakMap<ParsedDocument, unknown>();
export function spectralAstOf(doc: ParsedDocument): unknown {
  return spectralAsts.get(doc);
}

/** Spectral's parser over a value: every location is a placeholder until `locatePendingRanges`. */
export function valueOnlyParser(value: unknown): SharedParser {
  return {
    parse: () => ({ data: value, diagnostics: [], ast: undefined, lineMap: [] }),
    trapAccess: (obj) => obj,
    getLocationForJsonPath: () => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
  };
}

/**
 * Gives findings linted on a value-only parse their ranges from `positioned`, a positioned parse of
 * the same text, and puts them back in Spectral's order (source, start, code, path).
 * Each finding's `data.path` is the path Spectral asked the location of.
 */
export function locatePendingRanges(diagnostics: readonly Diagnostic[], positioned: ParsedDocument): Diagnostic[] {
  if (!canShareParse(positioned)) throw new Error(`no positioned parse of ${positioned.uri} to place Spectral's findings`);
  return locateWith(sharedParser(positioned), diagnostics);
}

type Locator = Pick<SharedParser, 'getLocationForJsonPath'>;

/** Places findings linted on a value-only parse with `locator`, in Spectral's order. */
export function locateWith(locator: Locator, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const located = diagnostics.map((d) => ({ ...d, range: locator.getLocationForJsonPath(undefined, pathOf(d), true)?.range ?? d.range }));
  return located.sort(compareFindings);
}

/**
 * Spectral's own positioned parser (`@stoplight/yaml`'s AST and `getLocationForJsonPath`, what
 * spectral-cli places findings with) for a value-only document, where no positioned parse exists
 * (the CLI's Spectral-only lint): its AST costs a quarter of `yaml`'s. Merge keys on, as Spectral
 * parses. Undefined when that parser reports an error: the caller then takes the full parse,
 * whose rules are the editor's.
 */
export function spectralParserLocator(text: string, parsedAst?: unknown): Locator | undefined {
  const ast = (parsedAst ?? spectralParserAst(text)) as ReturnType<typeof loadYamlAst> | undefined;
  if (!ast || ast.errors.length > 0) return undefined;
  const parsed = { ast, lineMap: lineMapOf(text), metadata: { mergeKeys: true } } as unknown as Parameters<typeof getLocationForJsonPath>[0];
  // Spectral can end a range between a CRLF's `\r` and `\n`; LSP positions (and the editor's) stop before the line break.
  const clamp = positionClamp(text);
  return {
    getLocationForJsonPath(_result, path, closest) {
      const found = getLocationForJsonPath(parsed, path, closest);
      return found && { range: { start: clamp(found.range.start), end: clamp(found.range.end) } };
    },
  };
}

/** `@stoplight/yaml`'s line map: the offset after each line break, then the length plus one. */
function lineMapOf(text: string): number[] {
  const lineMap: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineMap.push(i + 1);
  lineMap.push(text.length + 1);
  return lineMap;
}

/** The path Spectral located the finding at (`toDiagnostic` keeps it in `data.path`). */
const pathOf = (d: Diagnostic): Segment[] => (d.data as { path?: Segment[] } | undefined)?.path ?? [];

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Spectral's `compareResults` (runner/utils/results.js, not exported) for findings of one file. */
export function compareFindings(a: Diagnostic, b: Diagnostic): number {
  const line = a.range.start.line - b.range.start.line;
  if (line !== 0) return sign(line);
  const character = a.range.start.character - b.range.start.character;
  if (character !== 0) return sign(character);
  if (a.code === undefined || b.code === undefined) return a.code === b.code ? 0 : a.code === undefined ? -1 : 1;
  const code = String(a.code).localeCompare(String(b.code), undefined, { numeric: true });
  if (code !== 0) return sign(code);
  return sign(pathOf(a).join().localeCompare(pathOf(b).join()));
}
