/** The Arazzo layer of the fast diagnostics: workflow checks against the called descriptions, as LSP diagnostics. */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { IWorkspace } from '../workspace';
import { isRemoteUri } from '../refs';
import type { SpecgateSettings } from '../settings';
import { analyzeArazzo } from '../rules/arazzo/analyze';
import type { ArazzoFinding } from '../rules/arazzo/model';
import type { SourceReader } from '../rules/arazzo/sources';
import { ruleDocUrl, SEVERITY } from './diagnostics';

/** Reads sources through the workspace (open buffers first); remote ones only through `fetchRemote`. */
export function workspaceSourceReader(workspace: IWorkspace, parse: (uri: string, text: string) => ParsedDocument): SourceReader {
  return async (uri) => {
    const text = isRemoteUri(uri) ? await workspace.fetchRemote?.(uri) : await workspace.readFile(uri);
    if (text === undefined) return undefined;
    const doc = parse(uri, text);
    if (doc.problems.length > 0 || doc.value === undefined) return { error: `it does not parse (${doc.problems[0]?.message ?? 'empty document'})` };
    return { value: doc.value };
  };
}

export async function arazzoDiagnostics(doc: ParsedDocument, read: SourceReader, settings: SpecgateSettings): Promise<Diagnostic[]> {
  if (doc.format !== 'arazzo1' || doc.value === undefined || doc.problems.length > 0) return [];
  const analysis = await analyzeArazzo(doc.uri, doc.value, read, { allowRemote: settings.allowRemoteReferences, maxFiles: settings.maxReferencedFiles });
  return analysis.findings.flatMap((f) => {
    const d = findingDiagnostic(doc, f);
    return d ? [d] : [];
  });
}

export function findingDiagnostic(doc: ParsedDocument, f: ArazzoFinding): Diagnostic | undefined {
  const range = narrow(doc, doc.rangeOf(f.pointer, f.target), f.needle);
  if (!range) return undefined;
  return { range, severity: SEVERITY[f.severity], code: f.ruleId, codeDescription: { href: ruleDocUrl(f.ruleId) }, source: 'specgate', message: f.message };
}

/** The part of a node's range that spells `needle`, when it appears literally there. */
function narrow(doc: ParsedDocument, range: Range | undefined, needle: string | undefined): Range | undefined {
  if (!range || !needle) return range;
  const start = doc.textDocument.offsetAt(range.start);
  const text = doc.text.slice(start, doc.textDocument.offsetAt(range.end));
  const at = text.indexOf(needle);
  if (at < 0) return range;
  return { start: doc.textDocument.positionAt(start + at), end: doc.textDocument.positionAt(start + at + needle.length) };
}
