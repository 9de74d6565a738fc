/**
 * A uniform view of operations for OpenAPI 3.0, 3.1 and Swagger 2.0: parameters
 * keyed by shape, request bodies and responses by media type. Every node keeps
 * its real location, so pointers always point into the user's files.
 */
import { childOf as child, deref, isObject, type Located, type SpecInput } from '../refs';

import { splitPointer } from '../jsonPointer';

export { child };

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Spec {
  uri: string;
  docs: ReadonlyMap<string, unknown>;
  root: Record<string, unknown>;
  swagger2: boolean;
  at: (pointer: string) => Located;
  resolve: (at: Located) => Located;
}

export interface MediaView {
  at: Located;
  schema?: Located;
  /** OpenAPI 3.2: the schema of each item of a sequential (streamed) media type. */
  itemSchema?: Located;
}

export interface ParamView {
  key: string;
  name: string;
  in: string;
  at: Located;
  required: boolean;
  deprecated: boolean;
  fromPathItem: boolean;
  schema?: Located;
  style: string;
  explode: boolean;
  allowEmptyValue: boolean;
}

export interface BodyView {
  at: Located;
  required: boolean;
  content: Map<string, MediaView>;
}

export interface HeaderView {
  name: string;
  at: Located;
  required: boolean;
  schema?: Located;
}

export interface ResponseView {
  code: string;
  at: Located;
  content: Map<string, MediaView>;
  headers: Map<string, HeaderView>;
}

export interface OperationView {
  /** METHOD + path shape, the key that pairs base and revision operations. */
  key: string;
  method: string;
  path: string;
  label: string;
  at: Located;
  pathItem: Located;
  params: Map<string, ParamView>;
  body?: BodyView;
  responses: Map<string, ResponseView>;
}


export function makeSpec(input: SpecInput): Spec {
  const rootValue = input.documents.get(input.uri);
  const root = isObject(rootValue) ? rootValue : {};
  const top: Located = { uri: input.uri, pointer: '', node: root };
  return {
    uri: input.uri,
    docs: input.documents,
    root,
    swagger2: isSwagger2(root.swagger),
    at: (pointer) => child(top, ...splitPointer(pointer)),
    resolve: (at) => deref(input.documents, at),
  };
}

/** `swagger: "2.0"`, or `swagger: 2.0` written as a number (unquoted YAML, JSON), as most Swagger files in the wild are. */
export const isSwagger2 = (version: unknown): boolean => (typeof version === 'string' && version.startsWith('2')) || version === 2;

/** `/pets/{petId}` and `/pets/{id}` have the same shape. */
export const pathShape = (path: string): string => path.replace(/\{[^}]*\}/g, '{}').replace(/(.)\/$/, '$1');

export function operationsOf(spec: Spec): Map<string, OperationView> {
  const out = new Map<string, OperationView>();
  const paths = spec.at('/paths');
  if (!isObject(paths.node)) return out;
  for (const path of Object.keys(paths.node)) {
    const pathItem = spec.resolve(child(paths, path));
    if (!isObject(pathItem.node)) continue;
    for (const method of METHODS) {
      const op = child(pathItem, method);
      if (!isObject(op.node)) continue;
      const key = `${method} ${pathShape(path)}`;
      out.set(key, buildOperation(spec, path, method, pathItem, op));
    }
  }
  return out;
}

function buildOperation(spec: Spec, path: string, method: string, pathItem: Located, at: Located): OperationView {
  const view: OperationView = {
    key: `${method} ${pathShape(path)}`,
    method,
    path,
    label: `${method.toUpperCase()} ${path}`,
    at,
    pathItem,
    params: new Map(),
    responses: new Map(),
  };
  const templateParams = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const addParams = (list: Located, fromPathItem: boolean) => {
    if (!Array.isArray(list.node)) return;
    list.node.forEach((_, i) => {
      const p = spec.resolve(child(list, i));
      if (!isObject(p.node)) return;
      const node = p.node;
      const name = String(node.name ?? '');
      const where = String(node.in ?? '');
      if (where === 'body') {
        view.body = swaggerBody(spec, at, p);
        return;
      }
      const param = toParam(spec, p, name, where, fromPathItem, templateParams);
      view.params.set(param.key, param);
    });
  };
  addParams(child(pathItem, 'parameters'), true);
  addParams(child(at, 'parameters'), false);
  if (!spec.swagger2) {
    const body = spec.resolve(child(at, 'requestBody'));
    if (isObject(body.node)) view.body = { at: body, required: body.node.required === true, content: contentOf(spec, child(body, 'content')) };
  }
  const responses = child(at, 'responses');
  if (isObject(responses.node)) {
    for (const code of Object.keys(responses.node)) {
      if (code.startsWith('x-')) continue;
      const r = spec.resolve(child(responses, code));
      if (!isObject(r.node)) continue;
      view.responses.set(code.toUpperCase(), {
        code,
        at: r,
        content: spec.swagger2 ? swaggerContent(spec, at, 'produces', r) : contentOf(spec, child(r, 'content')),
        headers: headersOf(spec, child(r, 'headers')),
      });
    }
  }
  return view;
}

function toParam(spec: Spec, p: Located, name: string, where: string, fromPathItem: boolean, template: string[]): ParamView {
  const node = p.node as Record<string, unknown>;
  const index = template.indexOf(name);
  // Path parameters pair by position in the template, so renaming {id} to {petId} is no change.
  const key = where === 'path' && index >= 0 ? `path:#${index}` : `${where}:${where === 'header' ? name.toLowerCase() : name}`;
  let schema: Located | undefined;
  if (isObject(node.schema) || typeof node.schema === 'boolean') schema = child(p, 'schema');
  else if (isObject(node.content)) {
    const first = Object.keys(node.content)[0];
    if (first !== undefined && isObject((node.content as Record<string, Record<string, unknown>>)[first]?.schema)) schema = child(p, 'content', first, 'schema');
  } else if (spec.swagger2) schema = p; // Swagger 2 parameters carry type, enum, maxLength… themselves
  const defaultStyle = where === 'query' || where === 'cookie' || where === 'formData' ? 'form' : 'simple';
  let style = typeof node.style === 'string' ? node.style : defaultStyle;
  if (spec.swagger2 && typeof node.collectionFormat === 'string') style = node.collectionFormat;
  const explode = typeof node.explode === 'boolean' ? node.explode : style === 'form';
  return { key, name, in: where, at: p, required: node.required === true || where === 'path', deprecated: node.deprecated === true, fromPathItem, schema, style, explode, allowEmptyValue: node.allowEmptyValue === true };
}

function contentOf(spec: Spec, content: Located): Map<string, MediaView> {
  const out = new Map<string, MediaView>();
  if (!isObject(content.node)) return out;
  for (const type of Object.keys(content.node)) {
    const media = spec.resolve(child(content, type));
    const schema = isObject(media.node) && media.node.schema !== undefined ? child(media, 'schema') : undefined;
    const itemSchema = isObject(media.node) && media.node.itemSchema !== undefined ? child(media, 'itemSchema') : undefined;
    out.set(type, { at: media, schema, itemSchema });
  }
  return out;
}

function mediaTypes(spec: Spec, op: Located, key: 'consumes' | 'produces'): string[] {
  const own = (op.node as Record<string, unknown>)[key];
  const global = spec.root[key];
  const list = Array.isArray(own) ? own : Array.isArray(global) ? global : ['application/json'];
  return list.filter((t): t is string => typeof t === 'string');
}

function swaggerBody(spec: Spec, op: Located, param: Located): BodyView {
  const node = param.node as Record<string, unknown>;
  return { at: param, required: node.required === true, content: swaggerContent(spec, op, 'consumes', param) };
}

/** Swagger 2 bodies and responses have one schema for every media type listed in consumes/produces. */
function swaggerContent(spec: Spec, op: Located, key: 'consumes' | 'produces', holder: Located): Map<string, MediaView> {
  const out = new Map<string, MediaView>();
  const hasSchema = (holder.node as Record<string, unknown>).schema !== undefined;
  if (!hasSchema) return out;
  for (const type of mediaTypes(spec, op, key)) out.set(type, { at: holder, schema: child(holder, 'schema') });
  return out;
}

function headersOf(spec: Spec, headers: Located): Map<string, HeaderView> {
  const out = new Map<string, HeaderView>();
  if (!isObject(headers.node)) return out;
  for (const name of Object.keys(headers.node)) {
    const h = spec.resolve(child(headers, name));
    if (!isObject(h.node)) continue;
    const schema = isObject(h.node.schema) ? child(h, 'schema') : spec.swagger2 ? h : undefined;
    out.set(name.toLowerCase(), { name, at: h, required: h.node.required === true, schema });
  }
  return out;
}

/** Pairs media types exactly, then by essence (`application/json; charset=utf-8` ~ `application/json`). */
export function pairMediaTypes<T>(base: Map<string, T>, rev: Map<string, T>): { pairs: Array<[string, T, string, T]>; removed: string[]; added: string[] } {
  const essence = (t: string) => t.split(';')[0].trim().toLowerCase();
  const pairs: Array<[string, T, string, T]> = [];
  const restB = [...base.keys()].filter((t) => !rev.has(t));
  const restR = new Set([...rev.keys()].filter((t) => !base.has(t)));
  for (const t of base.keys()) if (rev.has(t)) pairs.push([t, base.get(t) as T, t, rev.get(t) as T]);
  const removed: string[] = [];
  for (const t of restB) {
    const match = [...restR].find((r) => essence(r) === essence(t));
    if (match === undefined) removed.push(t);
    else {
      restR.delete(match);
      pairs.push([t, base.get(t) as T, match, rev.get(match) as T]);
    }
  }
  return { pairs, removed, added: [...restR] };
}
