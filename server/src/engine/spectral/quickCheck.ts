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

function formatOk(name: string, v: unknown): boolean {
  const format = (fullFormats as Record<string, unknown>)[name];
  if (format === undefined) return true; // ajv ignores unknown formats (strict: false)
  let type = 'string';
  let check: unknown = format;
  if (isObj(format) && !(format instanceof RegExp)) {
    type = typeof format.type === 'string' ? format.type : 'string';
    check = format.validate;
  }
  if (type === 'number' ? typeof v !== 'number' : typeof v !== 'string') return true;
  if (check instanceof RegExp) return check.test(v as string);
  if (typeof check === 'function') return (check as (x: unknown) => boolean)(v) === true;
  return false;
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
    if (typeof s.format !== 'string' || !formatOk(s.format, value)) return false;
  }
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[k];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) return false;
    if (k === 'allOf' && !list.every((x) => quickValid(x, value, depth + 1))) return false;
    if (k === 'anyOf' && !list.some((x) => quickValid(x, value, depth + 1))) return false;
    // oneOf: exactly one must match. A "no" from quickValid may be a false negative, so one certain
    // yes counts only when every other branch is a certain no (`quickInvalid`).
    if (k === 'oneOf') {
      let matches = 0;
      for (const branch of list) {
        if (quickValid(branch, value, depth + 1)) matches++;
        else if (!quickInvalid(branch, value, depth + 1)) return false;
      }
      if (matches !== 1) return false;
    }
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
export function quickEligible(schema: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof schema === 'boolean') return true;
  if (!isObj(schema)) return false;
  for (const key of Object.keys(schema)) if (!SUPPORTED.has(key)) return false;
  const s = schema;
  // ajv refuses `nullable` (even false) without `type`, and `nullable: false` with type null.
  if (s.nullable !== undefined && !(typeof s.nullable === 'boolean' && s.type !== undefined)) return false;
  if (s.nullable === false && (Array.isArray(s.type) ? s.type.includes('null') : s.type === 'null')) return false;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.length === 0 || types.some((t) => typeof t !== 'string' || typeMatches(t, null) === undefined)) return false;
  }
  if (s.pattern !== undefined && !regexp(s.pattern)) return false;
  if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) return false;
  if (s.required !== undefined && (!Array.isArray(s.required) || s.required.length === 0 || s.required.some((r) => typeof r !== 'string'))) return false;
  const sub = (x: unknown) => quickEligible(x, depth + 1);
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

/**
 * The one error ajv (draft 4, `allErrors: false`) reports for `value` when it is certain: the
 * value's type is not the root's `type`, and no keyword that ajv checks before (any type) or
 * instead of it (those of the value's own type) is at the root. ajv then stops at the type check:
 * `[{ instancePath: '', schemaPath: '#/type', keyword: 'type', params: { type }, message }]`.
 * `schema` is one `quickEligible` accepted (so ajv compiles it); undefined when not certain.
 * Most invalid examples in real specs are of this kind (GitHub: 579 of 747), and each distinct
 * schema would otherwise be compiled for it.
 */
export function quickRootTypeError(schema: unknown, value: unknown): QuickAjvError | undefined {
  if (!isObj(schema) || schema.type === undefined || outsideModel(schema, value)) return undefined;
  if (UNTYPED_KEYWORDS.some((k) => schema[k] !== undefined)) return undefined;
  const group = typeGroup(value);
  if (group && TYPED_KEYWORDS[group].some((k) => schema[k] !== undefined)) return undefined;
  if (typeAccepts(schema, value) !== false) return undefined;
  const type = Array.isArray(schema.type) ? [...schema.type] : schema.type;
  return { instancePath: '', schemaPath: '#/type', keyword: 'type', params: { type }, message: `must be ${String(schema.type)}` };
}
