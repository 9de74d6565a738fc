/**
 * Walks a JSON pointer through JSON Schemas (following `$ref`, `allOf`, `oneOf`, `anyOf`) and says
 * whether it can exist. Conservative: any schema that could hold unknown members (no `properties`,
 * `additionalProperties` not false, `patternProperties`, conditionals, an unresolved `$ref`) makes
 * the answer `unknown`, so a rule never reports a pointer into an open schema.
 */
import { childOf, deref, isObject, type Located } from '../../refs';
import { splitPointer } from '../../jsonPointer';

export type PointerVerdict =
  | { kind: 'found'; schemas: Located[] }
  | { kind: 'missing'; segment: string; depth: number }
  | { kind: 'unknown' };

const MAX_SCHEMAS = 200;

/** The concrete schemas a schema stands for: itself (when it says anything) and its composition members. */
export function expandSchema(docs: ReadonlyMap<string, unknown>, at: Located): { leaves: Located[]; open: boolean } {
  const leaves: Located[] = [];
  let open = false;
  const seen = new Set<string>();
  const visit = (schema: Located, depth: number) => {
    if (depth > 32 || leaves.length > MAX_SCHEMAS) return void (open = true);
    const resolved = deref(docs, schema);
    const node = resolved.node;
    const key = `${resolved.uri}#${resolved.pointer}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (node === false) return;
    if (!isObject(node) || typeof node.$ref === 'string') return void (open = true);
    let composed = false;
    for (const k of ['allOf', 'oneOf', 'anyOf']) {
      const list = node[k];
      if (!Array.isArray(list)) continue;
      composed = true;
      list.forEach((_, i) => visit(childOf(resolved, k, i), depth + 1));
    }
    if (['if', 'then', 'else', 'dependentSchemas', 'not', '$dynamicRef', '$recursiveRef', 'unevaluatedProperties'].some((k) => k in node)) open = true;
    const saysSomething = 'properties' in node || 'items' in node || 'prefixItems' in node || 'type' in node || 'enum' in node || 'const' in node || 'additionalProperties' in node;
    if (saysSomething) leaves.push(resolved);
    else if (!composed) open = true;
  };
  visit(at, 0);
  return { leaves, open };
}

/** Whether `pointer` (relative to the schemas' instance) can name a value of `roots`. */
export function resolveSchemaPointer(docs: ReadonlyMap<string, unknown>, roots: Located[], pointer: string): PointerVerdict {
  if (roots.length === 0) return { kind: 'unknown' };
  let current = roots;
  const segments = splitPointer(pointer);
  for (let depth = 0; depth < segments.length; depth++) {
    const segment = segments[depth];
    const next: Located[] = [];
    for (const root of current) {
      const { leaves, open } = expandSchema(docs, root);
      if (open) return { kind: 'unknown' };
      for (const leaf of leaves) {
        const node = leaf.node as Record<string, unknown>;
        const step = memberSchema(leaf, node, segment);
        if (step === 'open') return { kind: 'unknown' };
        if (step) next.push(step);
      }
    }
    if (next.length === 0) return { kind: 'missing', segment, depth };
    current = next;
  }
  return { kind: 'found', schemas: current };
}

/** The schema of member `segment`, undefined when the schema cannot have it, 'open' when it may. */
function memberSchema(leaf: Located, node: Record<string, unknown>, segment: string): Located | 'open' | undefined {
  const types = Array.isArray(node.type) ? node.type : typeof node.type === 'string' ? [node.type] : [];
  const isArray = types.includes('array') || 'items' in node || 'prefixItems' in node;
  const isObjectSchema = types.includes('object') || 'properties' in node || 'additionalProperties' in node || types.length === 0;
  if (isArray && /^(0|[1-9]\d*)$/.test(segment)) {
    if (isObject(node.items) || typeof node.items === 'boolean') return childOf(leaf, 'items');
    return 'open';
  }
  if (!isObjectSchema) return undefined;
  const props = node.properties;
  if (isObject(props) && Object.prototype.hasOwnProperty.call(props, segment)) return childOf(leaf, 'properties', segment);
  if ('patternProperties' in node) return 'open';
  const additional = node.additionalProperties;
  if (additional === false) return undefined;
  if (isObject(additional) && Object.keys(additional).length > 0) return childOf(leaf, 'additionalProperties');
  // additionalProperties absent, true or {}: an object with listed properties names its members;
  // without a properties list it is free-form.
  if (additional === undefined && isObject(props) && Object.keys(props).length > 0) return undefined;
  return 'open';
}

/** The enum (or const) values every schema restricts the value to; undefined when any is unrestricted. */
export function allowedValues(docs: ReadonlyMap<string, unknown>, schemas: Located[]): unknown[] | undefined {
  const values: unknown[] = [];
  for (const schema of schemas) {
    const { leaves, open } = expandSchema(docs, schema);
    if (open || leaves.length === 0) return undefined;
    const restricted = leaves.filter((l) => {
      const n = l.node as Record<string, unknown>;
      return Array.isArray(n.enum) || 'const' in n;
    });
    // allOf members without enum do not widen; but oneOf/anyOf alternatives do. Keep it simple and
    // conservative: every leaf must restrict.
    if (restricted.length !== leaves.length) return undefined;
    for (const l of restricted) {
      const n = l.node as Record<string, unknown>;
      if (Array.isArray(n.enum)) values.push(...n.enum);
      else values.push(n.const);
    }
  }
  return values;
}

/** Required member names of an object schema (its own `required` and its `allOf` members'). */
export function requiredMembers(docs: ReadonlyMap<string, unknown>, at: Located, depth = 0): string[] {
  if (depth > 16) return [];
  const resolved = deref(docs, at);
  const node = resolved.node;
  if (!isObject(node)) return [];
  const out = Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : [];
  if (Array.isArray(node.allOf)) node.allOf.forEach((_, i) => out.push(...requiredMembers(docs, childOf(resolved, 'allOf', i), depth + 1)));
  return out;
}
