import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { RULE_DOCS_BASE, runStyleRules } from '../style/registry';
import type { RuleSetting, SpecgateSettings } from '../settings';
import type { SeverityName, SeveritySetting } from '../types';
import { applySuppressions, parseSuppressions } from './suppression';
import { InlinedSpec, originOf } from '../refs/inline';
import type { StyleMemo } from '../style/incrementalStyle';
import type { FindingPlacements } from './findingPlacements';

export const SEVERITY: Record<SeverityName, DiagnosticSeverity> = { error: 1, warn: 2, info: 3, hint: 4 };
export const SEVERITY_NAME: Record<number, SeverityName> = { 1: 'error', 2: 'warn', 3: 'info', 4: 'hint' };

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** A finding about the whole document rather than a place in it (limits, ruleset and thread notes): at its start. */
export function documentNote(code: string, severity: DiagnosticSeverity, message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity,
    code,
    codeDescription: { href: ruleDocUrl(code) },
    source: 'specgate',
    message,
  };
}

export function isLargeDocument(doc: ParsedDocument, settings: SpecgateSettings): boolean {
  return doc.text.length > settings.largeFileThresholdKB * 1024;
}

/** Syntax problems: always shown, for any document that reached the parser. */
export function syntaxDiagnostics(doc: ParsedDocument): Diagnostic[] {
  return doc.problems.map((p) => ({
    range: p.range,
    severity: 1,
    code: p.code,
    codeDescription: { href: ruleDocUrl(p.code) },
    source: 'specgate',
    message: p.message,
  }));
}

/** A multi-file spec seen as one document, and the parses that map findings back to files. */
export interface InlinedGraph {
  inlined: InlinedSpec;
  files: ReadonlyMap<string, ParsedDocument>;
}

/**
 * The fast layer: syntax, then the built-in style guide, per file (findings inside `$ref`'d
 * files are reported in those files). While the document has syntax errors only those are
 * shown: rules over a half-parsed value would report phantom problems.
 */
export function fastDiagnostics(
  doc: ParsedDocument,
  settings: SpecgateSettings,
  rulesetStyleConfig: Record<string, SeveritySetting | RuleSetting> = {},
  graph?: InlinedGraph,
  memo?: { style: StyleMemo; placements: FindingPlacements },
): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>([[doc.uri, []]]);
  const syntax = syntaxDiagnostics(doc);
  if (syntax.length > 0 || doc.value === undefined || !doc.format) return byFile.set(doc.uri, syntax);
  const own = byFile.get(doc.uri)!;
  if (isLargeDocument(doc, settings)) {
    own.push(documentNote('specgate-large-file', 3, `This file is larger than ${settings.largeFileThresholdKB} KB (specgate.largeFileThresholdKB): Spectral rules run on save or with "Specgate: Lint now"; the built-in style guide stays live.`));
  }
  if (!settings.styleGuideEnabled || doc.format === 'arazzo1') return byFile;
  const config = { ...settings.rules, ...rulesetStyleConfig };
  const seen = new Set<string>();
  const memoOfTree = graph ? undefined : memo;
  const place = memoOfTree?.placements.forVersion(doc);
  for (const finding of runStyleRules(graph ? graph.inlined.value : doc.value, doc.format, config as never, undefined, memoOfTree?.style)) {
    const origin = graph ? originOf(graph.inlined, doc.uri, finding.pointer) : { uri: doc.uri, pointer: finding.pointer };
    const file = origin.uri === doc.uri ? doc : graph?.files.get(origin.uri);
    const key = `${origin.uri}|${origin.pointer}|${finding.target}|${finding.ruleId}`;
    if (!file || seen.has(key)) continue;
    seen.add(key);
    const offsets = place ? place(finding, origin.pointer, finding.target) : file.placeOf(origin.pointer, finding.target)?.offsets;
    if (!offsets) continue;
    const range = { start: file.textDocument.positionAt(offsets[0]), end: file.textDocument.positionAt(offsets[1]) };
    let list = byFile.get(origin.uri);
    if (!list) byFile.set(origin.uri, (list = []));
    list.push({
      range,
      severity: SEVERITY[finding.severity],
      code: finding.ruleId,
      codeDescription: { href: ruleDocUrl(finding.ruleId) },
      source: 'specgate',
      message: finding.message,
      data: { pointer: origin.pointer, target: finding.target, fix: finding.fix },
    });
  }
  return byFile;
}

/** Applies `# specgate-disable-next-line` comments to every layer's findings of one file. */
export function withSuppressions(doc: { text: string }, diagnostics: Diagnostic[]): Diagnostic[] {
  const { suppressions, problems } = parseSuppressions(doc.text);
  return [...applySuppressions(diagnostics, suppressions), ...problems];
}
