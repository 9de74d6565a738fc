import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import type { BreakingAnalysis } from './breaking';
import { ACCEPTED_FILE, acceptEdit } from '../baseline/accepted';
import { joinUri } from '../uri';

interface BreakingData { kind: 'breaking'; id: string; pointer: string; uri: string }

function isBreakingData(data: unknown): data is BreakingData {
  return !!data && typeof data === 'object' && (data as BreakingData).kind === 'breaking';
}

/** Whether any of the diagnostics is a breaking-change finding (one an accept action is for). */
export function hasBreakingFindings(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => isBreakingData(d.data));
}

/**
 * "Accept this breaking change": records the change in `.specgate/accepted.yaml` (keyed by
 * id, file, pointer and baseline commit) with a reason placeholder, so it stops being
 * reported and the acceptance is reviewed in the pull request.
 */
export function acceptBreakingActions(
  diagnostics: Diagnostic[],
  analysis: BreakingAnalysis,
  folderUri: string,
  existingAcceptedText: string | undefined,
): CodeAction[] {
  if (analysis.baseline.kind !== 'ok') return [];
  const revision = analysis.baseline.revision;
  const actions: CodeAction[] = [];
  let text = existingAcceptedText;
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data;
    if (!isBreakingData(data)) continue;
    const change = analysis.changes.find((c) => c.id === data.id && c.pointer === data.pointer && c.uri === data.uri);
    if (!change) continue;
    const relative = change.uri.startsWith(folderUri + '/') ? decodeURIComponent(change.uri.slice(folderUri.length + 1)) : change.uri;
    const target = joinUri(folderUri, ACCEPTED_FILE);
    const { edit } = acceptEdit(text, change, relative, revision);
    const workspaceEdit: WorkspaceEdit = text === undefined
      ? { documentChanges: [{ kind: 'create', uri: target, options: { ignoreIfExists: true } }, { textDocument: { uri: target, version: null }, edits: [edit] }] }
      : { documentChanges: [{ textDocument: { uri: target, version: null }, edits: [edit] }] };
    actions.push({
      title: `Accept this breaking change (${change.id}) in ${ACCEPTED_FILE}`,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      isPreferred: false,
      edit: workspaceEdit,
    });
  }
  return actions;
}
