/**
 * Quick fixes for naming and glossary diagnostics: rename the element and everything that depends
 * on its name, knowing from the git baseline whether the old name is already published.
 */
import * as YAML from 'yaml';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { BaselineState } from '../baseline/baseline';
import { getAtPointer, isObj, own } from '../openapi';
import { isPublished, renameEdits, type OtherFiles } from '../references/renameEdits';
import { renameProblem, symbolAt, type NameSymbol } from '../references/symbols';
import { EditSet, insertLineBefore, insertMember, isJsonDoc, memberSource, offsetRange, scalarText } from '../references/textEdits';

/** Rules whose findings are renames (`fix: { kind: 'rename', newName }`). */
export const NAMING_RULES = new Set([
  'specgate-property-casing',
  'specgate-preferred-terms',
  'specgate-acronym-casing',
  'specgate-parameter-casing',
  'specgate-path-segment-casing',
  'specgate-operation-id-casing',
  'specgate-schema-name-casing',
  'specgate-enum-casing',
]);

export interface FixContext {
  doc: ParsedDocument;
  baseline: BaselineState;
  otherFiles: OtherFiles;
}

export interface StyleData {
  pointer: string;
  target: 'key' | 'value';
  fix?: { kind: string; [k: string]: unknown };
}

export function styleData(d: Diagnostic): StyleData | undefined {
  const data = d.data as StyleData | undefined;
  return data && typeof data.pointer === 'string' && (data.target === 'key' || data.target === 'value') ? data : undefined;
}

/** The current document's own finding for a diagnostic the client sent (same rule, same range). */
export function currentFinding(d: Diagnostic, current: Diagnostic[]): Diagnostic | undefined {
  const same = (a: Diagnostic) =>
    a.code === d.code &&
    a.range.start.line === d.range.start.line &&
    a.range.start.character === d.range.start.character &&
    a.range.end.line === d.range.end.line &&
    a.range.end.character === d.range.end.character;
  return current.find(same);
}

export interface NamingFix {
  symbol: NameSymbol;
  newName: string;
  edits: EditSet;
  /** The old name exists in the baseline: renaming it breaks consumers. */
  published: boolean;
  /** Why the rename cannot be done (a collision); no edits then. */
  problem?: string;
}

function baselineRoot(ctx: FixContext): unknown {
  return ctx.baseline.kind === 'ok' ? ctx.baseline.input.documents.get(ctx.doc.uri) : undefined;
}

/** What a naming finding asks for, without the edits: cheap enough for the lightbulb. */
export function namingPlan(ctx: FixContext, finding: Diagnostic): Omit<NamingFix, 'edits'> | undefined {
  if (!NAMING_RULES.has(String(finding.code))) return undefined;
  const data = styleData(finding);
  const newName = data?.fix?.kind === 'rename' && typeof data.fix.newName === 'string' ? data.fix.newName : undefined;
  if (!data || newName === undefined) return undefined;
  const symbol = symbolAt(ctx.doc, data.pointer, data.target);
  if (!symbol) return undefined;
  const published = isPublished(ctx.doc, symbol, baselineRoot(ctx));
  return { symbol, newName, published, problem: renameProblem(ctx.doc, symbol, newName) };
}

/** The rename a naming finding asks for, with every dependent edit. */
export async function namingFix(ctx: FixContext, finding: Diagnostic): Promise<NamingFix | undefined> {
  const plan = namingPlan(ctx, finding);
  if (!plan) return undefined;
  if (plan.problem) return { ...plan, edits: new EditSet() };
  return { ...plan, edits: await renameEdits(ctx.doc, plan.symbol, plan.newName, ctx.otherFiles) };
}

export function versionsOf(doc: ParsedDocument): Map<string, number> {
  return new Map([[doc.uri, doc.version]]);
}

/** What `codeAction/resolve` needs to compute a naming action's edit later (see `resolveNamingAction`). */
export interface NamingActionData {
  specgate: 'naming';
  uri: string;
  version: number;
  diagnostic: Diagnostic;
  kind: 'rename' | 'deprecate-and-add';
}

export function isNamingActionData(data: unknown): data is NamingActionData {
  const d = data as NamingActionData | undefined;
  return d?.specgate === 'naming' && typeof d.uri === 'string' && typeof d.diagnostic === 'object' && (d.kind === 'rename' || d.kind === 'deprecate-and-add');
}

/**
 * Quick fixes for the naming diagnostics among `diagnostics` (matched against the current findings).
 * `lazy`: titles and breaking-awareness only, each action carrying `data` for `codeAction/resolve`.
 */
export async function namingActions(ctx: FixContext, diagnostics: Diagnostic[], current: Diagnostic[], lazy = false): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  const data = (d: Diagnostic, kind: NamingActionData['kind']): NamingActionData => ({ specgate: 'naming', uri: ctx.doc.uri, version: ctx.doc.version, diagnostic: d, kind });
  for (const d of diagnostics) {
    if (!NAMING_RULES.has(String(d.code))) continue;
    const finding = currentFinding(d, current);
    if (!finding) continue;
    const fix = lazy ? namingPlan(ctx, finding) : await namingFix(ctx, finding);
    if (!fix || fix.problem) continue;
    const ref = ctx.baseline.ref;
    const title = `Rename ${fix.symbol.name} → ${fix.newName}${fix.published ? ` (breaking: published in ${ref})` : ''}`;
    const rename: CodeAction = { title, kind: 'quickfix', diagnostics: [d], isPreferred: !fix.published };
    if (lazy) rename.data = data(d, 'rename');
    else rename.edit = (fix as NamingFix).edits.toWorkspaceEdit(versionsOf(ctx.doc));
    actions.push(rename);
    if (fix.published && fix.symbol.kind === 'property') {
      const edit = lazy ? undefined : deprecateAndAdd(ctx.doc, fix.symbol, fix.newName, String(d.code));
      if (lazy ? canDeprecateAndAdd(ctx.doc, fix.symbol) : edit) {
        actions.push({
          title: `Add ${fix.newName} and deprecate ${fix.symbol.name} (non-breaking)`,
          kind: 'quickfix',
          diagnostics: [d],
          isPreferred: false,
          ...(lazy ? { data: data(d, 'deprecate-and-add') } : { edit }),
        });
      }
    }
  }
  return actions;
}

/** The edit of a lazy naming action, computed against the current document; the action unchanged when its finding is gone. */
export async function resolveNamingAction(ctx: FixContext, action: CodeAction, current: Diagnostic[]): Promise<CodeAction> {
  const data = action.data;
  if (!isNamingActionData(data) || data.uri !== ctx.doc.uri) return action;
  const finding = currentFinding(data.diagnostic, current);
  const fix = finding && namingPlan(ctx, finding);
  if (!fix || fix.problem) return action;
  if (data.kind === 'deprecate-and-add') {
    const edit = deprecateAndAdd(ctx.doc, fix.symbol, fix.newName, String(finding.code));
    return edit ? { ...action, edit } : action;
  }
  const edits = await renameEdits(ctx.doc, fix.symbol, fix.newName, ctx.otherFiles);
  return { ...action, edit: edits.toWorkspaceEdit(versionsOf(ctx.doc)) };
}

/** Whether `deprecateAndAdd` applies (same checks, no edit built). */
function canDeprecateAndAdd(doc: ParsedDocument, symbol: NameSymbol): boolean {
  const schema = getAtPointer(doc.value, symbol.pointer);
  const found = doc.nodeAt(symbol.pointer);
  return isObj(schema) && own(schema, '$ref') === undefined && !!found?.key && YAML.isScalar(found.key) && !!found.value && YAML.isMap(found.value) && !!memberSource(doc, symbol.pointer);
}

/**
 * The non-breaking path for a published property: a copy under the new name, and the old one
 * marked `deprecated: true` (its naming finding suppressed with a reason, in YAML). Only for
 * block-YAML and JSON properties whose schema is an inline mapping.
 */
function deprecateAndAdd(doc: ParsedDocument, symbol: NameSymbol, newName: string, ruleId: string): WorkspaceEdit | undefined {
  if (!canDeprecateAndAdd(doc, symbol)) return undefined;
  const schema = getAtPointer(doc.value, symbol.pointer);
  const key = doc.nodeAt(symbol.pointer)!.key as YAML.Scalar;
  const map = doc.nodeAt(symbol.pointer)!.value as YAML.YAMLMap;
  const source = memberSource(doc, symbol.pointer)!;
  const json = isJsonDoc(doc);
  const keyText = doc.text.slice(key.range![0], key.range![1]);
  const copy = scalarText(key, newName, json) + source.text.slice(keyText.length);
  const edits = new EditSet();
  if (own(schema, 'deprecated') === undefined) edits.add(doc.uri, insertMember(doc, symbol.pointer, 'deprecated', true, { first: true }));
  if (json || map.flow) {
    // `"old": {...}` → `"old": {...},\n<indent>"new": {...}`
    const indent = source.start - doc.text.lastIndexOf('\n', source.start - 1) - 1;
    edits.add(doc.uri, { range: offsetRange(doc, source.end, source.end), newText: `,\n${' '.repeat(indent)}${copy}` });
  } else {
    const endsLine = doc.text[source.end - 1] === '\n';
    const indent = ' '.repeat(source.start - doc.text.lastIndexOf('\n', source.start - 1) - 1);
    edits.add(doc.uri, {
      range: offsetRange(doc, source.end, source.end),
      newText: endsLine ? indent + copy : '\n' + indent + copy,
    });
    edits.add(doc.uri, insertLineBefore(doc, source.start, `# specgate-disable-next-line ${ruleId} -- deprecated; kept until clients move to ${newName}`));
  }
  return edits.toWorkspaceEdit(versionsOf(doc));
}
