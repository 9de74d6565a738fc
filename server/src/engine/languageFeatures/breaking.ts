import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { BaselineState } from '../baseline/baseline';
import { changeRegistry, changeDocUrl, Change, ChangeLevel, CHANGE_OVERRIDES_FILE } from '../diff';
import type { BreakingAnalysis } from '../analysis/breakingAnalysis';
import type { SpecgateSettings } from '../settings';
import { SEVERITY } from './diagnostics';
import { splitPointer, joinPointer } from '../jsonPointer';
import { audienceMarkdown, type Audience } from '../catalog/audience';
import { basenameUri } from '../uri';

export type { BreakingAnalysis } from '../analysis/breakingAnalysis';

const LEVEL_RANK: Record<ChangeLevel, number> = { breaking: 0, 'potentially-breaking': 1, 'non-breaking': 2 };

/** The changes shown in the editor: at or above `minLevel`. */
export function visibleChanges(analysis: BreakingAnalysis, settings: SpecgateSettings): Change[] {
  if (!settings.breaking.enabled) return [];
  return analysis.changes.filter((c) => LEVEL_RANK[c.level] <= LEVEL_RANK[settings.breaking.minLevel]);
}

/**
 * Where a change is shown: the changed node itself, or for removals (pointers into the base)
 * the revision node the diff paired with its nearest ancestor (parameter by name and `in`,
 * response by status code, media type, schema property), followed down by key while the path
 * still exists. Array positions are never followed: after an insertion they point elsewhere.
 */
export function changeAnchor(doc: ParsedDocument, change: Change): { pointer: string; removed?: string } {
  if (change.side === 'revision' && doc.nodeAt(change.pointer)) return { pointer: change.pointer };
  const paired = change.revisionAnchor && change.revisionAnchor.uri === doc.uri ? change.revisionAnchor : undefined;
  const start = paired ? splitPointer(paired.pointer) : [];
  const rest = paired ? paired.removed : splitPointer(change.pointer);
  if (paired && !doc.nodeAt(paired.pointer)) return { pointer: '' };
  let depth = 0;
  while (depth < rest.length && !/^\d+$/.test(rest[depth]) && doc.nodeAt(joinPointer('', ...start, ...rest.slice(0, depth + 1)))) depth++;
  // Unpaired (e.g. a removed path): from the root down, by key.
  const pointer = joinPointer('', ...start, ...rest.slice(0, depth));
  return depth === rest.length ? { pointer } : { pointer, removed: rest.slice(depth).join('/') };
}

/** One diagnostic per change, on its node, in the file the change belongs to. */
export function breakingDiagnostics(doc: ParsedDocument, analysis: BreakingAnalysis, settings: SpecgateSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const change of visibleChanges(analysis, settings)) {
    if (change.uri !== doc.uri) continue;
    const severity = settings.breaking.severity[change.level];
    if (severity === 'off') continue;
    const anchor = changeAnchor(doc, change);
    const range = doc.rangeOf(anchor.pointer, 'key') ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    out.push({
      range,
      severity: SEVERITY[severity],
      code: change.id,
      codeDescription: { href: changeDocUrl(change.id) },
      source: 'specgate',
      message: `${levelLabel(change.level)}${change.operation ? ` (${change.operation})` : ''}: ${change.message}`,
      data: { kind: 'breaking', id: change.id, pointer: change.pointer, side: change.side, level: change.level, uri: change.uri },
    });
  }
  return out;
}

export function levelLabel(level: ChangeLevel): string {
  return level === 'breaking' ? 'Breaking change' : level === 'potentially-breaking' ? 'Potentially breaking change' : 'Non-breaking change';
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

/** Hover for a changed node: before → after, who breaks, what to do, and the docs link. */
export function breakingHover(doc: ParsedDocument, analysis: BreakingAnalysis, settings: SpecgateSettings, position: Position, audience?: Audience,
  /** Guide pages that show what the changes touch (docs drift), one line each. */
  guideNotes?: (changes: Change[]) => string[]): Hover | undefined {
  const offset = doc.textDocument.offsetAt(position);
  const here = visibleChanges(analysis, settings).filter((change) => {
    if (change.uri !== doc.uri) return false;
    const range = doc.rangeOf(changeAnchor(doc, change).pointer, 'key');
    if (!range) return false;
    return offset >= doc.textDocument.offsetAt(range.start) && offset <= doc.textDocument.offsetAt(range.end);
  });
  if (here.length === 0) return undefined;
  const byId = new Map<string, Change[]>();
  // Per id and level: a change a workflow raised to breaking is shown apart from the same change elsewhere.
  for (const c of here) byId.set(`${c.id}|${c.level}`, [...(byId.get(`${c.id}|${c.level}`) ?? []), c]);
  const sections: string[] = [];
  for (const changes of byId.values()) {
    const id = changes[0].id;
    const rule = changeRegistry.get(id);
    const first = changes[0];
    const operations = [...new Set(changes.map((c) => c.operation).filter(Boolean))];
    const lines = [
      `**${levelLabel(first.level)}** \`${id}\` (against ${baselineLabel(analysis.baseline)})`,
      '',
      first.message,
      '',
      `**Before → after:** \`${show(first.before)}\` → \`${show(first.after)}\``,
    ];
    if (first.defaultLevel) lines.push('', `Level set by \`${CHANGE_OVERRIDES_FILE}\` (default: ${levelLabel(first.defaultLevel)}).`);
    if (rule) lines.push('', `**Who breaks:** ${rule.whoBreaks}`);
    if (operations.length > 0) lines.push('', `**Operations:** ${operations.slice(0, 10).join(', ')}${operations.length > 10 ? ` and ${operations.length - 10} more` : ''}`);
    const workflows = changes.flatMap((c) => c.workflows ?? []);
    if (workflows.length > 0) {
      const raised = first.escalatedFrom ? ` (${levelLabel(first.escalatedFrom).toLowerCase()} for a generic client; breaking for these workflows)` : '';
      lines.push('', `**Breaks workflows${raised}:**`, ...workflows.map((w) => `- ${w.reason} ([${basenameUri(w.arazzoUri)}](${w.arazzoUri}))`));
    }
    if (rule) lines.push('', `**What to do instead:** ${rule.whatToDo}`);
    if (audience && first.level !== 'non-breaking') lines.push('', audienceMarkdown(audience));
    const guides = guideNotes?.(changes) ?? [];
    if (guides.length > 0) lines.push('', `**Guides to update:** ${guides.join('; ')}`);
    lines.push('', `[Documentation for ${id}](${changeDocUrl(id)})`);
    sections.push(lines.join('\n'));
  }
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

export function baselineLabel(baseline: BaselineState): string {
  return baseline.kind === 'ok' ? `${baseline.ref} (${baseline.revision.slice(0, 7)})` : baseline.ref;
}

/** Hover on `info.version`: the bump the changes need, with counts per level. */
export function versionHover(analysis: BreakingAnalysis): Hover | undefined {
  if (!analysis.result) {
    return analysis.baseline.kind === 'ok' ? undefined : { contents: { kind: 'markdown', value: `**Specgate:** no baseline. ${analysis.baseline.message}` } };
  }
  const counts = { breaking: 0, 'potentially-breaking': 0, 'non-breaking': 0 } as Record<ChangeLevel, number>;
  for (const c of analysis.changes) counts[c.level]++;
  const s = analysis.result.semver;
  const verdict = s.baseVersion !== undefined && s.revisionVersion !== undefined
    ? `\`${s.baseVersion}\` → \`${s.revisionVersion}\` is ${s.actual ?? 'unknown'}: ${s.sufficient ? '**sufficient**' : `**not sufficient**, a ${s.required} bump is needed`}.`
    : '';
  const value = [
    `**Required version bump: ${s.required}** (against ${baselineLabel(analysis.baseline)})`,
    '',
    `${counts.breaking} breaking, ${counts['potentially-breaking']} potentially breaking, ${counts['non-breaking']} non-breaking change(s).`,
    verdict ? '\n' + verdict : '',
  ].join('\n');
  return { contents: { kind: 'markdown', value } };
}
