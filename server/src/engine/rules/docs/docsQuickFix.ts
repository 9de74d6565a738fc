/** Quick fixes of docs findings: replace the drifted mention with the suggested operation or id. */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { DocsFixData } from './docsLint';

export function docsCodeActions(uri: string, version: number | null, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fix = (diagnostic.data as Partial<DocsFixData> | undefined)?.specgateDocsFix;
    if (!fix || typeof fix.newText !== 'string' || typeof fix.title !== 'string') continue;
    actions.push({
      title: fix.title,
      kind: 'quickfix',
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { documentChanges: [{ textDocument: { uri, version }, edits: [{ range: diagnostic.range, newText: fix.newText }] }] },
    });
  }
  return actions;
}
