import { Ruleset } from '@stoplight/spectral-core';
import * as coreFunctions from '@stoplight/spectral-functions';
import { parseWithPointers as parseJson } from '@stoplight/json';
import { parseWithPointers as parseYaml } from '@stoplight/yaml';
import oas from '@stoplight/spectral-rulesets/dist/oas';
import arazzo from '@stoplight/spectral-rulesets/dist/arazzo';
import { isObject } from '../refs';

/**
 * The common ruleset (`extends: spectral:oas` plus rule severities and core-function rules) built
 * without Spectral's migrator and rollup, which cost ~0.2 s of each `specgate lint` to load and
 * run. The object handed to `Ruleset` is the one the migrator's generated module exports; anything
 * the migrator would rewrite (renamed rules, `formats`, custom functions, `except`, `overrides`,
 * file or package `extends`) takes the bundler path instead. So does any ruleset Spectral rejects,
 * so that its error reads exactly as spectral-cli's.
 */

const BUILTIN_RULESETS: Record<string, () => unknown> = {
  'spectral:oas': () => oas,
  'spectral:arazzo': () => arazzo,
  // Loaded only when named: its module compiles AsyncAPI's schemas.
  'spectral:asyncapi': () => (require('@stoplight/spectral-rulesets/dist/asyncapi') as { default: unknown }).default,
};
const PLAIN_KEYS = new Set(['extends', 'rules', 'documentationUrl', 'description']);
/** Rule ids the migrator renames (spectral-ruleset-migrator's transformers/rules.ts). */
const RENAMED_RULES = new Set([
  'operation-2xx-response', 'oas3-unused-components-schema', 'oas2-valid-parameter-example', 'oas2-valid-response-schema-example',
  'oas2-valid-definition-example', 'oas2-valid-response-example', 'oas3-valid-oas-parameter-example', 'oas3-valid-oas-content-example',
  'oas3-valid-oas-header-example', 'oas3-valid-header-schema-example', 'oas3-valid-parameter-schema-example',
]);
const FUNCTIONS = coreFunctions as unknown as Record<string, unknown>;

/** The ruleset in `text` (already without `specgate-*` rules), or undefined when the bundler must load it. */
export function loadPlainRuleset(text: string, rulesetFile: string): Ruleset | undefined {
  const definition = plainDefinition(text, rulesetFile);
  if (!definition) return undefined;
  try {
    return new Ruleset(definition as never, { severity: 'recommended', source: rulesetFile });
  } catch {
    return undefined;
  }
}

function plainDefinition(text: string, rulesetFile: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    // The migrator's own parsers and options, so scalars read the same.
    const parsed = /\.json$/i.test(rulesetFile) ? parseJson(text) : parseYaml(text, { mergeKeys: true });
    if (parsed.diagnostics.some((d) => d.severity === 0)) return undefined;
    data = parsed.data;
  } catch {
    return undefined;
  }
  if (!isObject(data) || !Object.keys(data).every((key) => PLAIN_KEYS.has(key))) return undefined;
  const definition: Record<string, unknown> = { ...data };
  if (data.extends !== undefined) {
    const extended = builtinExtends(data.extends);
    if (extended === undefined) return undefined;
    definition.extends = extended;
  }
  if (data.rules !== undefined) {
    const rules = plainRules(data.rules);
    if (rules === undefined) return undefined;
    definition.rules = rules;
  }
  return definition;
}

function builtinExtends(value: unknown): unknown {
  const load = (name: unknown) => (typeof name === 'string' && name in BUILTIN_RULESETS ? BUILTIN_RULESETS[name]() : undefined);
  if (typeof value === 'string') return load(value);
  if (!Array.isArray(value)) return undefined;
  const out: unknown[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') {
      const ruleset = load(entry);
      if (ruleset === undefined) return undefined;
      out.push(ruleset);
    } else if (Array.isArray(entry) && entry.length === 2) {
      const ruleset = load(entry[0]);
      if (ruleset === undefined) return undefined;
      out.push([ruleset, entry[1]]);
    } else {
      return undefined;
    }
  }
  return out;
}

function plainRules(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  const rules: Record<string, unknown> = {};
  for (const [id, rule] of Object.entries(value)) {
    // Integer-like ids would reorder in a plain object; the migrator keeps the file's order.
    if (RENAMED_RULES.has(id) || /^\d+$/.test(id)) return undefined;
    if (!isObject(rule)) {
      rules[id] = rule;
      continue;
    }
    if ('formats' in rule) return undefined;
    if (rule.then === undefined) {
      rules[id] = { ...rule };
      continue;
    }
    const then = (Array.isArray(rule.then) ? rule.then : [rule.then]).map(withFunction);
    if (then.includes(undefined)) return undefined;
    rules[id] = { ...rule, then: Array.isArray(rule.then) ? then : then[0] };
  }
  return rules;
}

/** A `then` entry with its core function resolved, or undefined when it names anything else. */
function withFunction(entry: unknown): unknown {
  if (!isObject(entry)) return undefined;
  if (entry.function === undefined) return { ...entry };
  if (typeof entry.function !== 'string' || !Object.prototype.hasOwnProperty.call(FUNCTIONS, entry.function)) return undefined;
  return { ...entry, function: FUNCTIONS[entry.function] };
}
