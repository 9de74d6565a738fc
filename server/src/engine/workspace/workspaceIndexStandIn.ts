/**
 * STAND-IN for issue 9's `WorkspaceIndex` (server/src/engine/workspace/workspaceIndex.ts), same shape,
 * used by the Arazzo features until it is merged. The integrator deletes this file and passes
 * `service.index` instead. Discovery re-lists the workspace at most every few seconds (no file events here) and reads only files it has not seen.
 */
import { parseDocument, type ParsedDocument } from '../document/parsedDocument';
import { sniffFormat } from '../document/sniff';
import type { IWorkspace } from '../workspace';

export type IndexedKind = 'openapi' | 'arazzo' | 'catalog' | 'codeowners' | 'markdown' | 'ruleset';
export interface IndexedFile { readonly uri: string; readonly kind: IndexedKind }
export interface WorkspaceChange { readonly uri: string; readonly type: 'created' | 'changed' | 'deleted' }
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

const RESCAN_MS = 5000;
const MAX_TEXT = 8 * 1024 * 1024;

export function createStandInIndex(workspace: IWorkspace): WorkspaceIndex {
  let indexed: IndexedFile[] = [];
  let scanned = 0;
  let scanning: Promise<void> | undefined;
  const parses = new Map<string, ParsedDocument>();

  /** Kind per file seen (undefined: not a spec); only files not seen before are read on a rescan. */
  const kinds = new Map<string, IndexedKind | undefined>();

  async function scan(): Promise<void> {
    const uris = (await workspace.listFiles?.(['.yaml', '.yml', '.json']).catch(() => [])) ?? [];
    const next: IndexedFile[] = [];
    for (const uri of uris) {
      if (uri.includes('/node_modules/')) continue;
      if (!kinds.has(uri)) {
        const text = await workspace.readFile(uri).catch(() => undefined);
        const format = text === undefined || text.length > MAX_TEXT ? undefined : sniffFormat(text);
        kinds.set(uri, format === undefined ? undefined : format === 'arazzo1' ? 'arazzo' : 'openapi');
      }
      const kind = kinds.get(uri);
      if (kind) next.push({ uri, kind });
    }
    indexed = next;
    scanned = Date.now();
  }

  return {
    ready() {
      if (Date.now() - scanned < RESCAN_MS) return Promise.resolve();
      scanning ??= scan().finally(() => (scanning = undefined));
      return scanning;
    },
    files: (kind) => (kind ? indexed.filter((f) => f.kind === kind) : indexed),
    getText: (uri) => workspace.readFile(uri),
    async getParsed(uri) {
      const text = await workspace.readFile(uri);
      if (text === undefined) return undefined;
      const cached = parses.get(uri);
      if (cached && cached.text === text) return cached;
      const doc = parseDocument(uri, text);
      parses.set(uri, doc);
      return doc;
    },
    references: () => [],
    referencedBy: () => [],
    onDidChange: () => ({ dispose() {} }),
    dispose() {},
  };
}
