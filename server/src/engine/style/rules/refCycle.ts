import { getAtPointer, isObject } from '../../refs';
import { joinPointer } from '../../jsonPointer';
import type { StyleRule } from '../types';

/** Keys that may sit beside `$ref` without giving the node content of its own. */
const ANNOTATIONS = new Set(['$ref', 'description', 'summary']);
const isPureRef = (node: unknown): node is { $ref: string } =>
  isObject(node) && typeof node.$ref === 'string' && Object.keys(node).every((k) => ANNOTATIONS.has(k));

/**
 * A local `$ref` chain that comes back to itself without reaching a definition
 * (`A: {$ref: B}`, `B: {$ref: A}`): tools resolve it to nothing, and most say nothing about it.
 */
export const refCycle: StyleRule<Record<string, never>> = {
  id: 'specgate-ref-cycle',
  description: 'A local $ref chain loops back to itself without reaching a definition.',
  defaultSeverity: 'error',
  formats: ['oas2', 'oas3.0', 'oas3.1'],
  defaultOptions: {},
  scope: 'document',
  check(ctx) {
    const reported = new Set<string>();
    // Many refs say the same thing: decode and resolve each once per run.
    const steps = new Map<string, Step>();
    const step = (ref: string): Step => {
      let known = steps.get(ref);
      if (!known) steps.set(ref, (known = stepOf(ctx.document, ref)));
      return known;
    };
    for (const { pointer, ref } of pureLocalRefs(ctx.document, ctx.crossVersion as WeakMap<object, CachedRefs> | undefined)) {
      if (reported.has(pointer)) continue;
      const chain = cycleFrom(pointer, ref, step);
      if (!chain) continue;
      for (const member of chain) reported.add(member);
      const loop = [...chain, chain[0]].map((p) => `#${p}`).join(' → ');
      ctx.report({ pointer: joinPointer(pointer, '$ref'), target: 'value', message: `This $ref never reaches a definition: ${loop} is a cycle of references only. Replace one of them with the actual schema.` });
    }
  },
};

/** A pure local `$ref` node: where it is, and what it says. */
interface PureRef {
  pointer: string;
  ref: string;
}

/** What a subtree holds, by the pointer it was found at: its pure local `$ref`s in walk order. */
type CachedRefs = Map<string, PureRef[]>;

/** Depths (pointer segments) whose objects keep their subtree's refs across versions: entries and their members. */
const CACHED_DEPTHS = new Set([2, 3]);

/**
 * Pointers of every pure local `$ref` node, in the order of a depth-first walk (last child first; an object
 * reached twice is walked once). With `cache`, subtrees at CACHED_DEPTHS are listed once and reused while they
 * are the same object at the same pointer (only for a value that is a tree, see RuleContext.crossVersion).
 */
function pureLocalRefs(document: unknown, cache?: WeakMap<object, CachedRefs>): PureRef[] {
  const out: PureRef[] = [];
  type Visit = { node: unknown; pointer: string; depth: number };
  type SubtreeEnd = { end: object; pointer: string; from: number };
  const stack: Array<Visit | SubtreeEnd> = [{ node: document, pointer: '', depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('end' in item) {
      let byPointer = cache!.get(item.end);
      if (!byPointer) cache!.set(item.end, (byPointer = new Map()));
      byPointer.set(item.pointer, out.slice(item.from));
      continue;
    }
    const { node, pointer, depth } = item;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (cache && CACHED_DEPTHS.has(depth)) {
      const hit = cache.get(node)?.get(pointer);
      if (hit) {
        for (const ref of hit) out.push(ref);
        continue;
      }
      stack.push({ end: node, pointer, from: out.length });
    }
    if (isPureRef(node) && node.$ref.startsWith('#')) out.push({ pointer, ref: node.$ref });
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, child] of entries) stack.push({ node: child, pointer: joinPointer(pointer, key), depth: depth + 1 });
  }
  return out;
}

/** Where a local ref leads: the decoded pointer (undefined when it does not decode) and, if that is a pure local ref, what it says. */
interface Step {
  next?: string;
  nextRef?: string;
}

function stepOf(document: unknown, ref: string): Step {
  let next: string;
  try {
    next = decodeURIComponent(ref.slice(1));
  } catch {
    return {};
  }
  const node = getAtPointer(document, next);
  return { next, nextRef: isPureRef(node) && node.$ref.startsWith('#') ? node.$ref : undefined };
}

/**
 * The pointers of the pure-`$ref` loop that starts at `start` (a pure local ref saying `ref`), or undefined
 * when the chain ends somewhere.
 */
function cycleFrom(start: string, ref: string, step: (ref: string) => Step): string[] | undefined {
  const chain: string[] = [];
  let pointer = start;
  let current = ref;
  for (let hops = 0; hops < 1000; hops++) {
    chain.push(pointer);
    const { next, nextRef } = step(current);
    if (next === undefined) return undefined;
    if (next === start) return chain;
    if (chain.includes(next)) return undefined; // a loop that `start` only leads into; reported from its members
    if (nextRef === undefined) return undefined;
    pointer = next;
    current = nextRef;
  }
  return undefined;
}
