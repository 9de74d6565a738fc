/** Helpers for the diff engine tests: build small specs and run the engine on them. */
import assert from 'node:assert/strict';
import { changeRegistry, diffSpecs, type Change, type DiffOptions, type DiffResult } from '../../server/src/engine/diff';

export const URI = 'file:///api/openapi.yaml';

export function diffDocs(base: unknown, revision: unknown, extraBase: Record<string, unknown> = {}, extraRev: Record<string, unknown> = {}, options: DiffOptions = {}): DiffResult {
  return diffSpecs(
    { uri: URI, documents: new Map<string, unknown>([[URI, base], ...Object.entries(extraBase)]) },
    { uri: URI, documents: new Map<string, unknown>([[URI, revision], ...Object.entries(extraRev)]) },
    { now: Date.parse('2025-01-01'), ...options },
  );
}

/** A 3.0 document with the given paths and extra top-level members. */
export function api(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.3', info: { title: 't', version: '1.0.0' }, paths, ...extra };
}

export const ok = { '200': { description: 'ok' } };

export function find(result: DiffResult, id: string, pointer?: string): Change | undefined {
  return result.changes.find((c) => c.id === id && (pointer === undefined || c.pointer === pointer));
}

/** Asserts the change is reported with the registry's level, at the pointer and side. */
export function expectChange(result: DiffResult, id: string, pointer: string, side: 'base' | 'revision'): Change {
  const rule = changeRegistry.get(id);
  assert.ok(rule, `${id} is registered`);
  const change = find(result, id, pointer);
  assert.ok(change, `expected ${id} at ${pointer}; got:\n${result.changes.map((c) => `  ${c.id} ${c.side} ${c.pointer}`).join('\n')}`);
  assert.equal(change.level, rule.level, `${id} level`);
  assert.equal(change.side, side, `${id} side`);
  assert.equal(change.uri, URI);
  assert.ok(change.message.length > 0);
  return change;
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
