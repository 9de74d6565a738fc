/**
 * The built-in style guide: every rule is registered here, and `runStyleRules` runs them.
 *
 * Error handling: a rule that throws is skipped — its findings so far are dropped, the other rules
 * still run. Pass an `errors` array as the fourth argument to learn which rule failed and why.
 */
import type { SeverityName } from '../types';
import {
  acronymCasing,
  enumCasing,
  operationIdCasing,
  operationIdUnique,
  parameterCasing,
  pathSegmentCasing,
  preferredTerms,
  propertyCasing,
  schemaNameCasing,
} from './rules/naming';
import { dataClassification, timestampFormat } from './rules/schemas';
import {
  authErrorResponses,
  noApiKeyInQuery,
  operationSecurityDefined,
  rateLimitResponses,
  securitySchemeDefined,
} from './rules/security';
import { refCycle } from './rules/refCycle';
import type { RuleFinding, SpecFormat, StyleRule } from './types';
import { checkRenameFixes } from './fixCheck';
import { runRulesInEntryOrder, type StyleMemo } from './incrementalStyle';

export const RULE_DOCS_BASE = 'https://github.com/specgate/specgate/blob/main/docs/rules/';

/** Every built-in rule, in the order findings are produced. */
export const styleRules: StyleRule<any>[] = [
  propertyCasing,
  acronymCasing,
  parameterCasing,
  pathSegmentCasing,
  operationIdCasing,
  operationIdUnique,
  schemaNameCasing,
  enumCasing,
  preferredTerms,
  timestampFormat,
  operationSecurityDefined,
  securitySchemeDefined,
  noApiKeyInQuery,
  authErrorResponses,
  rateLimitResponses,
  dataClassification,
  refCycle,
];

export interface StyleRuleConfig {
  severity: SeverityName | 'off';
  options?: Record<string, unknown>;
}

export interface StyleFinding extends RuleFinding {
  ruleId: string;
  severity: SeverityName;
}

export interface StyleRuleError {
  ruleId: string;
  error: unknown;
}

export type StyleConfig = Record<string, StyleRuleConfig | SeverityName | 'off'>;

const SEVERITIES: ReadonlyArray<SeverityName | 'off'> = ['error', 'warn', 'info', 'hint', 'off'];

export function getStyleRule(id: string): StyleRule<any> | undefined {
  return styleRules.find((r) => r.id === id);
}

/** Documentation URL of a built-in rule. */
export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

export interface ResolvedRule {
  rule: StyleRule<any>;
  severity: SeverityName;
  options: Record<string, unknown>;
}

/**
 * Effective severity and options of every enabled rule. Unknown rule ids and invalid severities
 * in the config are ignored; options are shallow-merged over the rule's defaults (`undefined`
 * values do not override).
 */
export function resolveStyleRules(config: StyleConfig = {}): ResolvedRule[] {
  const out: ResolvedRule[] = [];
  for (const rule of styleRules) {
    const entry: unknown = Object.prototype.hasOwnProperty.call(config ?? {}, rule.id) ? config[rule.id] : undefined;
    let severity: SeverityName | 'off' | undefined;
    let userOptions: unknown;
    if (typeof entry === 'string') severity = entry as SeverityName | 'off';
    else if (entry && typeof entry === 'object') {
      severity = (entry as StyleRuleConfig).severity;
      userOptions = (entry as StyleRuleConfig).options;
    }
    if (!SEVERITIES.includes(severity as SeverityName)) severity = undefined;
    if (severity === 'off') continue;
    if (severity === undefined && rule.enabledByDefault === false) continue;
    const options: Record<string, unknown> = { ...rule.defaultOptions };
    if (userOptions && typeof userOptions === 'object' && !Array.isArray(userOptions)) {
      for (const [k, v] of Object.entries(userOptions)) if (v !== undefined) options[k] = v;
    }
    out.push({ rule, severity: severity ?? rule.defaultSeverity, options });
  }
  return out;
}

/**
 * Run the built-in rules that apply to `format`. Never throws. Rename fixes that would be flagged are not offered.
 * With a `memo` (the previous versions of this document, see incrementalStyle.ts) only what an edit changed runs
 * again; the result is the same.
 */
export function runStyleRules(
  document: unknown,
  format: SpecFormat,
  config?: StyleConfig,
  errors?: StyleRuleError[],
  memo?: StyleMemo,
): StyleFinding[] {
  const all = resolveStyleRules(config);
  const rules = all.filter((r) => r.rule.formats.includes(format));
  const run = (doc: unknown, slot: string, errs?: StyleRuleError[]) =>
    memo ? memo.run(slot, doc, format, rules, all, errs) : runRulesInEntryOrder(doc, format, rules, all, errs);
  const findings = memo ? memo.runDocument(document, format, rules, all, errors) : run(document, 'document', errors);
  return checkRenameFixes(
    document,
    findings,
    (renamed, round) => run(renamed, `renamed:${round}`),
    memo ? (doc, renames, round) => memo.applyRenames(`renamed:${round}`, doc, format, renames) : undefined,
  );
}
