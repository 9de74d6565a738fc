import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { BaselineState } from '../baseline/baseline';
import { diffSpecs, changeRegistry, changeDocUrl, Change, ChangeLevel, DiffResult } from '../diff';
import type { SpecInput } from '../refs';
import type { SpecgateSettings } from '../settings';
import { SEVERITY } from './diagnostics';
import { isAccepted, AcceptedChange } from '../baseline/accepted';
import { splitPointer, joinPointer } from '../types';

export interface BreakingAnalysis {
  baseline: BaselineState;
  /** Undefined when there is no baseline to compare with. */
  result?: DiffResult;
  /** Changes after removing accepted ones. */
  changes: Change[];
}

const LEVEL_RANK: Record<ChangeLevel, number> = { breaking: 0, 'potentially-breaking': 1, 'non-breaking': 2 };

export function analyzeBreaking(baseline: BaselineState, revision: SpecInput, accepted: AcceptedChange[]): BreakingAnalysis {
  if (baseline.kind !== 'ok') return { baseline, changes: [] };
  const result = diffSpecs(baseline.input, revision);
  const changes = result.changes.filter((c) => !isAccepted(c, baseline.revision, accepted));
  return { baseline, result, changes };
}

/** The changes shown in the editor: at or above `minLevel`. */
export function visibleChanges(analysis: BreakingAnalysis, settings: SpecgateSettings): Change[] {
  if (!settings.breaking.enabled) return [];
  return analysis.changes.filter((c) => LEVEL_RANK[c.level] <= LEVEL_RANK[settings.breaking.minLevel]);
}

/**
 * Where a change is shown: the changed node itself, or for removals (pointers into the base)
 * the nearest parent that still exists in the revision.
 */
export function changeAnchor(doc: ParsedDocument, change: Change): { pointer: string; removed?: string } {
  if (change.side === 'revision' && doc.nodeAt(change.pointer)) return { pointer: change.pointer };
  const segments = splitPointer(change.pointer);
  for (let i = segments.length - 1; i >= 0; i--) {
    const parent = joinPointer('', ...segments.slice(0, i));
    if (doc.nodeAt(parent)) return { pointer: parent, removed: segments.slice(i).join('/') };
  }
  return { pointer: '' };
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
export function breakingHover(doc: ParsedDocument, analysis: BreakingAnalysis, settings: SpecgateSettings, position: Position,
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
  for (const c of here) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  const sections: string[] = [];
  for (const [id, changes] of byId) {
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
    if (rule) lines.push('', `**Who breaks:** ${rule.whoBreaks}`);
    if (operations.length > 0) lines.push('', `**Operations:** ${operations.slice(0, 10).join(', ')}${operations.length > 10 ? ` and ${operations.length - 10} more` : ''}`);
    if (rule) lines.push('', `**What to do instead:** ${rule.whatToDo}`);
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
