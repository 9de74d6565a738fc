/**
 * Checks an example body (a JSON or YAML block from a guide) against a schema: properties the
 * schema does not declare (even where additionalProperties would allow them), wrong types,
 * missing required properties, values outside an enum. Where the schema cannot say for sure
 * (oneOf/anyOf without a matching branch, external refs, patternProperties) nothing is reported.
 */
import * as YAML from 'yaml';
import { isObj, own, resolveLocalRef } from '../../openapi';

export interface ExampleProblem { offset: number; length: number; message: string }
export type BodyDirection = 'request' | 'response';

interface Context { root: unknown; direction: BodyDirection; problems: ExampleProblem[]; depth: number }

const MAX_DEPTH = 64;

function resolve(root: unknown, schema: unknown): unknown {
  if (isObj(schema) && typeof own(schema, '$ref') === 'string') return resolveLocalRef(root, schema)?.value;
  return schema;
}

/** A schema with allOf members merged (properties, required, type); undefined if any part cannot be resolved. */
function flatten(root: unknown, schema: unknown, depth = 0): Record<string, unknown> | undefined {
  const s = resolve(root, schema);
  if (!isObj(s) || depth > 16) return undefined;
  const allOf = own(s, 'allOf');
  if (!Array.isArray(allOf)) return s;
  const merged: Record<string, unknown> = { ...s, properties: { ...(isObj(own(s, 'properties')) ? own(s, 'properties') as object : {}) } };
  delete merged.allOf;
  const required = new Set<string>(Array.isArray(own(s, 'required')) ? own(s, 'required') as string[] : []);
  for (const part of allOf) {
    const p = flatten(root, part, depth + 1);
    if (!p) return undefined;
    for (const key of ['oneOf', 'anyOf', 'patternProperties', 'discriminator']) if (own(p, key) !== undefined) merged[key] = own(p, key);
    if (isObj(own(p, 'properties'))) Object.assign(merged.properties as object, own(p, 'properties'));
    if (Array.isArray(own(p, 'required'))) for (const r of own(p, 'required') as unknown[]) if (typeof r === 'string') required.add(r);
    if (merged.type === undefined && own(p, 'type') !== undefined) merged.type = own(p, 'type');
    if (own(p, 'additionalProperties') !== undefined && merged.additionalProperties === undefined) merged.additionalProperties = own(p, 'additionalProperties');
  }
  merged.required = [...required];
  return merged;
}

/** The node's value without converting its children (objects and arrays stand empty). */
function shallowValue(node: YAML.Node | null): unknown {
  if (!node) return null;
  if (YAML.isMap(node)) return {};
  if (YAML.isSeq(node)) return [];
  if (YAML.isScalar(node)) return node.value;
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeAllows(types: string[], actual: string, nullable: boolean): boolean {
  if (types.length === 0) return true;
  if (actual === 'null') return nullable || types.includes('null');
  if (actual === 'integer') return types.includes('integer') || types.includes('number');
  return types.includes(actual);
}

function span(node: YAML.Node | null | undefined): { offset: number; length: number } {
  const range = node?.range;
  return range ? { offset: range[0], length: Math.max(1, range[1] - range[0]) } : { offset: 0, length: 0 };
}

function quote(where: string): string {
  return where === 'body' ? 'The example' : `"${where}"`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Problems of `node` against `schema`, or none when the schema cannot decide. */
function check(node: YAML.Node | null, schema: unknown, ctx: Context, where: string): void {
  if (ctx.depth > MAX_DEPTH) return;
  const s = flatten(ctx.root, schema);
  if (!s) return;
  const value = shallowValue(node);
  if (value === undefined) return; // an alias: checked where it is defined
  // A composition without a discriminating branch: report nothing rather than guess.
  for (const key of ['oneOf', 'anyOf']) {
    const branches = own(s, key);
    if (!Array.isArray(branches)) continue;
    const fits = branches.some((branch) => {
      const trial: Context = { ...ctx, problems: [] };
      check(node, branch, trial, where);
      return trial.problems.length === 0;
    });
    if (!fits) return;
  }
  const types = Array.isArray(own(s, 'type')) ? (own(s, 'type') as string[]) : typeof own(s, 'type') === 'string' ? [own(s, 'type') as string] : [];
  const actual = jsonType(value);
  if (!typeAllows(types, actual, own(s, 'nullable') === true)) {
    ctx.problems.push({ ...span(node), message: `${quote(where)} is ${actual === 'integer' ? 'a number' : `${actual === 'object' || actual === 'array' ? 'an' : 'a'} ${actual}`}; the schema says ${types.join(' or ')}.` });
    return;
  }
  const enumValues = own(s, 'enum');
  if (Array.isArray(enumValues) && value !== null && typeof value !== 'object' && !enumValues.some((e) => e === value)) {
    ctx.problems.push({ ...span(node), message: `${quote(where)}: ${show(value)} is not one of the schema's values (${enumValues.slice(0, 8).map(show).join(', ')}${enumValues.length > 8 ? ', …' : ''}).` });
    return;
  }
  const next = { ...ctx, depth: ctx.depth + 1 };
  if (YAML.isSeq(node)) {
    const items = own(s, 'items');
    if (isObj(items)) node.items.forEach((item, i) => check(item as YAML.Node, items, next, `${where === 'body' ? '' : where}[${i}]`));
    return;
  }
  if (!YAML.isMap(node)) return;
  const properties = own(s, 'properties');
  const declared = isObj(properties) ? properties : undefined;
  const present = new Set<string>();
  for (const pair of node.items) {
    const key = YAML.isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    present.add(key);
    const child = declared ? own(declared, key) : undefined;
    const label = where === 'body' ? key : `${where}.${key}`;
    if (child !== undefined) {
      check(pair.value as YAML.Node | null, child, next, label);
      continue;
    }
    // Only schemas that list their properties can say a field is undeclared (a map schema cannot).
    if (declared && Object.keys(declared).length > 0 && own(s, 'patternProperties') === undefined && own(s, 'discriminator') === undefined) {
      ctx.problems.push({ ...span(pair.key as YAML.Node), message: `"${label}" is not a property of the ${ctx.direction} schema${schemaName(schema)}.` });
    }
  }
  const required = own(s, 'required');
  if (!Array.isArray(required) || !declared) return;
  for (const name of required) {
    if (typeof name !== 'string' || present.has(name)) continue;
    const prop = resolve(ctx.root, own(declared, name));
    // A read-only property is not sent; a write-only one is not returned.
    if (own(prop, ctx.direction === 'request' ? 'readOnly' : 'writeOnly') === true) continue;
    const at = node.range ? { offset: node.range[0], length: 1 } : { offset: 0, length: 0 };
    ctx.problems.push({ ...at, message: `${where === 'body' ? 'The example' : quote(where)} lacks the required property "${name}".` });
  }
}

function schemaName(schema: unknown): string {
  const ref = own(schema, '$ref');
  return typeof ref === 'string' ? ` (${ref.slice(ref.lastIndexOf('/') + 1)})` : '';
}

/**
 * Parses an example block and checks it; offsets are relative to the block's content.
 * Returns undefined when the block does not parse (a sketch with `...`, not an example to check).
 */
export function checkExample(content: string, schema: unknown, root: unknown, direction: BodyDirection, lang = 'json'): ExampleProblem[] | undefined {
  let doc: YAML.Document.Parsed;
  try {
    // A json block must be JSON (YAML would take `...` for a key); YAML gives the positions.
    if (lang === 'json') JSON.parse(content);
    doc = YAML.parseDocument(content, { uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !doc.contents || !(YAML.isMap(doc.contents) || YAML.isSeq(doc.contents))) return undefined;
  const ctx: Context = { root, direction, problems: [], depth: 0 };
  check(doc.contents as YAML.Node, schema, ctx, 'body');
  return ctx.problems;
}
