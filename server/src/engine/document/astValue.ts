/**
 * A YAML document's value built from `@stoplight/yaml-ast-parser`'s AST, as `fastValue` (js-yaml with
 * the `yaml` package's core schema) reads it, so the CLI's Spectral-only lint parses once: the same
 * AST then places Spectral's findings (`spectralParserLocator`). Both parsers descend from js-yaml
 * and read scalars, quoting and block styles alike; plain scalars and plain keys resolve with the
 * core schema's own types, as js-yaml does. Undefined wherever the two might read the text apart:
 * `fastValue`'s pre-checks (nesting, aliases, `%YAML`, null keys), merge keys, a `!`, `&` or `?`
 * that no scalar holds (a tag, an anchor, an explicit key), block scalars the AST parser's reading
 * cannot be corrected for (`blockScalarValue`), non-scalar or duplicate keys, any parser error.
 * The caller then takes `fastValue`.
 * `test/unit/astValue.test.ts` compares both on crafted texts and real specs.
 */
import { load as loadYamlAst } from '@stoplight/yaml-ast-parser';
import { DEFAULT_PARSE_LIMITS, ParseLimits, findExcessiveNesting } from './limits';
import { yamlFastPathApplies } from './parseValue';
import { YAML_CORE_SCHEMA } from './yamlCoreSchema';

type AstNode = { kind: number; value?: unknown; startPosition: number; endPosition: number; key?: AstNode; mappings?: AstNode[]; items?: (AstNode | null)[]; plainScalar?: boolean; singleQuoted?: boolean; doubleQuoted?: boolean; errors?: unknown[] };
const SCALAR = 0;
const MAPPING = 1;
const MAP = 2;
const SEQ = 3;

/** What may precede a node property (a tag `!!str`, an anchor `&a`) or an explicit key (`? k`), besides the start of the text. */
const BEFORE_PROPERTY = /[\s[{,:-]/;
const PROPERTY_MARK = /[!&?]/g;

/**
 * Where a tag, an anchor or an explicit key may start. Checked against the AST, since most are text
 * inside scalars (`> [!NOTE]`, `Terms & conditions`, `Why?`); the AST parser drops an anchored
 * empty node (`- &a`) and an empty explicit key (`- ?`), and reads tags apart.
 */
function findPropertyMarks(text: string): number[] {
  const found: number[] = [];
  PROPERTY_MARK.lastIndex = 0;
  for (let m = PROPERTY_MARK.exec(text); m; m = PROPERTY_MARK.exec(text)) {
    if (m.index === 0 || BEFORE_PROPERTY.test(text[m.index - 1])) found.push(m.index);
  }
  return found;
}

/** A merge key (`<<:`): js-yaml merges, the AST parser does not. */
const MERGE = /(?:^|[\s{,])<<\s*:/m;

const implicitTypes = (YAML_CORE_SCHEMA as unknown as { compiledImplicit: { resolve(d: string): boolean; construct(d: string): unknown }[] }).compiledImplicit;

class Refused extends Error {}

export interface AstValue {
  value: unknown;
  /** The parser's AST, for `spectralParserLocator`. */
  ast: unknown;
}

export function astValue(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): AstValue | undefined {
  if (/^\s*[{[]/.test(text) || findExcessiveNesting(text, limits.maxDepth) >= 0) return undefined;
  if (!yamlFastPathApplies(text) || MERGE.test(text)) return undefined;
  const ast = spectralParserAst(text) as AstNode | undefined;
  if (!ast || (ast.errors?.length ?? 0) > 0) return undefined;
  try {
    const reader = new ValueReader(text);
    const value = reader.valueOf(ast);
    reader.noMarkBefore(text.length);
    return value === null || value === undefined ? undefined : { value, ast };
  } catch (e) {
    if (e instanceof Refused) return undefined;
    throw e;
  }
}

/**
 * Spectral's parser's AST of `text`, or undefined where the parser throws instead of reporting an
 * error (its `!!binary` type does, on a text Spectral would not lint either).
 */
export function spectralParserAst(text: string): unknown {
  try {
    return loadYamlAst(text, { ignoreDuplicateKeys: true });
  } catch {
    return undefined;
  }
}

/** How every core-schema implicit type's match starts (`~`, null, true/false, numbers, `.inf`); the empty scalar is null. */
const RESOLVABLE_START = /^[-+.0-9~NnTtFf]/;

/** js-yaml's reading of a plain scalar: the first core-schema type that resolves it, else the string. */
function plain(raw: string): unknown {
  if (raw !== '' && !RESOLVABLE_START.test(raw)) return raw;
  for (const type of implicitTypes) if (type.resolve(raw)) return type.construct(raw);
  return raw;
}

/** Reads the AST in text order, so each property mark is known to sit inside a scalar or not. */
class ValueReader {
  private readonly propertyMarks: number[];
  private nextMark = 0;

  constructor(private readonly text: string) {
    this.propertyMarks = findPropertyMarks(text);
  }

  /** A mark before `position` that no scalar holds is a tag, an anchor or an explicit key (or a comment's text): refused either way. */
  noMarkBefore(position: number): void {
    if (this.nextMark < this.propertyMarks.length && this.propertyMarks[this.nextMark] < position) throw new Refused();
  }

  valueOf(node: AstNode | null | undefined): unknown {
    if (node === null || node === undefined) return null;
    switch (node.kind) {
      case SCALAR: {
        if (typeof node.value !== 'string') throw new Refused();
        this.noMarkBefore(node.startPosition);
        while (this.nextMark < this.propertyMarks.length && this.propertyMarks[this.nextMark] <= node.endPosition) this.nextMark++;
        if (node.plainScalar && !node.singleQuoted && !node.doubleQuoted) return plain(node.value);
        const style = this.text.charCodeAt(node.startPosition);
        return style === LITERAL || style === FOLDED ? blockScalarValue(this.text, node) : node.value;
      }
      case MAP: {
        const out: Record<string, unknown> = {};
        const seen = new Set<string>();
        for (const mapping of node.mappings ?? []) {
          if (mapping.kind !== MAPPING || !mapping.key || mapping.key.kind !== SCALAR) throw new Refused();
          // js-yaml stringifies a resolved key (`200` → '200', `1.0` → '1', `true` → 'true').
          const key = String(this.valueOf(mapping.key));
          if (seen.has(key)) throw new Refused();
          seen.add(key);
          const value = this.valueOf(mapping.value as AstNode | null);
          if (key === '__proto__') Object.defineProperty(out, key, { configurable: true, enumerable: true, writable: true, value });
          else out[key] = value;
        }
        return out;
      }
      case SEQ:
        return (node.items ?? []).map((item) => this.valueOf(item));
      default:
        throw new Refused();
    }
  }
}

const LITERAL = 0x7c; // |
const FOLDED = 0x3e; // >
const BLOCK_HEADER = /^[|>]([+-]?)([0-9]?)([+-]?)[ \t]*(?:#[^\r\n]*)?\r?$/;
const EMPTY_LINE = /^ *\r?$/;

/**
 * A block scalar as js-yaml reads it. yaml-ast-parser's reader is js-yaml's with slips where the
 * first content line is read: without an indentation indicator a literal scalar drops the empty
 * lines before it; with one (`|2`) it adds a line break before it; keep chomping (`|+`) drops the
 * line break after the last one. Those are put back here. A folded scalar with an indicator, a
 * literal one with an indicator and empty lines first, and a first content line led by a tab are
 * read further apart: refused.
 */
function blockScalarValue(text: string, node: AstNode): string {
  const value = node.value as string;
  const headerEnd = text.indexOf('\n', node.startPosition);
  if (headerEnd === -1) return value;
  const header = BLOCK_HEADER.exec(text.slice(node.startPosition, headerEnd));
  if (!header || (header[1] && header[3])) throw new Refused();
  const literal = text.charCodeAt(node.startPosition) === LITERAL;
  const keep = header[1] === '+' || header[3] === '+' ? '\n' : '';
  const indicator = header[2] !== '';
  let emptyLines = 0;
  let lineStart = headerEnd + 1;
  for (;;) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (lineEnd === -1 || !EMPTY_LINE.test(line)) {
      // No content was read when the scalar ended before this line (it is less indented).
      const contentRead = lineStart < text.length && node.endPosition > lineStart;
      if (indicator && (!literal || emptyLines > 0 || !contentRead || !value.startsWith('\n'))) throw new Refused();
      if (!contentRead) return value;
      if (line.charCodeAt(line.search(/[^ ]/)) === 0x09) throw new Refused();
      if (indicator) return value.slice(1) + keep;
      return (literal ? '\n'.repeat(emptyLines) : '') + value + keep;
    }
    emptyLines++;
    lineStart = lineEnd + 1;
  }
}
