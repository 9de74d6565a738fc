/**
 * The "APIs" view: each API of the workspace with its owner, findings and breaking changes against
 * the baseline (custom request `specgate/apis`).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { BreakingAnalysis } from '../languageFeatures/breaking';
import type { Party } from './catalogModel';
import { crossApiDiagnostics, type GovernanceSnapshot } from './governance';
import type { SpecgateSettings } from '../settings';

export const APIS_REQUEST = 'specgate/apis';

export interface ApiSummary {
  name: string;
  /** The description's URI (opened on click); undefined for remote or inline definitions. */
  uri?: string;
  title?: string;
  owner?: string;
  lifecycle?: string;
  consumers: Party[];
  errors: number;
  warnings: number;
  /** Breaking changes against the baseline; undefined without a baseline. */
  breaking?: number;
}

export interface SummaryDeps {
  snapshot: GovernanceSnapshot;
  settings: SpecgateSettings;
  /** Fast-layer findings of one description (syntax and style). */
  findings(doc: ParsedDocument): Promise<Diagnostic[]>;
  analysis(doc: ParsedDocument): Promise<BreakingAnalysis>;
}

export async function apiSummaries({ snapshot, settings, findings, analysis }: SummaryDeps): Promise<ApiSummary[]> {
  const out: ApiSummary[] = [];
  const crossApi = crossApiDiagnostics(snapshot, settings);
  for (const api of snapshot.catalog.apis) {
    const doc = api.file ? snapshot.documents.get(api.file) : undefined;
    const found = doc ? [...(await findings(doc)), ...(crossApi.get(doc.uri) ?? [])] : [];
    const breaking = doc ? await analysis(doc) : undefined;
    out.push({
      name: api.name,
      uri: api.file,
      title: api.title,
      owner: api.owner,
      lifecycle: api.lifecycle,
      consumers: api.consumers,
      errors: found.filter((d) => d.severity === 1).length,
      warnings: found.filter((d) => d.severity === 2).length,
      breaking: breaking?.baseline.kind === 'ok' ? breaking.changes.filter((c) => c.level === 'breaking').length : undefined,
    });
  }
  return out;
}
