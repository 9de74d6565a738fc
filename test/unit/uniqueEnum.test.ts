import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ruleset } from '@stoplight/spectral-core';
import { oasSchema } from '@stoplight/spectral-rulesets/dist/oas/functions';
import { distinctScalars, useQuickUniqueEnum } from '../../server/src/engine/spectral/uniqueEnum';
import { freshOas, ruleFindings } from '../helpers/spectralRuns';

const findings = (ruleset: Ruleset, text: string) => ruleFindings(ruleset, text, 'duplicated-entry-in-enum');

// Distinct and repeated scalars, values equal only loosely (1 and '1', true and 'true', 0 and -0),
// NaN twice (ajv's deep equality takes NaN as equal to itself), nulls, objects and arrays.
const ENUMS = `
    A: { type: string, enum: [a, b, c] }
    B: { type: string, enum: [a, b, a] }
    C: { enum: [1, '1', true, 'true', null] }
    D: { type: number, enum: [0, -0] }
    E: { type: number, enum: [.nan, .nan] }
    F: { enum: [null, null] }
    G: { enum: [{ a: 1 }, { a: 1 }] }
    H: { enum: [[1], [2]] }
    I: { enum: [] }
    J: { type: integer, enum: [1, 2.0, 3, 1.0] }
    K: { type: object, properties: { enum: { type: string, enum: [x, x] } } }
`;

for (const [version, header, where] of [
  ['3.0', 'openapi: 3.0.3', 'components:\n  schemas:'],
  ['3.1', 'openapi: 3.1.0', 'components:\n  schemas:'],
  ['2.0', "swagger: '2.0'", 'definitions:'],
] as const) {
  test(`OpenAPI ${version}: the quick enum check reports exactly what Spectral's does`, async () => {
    const text = `${header}\ninfo: {title: T, version: '1'}\npaths: {}\n${where}${ENUMS.replace(/^ {4}/gm, '    ')}`;
    const theirs = await findings(freshOas(), text);
    const ours = await findings(useQuickUniqueEnum(freshOas()), text);
    assert.ok(theirs.length >= 6, theirs.join('\n'));
    assert.deepEqual(ours, theirs);
  });
}

test('the quick check answers distinct scalars itself and hands everything else to Spectral', async () => {
  const swapped = useQuickUniqueEnum(freshOas());
  const rules = Object.entries(swapped.rules).filter(([, r]) => r.then.some((t) => t.function !== oasSchema && t.function.name === 'oasSchema'));
  assert.deepEqual(rules.map(([name]) => name), ['duplicated-entry-in-enum'], 'only the unique-items rule is swapped');
  assert.deepEqual(useQuickUniqueEnum(swapped).rules['duplicated-entry-in-enum'].then, swapped.rules['duplicated-entry-in-enum'].then, 'idempotent');
  assert.equal(distinctScalars(['a', 'b', 1, '1', true, null]), true);
  assert.equal(distinctScalars([]), true);
  for (const items of [['a', 'a'], [NaN, NaN], [0, -0], [null, null], [{}], [[1]]]) assert.equal(distinctScalars(items), false, JSON.stringify(items));
});
