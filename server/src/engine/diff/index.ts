/**
 * Breaking-change engine: compares a base and a revision of an OpenAPI
 * description (3.0, 3.1, Swagger 2.0) and reports every change with an id,
 * a level, the operation, a pointer and a message. Pure: no I/O.
 */
import { checkComponents } from './checks/components';
import { isMatched, type OperationPair } from './checks/pair';
import { checkParameters } from './checks/parameters';
import { checkPaths, stabilityOf, unstable } from './checks/paths';
import { checkRequestBody } from './checks/requestBody';
import { checkResponses } from './checks/responses';
import { checkGlobalSecurity, checkOperationSecurity } from './checks/security';
import { checkOperationServers, checkServers } from './checks/servers';
import { DiffContext } from './context';
import { makeSpec, operationsOf, type OperationView } from './model';
import { changeRegistry } from './registry';
import { SchemaComparator } from './schemaDiff';
import { applyChangeOverrides } from './overrides';
import { semverVerdict } from './semver';
import type { Change, ChangeLevel, DiffOptions, DiffResult, SpecInput } from './types';

export type { Change, ChangeLevel, ChangeRule, DiffOptions, DiffResult, Direction, SemverBump, Side, SpecInput } from './types';
export { changeRegistry, changeDocUrl, CHANGE_DOCS_BASE } from './registry';
export { formatDiff } from './format';
export { diffPolicy, type DeprecationWindows } from './policy';
export { applyChangeOverrides, parseChangeOverrides, CHANGE_OVERRIDES_FILE, type ChangeOverrides } from './overrides';

const LEVEL_ORDER: Record<ChangeLevel, number> = { breaking: 0, 'potentially-breaking': 1, 'non-breaking': 2 };

export function diffSpecs(base: SpecInput, revision: SpecInput, options: DiffOptions = {}): DiffResult {
  const b = makeSpec(base);
  const r = makeSpec(revision);
  const ctx = new DiffContext(b, r, new SchemaComparator([b.docs, r.docs]), changeRegistry, options.maxDepth ?? 64, options.now ?? Date.now(), {
    stable: options.deprecationDays?.stable ?? 0,
    beta: options.deprecationDays?.beta ?? 0,
  });
  const pairs = pairOperations(operationsOf(b), operationsOf(r));
  checkPaths(ctx, pairs);
  for (const pair of pairs) {
    if (!isMatched(pair)) continue;
    ctx.pairing.record(pair.base.at, pair.revision.at);
    const stability = stabilityOf(pair.base.at.node);
    if (unstable(stability) || stability === 'invalid' || stabilityOf(pair.revision.at.node) === 'invalid') continue;
    checkParameters(ctx, pair);
    checkRequestBody(ctx, pair);
    checkResponses(ctx, pair);
    checkOperationSecurity(ctx, pair);
    checkOperationServers(ctx, pair);
  }
  checkGlobalSecurity(ctx, pairs);
  checkServers(ctx);
  checkComponents(ctx);
  const changes = sortChanges(applyChangeOverrides(ctx.changes, options.levels));
  return { changes, summary: summarize(changes), semver: semverVerdict(changes, b.root, r.root) };
}

function pairOperations(base: Map<string, OperationView>, rev: Map<string, OperationView>): OperationPair[] {
  const pairs: OperationPair[] = [];
  for (const [key, op] of base) pairs.push({ key, base: op, revision: rev.get(key) });
  for (const [key, op] of rev) if (!base.has(key)) pairs.push({ key, revision: op });
  return pairs;
}

/** Stable order: by level, then operation, then pointer. */
function sortChanges(changes: Change[]): Change[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((x, y) => LEVEL_ORDER[x.c.level] - LEVEL_ORDER[y.c.level] || (x.c.operation ?? '').localeCompare(y.c.operation ?? '') || x.i - y.i)
    .map((x) => x.c);
}

export function summarize(changes: Change[]): DiffResult['summary'] {
  const summary = { breaking: 0, potentiallyBreaking: 0, nonBreaking: 0 };
  for (const c of changes) {
    if (c.level === 'breaking') summary.breaking++;
    else if (c.level === 'potentially-breaking') summary.potentiallyBreaking++;
    else summary.nonBreaking++;
  }
  return summary;
}
