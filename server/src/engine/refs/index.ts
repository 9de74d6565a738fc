/**
 * Pure `$ref` utilities: URI resolution, pointer lookup, dereferencing across a
 * set of already-parsed documents, and loading the graph of files a spec reaches.
 * No I/O here: callers pass a reader.
 */
import { encodePointerSegment, splitPointer } from '../jsonPointer';

export interface SpecInput {
  /** URI of the root document. */
  uri: string;
  /** Parsed documents by URI: the root plus every file reachable by `$ref`. */
  documents: ReadonlyMap<string, unknown>;
}

/** A node and where it literally lives. */
export interface Located {
  uri: string;
  pointer: string;
  node: unknown;
}

/** A plain JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

export function isRemoteUri(uri: string): boolean {
  return /^https?:\/\//i.test(uri);
}

/** Splits `x.yaml#/a/b` and resolves the file part against `fromUri`. */
export function resolveRefUri(ref: string, fromUri: string): { uri: string; pointer: string } {
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  let pointer = hash < 0 ? '' : ref.slice(hash + 1);
  try {
    pointer = decodeURIComponent(pointer);
  } catch {
    /* keep the raw fragment */
  }
  if (filePart === '') return { uri: fromUri, pointer };
  return { uri: resolveFile(filePart, fromUri), pointer };
}

function resolveFile(file: string, fromUri: string): string {
  if (SCHEME.test(file) && !/^[a-zA-Z]:[\\/]/.test(file)) return file;
  if (SCHEME.test(fromUri) && !/^[a-zA-Z]:[\\/]/.test(fromUri)) {
    try {
      return new URL(file, fromUri).toString();
    } catch {
      /* fall through to path logic */
    }
  }
  // Plain paths (tests, CLI): posix-style join without touching the file system.
  if (file.startsWith('/')) return normalizePath(file);
  const dir = fromUri.replace(/\\/g, '/').replace(/[^/]*$/, '');
  return normalizePath(dir + file);
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Value at a JSON pointer, or undefined. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** The located child of a node, e.g. `childOf(op, 'responses', '200')`; `node` is undefined when absent. */
export function childOf(at: Located, ...segments: Array<string | number>): Located {
  let pointer = at.pointer;
  let node: unknown = at.node;
  for (const s of segments) {
    pointer += '/' + encodePointerSegment(s);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s as string] : undefined;
  }
  return { uri: at.uri, pointer, node };
}

function refOf(node: unknown): string | undefined {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') return ref;
  }
  return undefined;
}

/**
 * Follows `$ref` chains until a concrete node. Unresolvable or cyclic chains
 * stop at the last `$ref` object, so callers can still compare ref strings.
 */
export function deref(documents: ReadonlyMap<string, unknown>, at: Located): Located {
  let current = at;
  const seen = new Set<string>();
  for (;;) {
    const ref = refOf(current.node);
    if (ref === undefined) return current;
    const target = resolveRefUri(ref, current.uri);
    const key = target.uri + '#' + target.pointer;
    if (seen.has(key) || !documents.has(target.uri)) return current;
    seen.add(key);
    const node = getAtPointer(documents.get(target.uri), target.pointer);
    if (node === undefined) return current;
    current = { uri: target.uri, pointer: target.pointer, node };
  }
}

/** Subtrees' external refs by the URI they were resolved from (see `collectExternalRefs`'s cache). */
export type ExternalRefsCache = WeakMap<object, Map<string, string[]>>;

/** Depths whose objects keep their subtree's external refs in the cache (top-level members' members). */
const CACHED_DEPTHS = new Set([2, 3]);

/**
 * File URIs (without fragments) referenced from `value`, deduped, in document order. With `cache` (only for a
 * value that is a tree and is never mutated, e.g. successive versions of an open document), subtrees found
 * there are not walked again.
 */
export function collectExternalRefs(value: unknown, fromUri: string, cache?: ExternalRefsCache): string[] {
  const found = new Set<string>();
  type Visit = { node: unknown; depth: number };
  type SubtreeEnd = { end: object; from: number };
  const stack: Array<Visit | SubtreeEnd> = [{ node: value, depth: 0 }];
  const seen = new Set<object>();
  const order: string[] = [];
  const add = (uri: string) => {
    order.push(uri);
    found.add(uri);
  };
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('end' in item) {
      let byUri = cache!.get(item.end);
      if (!byUri) cache!.set(item.end, (byUri = new Map()));
      byUri.set(fromUri, order.slice(item.from));
      continue;
    }
    const { node, depth } = item;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (cache && CACHED_DEPTHS.has(depth)) {
      const hit = cache.get(node)?.get(fromUri);
      if (hit) {
        for (const uri of hit) add(uri);
        continue;
      }
      stack.push({ end: node, from: order.length });
    }
    const ref = refOf(node);
    if (ref !== undefined && !ref.startsWith('#')) {
      const { uri } = resolveRefUri(ref, fromUri);
      if (uri !== fromUri) add(uri);
    }
    const children = Array.isArray(node) ? node : Object.values(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  return [...found];
}

/** Loads every file reachable by `$ref` from the root, breadth first. */
export async function loadSpecGraph(
  rootUri: string,
  rootValue: unknown,
  readAndParse: (uri: string) => Promise<unknown | undefined>,
  /** rootRefsCache: the open document's cache across versions (`TreeMemo.externalRefs`): an edit walks only what it changed. */
  options: { allowRemote?: boolean; maxFiles?: number; mayRead?: (uri: string) => boolean; rootRefsCache?: ExternalRefsCache } = {},
): Promise<SpecInput & { missing: string[] }> {
  const maxFiles = options.maxFiles ?? 200;
  const documents = new Map<string, unknown>([[rootUri, rootValue]]);
  const missing: string[] = [];
  const queue = collectExternalRefs(rootValue, rootUri, options.rootRefsCache);
  const queued = new Set<string>([rootUri, ...queue]);
  while (queue.length > 0 && documents.size < maxFiles) {
    const uri = queue.shift() as string;
    if ((isRemoteUri(uri) && !options.allowRemote) || (options.mayRead && !options.mayRead(uri))) {
      missing.push(uri);
      continue;
    }
    let value: unknown;
    try {
      value = await readAndParse(uri);
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      missing.push(uri);
      continue;
    }
    documents.set(uri, value);
    for (const next of collectExternalRefs(value, uri)) {
      if (!queued.has(next)) {
        queued.add(next);
        queue.push(next);
      }
    }
  }
  return { uri: rootUri, documents, missing };
}
