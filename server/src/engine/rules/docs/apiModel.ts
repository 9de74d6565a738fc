/**
 * What a guide is checked against: each API's operations (method, path template, operationId,
 * deprecation, request and success-response schemas) and the base paths of its servers.
 */
import { indexDocument, isObj, own, ownString, resolveLocalRef, type Obj } from '../../openapi';
import type { SpecFormat } from '../../style/types';
import { basenameUri } from '../../uri';

export interface DocOperation {
  method: string;
  path: string;
  operationId?: string;
  deprecated: boolean;
  /** Pointer of the operation object in the (inlined) document. */
  pointer: string;
  requestSchema?: unknown;
  /** The schema of the first 2xx response with a JSON body (or `default` when there is no 2xx). */
  responseSchema?: unknown;
}

export interface ApiDescription {
  uri: string;
  /** Names a guide's front matter `api:` may use: the `info.title` slug and the file's base name. */
  names: string[];
  title: string;
  /** The document value (external refs inlined), for resolving local `$ref`s in schemas. */
  root: unknown;
  operations: DocOperation[];
  /** Path prefixes from `servers[].url` (3.x) or `basePath` (2.0), without trailing slash; never empty strings. */
  basePaths: string[];
  /** Every name the spec defines (schemas, properties, parameters, tags): code words that are not operation ids. */
  knownNames: Set<string>;
}

export function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const GENERIC_NAMES = new Set(['openapi', 'swagger', 'api', 'spec', 'index', 'oas']);

/** `specs/orders.openapi.yaml` → `orders`; `orders/openapi.yaml` → `orders` (a generic name takes its folder's). */
export function fileBaseName(uri: string): string {
  const base = decodeURIComponent(basenameUri(uri)).replace(/\..*$/, '').toLowerCase();
  if (!GENERIC_NAMES.has(base)) return base;
  const parts = decodeURIComponent(uri).split('/');
  return parts.length >= 2 && parts[parts.length - 2] ? parts[parts.length - 2].toLowerCase() : base;
}

function serverPath(url: string, variables: unknown): string | undefined {
  const filled = url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = own(own(variables, name), 'default');
    return typeof v === 'string' ? v : '\u0000';
  });
  if (filled.includes('\u0000')) return undefined;
  let path = filled;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(filled);
  if (scheme) path = filled.slice(scheme[0].length);
  else if (filled.startsWith('//')) path = filled.replace(/^\/\/[^/]*/, '');
  path = path.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.startsWith('/') ? path : undefined;
}

function jsonBodySchema(content: unknown): unknown {
  if (!isObj(content)) return undefined;
  const types = Object.keys(content);
  const json = types.find((t) => /^application\/(.+\+)?json\b/.test(t)) ?? types.find((t) => /json/.test(t));
  return json ? own(own(content, json), 'schema') : undefined;
}

function deref(root: unknown, value: unknown): unknown {
  return resolveLocalRef(root, value)?.value ?? value;
}

function requestSchema(root: unknown, format: SpecFormat, operation: Obj, pathItem: Obj): unknown {
  if (format === 'oas2') {
    const params = [...(Array.isArray(own(pathItem, 'parameters')) ? own(pathItem, 'parameters') as unknown[] : []),
      ...(Array.isArray(own(operation, 'parameters')) ? own(operation, 'parameters') as unknown[] : [])];
    const body = params.map((p) => deref(root, p)).find((p) => own(p, 'in') === 'body');
    return own(body, 'schema');
  }
  return jsonBodySchema(own(deref(root, own(operation, 'requestBody')), 'content'));
}

function responseSchema(root: unknown, format: SpecFormat, operation: Obj): unknown {
  const responses = own(operation, 'responses');
  if (!isObj(responses)) return undefined;
  const codes = Object.keys(responses).filter((c) => /^2(\d\d|XX)$/i.test(c)).sort();
  const code = codes[0] ?? (own(responses, 'default') !== undefined ? 'default' : undefined);
  if (!code) return undefined;
  const response = deref(root, own(responses, code));
  return format === 'oas2' ? own(response, 'schema') : jsonBodySchema(own(response, 'content'));
}

/** Builds the description of one API from its (inlined) document value. */
export function describeApi(uri: string, value: unknown, format: SpecFormat): ApiDescription | undefined {
  if (!isObj(value) || format === 'arazzo1') return undefined;
  const index = indexDocument(value, format);
  const title = ownString(own(value, 'info'), 'title') ?? '';
  const operations: DocOperation[] = index.operations.filter((o) => o.kind === 'path').map((o) => ({
    method: o.method.toUpperCase(),
    path: o.path,
    operationId: ownString(o.operation, 'operationId'),
    deprecated: own(o.operation, 'deprecated') === true,
    pointer: o.pointer,
    requestSchema: requestSchema(value, format, o.operation, o.pathItem),
    responseSchema: responseSchema(value, format, o.operation),
  }));
  const basePaths = new Set<string>();
  if (format === 'oas2') {
    const base = ownString(value, 'basePath')?.replace(/\/+$/, '');
    if (base && base.startsWith('/')) basePaths.add(base);
  } else {
    const servers = own(value, 'servers');
    for (const server of Array.isArray(servers) ? servers : []) {
      const url = ownString(server, 'url');
      const path = url === undefined ? undefined : serverPath(url, own(server, 'variables'));
      if (path) basePaths.add(path);
    }
  }
  const knownNames = new Set<string>([
    ...index.schemaNames.map((s) => s.name),
    ...index.properties.map((p) => p.name),
    ...index.parameters.map((p) => p.name).filter((n): n is string => !!n),
  ]);
  const tags = own(value, 'tags');
  for (const tag of Array.isArray(tags) ? tags : []) { const n = ownString(tag, 'name'); if (n) knownNames.add(n); }
  const names = [...new Set([slug(title), fileBaseName(uri)].filter(Boolean))];
  return { uri, names, title, root: value, operations, basePaths: [...basePaths], knownNames };
}

/** The APIs a guide is checked against: all, or the one its front matter names (undefined: no such API). */
export function apisForGuide(apis: readonly ApiDescription[], api: string | undefined): readonly ApiDescription[] | undefined {
  if (!api) return apis;
  const wanted = api.toLowerCase();
  const found = apis.filter((a) => a.names.includes(wanted) || a.names.includes(slug(api)));
  return found.length > 0 ? found : undefined;
}

/** The operationIds of a document value (a baseline's root), whatever its dialect. */
export function operationIdsOf(value: unknown): string[] {
  if (!isObj(value)) return [];
  const format: SpecFormat = own(value, 'swagger') !== undefined ? 'oas2' : 'oas3.0';
  return indexDocument(value, format).operations.map((o) => ownString(o.operation, 'operationId')).filter((x): x is string => !!x);
}
