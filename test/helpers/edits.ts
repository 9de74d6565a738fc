import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/** Applies text edits as an editor does: all ranges refer to the original text; same-point inserts keep their order. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('file:///x', 'yaml', 0, text);
  return TextDocument.applyEdits(doc, edits);
}

export interface EditorFile { text: string; version: number | null }

/**
 * Applies a WorkspaceEdit to `files` as VS Code does: a `documentChanges` entry whose version is
 * not the file's current version is refused (nothing is applied), and so is one for a file that does not exist.
 */
export function applyWorkspaceEdit(files: Map<string, EditorFile>, edit: WorkspaceEdit): { applied: boolean; failureReason?: string } {
  const changes: Array<{ uri: string; version: number | null; edits: TextEdit[] }> = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) return { applied: false, failureReason: 'resource operations are not supported here' };
    changes.push({ uri: change.textDocument.uri, version: change.textDocument.version, edits: change.edits as TextEdit[] });
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) changes.push({ uri, version: null, edits });
  for (const c of changes) {
    const file = files.get(c.uri);
    if (!file) return { applied: false, failureReason: `unknown file ${c.uri}` };
    if (c.version !== null && file.version !== null && c.version !== file.version) {
      return { applied: false, failureReason: `${c.uri} is at version ${file.version}, the edit was computed for version ${c.version}` };
    }
  }
  for (const c of changes) {
    const file = files.get(c.uri)!;
    file.text = applyTextEdits(file.text, c.edits);
    if (file.version !== null) file.version++;
  }
  return { applied: true };
}
