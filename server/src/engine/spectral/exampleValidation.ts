import { silentLogger, type Logger } from '../logger';
/**
 * Specgate's implementation of `spectral:oas`'s example-validation rules
 * (`oas3-valid-schema-example`, `oas3-valid-media-example`, `oas2-valid-schema-example`,
 * `oas2-valid-media-example`), producing the same findings as Spectral's `oasExample`.
 *
 * Spectral clones each schema (`JSON.parse(JSON.stringify(...))`) before validating an example
 * and caches compiled validators by object identity, so the cache never hits and every example
 * compiles a fresh ajv validator: on GitHub's spec that is ~100 of ~120 s. Here the prepared
 * (cleaned, relaxed) schema is interned by content, so each distinct schema is compiled once and
 * the compiled validator is kept across runs (edits re-lint without recompiling).
 *
 * The steps are Spectral's own, in the same order (spectral-rulesets `oasExample` → `oasSchema`
 * → spectral-functions `schema`), with the same ajv instances and error formatting.
 */
import traverse from 'json-schema-traverse';
import betterAjvErrors from '@stoplight/better-ajv-errors';
import { createRulesetFunction, Ruleset } from '@stoplight/spectral-core';
import type { IFunctionResult, RulesetFunctionContext } from '@stoplight/spectral-core';
import { oas2, oas3_0, oas3_1, oas3_2, extractDraftVersion, detectDialect } from '@stoplight/spectral-formats';
import { isPlainObject, pointerToPath } from '@stoplight/json';
import { createAjvInstances } from '@stoplight/spectral-functions/dist/schema/ajv';
import { quickCompileError, quickEligible, quickFirstError, quickValid } from './quickCheck';
import { replaceRuleFunctions } from './ruleFunctions';
import { oasExample as spectralOasExample } from '@stoplight/spectral-rulesets/dist/oas/functions';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const RefError: new (...args: never[]) => Error = require('ajv/dist/compile/ref_error').default;

type Obj = Record<string, unknown>;
type Path = (string | number)[];
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvError { keyword: string; instancePath: string; schemaPath: string; params: Obj; message?: string }

/** The rule ids handled here. */
export const EXAMPLE_RULES = ['oas3-valid-schema-example', 'oas3-valid-media-example', 'oas2-valid-schema-example', 'oas2-valid-media-example'];

const MEDIA_VALIDATION_ITEMS: Record<2 | 3, { field: string; multiple: boolean; keyed: boolean }[]> = {
  2: [{ field: 'examples', multiple: true, keyed: false }],
  3: [
    { field: 'example', multiple: false, keyed: false },
    { field: 'examples', multiple: true, keyed: true },
  ],
};
const REQUEST_MEDIA_PATHS: Record<2 | 3, string[][]> = { 2: [], 3: [['components', 'requestBodies'], ['paths', '*', '*', 'requestBody']] };
const RESPONSE_MEDIA_PATHS: Record<2 | 3, string[][]> = {
  2: [['responses'], ['paths', '*', '*', 'responses']],
  3: [['components', 'responses'], ['paths', '*', '*', 'responses']],
};
const SCHEMA_VALIDATION_ITEMS: Record<2 | 3, string[]> = { 2: ['example', 'x-example', 'default'], 3: ['example', 'default'] };
const KNOWN_TRAVERSE_KEYWORDS = [
  ...Object.keys((traverse as unknown as { keywords: Obj }).keywords),
  ...Object.keys((traverse as unknown as { arrayKeywords: Obj }).arrayKeywords),
  ...Object.keys((traverse as unknown as { propsKeywords: Obj }).propsKeywords),
];

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object';

function isSubpath(path: Path, subPaths: string[][]): boolean {
  return subPaths.some((sub) => sub.every((segment, i) => segment === '*' || segment === path[i]));
}

function* mediaItems(targetVal: Obj, givenPath: Path, oasVersion: 2 | 3): Generator<{ value: unknown; path: Path }> {
  for (const { field, keyed, multiple } of MEDIA_VALIDATION_ITEMS[oasVersion]) {
    if (!(field in targetVal)) continue;
    const value = targetVal[field];
    if (multiple) {
      if (!isObject(value)) continue;
      for (const exampleKey of Object.keys(value)) {
        const exampleValue = value[exampleKey];
        if (oasVersion === 3 && keyed && (!isObject(exampleValue) || 'externalValue' in exampleValue)) continue;
        const targetPath = [...givenPath, field, exampleKey];
        if (keyed) targetPath.push('value');
        yield { value: keyed && isObject(exampleValue) ? exampleValue.value : exampleValue, path: targetPath };
      }
      return;
    }
    yield { value, path: [...givenPath, field] };
    return;
  }
}

function* schemaItems(fields: string[], targetVal: Obj, givenPath: Path): Generator<{ value: unknown; path: Path }> {
  for (const field of fields) if (field in targetVal) yield { value: targetVal[field], path: [...givenPath, field] };
}

function cleanSchema(schema: Obj): void {
  traverse(schema, { allKeys: true }, ((fragment: Obj, _ptr: string, _root: unknown, _parentPtr: string, parentKeyword?: string) => {
    if (parentKeyword === undefined || KNOWN_TRAVERSE_KEYWORDS.includes(parentKeyword)) return;
    if ('id' in fragment) delete fragment.id;
    // Spectral's own code: `$id` present deletes `id` (not `$id`); kept for identical results.
    if ('$id' in fragment) delete fragment.id;
  }) as never);
}

function relaxRequired(schema: Obj, readOnly: boolean, writeOnly: boolean): void {
  if (!readOnly && !writeOnly) return;
  const notPtrs: string[] = [];
  traverse(schema, {}, ((fragment: Obj, jsonPtr: string, _root: unknown, parentPtr: string | undefined, parentKeyword: string | undefined, parent: Obj | undefined, propertyName: string | undefined) => {
    if (parentKeyword === 'not') {
      notPtrs.push(jsonPtr);
      return;
    }
    if (parentPtr !== undefined && notPtrs.some((p) => parentPtr === p || parentPtr.startsWith(`${p}/`))) return;
    if ((fragment.readOnly === true && readOnly) || (fragment.writeOnly === true && writeOnly)) {
      if (parentKeyword === 'properties' && parent && (parent.required === undefined || Array.isArray(parent.required))) {
        parent.required = (parent.required as unknown[] | undefined)?.filter((p) => p !== propertyName);
        if ((parent.required as unknown[] | undefined)?.length === 0) delete parent.required;
      }
    }
  }) as never);
}

function visitOAS2(schema: Obj): void {
  if (schema['x-nullable'] === true) {
    schema.nullable = true;
    delete schema['x-nullable'];
  }
}

function getSchemaProperty(schema: unknown, schemaPath: string): unknown {
  let value = schema;
  for (const fragment of pointerToPath(schemaPath).slice(0, -1)) {
    if (!isPlainObject(value)) return undefined;
    value = (value as Obj)[fragment as string];
  }
  return value;
}

function rewriteNullable(schema: unknown, errors: AjvError[]): void {
  for (const error of errors) {
    if (error.keyword !== 'type') continue;
    const value = getSchemaProperty(schema, error.schemaPath);
    if (isPlainObject(value) && (value as Obj).nullable === true) error.message += ',null';
  }
}

function describeArrayItem(message: string, errorPath: string): string {
  const index = errorPath.split('/').pop();
  if (index === undefined || !/^\d+$/.test(index)) return message;
  const typePrefix = `"${index}" property type`;
  if (message.startsWith(typePrefix)) return `Item at index ${index}${message.slice(typePrefix.length)}`;
  const prefix = `"${index}" property`;
  return message.startsWith(prefix) ? `Item at index ${index}${message.slice(prefix.length)}` : message;
}

function findUnmatchedCombinators(errors: AjvError[]): Map<string, string> {
  const unmatched = new Map<string, string>();
  for (const { keyword, instancePath, params } of errors) {
    if ((keyword === 'oneOf' || keyword === 'anyOf') && !Array.isArray(params.passingSchemas)) unmatched.set(instancePath, keyword);
  }
  return unmatched;
}

function describeCombinator(message: string, keyword: string | undefined): string {
  return keyword !== undefined && message.endsWith(` in ${keyword}`)
    ? `${message}. None of the schemas matched, see the other errors reported for this value`
    : message;
}

/** A schema ready to validate with, and its compiled validator (shared by every schema with the same validation keywords). */
interface Prepared {
  /** The schema exactly as Spectral validates with (used for error messages). */
  schema: Obj;
  /** Its validation keywords only (see ANNOTATIONS), for `quickValid`; set when that check applies. */
  quick?: unknown;
  dialect: string;
  nullable: boolean;
  compiled: Compiled;
}
interface Compiled { validator?: Validator; error?: unknown; perRun?: boolean }

/**
 * Keywords that never change what ajv accepts or reports (annotations; `x-*` extensions; unknown
 * keywords are ignored with `strict: false`). Removing them from the compile key lets every schema
 * that differs only in descriptions or examples share one compiled validator; error messages are
 * still produced from the full schema, so they are Spectral's.
 */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'default', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'xml', '$comment', 'discriminator']);
const traverseSets = traverse as unknown as { keywords: Obj; arrayKeywords: Obj; propsKeywords: Obj };

function validationOnly(schema: unknown): unknown {
  if (!isPlainObject(schema)) return schema;
  const out: Obj = {};
  for (const [key, value] of Object.entries(schema as Obj)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key in traverseSets.arrayKeywords && Array.isArray(value)) out[key] = value.map(validationOnly);
    else if (key in traverseSets.keywords || key in traverseSets.arrayKeywords) out[key] = validationOnly(value);
    else if (key in traverseSets.propsKeywords && isPlainObject(value)) {
      const props: Obj = {};
      for (const [name, child] of Object.entries(value as Obj)) props[name] = validationOnly(child);
      out[key] = props;
    } else out[key] = value;
  }
  return out;
}

/** The compiled validators are process-wide, so is where ajv's warnings go (the latest language service's logger). */
let ajvLogger: Logger = silentLogger;
export function setExampleValidationLogger(logger: Logger): void {
  ajvLogger = logger;
}

/** Process-wide: one set of ajv instances and the compiled validators by content. Bounded; cleared when full. */
const MAX_COMPILED = 20_000;
const compiledByKey = new Map<string, Compiled>();
let sharedAjv = createAjvInstances();
/**
 * Draft 4 validators are compiled by this ajv-draft-04 instance: Spectral's options, plus
 * `code.optimize: false`, which halves compile time (most validators run a handful of times) and
 * changes nothing in what is accepted or reported.
 */
let draft4Ajv: { compile(schema: unknown): Validator } | undefined;
function compileDraft4(schema: unknown): Validator {
  if (!draft4Ajv) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const AjvDraft04 = require('ajv-draft-04').default;
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const addFormats = require('ajv-formats').default;
    const logger = {
      warn: (...args: unknown[]) => { if (typeof args[0] === 'string' && !args[0].startsWith('unknown format')) ajvLogger.log(`ajv: ${args.join(' ')}`); },
      log: () => undefined,
      error: (...args: unknown[]) => ajvLogger.log(`ajv: ${args.join(' ')}`),
    };
    const ajv = new AjvDraft04({ allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, logger, unicodeRegExp: false, code: { optimize: false } });
    addFormats(ajv);
    draft4Ajv = ajv;
  }
  return draft4Ajv!.compile(schema);
}
/** Per document inventory (one Spectral run), as Spectral does, for schemas with an `$id`. */
const perRunAjv = new WeakMap<object, ReturnType<typeof createAjvInstances>>();

export const exampleValidationStats = { validations: 0, quick: 0, quickErrors: 0, compiles: 0, prepared: 0 };

/** Forgets every compiled validator (tests; memory bound). */
export function clearExampleValidationCache(): void {
  compiledByKey.clear();
  sharedAjv = createAjvInstances();
  draft4Ajv = undefined;
}

function dialectOf(context: RulesetFunctionContext): { dialect: string; oas2: boolean; nullable: boolean } {
  const formats = context.document.formats;
  if (!formats) return { dialect: 'auto', oas2: false, nullable: false };
  if (formats.has(oas3_2) || formats.has(oas3_1)) {
    const data = context.document.data as Obj;
    const declared = isPlainObject(data) && typeof data.jsonSchemaDialect === 'string' ? extractDraftVersion(data.jsonSchemaDialect) : undefined;
    return { dialect: declared ?? 'draft2020-12', oas2: false, nullable: false };
  }
  if (formats.has(oas3_0)) return { dialect: 'draft4', oas2: false, nullable: true };
  if (formats.has(oas2)) return { dialect: 'draft4', oas2: true, nullable: true };
  return { dialect: 'draft4', oas2: false, nullable: false };
}

/**
 * Prepares the schema Spectral would validate with: the (oas2) boolean `required` fix, the clone,
 * `cleanSchema`, `relaxRequired`, then `oasSchema`'s oas2 `x-nullable` rewrite.
 */
function prepare(raw: Obj, relaxRead: boolean, relaxWrite: boolean, context: RulesetFunctionContext): Prepared {
  exampleValidationStats.prepared++;
  const { dialect: declared, oas2: isOas2, nullable } = dialectOf(context);
  let schema = raw;
  if (context.document.formats?.has(oas2) && 'required' in schema && typeof schema.required === 'boolean') {
    schema = { ...schema };
    delete schema.required;
  }
  const copy = JSON.parse(JSON.stringify(schema)) as Obj;
  cleanSchema(copy);
  relaxRequired(copy, relaxRead, relaxWrite);
  if (isOas2) traverse(copy, visitOAS2 as never);
  const dialect = declared === 'auto' ? detectDialect(copy) ?? 'draft7' : declared;
  if (typeof copy.$id === 'string') {
    // Spectral looks such schemas up by `$id` in a per-run ajv: do the same, no cross-run cache.
    return { schema: copy, dialect, nullable, compiled: { perRun: true } };
  }
  // Draft 4 schemas that pass the meta-schema (as ajv checks before compiling) compile from their
  // validation keywords only, and valid examples skip ajv altogether (`quickValid`). Anything else
  // compiles exactly as Spectral does, keyed by the whole schema.
  let key: string;
  let quick: unknown;
  let compileError: string | undefined;
  const stripped = dialect === 'draft4' ? validationOnly(copy) : undefined;
  if (stripped !== undefined && quickEligible(stripped) && metaValidDraft4(copy)) {
    quick = stripped;
    key = `draft4*|${JSON.stringify(quick)}`;
  } else {
    // A schema ajv would refuse for `nullable` without `type` only: its error, without compiling.
    compileError = stripped !== undefined ? quickCompileError(stripped) : undefined;
    if (compileError !== undefined && !metaValidDraft4(copy)) compileError = undefined;
    key = `${dialect}|${JSON.stringify(copy)}`;
  }
  let compiled = compiledByKey.get(key);
  if (!compiled) {
    if (compiledByKey.size >= MAX_COMPILED) clearExampleValidationCache();
    compiledByKey.set(key, (compiled = compileError !== undefined ? { error: new Error(compileError) } : {}));
  }
  return { schema: copy, quick, dialect, nullable, compiled };
}

/**
 * The draft 4 meta-schema's validator generated at build time (scripts/precompiledDraft4Meta.mjs,
 * ajv's `validateSchema` for a schema without `$schema`); null where the bundle does not hold it
 * (unbundled tests), which compile it as before.
 */
let precompiledMeta: ((schema: unknown) => boolean) | null | undefined;
function precompiledDraft4Meta(): ((schema: unknown) => boolean) | null {
  if (precompiledMeta === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      precompiledMeta = require('specgate-precompiled-draft4-meta') as (schema: unknown) => boolean;
    } catch {
      precompiledMeta = null;
    }
  }
  return precompiledMeta;
}

/** ajv-draft-04 with Spectral's options, only to check schemas against the draft 4 meta-schema. */
let metaAjv: { validateSchema(schema: unknown): boolean | Promise<unknown> } | undefined;
function metaValidDraft4(schema: Obj): boolean {
  const precompiled = schema.$schema === undefined ? precompiledDraft4Meta() : null;
  if (precompiled) {
    try {
      return precompiled(schema) === true;
    } catch {
      return false;
    }
  }
  if (!metaAjv) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const AjvDraft04 = require('ajv-draft-04').default;
    metaAjv = new AjvDraft04({ allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, logger: false, unicodeRegExp: false });
  }
  try {
    return metaAjv!.validateSchema(schema) === true;
  } catch {
    return false;
  }
}

function compile(entry: Prepared, context: RulesetFunctionContext): Compiled {
  if (entry.compiled.perRun) {
    const inventory = (context as unknown as { documentInventory: object }).documentInventory;
    let ajv = perRunAjv.get(inventory);
    if (!ajv) perRunAjv.set(inventory, (ajv = createAjvInstances()));
    try {
      return { validator: ajv(entry.schema as never, entry.dialect as never, false) as unknown as Validator };
    } catch (error) {
      return { error };
    }
  }
  if (!entry.compiled.validator && entry.compiled.error === undefined) {
    exampleValidationStats.compiles++;
    try {
      // Draft 4: compiled from the validation keywords only (see ANNOTATIONS), same verdicts and errors.
      entry.compiled.validator = entry.quick !== undefined
        ? compileDraft4(entry.quick)
        : sharedAjv(entry.schema as never, entry.dialect as never, false) as unknown as Validator;
    } catch (error) {
      entry.compiled.error = error;
    }
  }
  return entry.compiled;
}

/** spectral-functions `schema`, as called by `oasSchema`, with the compiled validator. */
function validate(targetVal: unknown, entry: Prepared, path: Path, context: RulesetFunctionContext): IFunctionResult[] {
  exampleValidationStats.validations++;
  if (targetVal === undefined) return [{ path, message: '#{{print("property")}}must exist' }];
  if (entry.quick !== undefined && quickValid(entry.quick, targetVal)) {
    exampleValidationStats.quick++;
    return [];
  }
  // The one error ajv would report, when certain: no validator compiled.
  const first = entry.quick !== undefined && !entry.compiled.validator ? quickFirstError(entry.quick, targetVal) : undefined;
  if (first === 'valid') {
    exampleValidationStats.quick++;
    return [];
  }
  if (first) {
    exampleValidationStats.quickErrors++;
    return described(targetVal, entry, path, [first]);
  }
  const results: IFunctionResult[] = [];
  const { validator, error } = compile(entry, context);
  if (error !== undefined) {
    if (!(error instanceof Error)) throw new Error('Unexpected error');
    const ignore = context.rule?.resolved && error instanceof RefError;
    if (!ignore) results.push({ message: error.message, path });
    return results;
  }
  if (validator && validator(targetVal) === false && Array.isArray(validator.errors)) {
    // ajv reuses the errors array of a compiled validator; copy before rewriting messages.
    return described(targetVal, entry, path, validator.errors.map((e) => ({ ...e })));
  }
  return results;
}

/** Spectral's findings for ajv's errors: its nullable rewrite, better-ajv-errors, its array and combinator wording. */
function described(targetVal: unknown, entry: Prepared, path: Path, errors: AjvError[]): IFunctionResult[] {
  if (entry.nullable) rewriteNullable(entry.schema, errors);
  const unmatched = findUnmatchedCombinators(errors);
  const found = betterAjvErrors(entry.schema as never, errors as never, { propertyPath: path, targetValue: targetVal } as never) as unknown as { suggestion?: string; error: string; path: string }[];
  return found.map(({ suggestion, error: message, path: errorPath }) => ({
    message: describeCombinator(describeArrayItem(suggestion !== undefined ? `${message}. ${suggestion}` : message, errorPath), unmatched.get(errorPath)),
    path: [...path, ...(errorPath !== '' ? errorPath.replace(/^\//, '').split('/') : [])],
  }));
}

/**
 * Identity memo within one run (the resolved document shares `$ref`'d schema objects). Reset at
 * the start of each run, since formats (and so the prepared schema) can differ between documents.
 */
let identityMemo = new WeakMap<object, Map<string, Prepared>>();

interface ExampleOptions { oasVersion: 2 | 3; schemaField: string; type: 'media' | 'schema' }

type RuleFn = (input: unknown, options: unknown, context: RulesetFunctionContext) => unknown;

/**
 * Drop-in for spectral-rulesets' `oasExample`: same options, same findings. `original` (Spectral's
 * own function) handles the odd inputs this one does not (a `schema` that is not an object).
 */
export function createCachedOasExample(original: RuleFn) {
  return createRulesetFunction<Obj, ExampleOptions>(
    {
      input: { type: 'object' },
      options: {
        type: 'object',
        properties: { oasVersion: { enum: [2, 3] }, schemaField: { type: 'string' }, type: { enum: ['media', 'schema'] } },
        additionalProperties: false,
      },
    },
    function oasExample(targetVal, opts, context) {
      const schema = (opts.schemaField === '$' ? targetVal : targetVal[opts.schemaField]) as Obj;
      if (!isPlainObject(schema)) return original(targetVal, opts, context) as IFunctionResult[] | undefined;
      const items = opts.type === 'schema'
        ? schemaItems(SCHEMA_VALIDATION_ITEMS[opts.oasVersion], targetVal, context.path as Path)
        : mediaItems(targetVal, context.path as Path, opts.oasVersion);
      const relaxRead = opts.type === 'media' && isSubpath(context.path as Path, REQUEST_MEDIA_PATHS[opts.oasVersion]);
      const relaxWrite = opts.type === 'media' && isSubpath(context.path as Path, RESPONSE_MEDIA_PATHS[opts.oasVersion]);
      let entry: Prepared | undefined;
      let results: IFunctionResult[] | undefined;
      for (const item of items) {
        if (!entry) {
          const memoKey = `${relaxRead}|${relaxWrite}`;
          let memo = identityMemo.get(schema);
          if (!memo) identityMemo.set(schema, (memo = new Map()));
          entry = memo.get(memoKey);
          if (!entry) memo.set(memoKey, (entry = prepare(schema, relaxRead, relaxWrite, context)));
        }
        const found = validate(item.value, entry, item.path, context);
        if (found.length > 0) (results ??= []).push(...found);
      }
      return results;
    },
  );
}

/** Resets the per-run identity memo (a new Spectral run may reuse objects after edits in place). */
export function beginExampleValidationRun(): void {
  identityMemo = new WeakMap();
}

/**
 * Swaps Spectral's `oasExample` for the cached implementation in every rule of `ruleset` that
 * uses it (the four example rules of `spectral:oas`, and any custom rule reusing the function).
 * The rule's `then` array is replaced, never mutated: it is shared with the ruleset definition.
 */
const cachedVersions = new WeakMap<object, unknown>();

export function useCachedExampleValidation(ruleset: Ruleset): Ruleset {
  return replaceRuleFunctions(ruleset, (t) => {
    if (!isOasExample(t.function)) return undefined;
    let cached = cachedVersions.get(t.function);
    if (!cached) cachedVersions.set(t.function, (cached = createCachedOasExample(t.function as never)));
    cachedFunctions.add(cached as object);
    return cached as never;
  });
}

/** Spectral's function, by identity (bundled and minified builds rename functions), or by name. */
function isOasExample(fn: unknown): boolean {
  if (typeof fn !== 'function' || cachedFunctions.has(fn)) return false;
  return fn === spectralOasExample || fn.name === 'oasExample';
}
const cachedFunctions = new WeakSet<object>();
