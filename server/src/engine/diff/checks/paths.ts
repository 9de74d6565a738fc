/** Operations added, removed, deprecated, sunset; operationId and tags. */
import { inBase, inRevision, type DiffContext } from '../context';
import type { Located } from '../../refs';
import { child, pathShape } from '../model';
import { B, N, rule } from '../rule';
import { isMatched, type OperationPair } from './pair';
import { show } from '../show';
import { checkNewDeprecation, checkSunsetMoved, removalVerdict, type RemovalVerdict } from './deprecation';
import { ID } from '../changeIds';

export const PATH_RULES = [
  rule(ID.endpointAdded, N, 'An operation was added', 'none'),
  rule(ID.apiPathRemovedWithoutDeprecation, B, 'A path and its operations were removed without being deprecated first', 'caller'),
  rule(ID.apiPathRemovedWithDeprecation, N, 'A deprecated path was removed after its sunset date (or with no sunset date)', 'caller'),
  rule(ID.apiPathRemovedBeforeSunset, B, 'A deprecated path was removed before its sunset date, or without a sunset date while a deprecation window applies', 'caller', undefined, 'Removal is judged against the announced `x-sunset` (an RFC 3339 date): before it, clients still rely on the operation. With a minimum deprecation window (`specgate.breaking.deprecationDaysStable` / `deprecationDaysBeta`, CLI `--deprecation-days-stable` / `--deprecation-days-beta`, as oasdiff names them), a deprecation without a valid sunset date announces no window, so removing such an operation is reported here too. oasdiff accepts the removal of a deprecated operation without a sunset date even when a window is configured.'),
  rule(ID.apiRemovedWithoutDeprecation, B, 'An operation was removed without being deprecated first', 'caller'),
  rule(ID.apiRemovedWithDeprecation, N, 'A deprecated operation was removed after its sunset date (or with no sunset date)', 'caller'),
  rule(ID.apiRemovedBeforeSunset, B, 'A deprecated operation was removed before its sunset date, or without a sunset date while a deprecation window applies', 'caller', undefined, 'Removal is judged against the announced `x-sunset` (an RFC 3339 date): before it, clients still rely on the operation. With a minimum deprecation window (`specgate.breaking.deprecationDaysStable` / `deprecationDaysBeta`, CLI `--deprecation-days-stable` / `--deprecation-days-beta`, as oasdiff names them), a deprecation without a valid sunset date announces no window, so removing such an operation is reported here too. oasdiff accepts the removal of a deprecated operation without a sunset date even when a window is configured.'),
  rule(ID.endpointDeprecated, N, 'An operation was deprecated', 'caller'),
  rule(ID.endpointDeprecatedWithSunset, N, 'An operation was deprecated with a sunset date', 'caller'),
  rule(ID.apiDeprecatedSunsetMissing, B, 'An operation was deprecated without an x-sunset date while a minimum deprecation window applies to its stability level', 'caller', 'Add `x-sunset` with an RFC 3339 date at least the configured number of days away.',
    'With --deprecation-days-stable / --deprecation-days-beta set, the sunset date is the promise clients plan their migration around, so deprecating without one is reported as breaking, as oasdiff does. With no window configured (0, the default), a deprecation without a sunset is the non-breaking endpoint-deprecated.'),
  rule(ID.apiDeprecatedSunsetParse, B, 'The x-sunset date of a deprecated operation is not an RFC 3339 date', 'caller', 'Write the date as YYYY-MM-DD (or a full RFC 3339 date-time).',
    'A sunset date nobody can read announces nothing; oasdiff reports it as an error (api-deprecated-sunset-parse) too.'),
  rule(ID.apiSunsetDateTooSmall, B, 'An operation was deprecated with a sunset date closer than the minimum deprecation window of its stability level', 'caller', 'Move `x-sunset` later, to at least the configured number of days from today.',
    'The window is counted from the day of the change to the sunset date, per stability level (stable and beta; draft and alpha make no promise), with the thresholds oasdiff uses: --deprecation-days-stable and --deprecation-days-beta.'),
  rule(ID.endpointReactivated, N, 'A deprecated operation is no longer deprecated', 'caller'),
  rule(ID.sunsetDeleted, B, 'The sunset date of a deprecated operation was removed while it stays deprecated', 'caller', 'Keep the announced `x-sunset` date, or move it later; clients plan their migration around it.'),
  rule(ID.apiSunsetDateChangedTooSmall, B, 'The sunset date of a deprecated operation moved earlier, or to a date closer than the minimum deprecation window', 'caller', 'Never move a sunset date earlier than announced; keep the old date or a later one that respects the window.'),
  rule(ID.apiSunsetDateChanged, N, 'The sunset date of a deprecated operation moved later', 'caller'),
  rule(ID.apiStabilityDecreased, B, 'The x-stability-level of an operation decreased (e.g. stable to beta, beta to alpha): clients relying on its stability lose the guarantee', 'caller', 'Keep the stability level; publish the less stable variant as a new operation.'),
  rule(ID.apiInvalidStabilityLevel, B, 'The x-stability-level of an operation is not one of draft, alpha, beta or stable', 'caller', 'Use draft, alpha, beta or stable.'),
  rule(ID.apiOperationIdRemoved, N, 'The operationId of an operation was removed or changed (generated SDK method names change)', 'caller'),
  rule(ID.apiOperationIdAdded, N, 'An operationId was added to an operation', 'caller'),
  rule(ID.apiTagRemoved, N, 'A tag was removed from an operation', 'caller'),
  rule(ID.apiTagAdded, N, 'A tag was added to an operation', 'caller'),
];

const PATH_REMOVAL_IDS: Record<RemovalVerdict['kind'], string> = { 'without-deprecation': ID.apiPathRemovedWithoutDeprecation, 'before-sunset': ID.apiPathRemovedBeforeSunset, 'with-deprecation': ID.apiPathRemovedWithDeprecation };
const OPERATION_REMOVAL_IDS: Record<RemovalVerdict['kind'], string> = { 'without-deprecation': ID.apiRemovedWithoutDeprecation, 'before-sunset': ID.apiRemovedBeforeSunset, 'with-deprecation': ID.apiRemovedWithDeprecation };

const obj = (v: unknown) => (v ?? {}) as Record<string, unknown>;

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
      const verdict = removalVerdict(ctx, op.at, stabilityOf(op.at.node));
      const id = (pathGone ? PATH_REMOVAL_IDS : OPERATION_REMOVAL_IDS)[verdict.kind];
      const what = pathGone ? `path ${op.path} removed` : `${op.label} removed`;
      ctx.emit(id, inBase(op.at), `${what} ${verdict.why} (${op.label})`, { operation: op.label });
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
      checkLifecycle(ctx, pair.base.at, pair.revision.at, pair.base.label, pair.revision.label, sr);
    }
  }
}

function checkLifecycle(ctx: DiffContext, b: Located, r: Located, baseLabel: string, label: string, stability: Stability): void {
  const bn = obj(b.node);
  const rn = obj(r.node);
  const operation = label;
  if (bn.deprecated !== true && rn.deprecated === true) {
    checkNewDeprecation(ctx, r, label, stability);
  } else if (bn.deprecated === true && rn.deprecated !== true) {
    ctx.emit(ID.endpointReactivated, inRevision(r), `${label} is no longer deprecated`, { operation });
  }
  if (bn.deprecated === true && rn.deprecated === true) checkSunsetMoved(ctx, b, r, baseLabel, label, stability);
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
