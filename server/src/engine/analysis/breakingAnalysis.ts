import type { BaselineState } from '../baseline/baseline';
import { isAccepted, AcceptedChange } from '../baseline/accepted';
import { diffSpecs, summarize, Change, DiffOptions, DiffResult } from '../diff';
import { semverVerdict } from '../diff/semver';
import type { SpecInput } from '../refs';

export interface BreakingAnalysis {
  baseline: BaselineState;
  /** Undefined when there is no baseline to compare with. Changes, summary and semver exclude accepted changes. */
  result?: DiffResult;
  /** Changes after removing accepted ones (the same list as `result.changes`). */
  changes: Change[];
}

/**
 * Compares two spec graphs and drops the changes a team accepted against `acceptedAt` (the
 * baseline commit); the summary and the semver bump are computed from what remains, so the
 * editor's hover and status bar and `specgate diff` all report the same bump.
 */
export function compareSpecs(base: SpecInput, revision: SpecInput, accepted: AcceptedChange[] = [], acceptedAt = '', options: DiffOptions = {}): DiffResult {
  const result = diffSpecs(base, revision, options);
  if (accepted.length === 0) return result;
  const changes = result.changes.filter((c) => !isAccepted(c, acceptedAt, accepted));
  if (changes.length === result.changes.length) return result;
  return {
    changes,
    summary: summarize(changes),
    semver: semverVerdict(changes, base.documents.get(base.uri), revision.documents.get(revision.uri)),
  };
}

/** A spec graph against its git baseline, for the editor and `specgate diff --base`. */
export function analyzeBreaking(baseline: BaselineState, revision: SpecInput, accepted: AcceptedChange[], options: DiffOptions = {}): BreakingAnalysis {
  if (baseline.kind !== 'ok') return { baseline, changes: [] };
  const result = compareSpecs(baseline.input, revision, accepted, baseline.revision, options);
  return { baseline, result, changes: result.changes };
}

/**
 * The result after workflow tracing replaced its changes (some raised to breaking): the summary and
 * the semver bump follow, so a change a workflow breaks counts as breaking everywhere.
 */
export function withTracedChanges(result: DiffResult, changes: Change[], base: SpecInput, revision: SpecInput): DiffResult {
  const escalated = changes.some((c) => c.escalatedFrom);
  return {
    ...result,
    changes,
    summary: summarize(changes),
    semver: escalated ? semverVerdict(changes, base.documents.get(base.uri), revision.documents.get(revision.uri)) : result.semver,
  };
}
