/**
 * Clean as you code: a finding on an element that is already published in the baseline (same JSON
 * pointer, same value there) is legacy debt; renaming it would break clients, so it is shown as a hint
 * and never gates. A finding on a new or changed element keeps its rule's severity.
 *
 * Pure: it takes findings (style findings carry `data.pointer`, Spectral's `data.path`), the current
 * document value and the baseline value (undefined when there is none: everything is new).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getAtPointer } from '../openapi';
import { joinPointer, type JsonPointer } from '../jsonPointer';

export type LegacyMode = 'hint' | 'hide' | 'same';
export const LEGACY_MODES: readonly LegacyMode[] = ['hint', 'hide', 'same'];

export interface LegacyData {
  legacy?: boolean;
}

const HINT = 4;

/** The JSON pointer a finding is about, from a style finding's pointer or a Spectral result's path. */
export function findingPointer(d: Diagnostic): JsonPointer | undefined {
  const data = d.data as { pointer?: unknown; path?: unknown; kind?: unknown } | undefined;
  // Breaking changes are differences from the baseline: new by definition.
  if (!data || data.kind === 'breaking') return undefined;
  if (typeof data.pointer === 'string') return data.pointer;
  if (Array.isArray(data.path) && data.path.every((s) => typeof s === 'string' || typeof s === 'number')) return joinPointer('', ...data.path);
  return undefined;
}

/** Whether the element at `pointer` is the same in both documents: it exists in the baseline with the same name and content. */
export function isPublished(pointer: JsonPointer, current: unknown, baseline: unknown): boolean {
  if (baseline === undefined) return false;
  const before = getAtPointer(baseline, pointer);
  return before !== undefined && sameValue(before, getAtPointer(current, pointer));
}

/**
 * Deep equality, remembered per pair of objects. Document values are never mutated, the baseline's
 * is cached per commit and an edit shares every untouched subtree with the previous version, so
 * the comparison of a large element (a path item, `components`) is not repeated on each edit.
 */
const knownEqual = new WeakMap<object, WeakMap<object, boolean>>();

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return isDeepStrictEqual(a, b);
  let known = knownEqual.get(a);
  const hit = known?.get(b);
  if (hit !== undefined) return hit;
  const equal = isDeepStrictEqual(a, b);
  if (!known) knownEqual.set(a, (known = new WeakMap()));
  known.set(b, equal);
  return equal;
}

export function isLegacy(d: Diagnostic): boolean {
  return (d.data as LegacyData | undefined)?.legacy === true;
}

/**
 * Classifies findings against the baseline and applies the mode: legacy findings become hints that say
 * they are published (`hint`), are dropped (`hide`), or keep their severity (`same`); all carry `data.legacy`.
 */
export function classifyLegacy(
  findings: readonly Diagnostic[],
  current: unknown,
  baseline: unknown,
  options: { mode: LegacyMode; ref: string },
): Diagnostic[] {
  if (baseline === undefined || current === undefined) return [...findings];
  const out: Diagnostic[] = [];
  for (const d of findings) {
    const pointer = findingPointer(d);
    if (pointer === undefined || !isPublished(pointer, current, baseline)) {
      out.push(d);
      continue;
    }
    if (options.mode === 'hide') continue;
    const data = { ...(d.data as object), legacy: true };
    if (options.mode === 'same') {
      out.push({ ...d, data });
      continue;
    }
    out.push({ ...d, severity: HINT, data, message: `${messageText(d)} (Legacy: already published in ${options.ref}; renaming breaks clients, so it does not gate.)` });
  }
  return out;
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}

/** Legacy findings per rule, most first: the debt a platform team plans separately from the gate. */
export function legacyDebt(findings: readonly Diagnostic[]): Array<{ code: string; count: number }> {
  const counts = new Map<string, number>();
  for (const d of findings) if (isLegacy(d)) counts.set(String(d.code ?? ''), (counts.get(String(d.code ?? '')) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
