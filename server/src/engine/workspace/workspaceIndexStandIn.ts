/**
 * STAND-IN for issue 9's `WorkspaceIndex` (server/src/engine/workspace/workspaceIndex.ts), with the
 * same shape, so issue 11's catalog and cross-API rules can be built before it is merged.
 * The integrator deletes this file and points `createWorkspaceIndexStandIn` callers at the real index.
 * Deliberately simple: it re-lists the workspace on every `ready()` and reads text through
 * `IWorkspace.readFile` (open buffers first), caching parses per text only.
 */
import { parseDocument, ParsedDocument } from '../document/parsedDocument';
import { sniffFormat } from '../document/sniff';
import type { IWorkspace } from '../workspace';

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

const CATALOG_NAME = /(^|\/)catalog-info\.ya?ml$/;
const CODEOWNERS_NAME = /(^|\/)CODEOWNERS$/;

/** The kind of a file from its name and (for YAML/JSON) its text. */
export function classifyFile(uri: string, text: string | undefined): IndexedKind | undefined {
  if (CODEOWNERS_NAME.test(uri)) return 'codeowners';
  if (CATALOG_NAME.test(uri)) return 'catalog';
  if (/\.md$/i.test(uri)) return 'markdown';
  if (/(^|\/)\.spectral\.(ya?ml|json)$/.test(uri)) return 'ruleset';
  if (text === undefined || !/\.(ya?ml|json)$/i.test(uri)) return undefined;
  const format = sniffFormat(text);
  if (format === 'arazzo1') return 'arazzo';
  return format ? 'openapi' : undefined;
}

export function createWorkspaceIndexStandIn(workspace: IWorkspace): WorkspaceIndex {
  let indexed: IndexedFile[] = [];
  const parses = new Map<string, ParsedDocument>();
  const listeners = new Set<(changes: readonly WorkspaceChange[]) => void>();
  return {
    async ready() {
      const uris = (await workspace.listFiles?.(['.yaml', '.yml', '.json', 'CODEOWNERS'])) ?? [];
      const next: IndexedFile[] = [];
      for (const uri of uris.sort()) {
        const kind = classifyFile(uri, CODEOWNERS_NAME.test(uri) || CATALOG_NAME.test(uri) ? undefined : await workspace.readFile(uri));
        if (kind) next.push({ uri, kind });
      }
      indexed = next;
    },
    files: (kind) => (kind ? indexed.filter((f) => f.kind === kind) : indexed),
    getText: (uri) => workspace.readFile(uri),
    async getParsed(uri) {
      const text = await workspace.readFile(uri);
      if (text === undefined) return undefined;
      const cached = parses.get(uri);
      if (cached && cached.text === text) return cached;
      const parsed = parseDocument(uri, text);
      parses.set(uri, parsed);
      return parsed;
    },
    references: () => [],
    referencedBy: () => [],
    onDidChange(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    dispose() {
      listeners.clear();
      parses.clear();
    },
  };
}
