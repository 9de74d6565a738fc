/**
 * STAND-IN for the workspace index of issue 9 (`server/src/engine/workspace/workspaceIndex.ts`,
 * branch i9a), with exactly its API, built from `IWorkspace.listFiles` + `readFile`. The
 * integrator deletes this file and passes `service.index` instead. Differences: discovery runs
 * once (files created later are not seen) and texts are read through the workspace each time.
 */
import { parseDocument, type ParsedDocument } from '../../document/parsedDocument';
import { sniffFormat } from '../../document/sniff';
import type { IWorkspace } from '../../workspace';

export type IndexedKind = 'openapi' | 'arazzo' | 'catalog' | 'codeowners' | 'markdown' | 'ruleset';
export interface IndexedFile { readonly uri: string; readonly kind: IndexedKind; }
export interface WorkspaceChange { readonly uri: string; readonly type: 'created' | 'changed' | 'deleted'; }
export interface WorkspaceIndex {
  ready(): Promise<void>;
  files(kind?: IndexedKind): readonly IndexedFile[];
  getText(uri: string): Promise<string | undefined>;
  getParsed(uri: string): Promise<ParsedDocument | undefined>;
  references(uri: string): readonly string[];
  referencedBy(uri: string): readonly string[];
  onDidChange(listener: (changes: readonly WorkspaceChange[]) => void): { dispose(): void };
  dispose(): void;
}

const MAX_SNIFF_BYTES = 8 * 1024 * 1024;

export function createWorkspaceIndexStandIn(workspace: IWorkspace): WorkspaceIndex {
  let indexed: IndexedFile[] = [];
  const parses = new Map<string, ParsedDocument>();
  let scan: Promise<void> | undefined;
  async function discover(): Promise<void> {
    const uris = await workspace.listFiles?.(['.yaml', '.yml', '.json', '.md', '.markdown']).catch(() => []) ?? [];
    const found: IndexedFile[] = [];
    for (const uri of uris.sort()) {
      if (/\.(md|markdown)$/i.test(uri)) { found.push({ uri, kind: 'markdown' }); continue; }
      const text = await workspace.readFile(uri).catch(() => undefined);
      if (text === undefined || text.length > MAX_SNIFF_BYTES) continue;
      const format = sniffFormat(text);
      if (format) found.push({ uri, kind: format === 'arazzo1' ? 'arazzo' : 'openapi' });
    }
    indexed = found;
  }
  return {
    ready: () => (scan ??= discover()),
    files: (kind) => (kind ? indexed.filter((f) => f.kind === kind) : indexed),
    getText: (uri) => workspace.readFile(uri).catch(() => undefined),
    async getParsed(uri) {
      const text = await workspace.readFile(uri).catch(() => undefined);
      if (text === undefined) return undefined;
      const cached = parses.get(uri);
      if (cached?.text === text) return cached;
      const doc = parseDocument(uri, text);
      parses.set(uri, doc);
      return doc;
    },
    references: () => [],
    referencedBy: () => [],
    onDidChange: () => ({ dispose() {} }),
    dispose: () => parses.clear(),
  };
}
