/** Public and shared types of the breaking-change engine. */
import type { Located, SpecInput } from '../refs';

export type { Located, SpecInput };

export type ChangeLevel = 'breaking' | 'potentially-breaking' | 'non-breaking';
export type Direction = 'request' | 'response';
export type Side = 'base' | 'revision';

export interface Change {
  /** Stable kebab-case id, e.g. `request-property-max-length-decreased`. */
  id: string;
  level: ChangeLevel;
  /** `POST /orders`: method upper-case, path as written on the side the pointer refers to. */
  operation?: string;
  /** JSON pointer to the changed node: into the revision, or into the base for removals. */
  pointer: string;
  side: Side;
  /** File the pointer is in (the root uri, or a `$ref`'d file). */
  uri: string;
  message: string;
  before?: unknown;
  after?: unknown;
  direction?: Direction;
  /** The registry's level, when a per-id override (`.specgate/changes.yaml`) changed `level`. */
  defaultLevel?: ChangeLevel;
  /**
   * Removals (side `base`): the revision node the diff paired with the nearest ancestor of
   * `pointer`, and the base segments below it. Where the editor and the CLI show the removal.
   */
  revisionAnchor?: { uri: string; pointer: string; removed: string[] };
  /** Workflow steps in the workspace this change breaks (Arazzo impact tracing). */
  workflows?: Array<{ arazzoUri: string; workflowId: string; stepId: string; reason: string; fieldPointer: string }>;
  /** The level before a workflow in the workspace raised it to breaking. */
  escalatedFrom?: ChangeLevel;
}

export type SemverBump = 'major' | 'minor' | 'patch' | 'none';

export interface DiffResult {
  changes: Change[];
  summary: { breaking: number; potentiallyBreaking: number; nonBreaking: number };
  semver: {
    required: SemverBump;
    baseVersion?: string;
    revisionVersion?: string;
    actual?: SemverBump | 'invalid';
    sufficient: boolean;
  };
}

export interface DiffOptions {
  /** How deep nested schemas are reported per operation (default 64). */
  maxDepth?: number;
  /** "Now" for sunset-date checks, ms since epoch (default Date.now()). */
  now?: number;
  /** Per-id levels from `.specgate/changes.yaml` (see overrides.ts); applied before summary and semver. */
  levels?: ReadonlyMap<string, ChangeLevel | 'none'>;
  /**
   * Minimum days between deprecating an operation and its `x-sunset`, per stability level (oasdiff's
   * --deprecation-days-stable / --deprecation-days-beta). 0 (the default) enforces no window.
   */
  deprecationDays?: { stable?: number; beta?: number };
}

/** Metadata every change id carries; docs and hovers are generated from it. */
export interface ChangeRule {
  id: string;
  level: ChangeLevel;
  title: string;
  whoBreaks: string;
  whatToDo: string;
  description: string;
  /** Why this level, from the consumer's side, and where a well-known peer decides otherwise. */
  rationale?: string;
}
