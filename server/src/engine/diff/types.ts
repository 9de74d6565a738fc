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
}

/** Metadata every change id carries; docs and hovers are generated from it. */
export interface ChangeRule {
  id: string;
  level: ChangeLevel;
  title: string;
  whoBreaks: string;
  whatToDo: string;
  description: string;
}
