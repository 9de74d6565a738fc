import type { BreakingAnalysis } from '../engine/analysis/breakingAnalysis';
import type { BaselineReport } from '../node/analysisWorkerProtocol';
import { NO_BASELINE_COMMIT } from './baselineFollower';

/** The `specgate/baseline` notification for an analysis, and the commit the baseline follower records. */
export function baselineReport(uri: string, analysis: BreakingAnalysis): { report: BaselineReport; commit: string } {
  const count = (level: string) => analysis.changes.filter((c) => c.level === level).length;
  return {
    // Without a baseline (untracked file, refused document) the poll records the commit it sees
    // first, so an unchanged HEAD never re-schedules an idle document.
    commit: analysis.baseline.kind === 'ok' ? analysis.baseline.revision : NO_BASELINE_COMMIT,
    report: {
      uri,
      ref: analysis.baseline.ref,
      revision: analysis.baseline.kind === 'ok' ? analysis.baseline.revision : undefined,
      state: analysis.baseline.kind,
      message: analysis.baseline.kind === 'ok' ? undefined : analysis.baseline.message,
      breaking: count('breaking'),
      potentiallyBreaking: count('potentially-breaking'),
      nonBreaking: count('non-breaking'),
      semver: analysis.result?.semver.required,
    },
  };
}
