import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { OtherFiles } from '../references/renameEdits';
import type { BaselineState } from '../baseline/baseline';
import type { BreakingAnalysis } from './breaking';
import { acceptBreakingActions, hasBreakingFindings } from './acceptBreaking';
import { FIX_ALL_KIND, fixAllAction, type FixAllControl } from './fixAll';
import { mechanicalActions } from './mechanicalFixes';
import { namingActions, type FixContext } from './namingFixes';

export interface CodeActionInput {
  doc: ParsedDocument;
  range: Range;
  /** The diagnostics the client sent in the code action context. */
  diagnostics: Diagnostic[];
  /** CodeActionContext.only, when the client asked for specific kinds. */
  only?: string[];
  /** The git baseline: enough for the naming fixes' breaking-awareness. */
  baseline: BaselineState;
  /**
   * The full breaking analysis, asked for only when a breaking finding wants its accept action:
   * it waits for the workspace's workflows, which the lightbulb must not.
   */
  analysis: () => Promise<BreakingAnalysis>;
  folderUri: string;
  acceptedText: string | undefined;
  /** The document's current style findings (fixes are computed from these, never from stale client data). */
  styleDiagnostics?: () => Promise<Diagnostic[]>;
  /** Workspace files that may reference the document (cross-file `$ref`s, Arazzo). */
  otherFiles?: OtherFiles;
  /** The client resolves actions (`codeAction/resolve` with `edit`): naming edits are computed then. */
  lazy?: boolean;
  /** Fix-all: stop early (a superseded or cancelled request) and report progress. */
  control?: FixAllControl;
}

/** Every code action for a range: one provider per kind of fix, composed here. */
export async function getCodeActions(input: CodeActionInput): Promise<CodeAction[]> {
  const wants = (kind: string) => !input.only || input.only.some((k) => kind === k || kind.startsWith(k + '.'));
  // Source actions only when asked for (e.g. editor.codeActionsOnSave), never in the lightbulb.
  const asked = (kind: string) => !!input.only?.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  const fixable = input.doc.value !== undefined && input.doc.problems.length === 0 && input.styleDiagnostics;
  const ctx: FixContext = { doc: input.doc, baseline: input.baseline, otherFiles: input.otherFiles ?? (async () => []) };
  if (wants('quickfix')) {
    if (fixable) {
      const current = await input.styleDiagnostics!();
      actions.push(...(await namingActions(ctx, input.diagnostics, current, input.lazy)));
      actions.push(...mechanicalActions(input.doc, input.diagnostics, current));
    }
    if (hasBreakingFindings(input.diagnostics)) actions.push(...acceptBreakingActions(input.diagnostics, await input.analysis(), input.folderUri, input.acceptedText));
  }
  if (asked(FIX_ALL_KIND) && fixable) {
    const action = await fixAllAction(ctx, await input.styleDiagnostics!(), input.control);
    if (action) actions.push(action);
  }
  return actions;
}
