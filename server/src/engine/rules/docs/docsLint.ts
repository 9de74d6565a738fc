/**
 * Runs every docs rule on one guide and turns findings into diagnostics on the exact span, with
 * the rule id as code, a link to its documentation, and the quick-fix replacement in `data`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl, SEVERITY } from '../../languageFeatures/diagnostics';
import { normalizeSeverity, type SpecgateSettings } from '../../settings';
import type { ApiDescription } from './apiModel';
import { deprecatedOperation } from './deprecatedOperation';
import type { DocsRule } from './docsRule';
import { exampleMismatch } from './exampleMismatch';
import { analyzeGuide, type Guide } from './guideModel';
import { unknownApi } from './unknownApi';
import { unknownOperation } from './unknownOperation';
import { unknownOperationId } from './unknownOperationId';

export const DOCS_RULES: readonly DocsRule[] = [unknownApi, unknownOperation, unknownOperationId, exampleMismatch, deprecatedOperation];

/** What a docs quick fix needs, carried in `Diagnostic.data`. */
export interface DocsFixData { specgateDocsFix: { title: string; newText: string } }

function configuredSeverity(settings: SpecgateSettings, code: string) {
  const entry = settings.rules[code];
  return normalizeSeverity(typeof entry === 'object' && entry !== null ? entry.severity : entry);
}

export function lintGuide(guide: Guide, settings: SpecgateSettings, baselineOperationIds: ReadonlySet<string> = new Set()): Diagnostic[] {
  const textDocument = TextDocument.create(guide.uri, 'markdown', 0, guide.text);
  const out: Diagnostic[] = [];
  for (const rule of DOCS_RULES) {
    for (const f of rule({ guide, baselineOperationIds })) {
      const severity = configuredSeverity(settings, f.code) ?? f.severity;
      if (severity === 'off') continue;
      const diagnostic: Diagnostic = {
        range: { start: textDocument.positionAt(f.offset), end: textDocument.positionAt(f.offset + f.length) },
        severity: SEVERITY[severity],
        code: f.code,
        codeDescription: { href: ruleDocUrl(f.code) },
        source: 'specgate',
        message: f.message,
      };
      if (f.fix) diagnostic.data = { specgateDocsFix: f.fix } satisfies DocsFixData;
      out.push(diagnostic);
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Checks a guide's text against the APIs (all of them, or the one its front matter names). */
export function lintGuideText(uri: string, text: string, apis: readonly ApiDescription[], settings: SpecgateSettings, baselineOperationIds?: ReadonlySet<string>): Diagnostic[] {
  return lintGuide(analyzeGuide(uri, text, apis), settings, baselineOperationIds);
}
