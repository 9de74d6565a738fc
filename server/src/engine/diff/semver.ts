/**
 * Semver policy: any breaking change needs a major bump; potentially-breaking
 * changes and non-breaking additions (new operations, fields, values) a minor
 * one; other non-breaking changes (deprecations, relaxed constraints, docs) a
 * patch. In 0.x versions a minor bump is enough for breaking changes, as semver
 * allows.
 */
import type { Change, DiffResult, SemverBump } from './types';

const RANK: Record<SemverBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const ADDITION = /(^new-|-added$|^endpoint-added$|-added-|-became-optional$|-widened$|-generalized$)/;

export function requiredBump(changes: Change[]): SemverBump {
  let bump: SemverBump = 'none';
  for (const c of changes) {
    const need: SemverBump = c.level === 'breaking' ? 'major' : c.level === 'potentially-breaking' || ADDITION.test(c.id) ? 'minor' : 'patch';
    if (RANK[need] > RANK[bump]) bump = need;
  }
  return bump;
}

function parse(version: string): [number, number, number] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function actualBump(base: string, revision: string): SemverBump | 'invalid' {
  const b = parse(base);
  const r = parse(revision);
  if (!b || !r) return 'invalid';
  for (let i = 0; i < 3; i++) {
    if (r[i] > b[i]) return (['major', 'minor', 'patch'] as const)[i];
    if (r[i] < b[i]) return 'invalid';
  }
  return 'none';
}

const versionOf = (root: unknown): string | undefined => {
  const info = (root as { info?: { version?: unknown } } | undefined)?.info;
  return info && (typeof info.version === 'string' || typeof info.version === 'number') ? String(info.version) : undefined;
};

export function semverVerdict(changes: Change[], baseRoot: unknown, revisionRoot: unknown): DiffResult['semver'] {
  const required = requiredBump(changes);
  const baseVersion = versionOf(baseRoot);
  const revisionVersion = versionOf(revisionRoot);
  const result: DiffResult['semver'] = { required, sufficient: required === 'none' };
  if (baseVersion !== undefined) result.baseVersion = baseVersion;
  if (revisionVersion !== undefined) result.revisionVersion = revisionVersion;
  if (baseVersion === undefined || revisionVersion === undefined) return result;
  const actual = actualBump(baseVersion, revisionVersion);
  result.actual = actual;
  if (actual !== 'invalid') {
    const zeroMajor = parse(baseVersion)?.[0] === 0;
    const needed = zeroMajor && required === 'major' ? 'minor' : required;
    result.sufficient = RANK[actual] >= RANK[needed];
  } else result.sufficient = required === 'none';
  return result;
}
