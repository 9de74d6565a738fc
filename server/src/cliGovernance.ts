/**
 * `specgate lint` over several APIs: the catalog's findings for the catalog and CODEOWNERS files
 * among the given paths, and cross-API findings among the given OpenAPI descriptions.
 */
import * as path from 'path';
import type { LanguageService } from './engine/languageService';
import type { SpecgateSettings } from './engine/settings';
import { pathToUri, uriToPath } from './engine/uri';
import type { IWorkspace } from './engine/workspace';
import type { LintEntry } from './engine/report/lintReport';
import { crossApiDiagnostics, governanceSnapshot, GovernanceSnapshot } from './engine/catalog/governance';
import { isGovernanceFile } from './engine/catalog/governanceFeature';
import { CODEOWNERS_LOCATIONS } from './engine/catalog/codeowners';

export { isGovernanceFile };

/** The governance view of the given files: descriptors and specs among them, CODEOWNERS of the folder. */
export async function snapshotOfFiles(files: readonly string[], cwd: string, workspace: IWorkspace, service: LanguageService): Promise<GovernanceSnapshot> {
  const specFiles: string[] = [];
  const catalogFiles: string[] = [];
  for (const file of files) {
    const uri = pathToUri(file);
    if (/(^|\/)catalog-info\.ya?ml$/.test(file)) catalogFiles.push(uri);
    else {
      const text = await workspace.readFile(uri);
      if (text !== undefined && service.isSpecText(text)) specFiles.push(uri);
    }
  }
  return governanceSnapshot({
    folders: [pathToUri(cwd)],
    catalogFiles,
    specFiles,
    readText: (uri) => workspace.readFile(uri),
    getParsed: async (uri) => {
      const text = await workspace.readFile(uri);
      return text === undefined ? undefined : service.getDocument(uri, text, 0);
    },
  });
}

/** Lint entries for governance findings; CODEOWNERS findings when it was given or lies under a given directory. */
export async function governanceLintEntries(files: readonly string[], patterns: readonly string[], cwd: string, workspace: IWorkspace, service: LanguageService, settings: SpecgateSettings): Promise<LintEntry[]> {
  const snapshot = await snapshotOfFiles(files, cwd, workspace, service);
  const dirs = patterns.map((p) => path.resolve(cwd, p));
  const shown = (uri: string) => {
    const file = uriToPath(uri);
    if (files.includes(file)) return true;
    return CODEOWNERS_LOCATIONS.some((l) => path.join(cwd, l) === file) && dirs.some((d) => file === d || file.startsWith(d + path.sep));
  };
  const entries: LintEntry[] = [];
  const add = (uri: string, list: import('vscode-languageserver-types').Diagnostic[]) => {
    const name = path.relative(cwd, uriToPath(uri)) || uriToPath(uri);
    for (const diagnostic of list) entries.push({ file: name, diagnostic });
  };
  for (const [uri, list] of snapshot.catalog.diagnostics) if (shown(uri)) add(uri, list);
  for (const [uri, list] of crossApiDiagnostics(snapshot, settings)) add(uri, list);
  return entries;
}
