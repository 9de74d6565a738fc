/**
 * `duplicated-entry-in-enum` validates every `enum` array against `{type: array, uniqueItems: true}`
 * through `oasSchema`: options check, dialect choice and an ajv call per enum (Twilio: ~60 ms of a
 * 0.6 s lint). An array of distinct scalars passes that schema whatever the dialect, so it is
 * answered here; anything else (a duplicate, an object or array item) still goes to Spectral's
 * function, whose findings and messages are unchanged.
 */
import type { Ruleset } from '@stoplight/spectral-core';
import { oasSchema as spectralOasSchema } from '@stoplight/spectral-rulesets/dist/oas/functions';
import { replaceRuleFunctions, type RuleFunction } from './ruleFunctions';

/**
 * Whether every item is a scalar and no two are equal. ajv's `uniqueItems` with no item types
 * compares with fast-deep-equal, which for scalars is `===` plus NaN equal to NaN: the Set's
 * SameValueZero exactly.
 */
export function distinctScalars(items: readonly unknown[]): boolean {
  const seen = new Set<unknown>();
  for (const item of items) {
    if (typeof item === 'object' && item !== null) return false;
    if (seen.has(item)) return false;
    seen.add(item);
  }
  return true;
}

/** The options `duplicated-entry-in-enum` hands `oasSchema`, and only those. */
function isUniqueArraySchema(options: unknown): boolean {
  const schema = (options as { schema?: unknown } | null)?.schema as Record<string, unknown> | undefined;
  return options !== null && typeof options === 'object' && Object.keys(options).length === 1 && typeof schema === 'object' && schema !== null
    && Object.keys(schema).length === 2 && schema.type === 'array' && schema.uniqueItems === true;
}

const quickUniqueEnum = function oasSchema(this: unknown, ...args: Parameters<RuleFunction>) {
  const [target] = args;
  if (Array.isArray(target) && distinctScalars(target)) return undefined;
  return (spectralOasSchema as RuleFunction).apply(this, args);
} as RuleFunction;

/** Puts the quick check in front of `oasSchema` in every rule that asks it for unique array items. */
export function useQuickUniqueEnum(ruleset: Ruleset): Ruleset {
  return replaceRuleFunctions(ruleset, (t) => (t.function === spectralOasSchema && isUniqueArraySchema(t.functionOptions) ? quickUniqueEnum : undefined));
}
