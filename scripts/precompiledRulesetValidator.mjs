// esbuild plugin: Spectral validates every ruleset with an ajv validator it compiles on first use
// (ajv 2020, ajv-errors, ajv-formats and its own keyword: ~0.1 s of each `specgate lint`). This
// generates that validator's code at build time (ajv standalone) from spectral-core's own
// createValidator, so the keyword definitions are Spectral's, and has createValidator('js') return
// it. The 'json' format keeps the run-time compile. test/unit/precompiledRulesetValidator.test.ts
// checks both give the same verdicts and errors.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generatedModule } from './generatedModule.mjs';

const FILE = /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]validation[\\/]ajv\.js$/;
const VIRTUAL = 'specgate-precompiled-ruleset-validator';
const HOOK = `    if (existingValidator !== null) {
        return existingValidator;
    }
`;

/** The standalone source of spectral-core's `createValidator('js')`, generated with spectral-core's own set-up. */
export function rulesetValidatorSource(root = process.cwd()) {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const ajvFile = join(dirname(requireFromRoot.resolve('@stoplight/spectral-core')), 'ruleset', 'validation', 'ajv.js');
  const requireFromCore = createRequire(ajvFile);
  const ajv2020 = requireFromCore('ajv/dist/2020');
  const standaloneCode = requireFromCore('ajv/dist/standalone').default;
  const Original = ajv2020.default;
  let instance;
  // The same options plus `code.source`, which standalone code needs; the instance is kept for it.
  ajv2020.default = class extends Original {
    constructor(options) {
      super({ ...options, code: { ...options?.code, source: true } });
      instance = this;
    }
  };
  try {
    delete requireFromCore.cache[ajvFile];
    const validate = requireFromCore(ajvFile).createValidator('js');
    return { source: standaloneCode(instance, validate), resolveDir: dirname(ajvFile) };
  } finally {
    ajv2020.default = Original;
    delete requireFromCore.cache[ajvFile];
  }
}

// Generated once per build script: several bundles include spectral-core (~0.5 s per generation).
const rulesetValidatorModule = generatedModule(VIRTUAL, () => rulesetValidatorSource());

export const precompiledRulesetValidator = {
  name: 'precompiled-ruleset-validator',
  setup(build) {
    rulesetValidatorModule(build);
    build.onLoad({ filter: FILE }, async (args) => {
      const contents = await readFile(args.path, 'utf8');
      // A Spectral update that moves this code must fail the build, not drop the patch silently.
      if (!contents.includes(HOOK) || !contents.includes('Reflect.apply(target, { validateAlias: alias_1.validateAlias, validateFunction: function_1.validateFunction }, args)')) {
        throw new Error(`precompiled-ruleset-validator: ${args.path} changed; update scripts/precompiledRulesetValidator.mjs`);
      }
      const precompiled = `${HOOK}    if (format === 'js') {
        validators.js = new Proxy(require('${VIRTUAL}'), {
            apply(target, thisArg, args) {
                return Reflect.apply(target, { validateAlias: alias_1.validateAlias, validateFunction: function_1.validateFunction }, args);
            },
        });
        return validators.js;
    }
`;
      return { contents: contents.replace(HOOK, precompiled), loader: 'js' };
    });
  },
};
