import { isObj } from '../openapi';
import type { RuleContext, StyleRule } from './types';

/** Options of another rule as the registry resolved them (undefined when off); defaults outside the registry. */
export function otherOptions<T>(ctx: RuleContext<unknown>, rule: StyleRule<T>): T | undefined {
  if (ctx.optionsOf) return ctx.optionsOf(rule.id) as T | undefined;
  return rule.enabledByDefault === false ? undefined : rule.defaultOptions;
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quoteList(items: readonly string[]): string {
  const q = items.map((i) => `"${i}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** `GET /orders` style label of an operation. */
export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
