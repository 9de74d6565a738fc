/**
 * Breaking changes traced to the workspace's Arazzo workflows: the changes carry the steps they break
 * (hover, report, `diff --format json`), and the Arazzo file shows a diagnostic on each affected step.
 */
import { withTracedChanges } from '../analysis/breakingAnalysis';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { isRemoteUri, resolveRefUri, type SpecInput } from '../refs';
import { str } from '../rules/arazzo/model';
import type { SpecgateSettings } from '../settings';
import { WORKFLOW_BROKEN } from '../rules/arazzo/ruleIds';
import type { SourceReader } from '../rules/arazzo/sources';
import { traceChanges, type ArazzoFile } from '../rules/arazzo/workflowImpact';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { levelLabel, type BreakingAnalysis } from './breaking';
import { basenameUri } from '../uri';
import { findingDiagnostic } from './arazzoDiagnostics';

/** The workspace's parseable Arazzo documents. */
export async function arazzoFilesOf(index: WorkspaceIndex): Promise<Array<ArazzoFile & { text: string }>> {
  await index.ready();
  const out: Array<ArazzoFile & { text: string }> = [];
  for (const file of index.files('arazzo')) {
    const doc = await index.getParsed(file.uri);
    if (doc && doc.value !== undefined && doc.problems.length === 0) out.push({ uri: file.uri, value: doc.value, text: doc.text });
  }
  return out;
}

export async function withWorkflows(analysis: BreakingAnalysis, revision: SpecInput, arazzo: readonly ArazzoFile[], read: SourceReader, settings: SpecgateSettings): Promise<BreakingAnalysis> {
  if (analysis.baseline.kind !== 'ok' || analysis.changes.length === 0) return analysis;
  const options = { allowRemote: settings.allowRemoteReferences, maxFiles: settings.maxReferencedFiles };
  const changes = await traceChanges(analysis.changes, analysis.baseline.input, revision, arazzo, read, options);
  return { ...analysis, changes, result: analysis.result && withTracedChanges(analysis.result, changes, analysis.baseline.input, revision) };
}

/** Diagnostics on the steps of `doc` that the changes of the specs it calls break. */
export function workflowImpactDiagnostics(doc: ParsedDocument, analyses: ReadonlyArray<{ specUri: string; analysis: BreakingAnalysis }>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { specUri, analysis } of analyses) {
    for (const change of analysis.changes) {
      for (const w of change.workflows ?? []) {
        if (w.arazzoUri !== doc.uri) continue;
        const was = change.escalatedFrom ? ` (${levelLabel(change.escalatedFrom).toLowerCase()} for other clients)` : '';
        const d = findingDiagnostic(doc, {
          ruleId: WORKFLOW_BROKEN,
          severity: 'warn',
          pointer: w.fieldPointer,
          target: 'value',
          message: `Step \`${w.stepId}\` breaks: ${basenameUri(specUri)}${change.operation ? ` ${change.operation}` : ''} changed against ${analysis.baseline.kind === 'ok' ? analysis.baseline.ref : 'the baseline'}: ${change.message.replace(/ \(breaking here: .*\)$/, '')} [${change.id}]${was}. The step ${w.reason.replace(/^workflow `[^`]*` step `[^`]*` /, '')}.`,
        });
        if (d) out.push({ ...d, data: { kind: 'workflow-impact', specUri, changeId: change.id, pointer: change.pointer } });
      }
    }
  }
  return out;
}

/** The local OpenAPI sources an Arazzo document calls. */
export function openApiSources(doc: ParsedDocument): string[] {
  const list = (doc.value as { sourceDescriptions?: unknown } | undefined)?.sourceDescriptions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((s) => {
    const url = str(s, 'url');
    const type = str(s, 'type') ?? 'openapi';
    if (url === undefined || type !== 'openapi') return [];
    const uri = resolveRefUri(url, doc.uri).uri;
    return isRemoteUri(uri) ? [] : [uri];
  });
}

/** A version number for a file read from disk, so caches keyed by version see every edit. */
export function textVersion(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return -(h >>> 0) - 1;
}
