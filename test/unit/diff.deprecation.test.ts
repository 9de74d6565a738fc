/**
 * Deprecation windows (oasdiff's --deprecation-days-stable / --deprecation-days-beta) and x-extensible-enum:
 * each decision is stated in the change message, which the hover shows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DiffResult } from '../../server/src/engine/diff';
import { api, diffDocs } from './diffHelpers';

// diffDocs runs with now = 2025-01-01.
const windows = { deprecationDays: { stable: 90, beta: 30 } };
const ops = (op: Record<string, unknown>, extraPaths: Record<string, unknown> = {}) => api({ '/orders': { get: { responses: { '200': { description: 'ok' } }, ...op } }, ...extraPaths });
const diff = (base: unknown, rev: unknown, options = windows) => diffDocs(base, rev, {}, {}, options);
const only = (result: DiffResult) => result.changes.map((c) => `${c.id} ${c.level}`);

test('deprecating needs a sunset at least the window of its stability level away', () => {
  const tooSoon = diff(ops({}), ops({ deprecated: true, 'x-sunset': '2025-02-01' }));
  assert.deepEqual(only(tooSoon), ['api-sunset-date-too-small breaking']);
  assert.match(tooSoon.changes[0].message, /2025-02-01, 31 days away; stable operations need a deprecation window of at least 90 days/);
  const farEnough = diff(ops({}), ops({ deprecated: true, 'x-sunset': '2025-06-01' }));
  assert.deepEqual(only(farEnough), ['endpoint-deprecated-with-sunset non-breaking']);
  assert.match(farEnough.changes[0].message, /respected/);
  // The same 31 days are enough for a beta operation (30-day window).
  const beta = diff(ops({ 'x-stability-level': 'beta' }), ops({ 'x-stability-level': 'beta', deprecated: true, 'x-sunset': '2025-02-01' }));
  assert.deepEqual(only(beta), ['endpoint-deprecated-with-sunset non-breaking']);
  // Without a window the short sunset is fine, as before.
  assert.deepEqual(only(diff(ops({}), ops({ deprecated: true, 'x-sunset': '2025-02-01' }), {} as typeof windows)), ['endpoint-deprecated-with-sunset non-breaking']);
});

test('under a window a deprecation without x-sunset is breaking; an unreadable date always is', () => {
  const missing = diff(ops({}), ops({ deprecated: true }));
  assert.deepEqual(only(missing), ['api-deprecated-sunset-missing breaking']);
  assert.match(missing.changes[0].message, /without an x-sunset date; stable operations need a deprecation window of at least 90 days/);
  assert.deepEqual(only(diff(ops({}), ops({ deprecated: true }), {} as typeof windows)), ['endpoint-deprecated non-breaking']);
  assert.deepEqual(only(diff(ops({}), ops({ deprecated: true, 'x-sunset': '31/12/2025' }))), ['api-deprecated-sunset-parse breaking']);
});

test('removal: before the sunset, or without one under a window, is breaking; after the sunset it is not', () => {
  const other = { '/other': { get: { responses: { '200': { description: 'ok' } } } } };
  const removed = api(other);
  const before = diff(ops({ deprecated: true, 'x-sunset': '2025-03-01' }, other), removed);
  assert.deepEqual(only(before), ['api-path-removed-before-sunset breaking']);
  assert.match(before.changes[0].message, /before its sunset date 2025-03-01/);
  assert.deepEqual(only(diff(ops({ deprecated: true, 'x-sunset': '2024-12-01' }, other), removed)), ['api-path-removed-with-deprecation non-breaking']);
  const noDate = diff(ops({ deprecated: true }, other), removed);
  assert.deepEqual(only(noDate), ['api-path-removed-before-sunset breaking']);
  assert.match(noDate.changes[0].message, /without a valid x-sunset date, while stable operations need an announced window of at least 90 days/);
  assert.deepEqual(only(diff(ops({ deprecated: true }, other), removed, {} as typeof windows)), ['api-path-removed-with-deprecation non-breaking']);
  assert.deepEqual(only(diff(ops({}, other), removed)), ['api-path-removed-without-deprecation breaking']);
});

test('a sunset moved earlier, or later but still inside the window, is breaking', () => {
  const dep = (sunset: string) => ops({ deprecated: true, 'x-sunset': sunset });
  assert.deepEqual(only(diff(dep('2025-09-01'), dep('2025-08-01'))), ['api-sunset-date-changed-too-small breaking']);
  const inside = diff(dep('2025-01-10'), dep('2025-02-01'));
  assert.deepEqual(only(inside), ['api-sunset-date-changed-too-small breaking']);
  assert.match(inside.changes[0].message, /31 days away; stable operations need a deprecation window of at least 90 days/);
  assert.deepEqual(only(diff(dep('2025-01-10'), dep('2025-06-01'))), ['api-sunset-date-changed non-breaking']);
});

test('x-extensible-enum: a value added in a response is non-breaking; removed from a request is breaking', () => {
  const doc = (values: string[]) => {
    const schema = { type: 'object', properties: { status: { type: 'string', 'x-extensible-enum': values } } };
    const content = { 'application/json': { schema } };
    return api({ '/orders': { post: { requestBody: { content }, responses: { '200': { description: 'ok', content } } } } });
  };
  const added = diffDocs(doc(['open']), doc(['open', 'held']));
  assert.deepEqual(only(added).sort(), ['request-property-x-extensible-enum-value-added non-breaking', 'response-property-x-extensible-enum-value-added non-breaking']);
  const removed = diffDocs(doc(['open', 'held']), doc(['open']));
  assert.ok(removed.changes.some((c) => c.id === 'request-property-x-extensible-enum-value-removed' && c.level === 'breaking'));
});
