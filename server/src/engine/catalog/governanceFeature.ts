/**
 * Governance findings for one open file in the editor: cross-API findings for an OpenAPI
 * description (the other APIs come from the workspace index, open or not), and the catalog's
 * diagnostics for a `catalog-info.yaml` or CODEOWNERS file.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { SpecgateSettings } from '../settings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { crossApiDiagnostics, governanceSnapshot, GovernanceSnapshot, sourceFromIndex } from './governance';

const GOVERNANCE_FILE = /(^|\/)(catalog-info\.ya?ml|CODEOWNERS)$/;

/** Files whose findings come from the catalog, not from the spec layers. */
export function isGovernanceFile(uri: string): boolean {
  return GOVERNANCE_FILE.test(uri);
}

export async function workspaceSnapshot(index: WorkspaceIndex, folders: readonly string[], open?: ParsedDocument): Promise<GovernanceSnapshot> {
  await index.ready();
  const overrides = open?.format && open.format !== 'arazzo1' ? new Map([[open.uri, open]]) : undefined;
  return governanceSnapshot(sourceFromIndex(index, folders), overrides);
}

/** Never throws: a governance failure must not cost the file its other findings. */
export async function governanceDiagnosticsFor(doc: ParsedDocument, index: WorkspaceIndex, folders: readonly string[], settings: SpecgateSettings): Promise<Map<string, Diagnostic[]>> {
  try {
    return await computeFor(doc, index, folders, settings);
  } catch {
    return new Map();
  }
}

async function computeFor(doc: ParsedDocument, index: WorkspaceIndex, folders: readonly string[], settings: SpecgateSettings): Promise<Map<string, Diagnostic[]>> {
  if (isGovernanceFile(doc.uri)) {
    const snapshot = await workspaceSnapshot(index, folders);
    return new Map([[doc.uri, snapshot.catalog.diagnostics.get(doc.uri) ?? []]]);
  }
  if (!doc.format || doc.format === 'arazzo1' || doc.value === undefined || doc.problems.length > 0) return new Map();
  const snapshot = await workspaceSnapshot(index, folders, doc);
  return crossApiDiagnostics(snapshot, settings, doc.uri);
}
