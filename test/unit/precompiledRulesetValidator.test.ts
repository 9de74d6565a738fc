// The bundles validate rulesets with Spectral's validator precompiled at build time
// (scripts/precompiledRulesetValidator.mjs). It must give spectral-core's own verdicts and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'module';
import * as path from 'path';
import * as functions from '@stoplight/spectral-functions';
import oas from '@stoplight/spectral-rulesets/dist/oas';
import arazzo from '@stoplight/spectral-rulesets/dist/arazzo';

const ROOT = path.resolve(__dirname, '../../..');
// spectral-core's internals by file (its package exports do not list them).
const coreDir = path.join(path.dirname(require.resolve('@stoplight/spectral-core')), 'ruleset', 'validation');
type Validate = ((this: unknown, data: unknown) => boolean) & { errors?: unknown[] | null };
const context = {
  validateAlias: require(path.join(coreDir, 'validators', 'alias.js')).validateAlias,
  validateFunction: require(path.join(coreDir, 'validators', 'function.js')).validateFunction,
};

async function validators(): Promise<{ original: Validate; precompiled: Validate }> {
  const original = require(path.join(coreDir, 'ajv.js')).createValidator('js') as Validate;
  const { rulesetValidatorSource } = await import(path.join(ROOT, 'scripts', 'precompiledRulesetValidator.mjs'));
  const { source, resolveDir } = rulesetValidatorSource(ROOT) as { source: string; resolveDir: string };
  const module = { exports: {} as unknown };
  Function('require', 'module', 'exports', source)(createRequire(path.join(resolveDir, 'precompiled.js')), module, module.exports);
  return { original, precompiled: module.exports as Validate };
}

const CASES: Record<string, unknown> = {
  'extends only': { extends: [] },
  'spectral:oas as a definition': oas,
  'spectral:arazzo as a definition': arazzo,
  'custom rules with core functions and options': {
    extends: [],
    documentationUrl: 'https://example.com',
    rules: {
      'paths-kebab': { given: '$.paths[*]~', severity: 'warn', then: { function: functions.pattern, functionOptions: { match: '^[a-z/-]+$' } } },
      several: { given: ['$.info', '$.tags[*]'], then: [{ field: 'description', function: functions.truthy }, { field: 'name', function: functions.casing, functionOptions: { type: 'kebab' } }] },
      off: 'off',
    },
  },
  'aliases used and defined': { extends: [], aliases: { Info: ['$.info'] }, rules: { r: { given: '#Info', then: { function: functions.truthy } } } },
  'an alias that is not defined': { extends: [], rules: { r: { given: '#Nope', then: { function: functions.truthy } } } },
  'given is not a JSON path': { extends: [], rules: { r: { given: 42, then: { function: functions.truthy } } } },
  'a severity that does not exist': { extends: [], rules: { r: { given: '$', severity: 'loud', then: { function: functions.truthy } } } },
  'a function that is not a function': { extends: [], rules: { r: { given: '$', then: { function: 'truthy' } } } },
  'function options the function rejects': { extends: [], rules: { r: { given: '$', then: { function: functions.pattern, functionOptions: { nonsense: true } } } } },
  'missing function options': { extends: [], rules: { r: { given: '$', then: { function: functions.casing } } } },
  'an unknown top-level key': { extends: [], rulez: {} },
  'a rule without then': { extends: [], rules: { r: { given: '$' } } },
  'formats that are not functions': { extends: [], formats: ['oas3'], rules: {} },
  'overrides without files': { overrides: [{ rules: { r: 'off' } }] },
  'not an object': 'extends: spectral:oas',
};

test('the precompiled ruleset validator gives spectral-core\'s verdicts and errors', async () => {
  const { original, precompiled } = await validators();
  assert.notEqual(original, precompiled);
  let invalid = 0;
  for (const [name, definition] of Object.entries(CASES)) {
    const expected = original.call(context, definition);
    const expectedErrors = JSON.stringify(original.errors);
    const actual = precompiled.call(context, definition);
    assert.equal(actual, expected, name);
    assert.equal(JSON.stringify(precompiled.errors), expectedErrors, name);
    if (!expected) invalid++;
  }
  assert.ok(invalid >= 8, `${invalid} invalid cases`);
});
