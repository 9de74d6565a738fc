import type { SeverityName, SeveritySetting } from './types';

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

/** Every setting the engine reads. The client sends `specgate.*`; the CLI builds these from flags. */
export interface SpecgateSettings {
  /** A ruleset file to use instead of the discovered `.spectral.*` (absolute, or relative to the workspace folder). */
  ruleset: string;
  /** Run Spectral (the default `spectral:oas`/`spectral:arazzo` rulesets or the workspace ruleset). */
  spectralEnabled: boolean;
  /** Longest one Spectral run may take before the worker is stopped (a custom function that never returns). */
  spectralTimeoutMs: number;
  /** Run Specgate's built-in style guide. */
  styleGuideEnabled: boolean;
  /** Per built-in rule: a severity, `off`, or `{ severity, options }`. */
  rules: Record<string, SeveritySetting | RuleSetting>;
  /** Fetch `http(s)` `$ref`s and remote ruleset `extends`. Off by default. */
  allowRemoteReferences: boolean;
  /** Read local `$ref`s that leave the workspace folder (see engine/refs/containment.ts). Off by default. */
  allowReferencesOutsideWorkspace: boolean;
  /** Above this size Spectral runs on save or on command only; the fast layer stays live. */
  largeFileThresholdKB: number;
  /**
   * Above this size an open document is analysed in a background thread of the server, never parsed
   * in the thread that answers requests (issue 18: a 50 MB spec must not stall other files).
   */
  backgroundAnalysisThresholdKB: number;
  maxNestingDepth: number;
  maxAliasCount: number;
  /** Most files followed through `$ref` from one document. */
  maxReferencedFiles: number;
  debounceMs: number;
  /** Git revision the breaking-change engine compares with. */
  baseline: string;
  breaking: BreakingSettings;
  /** Workspace paths the index skips (gitignore-style globs, relative to the workspace folder), besides `.gitignore`d ones. */
  exclude: string[];
  /** Findings on elements already published in the baseline: shown as hints, hidden, or at their own severity. */
  legacyFindings: 'hint' | 'hide' | 'same';
  /** Markdown guides checked against the APIs: globs relative to the workspace folder (empty include: the defaults). */
  docs: { include: string[]; exclude: string[] };
  /** Code lenses: "N references" above each component. */
  codeLens: { references: boolean };
}

export interface BreakingSettings {
  enabled: boolean;
  /** Changes below this level are not shown in the editor. */
  minLevel: 'breaking' | 'potentially-breaking' | 'non-breaking';
  /** Diagnostic severity per level. */
  severity: { breaking: SeveritySetting; 'potentially-breaking': SeveritySetting; 'non-breaking': SeveritySetting };
  /** Minimum days between deprecation and `x-sunset` for stable / beta operations (oasdiff's flags); 0: none. */
  deprecationDaysStable: number;
  deprecationDaysBeta: number;
}

export const DEFAULT_SETTINGS: SpecgateSettings = {
  ruleset: '',
  spectralEnabled: true,
  spectralTimeoutMs: 60_000,
  styleGuideEnabled: true,
  rules: {},
  allowRemoteReferences: false,
  allowReferencesOutsideWorkspace: false,
  largeFileThresholdKB: 2048,
  backgroundAnalysisThresholdKB: 16384,
  maxNestingDepth: 256,
  maxAliasCount: 10_000,
  maxReferencedFiles: 200,
  debounceMs: 250,
  baseline: 'HEAD',
  breaking: {
    enabled: true,
    minLevel: 'potentially-breaking',
    severity: { breaking: 'warn', 'potentially-breaking': 'warn', 'non-breaking': 'info' },
    deprecationDaysStable: 0,
    deprecationDaysBeta: 0,
  },
  exclude: [],
  legacyFindings: 'hint',
  docs: { include: [], exclude: [] },
  codeLens: { references: false },
};

export function mergeSettings(partial: unknown): SpecgateSettings {
  return mergeInto(DEFAULT_SETTINGS, partial) as SpecgateSettings;
}

/** Copies values whose type matches the default's, recursing into nested setting groups. */
function mergeInto(defaults: object, partial: unknown): object {
  const merged: Record<string, unknown> = { ...defaults };
  if (!partial || typeof partial !== 'object') return merged;
  const input = partial as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = input[key];
    if (value === undefined || value === null || typeof value !== typeof fallback) continue;
    const isGroup = typeof fallback === 'object' && fallback !== null && Object.keys(fallback).length > 0;
    merged[key] = isGroup ? mergeInto(fallback, value) : value;
  }
  return merged;
}

const SEVERITIES: readonly string[] = ['error', 'warn', 'info', 'hint', 'off'];

/** Accepts Spectral's spellings too: `warning`, `information`, booleans, 0–3. */
export function normalizeSeverity(value: unknown): SeveritySetting | undefined {
  if (value === true) return undefined;
  if (value === false) return 'off';
  if (typeof value === 'number') return (['error', 'warn', 'info', 'hint'] as SeverityName[])[value];
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  if (v === 'warning') return 'warn';
  if (v === 'information') return 'info';
  return SEVERITIES.includes(v) ? (v as SeveritySetting) : undefined;
}
