import * as jsYaml from 'js-yaml';
import { parseDocument } from './parsedDocument';
import { DEFAULT_PARSE_LIMITS, ParseLimits, findExcessiveNesting } from './limits';
import { YAML_CORE_SCHEMA } from './yamlCoreSchema';

export interface ValueParse {
  /** Undefined when nothing could be built (refused by limits, empty, unreadable). */
  value: unknown;
  /** The first syntax problem; a value may still exist (e.g. a duplicate key). */
  problem?: { message: string; line: number };
}

/**
 * An alias used as a whole node (`key: *name`, `- *name`, `[*a, *b]`). Markdown emphasis in
 * descriptions (`**bold**`, `*word* text`) does not match; a false match only costs speed.
 */
const ALIAS = /(?:[:,[{?-])[ \t]*\*[^\s,[\]{}*]+[ \t]*(?:$|[,\]}#])/m;

/** `%YAML 1.1` makes `yaml` resolve scalars the 1.1 way: leave such documents to it. */
const DIRECTIVE = /^%YAML/m;

/** A null key (`~:`, `null:`, `: x`): `yaml` names it "", js-yaml "null". A false match only costs speed. */
const NULL_KEY = /(?:^|[\n{,])[ \t?-]*(?:~|null|Null|NULL)?:(?:[ \t\r\n]|$)/;

/**
 * Parses only the value of a document, for consumers that never need source ranges (the git
 * baseline, the CLI diff). JSON goes through JSON.parse and YAML through js-yaml with the `yaml`
 * package's core schema (YAML_CORE_SCHEMA), about 8× faster than building the positioned AST
 * and value-for-value the same as the editor's parse. Anything unusual (aliases, which js-yaml
 * would share rather than bound; a `%YAML` directive, which switches `yaml` to 1.1; null keys; any error)
 * takes the full parser, so limits and messages are the same as in the editor.
 */
export function parseValue(uri: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ValueParse {
  const fast = fastValue(uri, text, limits);
  if (fast !== undefined) return { value: fast };
  const doc = parseDocument(uri, text, 0, limits);
  const first = doc.problems[0];
  const value = doc.value ?? undefined;
  if (first) return { value, problem: { message: first.message, line: first.range.start.line } };
  return value === undefined || value === null ? { value: undefined, problem: { message: 'empty document', line: 0 } } : { value };
}

/**
 * The value by the fast path alone (`JSON.parse`, or js-yaml with the `yaml` core schema), or
 * undefined when the document needs the full parser: too deep, aliases, a `%YAML` directive, null
 * keys, any error (duplicate keys included), or an empty document.
 */
export function fastValue(uri: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): unknown {
  if (findExcessiveNesting(text, limits.maxDepth) >= 0) return undefined;
  try {
    if (/^\s*[{[]/.test(text)) return JSON.parse(text) as unknown;
  } catch {
    // Not strict JSON (comments, trailing commas...): YAML may still read it.
  }
  if (!yamlFastPathApplies(text)) return undefined;
  try {
    const value = jsYaml.load(text, { schema: YAML_CORE_SCHEMA, json: false, filename: uri });
    return value === null ? undefined : value;
  } catch {
    // The full parser gives a precise, recovering error report.
    return undefined;
  }
}

/** Whether a YAML text may be read by a fast path at all: no alias, `%YAML` directive or null key (see `fastValue`). */
export function yamlFastPathApplies(text: string): boolean {
  return !(ALIAS.test(text) || DIRECTIVE.test(text) || NULL_KEY.test(text));
}
