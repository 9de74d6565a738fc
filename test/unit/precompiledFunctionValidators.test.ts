// The bundles validate Spectral functions' options and inputs with code generated at build time
// (scripts/precompiledFunctionValidators.mjs). It must give the run-time compile's verdicts and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'module';
import * as path from 'path';
import Ajv from 'ajv';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import * as coreFunctions from '@stoplight/spectral-functions';
import { oas, asyncapi, arazzo } from '@stoplight/spectral-rulesets';

const ROOT = path.resolve(__dirname, '../../..');
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type Schemas = { input: object | null; options: object | null };

/** Every function of the core set and of the three built-in rulesets, with the options its rules pass. */
function functionsInUse(): Map<Function, unknown[]> {
  const found = new Map<Function, unknown[]>();
  for (const fn of Object.values(coreFunctions)) if (typeof fn === 'function') found.set(fn, []);
  for (const ruleset of [oas, asyncapi, arazzo] as Array<{ rules: Record<string, { then: unknown }> }>) {
    for (const rule of Object.values(ruleset.rules)) {
      for (const then of [rule.then].flat() as Array<{ function: Function; functionOptions?: unknown }>) {
        if (!found.has(then.function)) found.set(then.function, []);
        if (then.functionOptions !== undefined) found.get(then.function)!.push(then.functionOptions);
      }
    }
  }
  return found;
}

/** Values that pass and fail a schema: a pool of plain values, and objects with each declared property set to each of them. */
function samples(schema: { properties?: Record<string, unknown> } | null, real: unknown[]): unknown[] {
  const pool: unknown[] = [null, true, 0, 3, -1, 1.5, '', 'a', 'camel', '^[a-z]+$', '(', [], ['x'], [1, 2], {}, { type: 'string' }];
  const out = [...real, ...pool];
  for (const key of Object.keys(schema?.properties ?? {})) for (const value of pool) out.push({ [key]: value }, { [key]: value, nonsense: 1 });
  for (const value of real) if (value && typeof value === 'object' && !Array.isArray(value)) for (const key of Object.keys(value)) out.push({ ...value, [key]: null }, { ...value, [key]: 42 });
  return out;
}

function runtimeCompile(schema: object): Validate {
  // spectral-core's own set-up (dist/ruleset/function.js).
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, keywords: ['x-internal'] });
  ajvErrors(ajv);
  ajvFormats(ajv);
  return ajv.compile(schema) as Validate;
}

test('the precompiled function validators give the run-time compile\'s verdicts and errors', async () => {
  const { functionValidatorsSource } = await import(path.join(ROOT, 'scripts', 'precompiledFunctionValidators.mjs'));
  const { source, resolveDir, count } = functionValidatorsSource(ROOT) as { source: string; resolveDir: string; count: number };
  const module = { exports: {} as { precompiledValidator(schema: object): Validate | undefined } };
  Function('require', 'module', 'exports', source)(createRequire(path.join(resolveDir, 'precompiled.js')), module, module.exports);
  const { precompiledValidator } = module.exports;

  let schemas = 0;
  let compared = 0;
  let invalid = 0;
  for (const [fn, options] of functionsInUse()) {
    const { input, options: optionsSchema } = (fn as unknown as { schemas?: Schemas }).schemas ?? { input: null, options: null };
    for (const [schema, values] of [[optionsSchema, options], [input, []]] as Array<[object | null, unknown[]]>) {
      if (schema === null || schema === undefined) continue;
      schemas++;
      const precompiled = precompiledValidator(schema);
      assert.ok(precompiled, `${fn.name}: no precompiled validator for ${JSON.stringify(schema).slice(0, 120)}`);
      const original = runtimeCompile(schema);
      for (const value of samples(schema as { properties?: Record<string, unknown> }, values)) {
        const expected = original(value);
        assert.equal(precompiled!(value), expected, `${fn.name} on ${JSON.stringify(value)}`);
        assert.equal(JSON.stringify(precompiled!.errors), JSON.stringify(original.errors), `${fn.name} errors on ${JSON.stringify(value)}`);
        compared++;
        if (!expected) invalid++;
      }
    }
  }
  assert.ok(schemas >= 30 && count >= 30, `${schemas} schemas in use, ${count} precompiled`);
  assert.ok(invalid > compared / 4 && invalid < compared, `${invalid} of ${compared} samples invalid`);
  // A schema it does not hold (a custom function's) is compiled at run time by the caller.
  assert.equal(precompiledValidator({ type: 'object', properties: { specgateOnly: { type: 'string' } } }), undefined);
});
