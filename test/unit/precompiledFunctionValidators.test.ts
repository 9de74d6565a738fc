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
import { detectDialect } from '@stoplight/spectral-formats';
import { createAjvInstances } from '@stoplight/spectral-functions/dist/schema/ajv';

const ROOT = path.resolve(__dirname, '../../..');
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type Schemas = { input: object | null; options: object | null };
type Precompiled = {
  precompiledValidator(schema: object): Validate | undefined;
  precompiledSchemaValidator(schema: object, dialect: string, allErrors: boolean): Validate | undefined;
};
type Then = { function: Function; functionOptions?: { schema?: { $id?: string; properties?: Record<string, unknown> }; dialect?: string; allErrors?: boolean } };

/** Every `then` of the three built-in rulesets. */
function builtInThens(): Then[] {
  const thens: Then[] = [];
  for (const ruleset of [oas, asyncapi, arazzo] as Array<{ rules: Record<string, { then: unknown }> }>) {
    for (const rule of Object.values(ruleset.rules)) thens.push(...([rule.then].flat() as Then[]));
  }
  return thens;
}

async function loadPrecompiled(): Promise<Precompiled & { count: number }> {
  const { functionValidatorsSource } = await import(path.join(ROOT, 'scripts', 'precompiledFunctionValidators.mjs'));
  const { source, resolveDir, count } = functionValidatorsSource(ROOT) as { source: string; resolveDir: string; count: number };
  const module = { exports: {} as Precompiled };
  Function('require', 'module', 'exports', source)(createRequire(path.join(resolveDir, 'precompiled.js')), module, module.exports);
  return { ...module.exports, count };
}

/** Every function of the core set and of the three built-in rulesets, with the options its rules pass. */
function functionsInUse(): Map<Function, unknown[]> {
  const found = new Map<Function, unknown[]>();
  for (const fn of Object.values(coreFunctions)) if (typeof fn === 'function') found.set(fn, []);
  for (const then of builtInThens()) {
    if (!found.has(then.function)) found.set(then.function, []);
    if (then.functionOptions !== undefined) found.get(then.function)!.push(then.functionOptions);
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
  const { precompiledValidator, count } = await loadPrecompiled();

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

test('the precompiled validators of built-in rules\' schemas give Spectral\'s verdicts and errors', async () => {
  const { precompiledSchemaValidator } = await loadPrecompiled();
  const schemaFunction = coreFunctions.schema as unknown as Function;
  const spectralsOwn = createAjvInstances();
  let rules = 0;
  let invalid = 0;
  let compared = 0;
  for (const then of builtInThens()) {
    const options = then.functionOptions;
    if (then.function !== schemaFunction || !options?.schema || typeof options.schema.$id === 'string') continue;
    rules++;
    // As spectral-functions' schema function picks them.
    const dialect = (options.dialect === undefined || options.dialect === 'auto' ? detectDialect(options.schema) : options.dialect) ?? 'draft7';
    const allErrors = options.allErrors ?? false;
    const precompiled = precompiledSchemaValidator(options.schema, dialect, allErrors);
    assert.ok(precompiled, `no precompiled validator for ${JSON.stringify(options.schema).slice(0, 120)}`);
    assert.equal(precompiledSchemaValidator(options.schema, dialect, allErrors), precompiled, 'looked up once per schema object');
    const original = spectralsOwn(options.schema as never, dialect as never, allErrors) as unknown as Validate;
    const values = samples(options.schema, [{ tags: [{ name: 'a' }] }, { servers: [{ url: 'https://x' }] }, { schemes: ['https'] }, { xml: { name: 'x' } }]);
    for (const value of [...values, ...values.map((v) => ({ tags: v, servers: v, schemes: v }))]) {
      const expected = original(value);
      assert.equal(precompiled!(value), expected, `${JSON.stringify(options.schema).slice(0, 60)} on ${JSON.stringify(value)}`);
      assert.equal(JSON.stringify(precompiled!.errors), JSON.stringify(original.errors));
      compared++;
      if (!expected) invalid++;
    }
  }
  assert.ok(rules >= 5, `${rules} rules`);
  assert.ok(invalid > 0 && invalid < compared, `${invalid} of ${compared} invalid`);
  assert.equal(precompiledSchemaValidator({ type: 'string' }, 'draft7', false), undefined);
});
