// The bundles check draft 4 schemas against the meta-schema with a validator generated at build time
// (scripts/precompiledDraft4Meta.mjs). It must give ajv-draft-04's own `validateSchema` verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'module';
import { readFileSync } from 'fs';
import * as path from 'path';
import AjvDraft04 from 'ajv-draft-04';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';

const ROOT = path.resolve(__dirname, '../../..');

async function validators(): Promise<{ ajv: { validateSchema(s: unknown): unknown }; precompiled: (s: unknown) => boolean }> {
  const { draft4MetaSource, META_OPTIONS } = await import(path.join(ROOT, 'scripts', 'precompiledDraft4Meta.mjs'));
  const { source, resolveDir } = draft4MetaSource(ROOT) as { source: string; resolveDir: string };
  const module = { exports: {} as unknown };
  Function('require', 'module', 'exports', source)(createRequire(path.join(resolveDir, 'precompiled.js')), module, module.exports);
  return { ajv: new AjvDraft04(META_OPTIONS), precompiled: module.exports as (s: unknown) => boolean };
}

/** Every schema object under `components.schemas` / `definitions` of a spec, nested ones too. */
function schemasOf(spec: Record<string, unknown>): unknown[] {
  const roots = [(spec.components as Record<string, unknown> | undefined)?.schemas, spec.definitions].filter((x) => x && typeof x === 'object');
  const out: unknown[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || out.length > 4000) return;
    out.push(v);
    for (const child of Object.values(v)) walk(child);
  };
  for (const root of roots) for (const s of Object.values(root as Record<string, unknown>)) walk(s);
  return out;
}

// Invalid for the draft 4 meta-schema in the ways real schemas are.
const BROKEN: unknown[] = [
  { required: [] }, { required: ['a', 'a'] }, { required: 'a' }, { type: 'strng' }, { type: [] }, { enum: [] },
  { minLength: -1 }, { maxItems: 1.5 }, { exclusiveMaximum: true }, { properties: 5 }, { items: 'x' },
  { multipleOf: 0 }, { pattern: 3 }, { additionalProperties: 'no' }, { allOf: [] }, { title: 5 },
  { properties: { a: { type: 'object', required: [] } } }, { not: [] }, { dependencies: { a: 1 } },
];

test('the precompiled draft 4 meta-schema validator gives ajv-draft-04\'s verdicts', async () => {
  const { ajv, precompiled } = await validators();
  let checked = 0;
  let invalid = 0;
  const compare = (schema: unknown, where: string) => {
    const expected = ajv.validateSchema(schema) === true;
    assert.equal(precompiled(schema) === true, expected, `${where}: ${JSON.stringify(schema).slice(0, 200)}`);
    checked++;
    if (!expected) invalid++;
  };
  for (const [i, schema] of BROKEN.entries()) {
    compare(schema, `broken ${i}`);
    assert.equal(precompiled(schema), false, `broken ${i} is invalid`);
  }
  for (const file of sample(listSpecs(openapiDirectory()), 60)) {
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const schema of schemasOf(spec)) compare(schema, path.basename(path.dirname(file)));
  }
  assert.ok(checked > 5000, `${checked} schemas compared`);
  assert.ok(invalid > BROKEN.length, `${invalid} invalid ones among them`);
});
