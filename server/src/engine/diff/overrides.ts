/**
 * Per-id level overrides, read from `.specgate/changes.yaml`, in the spirit of oasdiff's `--severity-levels`
 * file: a team raises `response-property-enum-value-added` to breaking (its clients use closed enums) or lowers
 * an id it does not care about. Applied inside the engine, so the editor, `specgate diff` and the semver verdict
 * all see the same levels.
 *
 * ```yaml
 * levels:
 *   response-property-enum-value-added: breaking
 *   api-tag-removed: none                 # not reported at all
 *   request-parameter-removed: WARN       # oasdiff's ERR / WARN / INFO / NONE are accepted too
 * ```
 */
import { parseValue } from '../document/parseValue';
import { changeRegistry } from './registry';
import type { Change, ChangeLevel } from './types';

export const CHANGE_OVERRIDES_FILE = '.specgate/changes.yaml';

export type OverrideLevel = ChangeLevel | 'none';
export type ChangeOverrides = ReadonlyMap<string, OverrideLevel>;

const LEVEL_NAMES: Record<string, OverrideLevel> = {
  breaking: 'breaking',
  'potentially-breaking': 'potentially-breaking',
  'non-breaking': 'non-breaking',
  none: 'none',
  err: 'breaking',
  error: 'breaking',
  warn: 'potentially-breaking',
  warning: 'potentially-breaking',
  info: 'non-breaking',
};

export interface ParsedOverrides {
  overrides: ChangeOverrides;
  /** One line per entry that was ignored, naming the id and why. */
  problems: string[];
}

/** Reads the overrides file; unknown ids and levels are reported and skipped, never fatal. */
export function parseChangeOverrides(text: string | undefined): ParsedOverrides {
  const overrides = new Map<string, OverrideLevel>();
  const problems: string[] = [];
  if (text === undefined || text.trim() === '') return { overrides, problems };
  const parsed = parseValue(CHANGE_OVERRIDES_FILE, text);
  const levels = (parsed.value as { levels?: unknown } | null | undefined)?.levels;
  if (parsed.problem) problems.push(`${CHANGE_OVERRIDES_FILE}:${parsed.problem.line + 1}: ${parsed.problem.message}`);
  else if (levels === undefined) problems.push(`${CHANGE_OVERRIDES_FILE}: expected a 'levels' map of change id to level`);
  if (!levels || typeof levels !== 'object' || Array.isArray(levels)) return { overrides, problems };
  for (const [id, raw] of Object.entries(levels as Record<string, unknown>)) {
    const level = typeof raw === 'string' ? LEVEL_NAMES[raw.trim().toLowerCase()] : undefined;
    if (!changeRegistry.has(id)) problems.push(`${CHANGE_OVERRIDES_FILE}: unknown change id '${id}' (see docs/changes/README.md)`);
    else if (!level) problems.push(`${CHANGE_OVERRIDES_FILE}: '${id}': unknown level ${JSON.stringify(raw)} (breaking, potentially-breaking, non-breaking or none)`);
    else overrides.set(id, level);
  }
  return { overrides, problems };
}

/** The changes with overridden levels (the registry level kept in `defaultLevel`); `none` removes a change. */
export function applyChangeOverrides(changes: readonly Change[], overrides: ChangeOverrides | undefined): Change[] {
  if (!overrides || overrides.size === 0) return [...changes];
  const out: Change[] = [];
  for (const change of changes) {
    const level = overrides.get(change.id);
    if (level === 'none') continue;
    out.push(level === undefined || level === change.level ? change : { ...change, level, defaultLevel: change.level });
  }
  return out;
}
