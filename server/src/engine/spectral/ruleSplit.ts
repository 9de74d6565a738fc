/**
 * One Spectral run's rules split between two threads: `specgate lint` on a large file with the style
 * guide off runs `MAIN_THREAD_RULES` in its main thread, which would otherwise wait idle for its
 * worker, and the other rules in the worker. Each thread parses and resolves the document itself.
 * The two runs' findings are disjoint by rule (the main thread keeps only its rules' findings, so the
 * parser's and resolver's findings come once, from the worker), and `mergeSplitFindings` puts them in
 * Spectral's order: the output is the single run's.
 */
import type { Ruleset } from '@stoplight/spectral-core';
import type { Diagnostic } from 'vscode-languageserver-types';
import { compareFindings } from './valueOnlyParse';

/** Which rules of a ruleset a run takes. */
export type RuleSelection = { only: ReadonlySet<string> } | { except: ReadonlySet<string> };

/**
 * Validation of media examples: on GitHub's spec about a third of the rule work, which is what makes
 * the two threads finish together (the main thread starts its rules later: its parse keeps
 * positions). docs/performance.md has the profile.
 */
export const MAIN_THREAD_RULES: ReadonlySet<string> = new Set(['oas3-valid-media-example', 'oas2-valid-media-example']);

/**
 * The ruleset a selection runs, or undefined when it runs nothing. A ruleset with `overrides` is not
 * split (Spectral builds each file's ruleset from the whole one): `except` runs all of it, `only` none.
 */
export function selectRules(ruleset: Ruleset, selection: RuleSelection | undefined): Ruleset | undefined {
  if (!selection) return ruleset;
  if (ruleset.overrides !== null) return 'except' in selection ? ruleset : undefined;
  const keep = (name: string) => ('only' in selection ? selection.only.has(name) : !selection.except.has(name));
  const rules = Object.fromEntries(Object.entries(ruleset.rules).filter(([name]) => keep(name)));
  if ('only' in selection && !Object.values(rules).some((rule) => rule.enabled)) return undefined;
  // Spectral's runner reads `rules`, an own property, and nothing private of a ruleset without overrides.
  return Object.create(ruleset, { rules: { value: rules, enumerable: true } }) as Ruleset;
}

/** Whether a finding belongs to the selection's run (`only`: not the parser's or resolver's, which the other run reports). */
export function isSelectedFinding(code: string, selection: RuleSelection | undefined): boolean {
  return !selection || !('only' in selection) || selection.only.has(code);
}

/** Both runs' findings per file, in Spectral's order (source, start, code, path). */
export function mergeSplitFindings(a: Map<string, Diagnostic[]>, b: Map<string, Diagnostic[]>): Map<string, Diagnostic[]> {
  const merged = new Map(a);
  for (const [file, list] of b) {
    const other = merged.get(file);
    merged.set(file, other ? [...other, ...list].sort(compareFindings) : list);
  }
  return merged;
}
