// esbuild plugin: Spectral's createRulesetFunction compiles every function's option and input
// schemas with ajv when its module loads, and loading spectral-core sets up ajv-errors' keyword
// (a meta-schema compile). Loading the engine thus compiled ~40 schemas, asyncapi's and arazzo's
// included, before any ruleset was read (~0.15 s of each `specgate lint`). This patch compiles
// each schema on first use instead; validation results and messages are ajv's, unchanged. A schema
// whose code was generated at build time (scripts/precompiledFunctionValidators.mjs) is not compiled.
import { readFile } from 'node:fs/promises';
import { VIRTUAL as PRECOMPILED, precompiledFunctionValidators } from './precompiledFunctionValidators.mjs';

const FILE = /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]function\.js$/;

const REPLACEMENTS = [
  [
    `const ajv = new ajv_1.default({ allErrors: true, allowUnionTypes: true, strict: true, keywords: ['x-internal'] });
(0, ajv_errors_1.default)(ajv);
(0, ajv_formats_1.default)(ajv);`,
    `let ajvInstance;
const getAjv = () => {
    if (ajvInstance === undefined) {
        ajvInstance = new ajv_1.default({ allErrors: true, allowUnionTypes: true, strict: true, keywords: ['x-internal'] });
        (0, ajv_errors_1.default)(ajvInstance);
        (0, ajv_formats_1.default)(ajvInstance);
    }
    return ajvInstance;
};
const compileOnFirstUse = (schema) => {
    let compiled;
    const validate = function (data) {
        compiled ??= require('${PRECOMPILED}').precompiledValidator(schema) ?? getAjv().compile(schema);
        const valid = compiled(data);
        validate.errors = compiled.errors;
        return valid;
    };
    validate.errors = null;
    return validate;
};`,
  ],
  [
    `const validateOptions = options === null ? DEFAULT_OPTIONS_VALIDATOR : ajv.compile(options);
    const validateInput = input !== null ? ajv.compile(input) : input;`,
    `const validateOptions = options === null ? DEFAULT_OPTIONS_VALIDATOR : compileOnFirstUse(options);
    const validateInput = input !== null ? compileOnFirstUse(input) : input;`,
  ],
];

export const lazySpectralFunctions = {
  name: 'lazy-spectral-functions',
  setup(build) {
    precompiledFunctionValidators.setup(build);
    build.onLoad({ filter: FILE }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [from, to] of REPLACEMENTS) {
        // A Spectral update that moves this code must fail the build, not drop the patch silently.
        if (!contents.includes(from)) throw new Error(`lazy-spectral-functions: ${args.path} changed; update scripts/lazySpectralFunctions.mjs`);
        contents = contents.replace(from, to);
      }
      if (/\bajv\./.test(contents)) throw new Error(`lazy-spectral-functions: ${args.path} still uses ajv eagerly`);
      return { contents, loader: 'js' };
    });
  },
};
