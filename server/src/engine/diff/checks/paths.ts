/** Operations added, removed, deprecated, sunset; operationId and tags. */
import { inBase, inRevision, type DiffContext } from '../context';
import type { Located } from '../../refs';
import { child, pathShape } from '../model';
import { B, N, rule } from '../rule';
import { isMatched, type OperationPair } from './pair';
import { plain, show } from '../show';
import { ID } from '../changeIds';

export const PATH_RULES = [
  rule(ID.endpointAdded, N, 'An operation was added', 'none'),
  rule(ID.apiPathRemovedWithoutDeprecation, B, 'A path and its operations were removed without being deprecated first', 'caller'),
  rule(ID.apiPathRemovedWithDeprecation, N, 'A deprecated path was removed after its sunset date (or with no sunset date)', 'caller'),
  rule(ID.apiPathRemovedBeforeSunset, B, 'A deprecated path was removed before its sunset date', 'caller'),
  rule(ID.apiRemovedWithoutDeprecation, B, 'An operation was removed without being deprecated first', 'caller'),
  rule(ID.apiRemovedWithDeprecation, N, 'A deprecated operation was removed after its sunset date (or with no sunset date)', 'caller'),
  rule(ID.apiRemovedBeforeSunset, B, 'A deprecated operation was removed before its sunset date', 'caller'),
  rule(ID.endpointDeprecated, N, 'An operation was deprecated', 'caller'),
  rule(ID.endpointDeprecatedWithSunset, N, 'An operation was deprecated with a sunset date', 'caller'),
  rule(ID.endpointReactivated, N, 'A deprecated operation is no longer deprecated', 'caller'),
  rule(ID.sunsetDeleted, B, 'The sunset date of a deprecated operation was removed while it stays deprecated', 'caller', 'Keep the announced `x-sunset` date, or move it later; clients plan their migration around it.'),
  rule(ID.apiSunsetDateChangedTooSmall, B, 'The sunset date of a deprecated operation moved earlier', 'caller', 'Never move a sunset date earlier than announced; keep the old date or a later one.'),
  rule(ID.apiSunsetDateChanged, N, 'The sunset date of a deprecated operation moved later', 'caller'),
  rule(ID.apiStabilityDecreased, B, 'The x-stability-level of an operation decreased (e.g. stable to beta, beta to alpha): clients relying on its stability lose the guarantee', 'caller', 'Keep the stability level; publish the less stable variant as a new operation.'),
  rule(ID.apiInvalidStabilityLevel, B, 'The x-stability-level of an operation is not one of draft, alpha, beta or stable', 'caller', 'Use draft, alpha, beta or stable.'),
  rule(ID.apiOperationIdRemoved, N, 'The operationId of an operation was removed or changed (generated SDK method names change)', 'caller'),
  rule(ID.apiOperationIdAdded, N, 'An operationId was added to an operation', 'caller'),
  rule(ID.apiTagRemoved, N, 'A tag was removed from an operation', 'caller'),
  rule(ID.apiTagAdded, N, 'A tag was added to an operation', 'caller'),
];

const PATH_REMOVAL_IDS = { withoutDeprecation: ID.apiPathRemovedWithoutDeprecation, beforeSunset: ID.apiPathRemovedBeforeSunset, withDeprecation: ID.apiPathRemovedWithDeprecation };
const OPERATION_REMOVAL_IDS = { withoutDeprecation: ID.apiRemovedWithoutDeprecation, beforeSunset: ID.apiRemovedBeforeSunset, withDeprecation: ID.apiRemovedWithDeprecation };

const obj = (v: unknown) => (v ?? {}) as Record<string, unknown>;
const sunsetOf = (op: unknown) => {
  const raw = obj(op)['x-sunset'];
  const time = typeof raw === 'string' || raw instanceof Date ? new Date(raw as string).getTime() : NaN;
  return { raw, time };
};

const STABILITY = ['draft', 'alpha', 'beta', 'stable'] as const;
export type Stability = (typeof STABILITY)[number] | 'invalid';

/** x-stability-level of an operation (oasdiff's extension); no value means stable. */
export function stabilityOf(op: unknown): Stability {
  const raw = obj(op)['x-stability-level'];
  if (raw === undefined) return 'stable';
  return typeof raw === 'string' && (STABILITY as readonly string[]).includes(raw) ? (raw as Stability) : 'invalid';
}

/** draft and alpha operations make no compatibility promise: changes to them are not checked (oasdiff's default). */
export const unstable = (s: Stability) => s === 'draft' || s === 'alpha';

export function checkPaths(ctx: DiffContext, pairs: OperationPair[]): void {
  const revShapes = new Set(pairs.filter((p) => p.revision).map((p) => pathShape(p.revision!.path)));
  for (const pair of pairs) {
    if (!pair.base && pair.revision) {
      ctx.emit(ID.endpointAdded, inRevision(pair.revision.at), `${pair.revision.label} added`, { operation: pair.revision.label });
      continue;
    }
    if (pair.base && !pair.revision) {
      const op = pair.base;
      if (unstable(stabilityOf(op.at.node))) continue;
      const pathGone = !revShapes.has(pathShape(op.path));
      const deprecated = obj(op.at.node).deprecated === true;
      const sunset = sunsetOf(op.at.node);
      const early = deprecated && !Number.isNaN(sunset.time) && sunset.time > ctx.now;
      const ids = pathGone ? PATH_REMOVAL_IDS : OPERATION_REMOVAL_IDS;
      const id = !deprecated ? ids.withoutDeprecation : early ? ids.beforeSunset : ids.withDeprecation;
      const what = pathGone ? `path ${op.path} removed` : `${op.label} removed`;
      const why = !deprecated ? ' without prior deprecation' : early ? ` before its sunset date ${plain(sunset.raw)}` : ' after deprecation';
      ctx.emit(id, inBase(op.at), `${what}${why} (${op.label})`, { operation: op.label });
      continue;
    }
    if (isMatched(pair)) {
      const sb = stabilityOf(pair.base.at.node);
      const sr = stabilityOf(pair.revision.at.node);
      if (sb === 'invalid' || sr === 'invalid') {
        const where = sr === 'invalid' ? inRevision(child(pair.revision.at, 'x-stability-level')) : inBase(child(pair.base.at, 'x-stability-level'));
        ctx.emit(ID.apiInvalidStabilityLevel, where, `${pair.revision.label}: invalid x-stability-level`, { operation: pair.revision.label });
        continue;
      }
      if (unstable(sb)) continue;
      if (STABILITY.indexOf(sr) < STABILITY.indexOf(sb)) {
        ctx.emit(ID.apiStabilityDecreased, inRevision(child(pair.revision.at, 'x-stability-level')), `${pair.revision.label}: stability level decreased from ${sb} to ${sr}`, { operation: pair.revision.label, before: sb, after: sr });
      }
      checkLifecycle(ctx, pair.base.at, pair.revision.at, pair.base.label, pair.revision.label);
    }
  }
}

function checkLifecycle(ctx: DiffContext, b: Located, r: Located, baseLabel: string, label: string): void {
  const bn = obj(b.node);
  const rn = obj(r.node);
  const operation = label;
  if (bn.deprecated !== true && rn.deprecated === true) {
    const sunset = rn['x-sunset'];
    ctx.emit(sunset === undefined ? ID.endpointDeprecated : ID.endpointDeprecatedWithSunset, inRevision(child(r, 'deprecated')), `${label} deprecated${sunset === undefined ? '' : ` with sunset date ${plain(sunset)}`}`, { operation });
  } else if (bn.deprecated === true && rn.deprecated !== true) {
    ctx.emit(ID.endpointReactivated, inRevision(r), `${label} is no longer deprecated`, { operation });
  }
  const sb = sunsetOf(bn);
  const sr = sunsetOf(rn);
  if (bn.deprecated === true && rn.deprecated === true && sb.raw !== undefined) {
    if (sr.raw === undefined) ctx.emit(ID.sunsetDeleted, inBase(child(b, 'x-sunset')), `${baseLabel}: sunset date ${plain(sb.raw)} removed while still deprecated`, { operation: baseLabel, before: sb.raw });
    else if (sr.time < sb.time) ctx.emit(ID.apiSunsetDateChangedTooSmall, inRevision(child(r, 'x-sunset')), `${label}: sunset date moved earlier from ${plain(sb.raw)} to ${plain(sr.raw)}`, { operation, before: sb.raw, after: sr.raw });
    else if (sr.time > sb.time) ctx.emit(ID.apiSunsetDateChanged, inRevision(child(r, 'x-sunset')), `${label}: sunset date moved from ${plain(sb.raw)} to ${plain(sr.raw)}`, { operation, before: sb.raw, after: sr.raw });
  }
  if (typeof bn.operationId === 'string' && bn.operationId !== rn.operationId) {
    const where = rn.operationId === undefined ? inBase(child(b, 'operationId')) : inRevision(child(r, 'operationId'));
    ctx.emit(ID.apiOperationIdRemoved, where, `${label}: operationId ${show(bn.operationId)} ${rn.operationId === undefined ? 'removed' : `replaced with ${show(rn.operationId)}`}`, {
      operation: where.side === 'base' ? baseLabel : label,
      before: bn.operationId,
      after: rn.operationId,
    });
  } else if (bn.operationId === undefined && typeof rn.operationId === 'string') {
    ctx.emit(ID.apiOperationIdAdded, inRevision(child(r, 'operationId')), `${label}: operationId ${show(rn.operationId)} added`, { operation, after: rn.operationId });
  }
  const tb = Array.isArray(bn.tags) ? bn.tags : [];
  const tr = Array.isArray(rn.tags) ? rn.tags : [];
  tb.forEach((t, i) => {
    if (!tr.includes(t)) ctx.emit(ID.apiTagRemoved, inBase(child(b, 'tags', i)), `${baseLabel}: tag ${show(t)} removed`, { operation: baseLabel, before: t });
  });
  tr.forEach((t, i) => {
    if (!tb.includes(t)) ctx.emit(ID.apiTagAdded, inRevision(child(r, 'tags', i)), `${label}: tag ${show(t)} added`, { operation, after: t });
  });
}
