import type { SeverityName } from '../types';
import type { JsonPointer } from '../jsonPointer';

/** Which OpenAPI dialect a document is; decided by a cheap sniff of its root. */
export type SpecFormat = 'oas2' | 'oas3.0' | 'oas3.1' | 'arazzo1';

/** What a finding points at: the key of the member at `pointer`, or its value. */
export type FindingTarget = 'key' | 'value';

/** A quick fix hint a rule attaches to its finding; the code-action feature turns it into edits. */
export interface FixHint {
  /** e.g. 'rename' with the proposed new name, or 'add-format'. */
  kind: string;
  [key: string]: unknown;
}

export interface RuleFinding {
  pointer: JsonPointer;
  target: FindingTarget;
  message: string;
  /** Machine-readable details for fixes (e.g. `{ kind: 'rename', newName: 'createdAt' }`). */
  fix?: FixHint;
}

export interface RuleContext<Options> {
  /** The document's root value (plain JSON data; `$ref`s are not resolved). */
  readonly document: unknown;
  readonly format: SpecFormat;
  readonly options: Options;
  report(finding: RuleFinding): void;
  /**
   * Effective options of another built-in rule, or undefined when that rule is off. Lets related
   * rules agree on one diagnostic per name (e.g. the casing rule leaves glossary terms alone).
   * Absent when a rule is run outside the registry: rules then assume the other rules' defaults.
   */
  optionsOf?(ruleId: string): unknown;
  /**
   * Present when the caller runs the rules on successive versions of one document whose value is a tree
   * (no object reached twice) that nothing mutates: the rule may keep what it derives from an object here,
   * keyed by that object, and reuse it on a later version that still holds the object.
   */
  readonly crossVersion?: WeakMap<object, unknown>;
}

/**
 * What a rule's findings depend on, so an edit re-runs only what it can change (style/incrementalStyle.ts):
 * - `entry`: a finding under one path item (`/paths/{p}`) or one named schema (`/components/schemas/{s}`,
 *   `/definitions/{s}`) depends only on that entry, on the naming tallies (document-wide casing and acronym
 *   votes, `rules/naming.ts`) and, of the rest of the document, on the root `security` and the security
 *   schemes only (incrementalStyle.ts `READ_BY_ENTRY_RULES`); a finding elsewhere depends only on the rest
 *   and the tallies. Never follows a `$ref`.
 * - `document`: anything else (uniqueness across entries, `$ref` chains); re-run on every version.
 */
export type RuleScope = 'entry' | 'document';

/**
 * A built-in style rule: data plus one small function. Registered in `style/registry.ts`.
 * Documentation lives in `docs/rules/<id>.md`.
 */
export interface StyleRule<Options = Record<string, unknown>> {
  id: string;
  /** One line: what it catches. */
  description: string;
  defaultSeverity: SeverityName;
  /** Off unless the user enables it (e.g. rate-limit headers). */
  enabledByDefault?: boolean;
  formats: SpecFormat[];
  defaultOptions: Options;
  scope: RuleScope;
  check(context: RuleContext<Options>): void;
}
