/**
 * OpenAPI walkers: one pass over a parsed document (OAS 2.0, 3.0, 3.1) that lists its operations,
 * parameters, schemas and schema properties with their JSON pointers.
 *
 * The document is whatever a YAML/JSON parse of a half-typed file produced: every value is checked
 * before use, nothing throws. `$ref`s are never followed by the walk (a `$ref` schema is listed as a
 * schema, with nothing under it); `resolveLocalRef` follows local refs on demand. Objects shared
 * through YAML aliases are walked once (at their first occurrence), which also makes cycles safe.
 */
import { isObject as isObj } from '../refs';
import { decodePointerSegment, encodePointerSegment, type JsonPointer } from '../jsonPointer';
import type { SpecFormat } from '../style/types';

export type Obj = Record<string, unknown>;

/** `joinPointer` with a fast path for segments that need no escaping (the walk builds many pointers). */
export function joinPointer(base: JsonPointer, ...segments: Array<string | number>): JsonPointer {
  let out = base;
  for (const seg of segments) {
    const s = String(seg);
    out += '/' + (s.includes('~') || s.includes('/') ? encodePointerSegment(s) : s);
  }
  return out;
}

/** A plain object (not null, not an array): the engine's one shared check. */
export { isObject as isObj } from '../refs';

/** An own property (never one from the prototype, so `constructor` or `__proto__` keys are safe). */
export function own(obj: unknown, key: string): unknown {
  return isObj(obj) && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function ownObj(obj: unknown, key: string): Obj | undefined {
  const v = own(obj, key);
  return isObj(v) ? v : undefined;
}

export function ownString(obj: unknown, key: string): string | undefined {
  const v = own(obj, key);
  return typeof v === 'string' ? v : undefined;
}

/** Entries of a map-like value; `x-` extension keys are skipped when `skipExtensions`. */
export function entries(value: unknown, skipExtensions = false): Array<[string, unknown]> {
  if (!isObj(value)) return [];
  const out = Object.entries(value);
  return skipExtensions ? out.filter(([k]) => !k.startsWith('x-')) : out;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function isOas2(format: SpecFormat): boolean {
  return format === 'oas2';
}

export interface OperationInfo {
  /** `path` for `paths`, `webhook` for 3.1 `webhooks`, `callback` for callback path items. */
  kind: 'path' | 'webhook' | 'callback';
  /** The path template (or webhook name / callback expression). */
  path: string;
  method: string;
  operation: Obj;
  pointer: JsonPointer;
  pathItem: Obj;
  pathItemPointer: JsonPointer;
}

export interface ParameterInfo {
  parameter: Obj;
  pointer: JsonPointer;
  /** The `name` and `in` when they are strings. */
  name?: string;
  in?: string;
}

export interface SchemaInfo {
  schema: Obj;
  pointer: JsonPointer;
}

export interface PropertyInfo {
  name: string;
  /** The property's schema (whatever value was there). */
  schema: unknown;
  /** Pointer to the property member: `/components/schemas/Order/properties/createdAt`. */
  pointer: JsonPointer;
  parent: Obj;
  parentPointer: JsonPointer;
}

export interface ResponseInfo {
  status: string;
  response: Obj;
  pointer: JsonPointer;
}

export interface OpenApiIndex {
  format: SpecFormat;
  root: Obj;
  operations: OperationInfo[];
  /** Parameters where they are defined (inline or under components); `$ref` parameters are skipped. */
  parameters: ParameterInfo[];
  /** Every schema object (Swagger 2.0: non-body parameters, items and headers too), in document order. */
  schemas: SchemaInfo[];
  properties: PropertyInfo[];
  /** Named component schemas (`components.schemas` / `definitions`), name → pointer of the member. */
  schemaNames: Array<{ name: string; pointer: JsonPointer }>;
  /** Memo for rules that derive document-wide facts (e.g. the dominant property casing). */
  memo: Map<string, unknown>;
}

/** How each schema keyword holds subschemas: one schema, an array, or a map (`properties` is special). */
const SUBSCHEMA_KEYWORDS = new Map<string, 'schema' | 'array' | 'map' | 'properties'>([
  ['properties', 'properties'],
  ['additionalProperties', 'schema'],
  ['items', 'schema'], // or an array (draft 4 tuples), handled by value shape
  ['not', 'schema'],
  ['if', 'schema'],
  ['then', 'schema'],
  ['else', 'schema'],
  ['contains', 'schema'],
  ['propertyNames', 'schema'],
  ['unevaluatedProperties', 'schema'],
  ['unevaluatedItems', 'schema'],
  ['additionalItems', 'schema'],
  ['contentSchema', 'schema'],
  ['allOf', 'array'],
  ['oneOf', 'array'],
  ['anyOf', 'array'],
  ['prefixItems', 'array'],
  ['patternProperties', 'map'],
  ['dependentSchemas', 'map'],
  ['$defs', 'map'],
  ['definitions', 'map'],
]);

/** Nesting deeper than this is not walked (the parser has its own limits; this protects the stack). */
export const MAX_SCHEMA_DEPTH = 200;

const cache = new WeakMap<object, OpenApiIndex>();

/** Build (or reuse) the index of a document. Non-object documents give an empty index. */
export function indexDocument(document: unknown, format: SpecFormat): OpenApiIndex {
  if (isObj(document)) {
    const cached = cache.get(document);
    if (cached && cached.format === format) return cached;
  }
  const index = buildIndex(document, format);
  if (isObj(document)) cache.set(document, index);
  return index;
}

/** Use `index` as the index of `document` (one assembled from the indexes of its parts: openapi/sectionedIndex.ts). */
export function rememberIndex(document: object, index: OpenApiIndex): void {
  cache.set(document, index);
}

export function buildIndex(document: unknown, format: SpecFormat): OpenApiIndex {
  const root = isObj(document) ? document : {};
  const index: OpenApiIndex = {
    format,
    root,
    operations: [],
    parameters: [],
    schemas: [],
    properties: [],
    schemaNames: [],
    memo: new Map(),
  };
  const seen = new Set<object>();
  const oas2 = isOas2(format);

  const schema = (value: unknown, pointer: JsonPointer, depth = 0): void => {
    if (!isObj(value) || seen.has(value) || depth > MAX_SCHEMA_DEPTH) return;
    seen.add(value);
    index.schemas.push({ schema: value, pointer });
    // One pass over the schema's own keys (cheaper than probing every keyword).
    for (const key of Object.keys(value)) {
      const kind = SUBSCHEMA_KEYWORDS.get(key);
      if (kind === undefined) continue;
      const sub = value[key];
      if (kind === 'properties') {
        if (!isObj(sub)) continue;
        const propsPointer = joinPointer(pointer, 'properties');
        for (const name of Object.keys(sub)) {
          const prop = sub[name];
          const propPointer = joinPointer(propsPointer, name);
          index.properties.push({ name, schema: prop, pointer: propPointer, parent: value, parentPointer: pointer });
          schema(prop, propPointer, depth + 1);
        }
      } else if (Array.isArray(sub)) {
        if (kind === 'array' || key === 'items') sub.forEach((item, i) => schema(item, joinPointer(pointer, key, i), depth + 1));
      } else if (kind === 'schema') {
        schema(sub, joinPointer(pointer, key), depth + 1);
      } else if (kind === 'map' && isObj(sub)) {
        for (const name of Object.keys(sub)) schema(sub[name], joinPointer(pointer, key, name), depth + 1);
      }
    }
  };

  const content = (value: unknown, pointer: JsonPointer): void => {
    for (const [mt, media] of entries(value)) {
      const mtPointer = joinPointer(pointer, mt);
      schema(own(media, 'schema'), joinPointer(mtPointer, 'schema'));
    }
  };

  /** A header object (3.x) or a 2.0 header/items (schema-like itself). */
  const header = (value: unknown, pointer: JsonPointer): void => {
    if (!isObj(value) || own(value, '$ref') !== undefined) return;
    if (oas2) {
      schema(value, pointer);
      return;
    }
    schema(own(value, 'schema'), joinPointer(pointer, 'schema'));
    content(own(value, 'content'), joinPointer(pointer, 'content'));
  };

  const parameter = (value: unknown, pointer: JsonPointer): void => {
    if (!isObj(value) || own(value, '$ref') !== undefined || seen.has(value)) return;
    index.parameters.push({ parameter: value, pointer, name: ownString(value, 'name'), in: ownString(value, 'in') });
    if (oas2 && own(value, 'in') !== 'body') {
      schema(value, pointer);
      return;
    }
    seen.add(value);
    schema(own(value, 'schema'), joinPointer(pointer, 'schema'));
    content(own(value, 'content'), joinPointer(pointer, 'content'));
  };

  const parameterList = (value: unknown, pointer: JsonPointer): void => {
    if (Array.isArray(value)) value.forEach((p, i) => parameter(p, joinPointer(pointer, i)));
  };

  const response = (value: unknown, pointer: JsonPointer): void => {
    if (!isObj(value) || own(value, '$ref') !== undefined) return;
    if (oas2) schema(own(value, 'schema'), joinPointer(pointer, 'schema'));
    else content(own(value, 'content'), joinPointer(pointer, 'content'));
    for (const [name, h] of entries(own(value, 'headers'))) header(h, joinPointer(pointer, 'headers', name));
  };

  const requestBody = (value: unknown, pointer: JsonPointer): void => {
    if (!isObj(value) || own(value, '$ref') !== undefined) return;
    content(own(value, 'content'), joinPointer(pointer, 'content'));
  };

  const callbacks = (value: unknown, pointer: JsonPointer, depth: number): void => {
    for (const [name, cb] of entries(value, true)) {
      if (!isObj(cb) || own(cb, '$ref') !== undefined) continue;
      for (const [expr, item] of entries(cb, true)) pathItem('callback', expr, item, joinPointer(pointer, name, expr), depth + 1);
    }
  };

  const pathItem = (kind: OperationInfo['kind'], path: string, item: unknown, pointer: JsonPointer, depth = 0): void => {
    if (!isObj(item) || seen.has(item) || depth > 8) return;
    seen.add(item);
    parameterList(own(item, 'parameters'), joinPointer(pointer, 'parameters'));
    for (const [method, op] of Object.entries(item)) {
      if (!isObj(op) || !(HTTP_METHODS as readonly string[]).includes(method)) continue;
      const opPointer = joinPointer(pointer, method);
      index.operations.push({ kind, path, method, operation: op, pointer: opPointer, pathItem: item, pathItemPointer: pointer });
      parameterList(own(op, 'parameters'), joinPointer(opPointer, 'parameters'));
      requestBody(own(op, 'requestBody'), joinPointer(opPointer, 'requestBody'));
      for (const [status, r] of entries(own(op, 'responses'), true)) response(r, joinPointer(opPointer, 'responses', status));
      callbacks(own(op, 'callbacks'), joinPointer(opPointer, 'callbacks'), depth);
    }
  };

  for (const [path, item] of entries(own(root, 'paths'), true)) pathItem('path', path, item, joinPointer('/paths', path));
  for (const [name, item] of entries(own(root, 'webhooks'), true)) pathItem('webhook', name, item, joinPointer('/webhooks', name));

  if (oas2) {
    for (const [name, s] of entries(own(root, 'definitions'))) {
      index.schemaNames.push({ name, pointer: joinPointer('/definitions', name) });
      schema(s, joinPointer('/definitions', name));
    }
    for (const [name, p] of entries(own(root, 'parameters'))) parameter(p, joinPointer('/parameters', name));
    for (const [name, r] of entries(own(root, 'responses'))) response(r, joinPointer('/responses', name));
  } else {
    const components = ownObj(root, 'components');
    const c = (k: string) => own(components, k);
    for (const [name, s] of entries(c('schemas'))) {
      index.schemaNames.push({ name, pointer: joinPointer('/components/schemas', name) });
      schema(s, joinPointer('/components/schemas', name));
    }
    for (const [name, p] of entries(c('parameters'))) parameter(p, joinPointer('/components/parameters', name));
    for (const [name, h] of entries(c('headers'))) header(h, joinPointer('/components/headers', name));
    for (const [name, b] of entries(c('requestBodies'))) requestBody(b, joinPointer('/components/requestBodies', name));
    for (const [name, r] of entries(c('responses'))) response(r, joinPointer('/components/responses', name));
    callbacks(c('callbacks'), '/components/callbacks', 0);
    for (const [name, item] of entries(c('pathItems'))) pathItem('callback', name, item, joinPointer('/components/pathItems', name));
  }
  return index;
}

/** The responses of an operation (extension keys skipped; `$ref` responses are included as-is). */
export function operationResponses(op: OperationInfo): ResponseInfo[] {
  const responses = own(op.operation, 'responses');
  const base = joinPointer(op.pointer, 'responses');
  const out: ResponseInfo[] = [];
  for (const [status, r] of entries(responses, true)) {
    if (isObj(r)) out.push({ status, response: r, pointer: joinPointer(base, status) });
  }
  return out;
}

/**
 * Follow a local `$ref` (`#/components/...`) until a non-ref object. Returns the target and its
 * pointer, or undefined for remote, broken or cyclic refs. Depth-limited.
 */
export function resolveLocalRef(root: unknown, value: unknown): { value: Obj; pointer: JsonPointer } | undefined {
  let current = value;
  let pointer: JsonPointer | undefined;
  for (let hops = 0; hops < 16; hops++) {
    if (!isObj(current)) return undefined;
    const ref = own(current, '$ref');
    if (ref === undefined) return pointer === undefined ? undefined : { value: current, pointer };
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
    pointer = ref.slice(1);
    current = getAtPointer(root, pointer);
  }
  return undefined;
}

/** Value at a JSON pointer, own properties only. */
/**
 * A pointer's decoded segments (null: not decodable), remembered: the same pointers are looked up on
 * every version (each finding is classified against the baseline per edit, ~800 on Twilio). Bounded.
 */
const SEGMENTS = new Map<string, readonly string[] | null>();
const MAX_REMEMBERED_POINTERS = 50_000;

function decodedSegments(pointer: JsonPointer): readonly string[] | null {
  let segments = SEGMENTS.get(pointer);
  if (segments === undefined) {
    const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
    try {
      segments = body.split('/').slice(1).map((raw) => decodePointerSegment(decodeURIComponent(raw)));
    } catch {
      segments = null;
    }
    if (SEGMENTS.size >= MAX_REMEMBERED_POINTERS) SEGMENTS.clear();
    SEGMENTS.set(pointer, segments);
  }
  return segments;
}

export function getAtPointer(root: unknown, pointer: JsonPointer): unknown {
  if (pointer === '' || pointer === '#') return root;
  let current: unknown = root;
  const segments = decodedSegments(pointer);
  if (segments === null) return undefined;
  for (const seg of segments) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(seg)) return undefined;
      current = current[Number(seg)];
    } else if (isObj(current)) {
      current = own(current, seg);
    } else return undefined;
  }
  return current;
}

/** The `type` of a schema as a list (3.1 allows arrays). */
export function schemaTypes(schema: unknown): string[] {
  const t = own(schema, 'type');
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}
