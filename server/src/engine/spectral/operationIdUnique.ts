/**
 * Spectral's `oasOpIdUnique` (rule `operation-operationId-unique`) looks every operationId up in an
 * array of the ones seen: quadratic, 8 s of a 20 MB spec's lint (24,000 operations). This drop-in
 * keeps its steps, order and messages and looks them up in a Set (both compare by SameValueZero).
 * Swapped into any loaded ruleset by identity, as the example validation is.
 */
import { createRulesetFunction, type Ruleset } from '@stoplight/spectral-core';
import { oasOpIdUnique as spectralOasOpIdUnique } from '@stoplight/spectral-rulesets/dist/oas/functions';
import { getAllOperations } from '@stoplight/spectral-rulesets/dist/oas/functions/utils/getAllOperations';
import { isObject } from '@stoplight/spectral-rulesets/dist/oas/functions/utils/isObject';
import { replaceRuleFunctions } from './ruleFunctions';

export const linearOasOpIdUnique = createRulesetFunction<Record<string, unknown>, null>(
  { input: { type: 'object' }, options: null },
  function oasOpIdUnique(paths) {
    const results: { message: string; path: string[] }[] = [];
    const seenIds = new Set<unknown>();
    for (const { path, operation } of getAllOperations(paths)) {
      const pathValue = paths[path];
      if (!isObject(pathValue)) continue;
      const operationValue = pathValue[operation];
      if (!isObject(operationValue) || !('operationId' in operationValue)) continue;
      const { operationId } = operationValue;
      if (seenIds.has(operationId)) results.push({ message: 'operationId must be unique.', path: ['paths', path, operation, 'operationId'] });
      else seenIds.add(operationId);
    }
    return results;
  },
);

/** Replaces Spectral's function in every rule of `ruleset` that uses it. */
export function useLinearOperationIdUnique(ruleset: Ruleset): Ruleset {
  return replaceRuleFunctions(ruleset, (t) => (t.function === spectralOasOpIdUnique ? (linearOasOpIdUnique as never) : undefined));
}
