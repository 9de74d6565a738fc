/**
 * A conservative JSON-schema (draft 4, as ajv-draft-04 with ajv-formats reads it) check used to
 * skip compiling a validator for examples that are valid, which most are.
 *
 * `quickValid` answers true only when ajv would accept the value too. Anything it does not model
 * exactly (`$ref`, unknown keywords, odd numbers, bad patterns) answers false, and the caller then
 * validates with ajv as Spectral does, so findings and messages stay Spectral's.
 */
import { fullFormats } from 'ajv-formats/dist/formats';

type Obj = Record<string, unknown>;

const SUPPORTED = new Set([
  'type', 'nullable', 'enum', 'properties', 'required', 'additionalProperties', 'patternProperties',
  'items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'allOf', 'anyOf', 'oneOf', 'not',
  'minProperties', 'maxProperties', 'dependencies', 'format',
]);

const regexps = new Map<string, RegExp | null>();
function regexp(pattern: unknown): RegExp | null {
  if (typeof pattern !== 'string') return null;
  let re = regexps.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, '');
    } catch {
      re = null;
    }
    if (regexps.size > 10_000) regexps.clear();
    regexps.set(pattern, re);
  }
  return re;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as Obj);
  if (ka.length !== Object.keys(b as Obj).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Obj)[k], (b as Obj)[k]));
}

function typeMatches(type: string, v: unknown): boolean | undefined {
  switch (type) {
    case 'string': return typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return isObj(v);
    case 'number': return typeof v === 'number';
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    default: return undefined;
  }
}

/**
 * Whether `value` has one of `s.type`'s types, or is null where `nullable`; undefined for a type not
 * modelled, and for `type: []` (ajv then checks no type at all).
 */
function typeAccepts(s: Obj, value: unknown): boolean | undefined {
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.length === 0) return undefined;
  let ok = s.nullable === true && value === null;
  for (const t of types) {
    const m = typeof t === 'string' ? typeMatches(t, value) : undefined;
    if (m === undefined) return undefined;
    ok ||= m;
  }
  return ok;
}

/** Outside what these checks model: a keyword they do not know, or a number ajv reads apart (NaN, ±Infinity). */
function outsideModel(schema: Obj, value: unknown): boolean {
  if (typeof value === 'number' && !Number.isFinite(value)) return true;
  return Object.keys(schema).some((key) => !SUPPORTED.has(key));
}

/** Whether `v` passes ajv-formats' `name` as ajv applies it; undefined for a definition not modelled. */
function formatOk(name: string, v: unknown): boolean | undefined {
  const format = (fullFormats as Record<string, unknown>)[name];
  if (format === undefined) return true; // ajv ignores unknown formats (strict: false)
  if (format === true) return true; // a format ajv-formats accepts anything for (`binary`)
  let type = 'string';
  let check: unknown = format;
  if (isObj(format) && !(format instanceof RegExp)) {
    type = typeof format.type === 'string' ? format.type : 'string';
    check = format.validate;
  }
  if (type === 'number' ? typeof v !== 'number' : typeof v !== 'string') return true;
  if (check instanceof RegExp) return check.test(v as string);
  if (typeof check === 'function') return (check as (x: unknown) => boolean)(v) === true;
  return undefined;
}

/**
 * `oneOf` passes: exactly one branch matches. A "no" from quickValid may be a false negative, so one
 * certain yes counts only when every other branch is a certain no (`quickInvalid`).
 */
function oneOfCertainlyPasses(branches: readonly unknown[], value: unknown, depth: number): boolean {
  let matches = 0;
  for (const branch of branches) {
    if (quickValid(branch, value, depth + 1)) matches++;
    else if (!quickInvalid(branch, value, depth + 1)) return false;
  }
  return matches === 1;
}

/** True only if `value` is valid against `schema` for ajv (draft 4, formats); false when unsure. */
export function quickValid(schema: unknown, value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (schema === true || (isObj(schema) && Object.keys(schema).length === 0)) return true;
  if (!isObj(schema)) return false;
  if (outsideModel(schema, value)) return false;
  const s = schema;

  if (s.nullable !== undefined && !(typeof s.nullable === 'boolean' && s.type !== undefined)) return false;
  if (s.nullable === false && (Array.isArray(s.type) ? s.type.includes('null') : s.type === 'null')) return false;
  if (s.type !== undefined && typeAccepts(s, value) !== true) return false;
  if (s.enum !== undefined) {
    if (!Array.isArray(s.enum) || s.enum.length === 0) return false;
    if (!s.enum.some((e) => deepEqual(e, value))) return false;
  }
  if (s.format !== undefined) {
    if (typeof s.format !== 'string' || formatOk(s.format, value) !== true) return false;
  }
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[k];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) return false;
    if (k === 'allOf' && !list.every((x) => quickValid(x, value, depth + 1))) return false;
    if (k === 'anyOf' && !list.some((x) => quickValid(x, value, depth + 1))) return false;
    if (k === 'oneOf' && !oneOfCertainlyPasses(list, value, depth)) return false;
  }
  if (s.not !== undefined && !quickInvalid(s.not, value, depth + 1)) return false;

  if (typeof value === 'string') {
    if (s.minLength !== undefined || s.maxLength !== undefined) {
      const length = [...value].length;
      if (typeof s.minLength === 'number' ? length < s.minLength : s.minLength !== undefined) return false;
      if (typeof s.maxLength === 'number' ? length > s.maxLength : s.maxLength !== undefined) return false;
    }
    if (s.pattern !== undefined) {
      const re = regexp(s.pattern);
      if (!re || !re.test(value)) return false;
    }
  } else if (typeof value === 'number') {
    if (s.minimum !== undefined) {
      if (typeof s.minimum !== 'number') return false;
      if (s.exclusiveMinimum === true ? !(value > s.minimum) : !(value >= s.minimum)) return false;
    }
    if (s.maximum !== undefined) {
      if (typeof s.maximum !== 'number') return false;
      if (s.exclusiveMaximum === true ? !(value < s.maximum) : !(value <= s.maximum)) return false;
    }
    if (s.exclusiveMinimum !== undefined && typeof s.exclusiveMinimum !== 'boolean') return false;
    if (s.exclusiveMaximum !== undefined && typeof s.exclusiveMaximum !== 'boolean') return false;
    if (s.multipleOf !== undefined) {
      if (typeof s.multipleOf !== 'number' || !(s.multipleOf > 0)) return false;
      const r = value / s.multipleOf;
      if (r !== parseInt(String(r))) return false;
    }
  } else if (Array.isArray(value)) {
    if (s.minItems !== undefined && !(typeof s.minItems === 'number' && value.length >= s.minItems)) return false;
    if (s.maxItems !== undefined && !(typeof s.maxItems === 'number' && value.length <= s.maxItems)) return false;
    if (s.uniqueItems === true) {
      for (let i = 0; i < value.length; i++) for (let j = 0; j < i; j++) if (deepEqual(value[i], value[j])) return false;
    } else if (s.uniqueItems !== undefined && s.uniqueItems !== false) return false;
    if (Array.isArray(s.items)) {
      for (let i = 0; i < value.length; i++) {
        const itemSchema = i < s.items.length ? s.items[i] : s.additionalItems === undefined ? true : s.additionalItems;
        if (itemSchema === false || !quickValid(itemSchema, value[i], depth + 1)) return false;
      }
    } else if (s.items !== undefined) {
      for (const item of value) if (!quickValid(s.items, item, depth + 1)) return false;
    }
  } else if (isObj(value)) {
    const keys = Object.keys(value);
    if (s.minProperties !== undefined && !(typeof s.minProperties === 'number' && keys.length >= s.minProperties)) return false;
    if (s.maxProperties !== undefined && !(typeof s.maxProperties === 'number' && keys.length <= s.maxProperties)) return false;
    if (s.required !== undefined) {
      if (!Array.isArray(s.required) || s.required.length === 0) return false; // draft 4: minItems 1
      for (const name of s.required) if (typeof name !== 'string' || value[name] === undefined) return false;
    }
    const props = s.properties;
    if (props !== undefined && !isObj(props)) return false;
    const patterns = s.patternProperties;
    if (patterns !== undefined && !isObj(patterns)) return false;
    const patternList = patterns ? Object.entries(patterns).map(([p, sub]) => [regexp(p), sub] as const) : [];
    if (patternList.some(([re]) => !re)) return false;
    if (props) for (const [name, sub] of Object.entries(props)) if (value[name] !== undefined && !quickValid(sub, value[name], depth + 1)) return false;
    for (const key of keys) {
      let matched = props !== undefined && Object.prototype.hasOwnProperty.call(props, key);
      for (const [re, sub] of patternList) {
        if (re!.test(key)) {
          matched = true;
          if (!quickValid(sub, value[key], depth + 1)) return false;
        }
      }
      if (!matched && s.additionalProperties !== undefined && s.additionalProperties !== true) {
        if (s.additionalProperties === false || !quickValid(s.additionalProperties, value[key], depth + 1)) return false;
      }
    }
    if (s.dependencies !== undefined) {
      if (!isObj(s.dependencies)) return false;
      for (const [name, dep] of Object.entries(s.dependencies)) {
        if (value[name] === undefined) continue;
        if (Array.isArray(dep)) {
          if (!dep.every((d) => typeof d === 'string' && value[d] !== undefined)) return false;
        } else if (!quickValid(dep, value, depth + 1)) return false;
      }
    }
  } else if (value !== null && typeof value !== 'boolean') {
    return false;
  }
  // Keywords whose values ajv would reject when compiling are left to ajv.
  if (s.required !== undefined && (!Array.isArray(s.required) || s.required.length === 0)) return false;
  return true;
}

/**
 * Whether `quickValid` may be used with this schema at all: every subschema uses only modelled
 * keywords and nothing ajv would refuse when compiling (`nullable` without `type`, bad patterns),
 * because ajv reports such errors for the whole schema whatever the example.
 */
export function quickEligible(schema: unknown, depth = 0, untypedNullable?: { count: number }): boolean {
  if (depth > 64) return false;
  if (typeof schema === 'boolean') return true;
  if (!isObj(schema)) return false;
  for (const key of Object.keys(schema)) if (!SUPPORTED.has(key)) return false;
  const s = schema;
  // ajv refuses `nullable` (even false) without `type`, and `nullable: false` with type null.
  if (untypedNullable && typeof s.nullable === 'boolean' && s.type === undefined) untypedNullable.count++;
  else if (s.nullable !== undefined && !(typeof s.nullable === 'boolean' && s.type !== undefined)) return false;
  if (s.nullable === false && (Array.isArray(s.type) ? s.type.includes('null') : s.type === 'null')) return false;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.length === 0 || types.some((t) => typeof t !== 'string' || typeMatches(t, null) === undefined)) return false;
  }
  if (s.pattern !== undefined && !regexp(s.pattern)) return false;
  if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) return false;
  if (s.required !== undefined && (!Array.isArray(s.required) || s.required.length === 0 || s.required.some((r) => typeof r !== 'string'))) return false;
  const sub = (x: unknown) => quickEligible(x, depth + 1, untypedNullable);
  for (const k of ['properties', 'patternProperties', 'dependencies'] as const) {
    if (s[k] === undefined) continue;
    if (!isObj(s[k])) return false;
    for (const [name, child] of Object.entries(s[k] as Obj)) {
      if (k === 'patternProperties' && !regexp(name)) return false;
      if (k === 'dependencies' && Array.isArray(child)) continue;
      if (!sub(child)) return false;
    }
  }
  for (const k of ['additionalProperties', 'additionalItems', 'not'] as const) if (s[k] !== undefined && !sub(s[k])) return false;
  if (s.items !== undefined && !(Array.isArray(s.items) ? s.items.every(sub) : sub(s.items))) return false;
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (s[k] === undefined) continue;
    if (!Array.isArray(s[k]) || (s[k] as unknown[]).length === 0 || !(s[k] as unknown[]).every(sub)) return false;
  }
  return true;
}

/** What ajv-draft-04 throws when compiling a subschema with `nullable` and no `type`. */
export const UNTYPED_NULLABLE_ERROR = '"nullable" cannot be used without "type"';

/**
 * The error ajv throws compiling `schema` when that is certain without compiling: the schema is one
 * `quickEligible` would accept but for subschemas with a boolean `nullable` and no `type` (GitHub's
 * `nullable: true` beside an `allOf`). ajv generates code for every such subschema and throws on
 * the first; nothing else in an eligible schema throws, and the message names no place, so it is
 * the same whichever comes first. Spectral then reports that message for every example.
 */
export function quickCompileError(schema: unknown): string | undefined {
  const untypedNullable = { count: 0 };
  return quickEligible(schema, 0, untypedNullable) && untypedNullable.count > 0 ? UNTYPED_NULLABLE_ERROR : undefined;
}

/**
 * True only if ajv would reject `value` against `schema` (a subschema of one `quickEligible`
 * accepted); false when unsure. It models the plain failures that decide `oneOf` branches and
 * `not` in real specs: a type that does not match, a value outside `enum`, a missing `required`
 * member, and the same below a property or in one `allOf` branch.
 */
export function quickInvalid(schema: unknown, value: unknown, depth = 0): boolean {
  if (depth > 64 || !isObj(schema) || outsideModel(schema, value)) return false;
  const s = schema;
  const nullAllowed = s.nullable === true && value === null;
  if (s.type !== undefined && !nullAllowed) {
    const accepted = typeAccepts(s, value);
    if (accepted === undefined) return false;
    if (!accepted) return true;
  }
  if (Array.isArray(s.enum) && s.enum.length > 0 && !nullAllowed && !s.enum.some((e) => deepEqual(e, value))) return true;
  if (isObj(value)) {
    if (Array.isArray(s.required) && s.required.length > 0 && s.required.every((r) => typeof r === 'string')) {
      if (s.required.some((name) => value[name as string] === undefined)) return true;
    }
    if (isObj(s.properties)) {
      for (const [name, sub] of Object.entries(s.properties)) {
        if (value[name] !== undefined && quickInvalid(sub, value[name], depth + 1)) return true;
      }
    }
  }
  if (Array.isArray(s.allOf) && s.allOf.some((branch) => quickInvalid(branch, value, depth + 1))) return true;
  return false;
}

/** An error as ajv reports it (`messages: true`, not verbose). */
export interface QuickAjvError { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown>; message: string }

/** ajv-draft-04's keywords by the data type they apply to (its `RULES.rules`; a test compares). */
export const TYPED_KEYWORDS: Record<'number' | 'string' | 'array' | 'object', readonly string[]> = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format', 'formatMaximum', 'formatMinimum', 'formatExclusiveMaximum', 'formatExclusiveMinimum'],
  array: ['maxItems', 'minItems', 'additionalItems', 'items', 'contains', 'uniqueItems'],
  object: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties'],
};
/** Its keywords for any type that can fail (`type` and `nullable` are read by the type check itself). */
export const UNTYPED_KEYWORDS: readonly string[] = ['$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else'];

function typeGroup(value: unknown): keyof typeof TYPED_KEYWORDS | undefined {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  return isObj(value) ? 'object' : undefined;
}

/** `quickFirstError`'s answer: ajv's one error, `valid`, or undefined when the model is not certain. */
export type FirstError = QuickAjvError | 'valid' | undefined;

const GROUPS = ['number', 'string', 'array', 'object'] as const;
const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const escapeFragment = (key: string) => encodeURIComponent(escapePointer(key));

/**
 * The one error ajv (draft 4, `allErrors: false`, Spectral's options) reports for `value`, or
 * `valid`, by ajv's own evaluation order, so most invalid examples need no compiled validator.
 * ajv stops at the first failing keyword outside `anyOf`/`oneOf`/`not` and returns that error:
 * - the type is checked first unless one type is declared and the schema has keywords of that
 *   type's group, which then reports it in that group's turn;
 * - then the groups in `RULES.rules` order: any type (`enum`, `not`, `anyOf`, `oneOf`, `allOf`),
 *   number, string, array, object, each keyword in its group's order, a group only when the value
 *   has its type (`TYPED_KEYWORDS`, `UNTYPED_KEYWORDS`);
 * - `properties` in the schema's order, `required` at its first missing member, `items` and
 *   `additionalProperties` in the value's order, recursing with ajv's instance and schema paths.
 * Composite keywords are decided by `quickValid`/`quickInvalid`, and only where they pass (or
 * `not` fails): their failure reports several errors, which is left to ajv, as are
 * `dependencies` that apply, tuple `items`, duplicate items and keywords outside the model.
 * `schema` is one `quickEligible` accepted (so ajv compiles it).
 */
export function quickFirstError(schema: unknown, value: unknown, instancePath = '', schemaPath = '#', depth = 0): FirstError {
  if (depth > 64) return undefined;
  if (schema === true) return 'valid';
  if (!isObj(schema) || outsideModel(schema, value)) return undefined;
  const s = schema;
  const error = (keyword: string, params: Record<string, unknown>, message: string): QuickAjvError => ({ instancePath, schemaPath: `${schemaPath}/${keyword}`, keyword, params, message });
  const typeError = () => error('type', { type: Array.isArray(s.type) ? [...s.type] : s.type }, `must be ${String(s.type)}`);
  const declared: unknown[] = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  const types = declared.includes('null') || s.nullable !== true ? declared : [...declared, 'null'];
  const groupUsed = (group: keyof typeof TYPED_KEYWORDS) => TYPED_KEYWORDS[group].some((k) => s[k] !== undefined);
  const single = types.length === 1 ? (GROUPS as readonly unknown[]).includes(types[0]) && groupUsed(types[0] as keyof typeof TYPED_KEYWORDS) : false;
  const checkTypes = types.length > 0 && !single;
  if (checkTypes && !types.some((t) => typeMatches(t as string, value))) return typeError();

  if (UNTYPED_KEYWORDS.some((k) => s[k] !== undefined)) {
    if (s.enum !== undefined && !(s.enum as unknown[]).some((e) => deepEqual(e, value))) return error('enum', { allowedValues: s.enum }, 'must be equal to one of the allowed values');
    if (s.not !== undefined) {
      if (quickValid(s.not, value, depth + 1)) return error('not', {}, 'must NOT be valid');
      if (!quickInvalid(s.not, value, depth + 1)) return undefined;
    }
    if (s.anyOf !== undefined && !(s.anyOf as unknown[]).some((branch) => quickValid(branch, value, depth + 1))) return undefined;
    if (s.oneOf !== undefined && !oneOfCertainlyPasses(s.oneOf as unknown[], value, depth)) return undefined;
    if (s.allOf !== undefined) {
      for (const [i, branch] of (s.allOf as unknown[]).entries()) {
        const found = quickFirstError(branch, value, instancePath, `${schemaPath}/allOf/${i}`, depth + 1);
        if (found !== 'valid') return found;
      }
    }
  }

  const own = typeGroup(value);
  for (const group of GROUPS) {
    if (!groupUsed(group)) continue;
    if (group !== own) {
      if (single && types[0] === group) return typeError();
      continue;
    }
    const found = groupFirstError(group, s, value, error, instancePath, schemaPath, depth);
    if (found !== 'valid') return found;
  }
  return 'valid';
}

type ErrorAt = (keyword: string, params: Record<string, unknown>, message: string) => QuickAjvError;

/** One type group's keywords, in ajv-draft-04's order, on a value of that type. */
function groupFirstError(group: keyof typeof TYPED_KEYWORDS, s: Obj, value: unknown, error: ErrorAt, instancePath: string, schemaPath: string, depth: number): FirstError {
  const sub = (subschema: unknown, data: unknown, dataKey: string | number, subschemaPath: string) =>
    quickFirstError(subschema, data, `${instancePath}/${typeof dataKey === 'number' ? dataKey : escapePointer(dataKey)}`, `${schemaPath}/${subschemaPath}`, depth + 1);
  /** ajv's count limits (`maxItems`, `minLength`...), max before min as in its groups. */
  const limits = (keywords: readonly string[], count: number, noun: string): FirstError => {
    for (const keyword of keywords) {
      const bound = s[keyword];
      if (bound === undefined) continue;
      if (typeof bound !== 'number') return undefined;
      const isMax = keyword.startsWith('max');
      if (isMax ? count > bound : count < bound) return error(keyword, { limit: bound }, `must NOT have ${isMax ? 'more' : 'fewer'} than ${bound} ${noun}`);
    }
    return 'valid';
  };
  /** `format` on a value of its type (ajv-formats' number formats in the number group). */
  const format = (v: unknown): FirstError => {
    const ok = s.format === undefined ? true : formatOk(s.format as string, v);
    if (ok === undefined) return undefined;
    return ok ? 'valid' : error('format', { format: s.format }, `must match format "${String(s.format)}"`);
  };
  if (group === 'number') {
    const v = value as number;
    // ajv-draft-04's limitNumber: `exclusive*` (a boolean beside its limit) only switches the comparison.
    for (const [limit, exclusive, okStr, fails] of [
      ['maximum', 'exclusiveMaximum', ['<=', '<'], (x: number, l: number, ex: boolean) => (ex ? x >= l : x > l)],
      ['minimum', 'exclusiveMinimum', ['>=', '>'], (x: number, l: number, ex: boolean) => (ex ? x <= l : x < l)],
    ] as const) {
      const ex = s[exclusive];
      if (ex !== undefined && (typeof ex !== 'boolean' || s[limit] === undefined)) return undefined;
      if (s[limit] === undefined) continue;
      if (typeof s[limit] !== 'number') return undefined;
      const comparison = okStr[ex ? 1 : 0];
      if (fails(v, s[limit] as number, ex === true)) return error(limit, { comparison, limit: s[limit] }, `must be ${comparison} ${String(s[limit])}`);
    }
    if (s.multipleOf !== undefined) {
      if (typeof s.multipleOf !== 'number' || !(s.multipleOf > 0)) return undefined;
      const r = v / s.multipleOf;
      if (r !== parseInt(String(r))) return error('multipleOf', { multipleOf: s.multipleOf }, `must be multiple of ${s.multipleOf}`);
    }
    return format(v);
  }
  if (group === 'string') {
    const v = value as string;
    if (s.maxLength !== undefined || s.minLength !== undefined) {
      const found = limits(['maxLength', 'minLength'], [...v].length, 'characters');
      if (found !== 'valid') return found;
    }
    if (s.pattern !== undefined) {
      const re = regexp(s.pattern);
      if (!re) return undefined;
      if (!re.test(v)) return error('pattern', { pattern: s.pattern }, `must match pattern "${String(s.pattern)}"`);
    }
    return format(v);
  }
  if (group === 'array') {
    const v = value as unknown[];
    const found = limits(['maxItems', 'minItems'], v.length, 'items');
    if (found !== 'valid') return found;
    if (Array.isArray(s.items)) return undefined;
    if (s.items !== undefined) {
      for (let i = 0; i < v.length; i++) {
        const found = sub(s.items, v[i], i, 'items');
        if (found !== 'valid') return found;
      }
    }
    if (s.uniqueItems !== undefined && s.uniqueItems !== false) {
      if (s.uniqueItems !== true) return undefined;
      for (let i = 0; i < v.length; i++) for (let j = 0; j < i; j++) if (deepEqual(v[i], v[j])) return undefined;
    }
    return 'valid';
  }
  const v = value as Obj;
  const keys = Object.keys(v);
  const found = limits(['maxProperties', 'minProperties'], keys.length, 'properties');
  if (found !== 'valid') return found;
  if (s.required !== undefined) {
    const missing = (s.required as string[]).find((name) => v[name] === undefined);
    if (missing !== undefined) return error('required', { missingProperty: missing }, `must have required property '${missing}'`);
  }
  const props = (s.properties ?? {}) as Obj;
  const patterns = Object.entries((s.patternProperties ?? {}) as Obj).map(([p, subschema]) => [p, regexp(p), subschema] as const);
  if ('__proto__' in props && Object.prototype.hasOwnProperty.call(props, '__proto__')) return undefined;
  if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
    for (const key of keys) {
      if (Object.prototype.hasOwnProperty.call(props, key) || patterns.some(([, re]) => re!.test(key))) continue;
      if (s.additionalProperties === false) return error('additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
      const found = sub(s.additionalProperties, v[key], key, 'additionalProperties');
      if (found !== 'valid') return found;
    }
  }
  if (s.dependencies !== undefined && Object.keys(s.dependencies as Obj).some((name) => v[name] !== undefined)) return undefined;
  for (const [name, subschema] of Object.entries(props)) {
    if (v[name] === undefined) continue;
    const found = sub(subschema, v[name], name, `properties/${escapeFragment(name)}`);
    if (found !== 'valid') return found;
  }
  for (const [pattern, re, subschema] of patterns) {
    for (const key of keys) {
      if (!re!.test(key)) continue;
      const found = sub(subschema, v[key], key, `patternProperties/${escapeFragment(pattern)}`);
      if (found !== 'valid') return found;
    }
  }
  return 'valid';
}
