import type { Diagnostic } from 'vscode-languageserver-types';
import { RULE_DOCS_BASE } from '../style/registry';

export const SUPPRESSION_RULE_ID = 'specgate-suppression-reason';
const DIRECTIVE = /#\s*specgate-disable-next-line\b(.*)$/;

interface Suppression {
  /** The line the directive silences (the one after the comment). */
  line: number;
  ruleIds: Set<string>;
}

/**
 * Reads `# specgate-disable-next-line <rule-id>[, <rule-id>] -- <reason>` comments.
 * Returns the suppressions and a finding for each directive that gives no reason.
 */
export function parseSuppressions(text: string): { suppressions: Suppression[]; problems: Diagnostic[] } {
  const suppressions: Suppression[] = [];
  const problems: Diagnostic[] = [];
  if (!text.includes('specgate-disable-next-line')) return { suppressions, problems };
  const lines = text.split('\n');
  lines.forEach((lineText, line) => {
    const m = DIRECTIVE.exec(lineText);
    if (!m) return;
    const [idsPart, ...reasonParts] = m[1].split(/\s--\s?|\s--$/);
    const reason = reasonParts.join(' -- ').trim();
    const ruleIds = new Set(idsPart.split(/[\s,]+/).filter(Boolean));
    const start = { line, character: m.index };
    const end = { line, character: lineText.replace(/\r$/, '').length };
    if (ruleIds.size === 0 || !reason) {
      problems.push({
        range: { start, end },
        severity: 2,
        code: SUPPRESSION_RULE_ID,
        codeDescription: { href: `${RULE_DOCS_BASE}${SUPPRESSION_RULE_ID}.md` },
        source: 'specgate',
        message: ruleIds.size === 0
          ? 'Suppression names no rule: write `# specgate-disable-next-line <rule-id> -- <reason>`.'
          : 'Suppression without a reason: add ` -- <why this is acceptable>` so reviewers can judge it.',
      });
    }
    // A directive without a reason still silences its rule; its own finding keeps it visible.
    if (ruleIds.size > 0) suppressions.push({ line: line + 1, ruleIds });
  });
  return { suppressions, problems };
}

export function applySuppressions(diagnostics: Diagnostic[], suppressions: Suppression[]): Diagnostic[] {
  if (suppressions.length === 0) return diagnostics;
  const byLine = new Map<number, Set<string>>();
  for (const s of suppressions) byLine.set(s.line, new Set([...(byLine.get(s.line) ?? []), ...s.ruleIds]));
  return diagnostics.filter((d) => {
    const ids = byLine.get(d.range.start.line);
    return !ids || !(ids.has(String(d.code)) || ids.has('all'));
  });
}
