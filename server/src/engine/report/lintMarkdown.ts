/**
 * `specgate lint --format markdown`: the gate (new findings) and the debt (legacy findings, already
 * published in the baseline, summarised per rule) as two sections, for a pull request or a planning page.
 */
import { isLegacy, legacyDebt } from '../analysis/legacy';
import { messageText, severityName, type LintEntry } from './lintReport';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function lintMarkdown(entries: readonly LintEntry[], baselineRef?: string): string {
  const fresh = entries.filter((e) => !isLegacy(e.diagnostic));
  const legacy = entries.filter((e) => isLegacy(e.diagnostic));
  const lines: string[] = ['# Specgate lint', ''];
  lines.push(baselineRef ? `## New findings (not in ${baselineRef}): ${fresh.length}` : `## Findings: ${fresh.length}`, '');
  if (fresh.length > 0) {
    lines.push('| file | line | severity | rule | message |', '|---|---:|---|---|---|');
    for (const { file, diagnostic: d } of fresh) {
      lines.push(`| ${cell(file)} | ${d.range.start.line + 1} | ${severityName(d)} | ${cell(String(d.code ?? ''))} | ${cell(messageText(d))} |`);
    }
    lines.push('');
  }
  if (baselineRef) {
    lines.push(`## Legacy debt (already published in ${baselineRef}): ${legacy.length}`, '');
    const debt = legacyDebt(legacy.map((e) => e.diagnostic));
    if (debt.length > 0) {
      lines.push('Renaming a published element breaks its clients: plan these separately; they do not gate.', '');
      lines.push('| rule | findings |', '|---|---:|', ...debt.map((r) => `| ${r.code} | ${r.count} |`), '');
    }
  }
  return lines.join('\n');
}
