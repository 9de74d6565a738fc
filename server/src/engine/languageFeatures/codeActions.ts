import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { BreakingAnalysis } from './breaking';
import { acceptBreakingActions } from './acceptBreaking';

export interface CodeActionInput {
  doc: ParsedDocument;
  range: Range;
  /** The diagnostics the client sent in the code action context. */
  diagnostics: Diagnostic[];
  /** CodeActionContext.only, when the client asked for specific kinds. */
  only?: string[];
  analysis: BreakingAnalysis;
  folderUri: string;
  acceptedText: string | undefined;
}

/** Every code action for a range: one provider per kind of fix, composed here. */
export async function getCodeActions(input: CodeActionInput): Promise<CodeAction[]> {
  const wants = (kind: string) => !input.only || input.only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  if (wants('quickfix')) actions.push(...acceptBreakingActions(input.diagnostics, input.analysis, input.folderUri, input.acceptedText));
  return actions;
}
