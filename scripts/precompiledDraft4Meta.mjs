// esbuild plugin: example validation checks each draft 4 schema against the draft 4 meta-schema, as
// ajv does before compiling (engine/spectral/exampleValidation.ts, `metaValidDraft4`). ajv-draft-04
// compiled that meta-schema on the first check of every lint (~30 ms). This generates its validator
// at build time (ajv standalone), with the same options, as the module `specgate-precompiled-draft4-meta`;
// unbundled (the tests) the engine compiles it as before. test/unit/precompiledDraft4Meta.test.ts
// checks both give the same verdicts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { generatedModule } from './generatedModule.mjs';

export const VIRTUAL = 'specgate-precompiled-draft4-meta';

/** Options of the engine's meta-schema instance (`metaValidDraft4`), plus `code.source` for standalone code. */
export const META_OPTIONS = { allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, logger: false, unicodeRegExp: false };

/** The standalone source of ajv-draft-04's validator of its default meta-schema. */
export function draft4MetaSource(root = process.cwd()) {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const AjvDraft04 = requireFromRoot('ajv-draft-04').default;
  const standaloneCode = requireFromRoot('ajv/dist/standalone').default;
  const ajv = new AjvDraft04({ ...META_OPTIONS, code: { source: true } });
  const validate = ajv.getSchema(ajv.defaultMeta());
  if (typeof validate !== 'function') throw new Error('precompiled-draft4-meta: ajv-draft-04 has no default meta-schema');
  return { source: standaloneCode(ajv, validate), resolveDir: dirname(requireFromRoot.resolve('ajv-draft-04')) };
}

const draft4MetaModule = generatedModule(VIRTUAL, () => draft4MetaSource());

export const precompiledDraft4Meta = {
  name: 'precompiled-draft4-meta',
  setup(build) {
    draft4MetaModule(build);
  },
};
