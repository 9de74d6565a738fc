/**
 * Deprecation windows (oasdiff-compatible): `x-sunset` is an RFC 3339 date on a deprecated operation; with a
 * minimum window per stability level (--deprecation-days-stable / --deprecation-days-beta, 0 = none), deprecating
 * needs a sunset at least that many days away, a sunset may only move to a date that still respects it, and an
 * operation may only be removed once its announced sunset has passed. Every message states the decision.
 */
import type { Located } from '../../refs';
import { ID } from '../changeIds';
import { inBase, inRevision, type DiffContext } from '../context';
import { child } from '../model';
import { plain } from '../show';
import type { Stability } from './paths';

const DAY = 24 * 60 * 60 * 1000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?$/;

export interface Sunset {
  raw: unknown;
  /** ms since epoch; NaN when absent or not an RFC 3339 date. */
  time: number;
}

export function sunsetOf(op: unknown): Sunset {
  const raw = (op as Record<string, unknown> | undefined)?.['x-sunset'];
  const time = raw instanceof Date ? raw.getTime() : typeof raw === 'string' && RFC3339.test(raw.trim()) ? Date.parse(raw.trim()) : NaN;
  return { raw, time };
}

/** The minimum window, in days, for an operation at this stability level (only stable and beta have one). */
export function windowDays(ctx: DiffContext, stability: Stability): number {
  const days = stability === 'stable' ? ctx.deprecationDays.stable : stability === 'beta' ? ctx.deprecationDays.beta : 0;
  return Number.isFinite(days) && days > 0 ? Math.floor(days) : 0;
}

const daysAway = (ctx: DiffContext, time: number) => Math.floor((time - ctx.now) / DAY);

/** An operation that became deprecated: with a window, its sunset must exist, parse and be far enough away. */
export function checkNewDeprecation(ctx: DiffContext, r: Located, label: string, stability: Stability): void {
  const sunset = sunsetOf(r.node);
  const days = windowDays(ctx, stability);
  const policy = `${stability} operations need a deprecation window of at least ${days} days`;
  // Problems with the date sit on the date; the deprecation itself on `deprecated`.
  const at = inRevision(child(r, sunset.raw === undefined ? 'deprecated' : 'x-sunset'));
  const flag = inRevision(child(r, 'deprecated'));
  const extra = { operation: label, after: sunset.raw };
  if (sunset.raw !== undefined && Number.isNaN(sunset.time)) {
    ctx.emit(ID.apiDeprecatedSunsetParse, at, `${label} deprecated with x-sunset ${plain(sunset.raw)}, which is not an RFC 3339 date (e.g. 2026-12-31)`, extra);
  } else if (days > 0 && sunset.raw === undefined) {
    ctx.emit(ID.apiDeprecatedSunsetMissing, at, `${label} deprecated without an x-sunset date; ${policy}, so the date must be announced`, extra);
  } else if (days > 0 && daysAway(ctx, sunset.time) < days) {
    ctx.emit(ID.apiSunsetDateTooSmall, at, `${label} deprecated with sunset ${plain(sunset.raw)}, ${daysAway(ctx, sunset.time)} days away; ${policy}`, extra);
  } else if (sunset.raw === undefined) {
    ctx.emit(ID.endpointDeprecated, flag, `${label} deprecated`, extra);
  } else {
    const within = days > 0 ? ` (${daysAway(ctx, sunset.time)} days away; ${policy}: respected)` : '';
    ctx.emit(ID.endpointDeprecatedWithSunset, flag, `${label} deprecated with sunset date ${plain(sunset.raw)}${within}`, extra);
  }
}

/** A deprecated operation whose sunset date changed or was deleted. */
export function checkSunsetMoved(ctx: DiffContext, b: Located, r: Located, baseLabel: string, label: string, stability: Stability): void {
  const sb = sunsetOf(b.node);
  const sr = sunsetOf(r.node);
  if (sb.raw === undefined) return;
  const extra = { operation: label, before: sb.raw, after: sr.raw };
  if (sr.raw === undefined) {
    ctx.emit(ID.sunsetDeleted, inBase(child(b, 'x-sunset')), `${baseLabel}: sunset date ${plain(sb.raw)} removed while still deprecated`, { operation: baseLabel, before: sb.raw });
    return;
  }
  if (sb.raw === sr.raw || sr.time === sb.time) return;
  const at = inRevision(child(r, 'x-sunset'));
  const days = windowDays(ctx, stability);
  if (Number.isNaN(sr.time)) ctx.emit(ID.apiDeprecatedSunsetParse, at, `${label}: x-sunset ${plain(sr.raw)} is not an RFC 3339 date (e.g. 2026-12-31)`, extra);
  else if (sr.time < sb.time) ctx.emit(ID.apiSunsetDateChangedTooSmall, at, `${label}: sunset date moved earlier, from ${plain(sb.raw)} to ${plain(sr.raw)}; clients planned for the announced date`, extra);
  else if (days > 0 && daysAway(ctx, sr.time) < days) {
    ctx.emit(ID.apiSunsetDateChangedTooSmall, at, `${label}: sunset date moved to ${plain(sr.raw)}, ${daysAway(ctx, sr.time)} days away; ${stability} operations need a deprecation window of at least ${days} days`, extra);
  } else ctx.emit(ID.apiSunsetDateChanged, at, `${label}: sunset date moved later, from ${plain(sb.raw)} to ${plain(sr.raw)}`, extra);
}

export interface RemovalVerdict {
  kind: 'without-deprecation' | 'before-sunset' | 'with-deprecation';
  /** Why, for the message: names the date or the window. */
  why: string;
}

/** How a removed operation was retired: never deprecated, removed before its sunset (or without one under a window), or properly. */
export function removalVerdict(ctx: DiffContext, op: Located, stability: Stability): RemovalVerdict {
  const node = op.node as Record<string, unknown>;
  if (node.deprecated !== true) return { kind: 'without-deprecation', why: 'without prior deprecation' };
  const sunset = sunsetOf(node);
  const days = windowDays(ctx, stability);
  if (!Number.isNaN(sunset.time) && sunset.time > ctx.now) return { kind: 'before-sunset', why: `before its sunset date ${plain(sunset.raw)}` };
  if (days > 0 && Number.isNaN(sunset.time)) {
    return { kind: 'before-sunset', why: `after a deprecation without a valid x-sunset date, while ${stability} operations need an announced window of at least ${days} days` };
  }
  return { kind: 'with-deprecation', why: sunset.raw === undefined ? 'after deprecation' : `after deprecation and its sunset date ${plain(sunset.raw)}` };
}
