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
  check(ctx) {
    const reported = new Set<string>();
    const stack: Array<{ node: unknown; pointer: string }> = [{ node: ctx.document, pointer: '' }];
    const seen = new Set<object>();
    while (stack.length > 0) {
      const { node, pointer } = stack.pop()!;
      if (node === null || typeof node !== 'object' || seen.has(node)) continue;
      seen.add(node);
      if (isPureRef(node) && node.$ref.startsWith('#') && !reported.has(pointer)) {
        const chain = cycleFrom(ctx.document, pointer);
        if (chain) {
          for (const member of chain) reported.add(member);
          const loop = [...chain, chain[0]].map((p) => `#${p}`).join(' → ');
          ctx.report({ pointer: joinPointer(pointer, '$ref'), target: 'value', message: `This $ref never reaches a definition: ${loop} is a cycle of references only. Replace one of them with the actual schema.` });
        }
      }
      const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
      for (const [key, child] of entries) stack.push({ node: child, pointer: joinPointer(pointer, key) });
    }
  },
};

/** The pointers of the pure-`$ref` loop that starts at `start`, or undefined when the chain ends somewhere. */
function cycleFrom(document: unknown, start: string): string[] | undefined {
  const chain: string[] = [];
  let pointer = start;
  for (let hops = 0; hops < 1000; hops++) {
    const node = pointer === '' ? document : getAtPointer(document, pointer);
    if (!isPureRef(node) || !node.$ref.startsWith('#')) return undefined;
    chain.push(pointer);
    let next: string;
    try {
      next = decodeURIComponent(node.$ref.slice(1));
    } catch {
      return undefined;
    }
    if (next === start) return chain;
    if (chain.includes(next)) return undefined; // a loop that `start` only leads into; reported from its members
    pointer = next;
  }
  return undefined;
}
