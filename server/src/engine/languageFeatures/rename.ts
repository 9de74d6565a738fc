/**
 * F2: prepareRename and rename for schema names, property names, operationIds and parameter
 * names, through the same reference machinery as the naming quick fixes.
 */
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { renameEdits, type OtherFiles } from '../references/renameEdits';
import { renameProblem, symbolAt, SYMBOL_LABEL, type NameSymbol } from '../references/symbols';
import { versionsOf } from './namingFixes';

/** A refusal the LSP layer turns into a ResponseError with this message. */
export class RenameRefusal extends Error {}

const F2_KINDS = new Set<NameSymbol['kind']>(['schema', 'property', 'operationId', 'parameter']);

/** The renameable symbol under the cursor, and the range of the name there. */
function symbolAtPosition(doc: ParsedDocument, position: Position): { symbol: NameSymbol; range: Range } | undefined {
  if (doc.value === undefined || doc.problems.length > 0) return undefined;
  const at = doc.pointerAt(doc.textDocument.offsetAt(position));
  if (!at) return undefined;
  const symbol = symbolAt(doc, at.pointer, at.target);
  if (!symbol || !F2_KINDS.has(symbol.kind)) return undefined;
  const range = doc.rangeOf(at.pointer, at.target);
  return range ? { symbol, range } : undefined;
}

export function prepareRename(doc: ParsedDocument, position: Position): { range: Range; placeholder: string } {
  const found = symbolAtPosition(doc, position);
  if (!found) {
    const why = doc.problems.length > 0 ? 'The document has syntax errors; fix them before renaming.' : 'Only schema names, property names, operationIds and parameter names can be renamed.';
    throw new RenameRefusal(why);
  }
  // For a `$ref` or a `required` entry the placeholder is the name, not the whole value.
  const text = doc.text.slice(doc.textDocument.offsetAt(found.range.start), doc.textDocument.offsetAt(found.range.end));
  const inner = text.replace(/^['"]|['"]$/g, '');
  if (inner === found.symbol.name) {
    const quoted = text.length !== inner.length;
    const start = { line: found.range.start.line, character: found.range.start.character + (quoted ? 1 : 0) };
    const end = { line: found.range.end.line, character: found.range.end.character - (quoted ? 1 : 0) };
    return { range: start.line === end.line ? { start, end } : found.range, placeholder: found.symbol.name };
  }
  return { range: found.range, placeholder: found.symbol.name };
}

export async function rename(doc: ParsedDocument, position: Position, newName: string, otherFiles?: OtherFiles): Promise<WorkspaceEdit> {
  const found = symbolAtPosition(doc, position);
  if (!found) throw new RenameRefusal('Only schema names, property names, operationIds and parameter names can be renamed.');
  const { symbol } = found;
  const problem = renameProblem(doc, symbol, newName);
  if (problem) throw new RenameRefusal(`Cannot rename ${SYMBOL_LABEL[symbol.kind]} "${symbol.name}": ${problem}`);
  const edits = await renameEdits(doc, symbol, newName, otherFiles);
  return edits.toWorkspaceEdit(versionsOf(doc));
}
