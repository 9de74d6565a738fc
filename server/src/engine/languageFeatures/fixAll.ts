/**
 * Fix all: every non-breaking naming fix of a file as one edit (`source.fixAll.specgate`, so it
 * runs from `editor.codeActionsOnSave`), and the same across the workspace for the
 * "Fix naming in workspace" command, whose edit asks for confirmation (refactor preview).
 */
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { EditSet } from '../references/textEdits';
import { slicer, type Cancellation } from '../references/cancellation';
import { NAMING_RULES, namingFix, versionsOf, type FixContext } from './namingFixes';

export const FIX_ALL_KIND = 'source.fixAll.specgate';
export const NAMING_ANNOTATION = 'specgate.naming';

export interface FixAllControl {
  /** Checked between fixes: a cancelled or superseded request stops with `CancelledError`. */
  token?: Cancellation;
  /** Called between slices of work with how many findings were handled out of how many. */
  progress?: (done: number, total: number) => void;
}

/**
 * Merges the non-breaking naming fixes of a file into `into`, in document order; returns how many
 * were taken. Every fix is computed against the same snapshot; the work yields to the event loop
 * every few milliseconds so other documents' diagnostics keep flowing.
 */
export async function collectFixAll(ctx: FixContext, current: Diagnostic[], into: EditSet, control: FixAllControl = {}): Promise<number> {
  let taken = 0;
  const tick = slicer(control.token);
  const findings = current
    .filter((d) => NAMING_RULES.has(String(d.code)))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  // Two names fixed to the same new name in one scope would collide: the first one wins.
  const claimed = new Set<string>();
  for (const [i, d] of findings.entries()) {
    await tick();
    if (i % 50 === 0) control.progress?.(i, findings.length);
    const fix = await namingFix(ctx, d);
    if (!fix || fix.problem || fix.published || fix.edits.size === 0) continue;
    const s = fix.symbol;
    const scope = s.kind === 'property' ? s.parentPointer : s.kind === 'parameter' || s.kind === 'enum' ? s.pointer.replace(/\/\d+(\/name)?$/, '') : s.kind;
    const claim = `${ctx.doc.uri}|${s.kind}|${scope}|${fix.newName}`;
    if (claimed.has(claim)) continue;
    if (into.tryMerge(fix.edits)) {
      claimed.add(claim);
      taken++;
    }
  }
  return taken;
}

export async function fixAllAction(ctx: FixContext, current: Diagnostic[], control?: FixAllControl): Promise<CodeAction | undefined> {
  const edits = new EditSet();
  const n = await collectFixAll(ctx, current, edits, control);
  if (n === 0) return undefined;
  return {
    title: `Fix ${n} naming ${n === 1 ? 'finding' : 'findings'} (non-breaking)`,
    kind: FIX_ALL_KIND,
    edit: edits.toWorkspaceEdit(versionsOf(ctx.doc)),
  };
}

export interface WorkspaceFixInput {
  /** Every spec of the workspace with its fix context and current style findings. */
  files: AsyncIterable<{ ctx: FixContext; current: Diagnostic[] }>;
  control?: FixAllControl;
  /** Versions of open documents, so a stale edit is refused. */
  versions: ReadonlyMap<string, number>;
}

/** One WorkspaceEdit with every non-breaking naming fix of the workspace, annotated `needsConfirmation`. */
export async function fixNamingInWorkspace(input: WorkspaceFixInput): Promise<{ edit: WorkspaceEdit; fixes: number; files: number }> {
  const edits = new EditSet();
  let fixes = 0;
  for await (const { ctx, current } of input.files) fixes += await collectFixAll(ctx, current, edits, { token: input.control?.token });
  const edit = edits.toWorkspaceEdit(input.versions, NAMING_ANNOTATION);
  edit.changeAnnotations = {
    [NAMING_ANNOTATION]: {
      label: 'Fix naming',
      needsConfirmation: true,
      description: `Specgate: ${fixes} non-breaking naming ${fixes === 1 ? 'fix' : 'fixes'} (names published in the baseline are left alone)`,
    },
  };
  return { edit, fixes, files: edit.documentChanges?.length ?? 0 };
}

export type { ParsedDocument };
