import { getAtPointer, isObject, resolveRefUri, SpecInput } from './index';
import { joinPointer } from '../jsonPointer';

/** Where a subtree of the inlined document really lives. */
export interface InlinedOrigin {
  /** Pointer of the subtree in the inlined document. */
  at: string;
  uri: string;
  /** Pointer of the same node in its own file. */
  pointer: string;
}

export interface InlinedSpec {
  value: unknown;
  /** One entry per external `$ref` that was replaced, deepest last. */
  origins: InlinedOrigin[];
}

/**
 * Replaces `$ref`s into other files by the referenced values, so rules see a multi-file spec
 * as one document; `origins` maps findings back to the file they belong in. Local refs stay.
 * Each external ref is inlined once per path, never inside itself (cycles stay `$ref`s).
 */
export function inlineExternalRefs(graph: SpecInput, maxNodes = 2_000_000): InlinedSpec {
  const root = graph.documents.get(graph.uri);
  const origins: InlinedOrigin[] = [];
  let budget = maxNodes;

  function visit(node: unknown, fileUri: string, at: string, active: Set<string>): unknown {
    if (--budget < 0 || node === null || typeof node !== 'object') return node;
    if (isObject(node) && typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
      const target = resolveRefUri(node.$ref, fileUri);
      const key = `${target.uri}#${target.pointer}`;
      const doc = graph.documents.get(target.uri);
      const value = doc === undefined ? undefined : getAtPointer(doc, target.pointer);
      if (value === undefined || active.has(key)) return node;
      origins.push({ at, uri: target.uri, pointer: target.pointer });
      const nested = new Set(active).add(key);
      return visit(value, target.uri, at, nested);
    }
    if (Array.isArray(node)) {
      let changed = false;
      const out = node.map((item, i) => {
        const v = visit(item, fileUri, joinPointer(at, i), active);
        if (v !== item) changed = true;
        return v;
      });
      return changed ? out : node;
    }
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(node)) {
      const replaced = visit(v, fileUri, joinPointer(at, k), active);
      if (replaced !== v) (out ??= { ...(node as Record<string, unknown>) })[k] = replaced;
    }
    return out ?? node;
  }

  const value = origins.length === 0 && !hasExternalRef(root) ? root : visit(root, graph.uri, '', new Set());
  return { value, origins };
}

function hasExternalRef(value: unknown): boolean {
  const stack = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (isObject(node) && typeof node.$ref === 'string' && !node.$ref.startsWith('#')) return true;
    stack.push(...(Array.isArray(node) ? node : Object.values(node)));
  }
  return false;
}

/** The file and in-file pointer of a pointer into the inlined document. */
export function originOf(inlined: InlinedSpec, rootUri: string, pointer: string): { uri: string; pointer: string } {
  let best: InlinedOrigin | undefined;
  for (const o of inlined.origins) {
    if ((pointer === o.at || pointer.startsWith(o.at + '/')) && (!best || o.at.length >= best.at.length)) best = o;
  }
  if (!best) return { uri: rootUri, pointer };
  return { uri: best.uri, pointer: best.pointer + pointer.slice(best.at.length) };
}
