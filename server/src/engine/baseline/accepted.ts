import * as YAML from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Change } from '../diff';
import { joinUri } from '../uri';

/** The file where a team records breaking changes it accepted; reviewed in pull requests. */
export const ACCEPTED_FILE = '.specgate/accepted.yaml';

export interface AcceptedChange {
  id: string;
  pointer: string;
  /** Absolute file URI of the spec the change is in. */
  fileUri: string;
  /** Commit the change was accepted against; absent means any baseline. */
  baseline?: string;
  reason?: string;
}

/** Reads `.specgate/accepted.yaml`; entries with missing fields are ignored, never fatal. */
export function parseAccepted(text: string | undefined, folderUri: string): AcceptedChange[] {
  if (!text) return [];
  let value: unknown;
  try {
    value = YAML.parse(text, { maxAliasCount: 100 });
  } catch {
    return [];
  }
  const list = (value as { accepted?: unknown } | null)?.accepted;
  if (!Array.isArray(list)) return [];
  const out: AcceptedChange[] = [];
  for (const entry of list) {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e.id !== 'string' || typeof e.pointer !== 'string' || typeof e.file !== 'string') continue;
    out.push({
      id: e.id,
      pointer: e.pointer,
      fileUri: joinUri(folderUri, e.file.replace(/^\.\//, '')),
      baseline: typeof e.baseline === 'string' ? e.baseline : undefined,
      reason: typeof e.reason === 'string' ? e.reason : undefined,
    });
  }
  return out;
}

export function isAccepted(change: Change, baselineRevision: string, accepted: AcceptedChange[]): boolean {
  return accepted.some(
    (a) => a.id === change.id && a.pointer === change.pointer && a.fileUri === change.uri && (!a.baseline || baselineRevision.startsWith(a.baseline)),
  );
}

/**
 * The text edit that records one accepted change: appended to the existing file, or the
 * whole new file. The reason is a placeholder the author replaces before review.
 */
export function acceptEdit(existing: string | undefined, change: Change, relativeFile: string, baselineRevision: string): { text: string; edit: TextEdit } {
  const entry = [
    `  - id: ${change.id}`,
    `    file: ${JSON.stringify(relativeFile)}`,
    `    pointer: ${JSON.stringify(change.pointer)}`,
    `    baseline: ${baselineRevision}`,
    `    reason: "TODO: why breaking ${change.operation ?? 'consumers'} is acceptable"`,
    '',
  ].join('\n');
  if (!existing || !/^accepted:/m.test(existing)) {
    const text = `# Breaking changes accepted by the team (Specgate). Each needs a reason; reviewed in pull requests.\naccepted:\n${entry}`;
    const lines = (existing ?? '').split('\n');
    return { text, edit: { range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText: text } };
  }
  const lines = existing.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const prefix = existing.endsWith('\n') ? '' : '\n';
  return { text: existing + prefix + entry, edit: { range: { start: end, end }, newText: prefix + entry } };
}
