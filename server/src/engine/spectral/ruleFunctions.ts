/**
 * Swapping the functions a loaded ruleset's rules call (Specgate's drop-ins for Spectral's
 * `oasExample`, `oasOpIdUnique` and the unique-enum check, and the cancellation guards). Rulesets are
 * cached and shared, so a rule's `then` array is replaced, never mutated, and only when one of its
 * entries changes.
 */
import type { Ruleset } from '@stoplight/spectral-core';

export type RuleThen = Ruleset['rules'][string]['then'][number];
export type RuleFunction = RuleThen['function'];

/** Gives each `then` entry the function `replacement` names for it (undefined: keep it as is). */
export function replaceRuleFunctions(ruleset: Ruleset, replacement: (then: RuleThen) => RuleFunction | undefined): Ruleset {
  for (const rule of Object.values(ruleset.rules)) {
    const swapped = rule.then.map((t) => replacement(t));
    if (swapped.every((fn, i) => fn === undefined || fn === rule.then[i].function)) continue;
    rule.then = rule.then.map((t, i) => (swapped[i] === undefined ? t : { ...t, function: swapped[i]! }));
  }
  return ruleset;
}
