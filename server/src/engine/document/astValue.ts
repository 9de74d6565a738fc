/**
 * A YAML document's value built from `@stoplight/yaml-ast-parser`'s AST, as `fastValue` (js-yaml with
 * the `yaml` package's core schema) reads it, so the CLI's Spectral-only lint parses once: the same
 * AST then places Spectral's findings (`spectralParserLocator`). Both parsers descend from js-yaml
 * and read scalars, quoting and block styles alike; plain scalars and plain keys resolve with the
 * core schema's own types, as js-yaml does. Undefined wherever the two might read the text apart:
 * `fastValue`'s pre-checks (nesting, aliases, `%YAML`, null keys, merge keys), explicit tags, block
 * scalars the AST parser reads differently (`hasRiskyBlockScalar`), non-scalar or duplicate keys,
 * any parser error. The caller then takes `fastValue`.
 * `test/unit/astValue.test.ts` compares both on crafted texts and real specs.
 */
import { load as loadYamlAst } from '@stoplight/yaml-ast-parser';
import { DEFAULT_PARSE_LIMITS, ParseLimits, findExcessiveNesting } from './limits';
import { yamlFastPathApplies } from './parseValue';
import { YAML_CORE_SCHEMA } from './yamlCoreSchema';

type AstNode = { kind: number; value?: unknown; key?: AstNode; mappings?: AstNode[]; items?: (AstNode | null)[]; plainScalar?: boolean; singleQuoted?: boolean; doubleQuoted?: boolean; errors?: unknown[] };
const SCALAR = 0;
const MAPPING = 1;
const MAP = 2;
const SEQ = 3;

/** A tag (`!!str`, `!local`) or a merge key (`<<:`): read apart or not at all by one of the parsers. */
const TAG_OR_MERGE = /(?:^|[\s[{,:-])!|(?:^|[\s{,])<<\s*:/m;

/** A block scalar header at a line's end (`|`, `>-`, `|2+`...), with its indicators. */
const BLOCK_HEADER = /(?:^|[\s:-])[|>]([0-9+-]*)[ \t]*(?:#.*)?\r?$/gm;

/**
 * Block scalars the AST parser reads apart from js-yaml: keep chomping (`|+`), an explicit
 * indentation indicator (`>2`), or a first line left blank (found by the differential test).
 * A false match (text ending in ` >`) only costs the fallback.
 */
function hasRiskyBlockScalar(text: string): boolean {
  for (const m of text.matchAll(BLOCK_HEADER)) {
    if (/[0-9+]/.test(m[1])) return true;
    const next = text.indexOf('\n', m.index! + m[0].length - 1);
    if (next === -1) continue;
    const end = text.indexOf('\n', next + 1);
    if (/^[ \t\r]*$/.test(text.slice(next + 1, end === -1 ? text.length : end))) return true;
  }
  return false;
}

const implicitTypes = (YAML_CORE_SCHEMA as unknown as { compiledImplicit: { resolve(d: string): boolean; construct(d: string): unknown }[] }).compiledImplicit;

class Refused extends Error {}

export interface AstValue {
  value: unknown;
  /** The parser's AST, for `spectralParserLocator`. */
  ast: unknown;
}

export function astValue(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): AstValue | undefined {
  if (/^\s*[{[]/.test(text) || findExcessiveNesting(text, limits.maxDepth) >= 0) return undefined;
  if (!yamlFastPathApplies(text) || TAG_OR_MERGE.test(text) || hasRiskyBlockScalar(text)) return undefined;
  const ast = loadYamlAst(text, { ignoreDuplicateKeys: true }) as AstNode | undefined;
  if (!ast || (ast.errors?.length ?? 0) > 0) return undefined;
  try {
    const value = valueOf(ast);
    return value === null || value === undefined ? undefined : { value, ast };
  } catch (e) {
    if (e instanceof Refused) return undefined;
    throw e;
  }
}

/** js-yaml's reading of a plain scalar: the first core-schema type that resolves it, else the string. */
function plain(raw: string): unknown {
  for (const type of implicitTypes) if (type.resolve(raw)) return type.construct(raw);
  return raw;
}

function valueOf(node: AstNode | null | undefined): unknown {
  if (node === null || node === undefined) return null;
  switch (node.kind) {
    case SCALAR:
      if (typeof node.value !== 'string') throw new Refused();
      return node.plainScalar && !node.singleQuoted && !node.doubleQuoted ? plain(node.value) : node.value;
    case MAP: {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const mapping of node.mappings ?? []) {
        if (mapping.kind !== MAPPING || !mapping.key || mapping.key.kind !== SCALAR) throw new Refused();
        // js-yaml stringifies a resolved key (`200` → '200', `1.0` → '1', `true` → 'true').
        const key = String(valueOf(mapping.key));
        if (seen.has(key)) throw new Refused();
        seen.add(key);
        const value = valueOf(mapping.value as AstNode | null);
        if (key === '__proto__') Object.defineProperty(out, key, { configurable: true, enumerable: true, writable: true, value });
        else out[key] = value;
      }
      return out;
    }
    case SEQ:
      return (node.items ?? []).map((item) => valueOf(item));
    default:
      throw new Refused();
  }
}
