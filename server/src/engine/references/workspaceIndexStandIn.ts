/**
 * STAND-IN for issue 9's `server/src/engine/workspace/workspaceIndex.ts` (same `WorkspaceIndex`
 * shape, pinned in the brief). The integrator deletes this file once the real index is merged and
 * points the imports at it. Built from `IWorkspace.listFiles` + `readFile`; learns of changes only
 * through `absorb` (the server calls it for buffer and file-watch events).
 */
import { parseDocument, type ParsedDocument } from '../document/parsedDocument';
import { sniffFormat } from '../document/sniff';
import { resolveRefUri } from '../refs';
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

const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'];
const MAX_TEXT = 8 * 1024 * 1024;
/** The file part of `$ref` values that name another file (`other.yaml#/x`, `"./a.json"`). */
const EXTERNAL_REF = /["']?\$ref["']?\s*:\s*["']?([^"'#\s,}\]]+)/g;

function kindOf(text: string): IndexedKind | undefined {
  const format = sniffFormat(text);
  return format === undefined ? undefined : format === 'arazzo1' ? 'arazzo' : 'openapi';
}

function externalRefs(uri: string, text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(EXTERNAL_REF)) {
    if (/^[a-z]+:/i.test(m[1]) && !m[1].startsWith('file:')) continue;
    out.add(resolveRefUri(m[1], uri).uri);
  }
  out.delete(uri);
  return [...out];
}

export class StandInWorkspaceIndex implements WorkspaceIndex {
  private readonly kinds = new Map<string, IndexedKind>();
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly parses = new Map<string, ParsedDocument>();
  private readonly forward = new Map<string, string[]>();
  private readonly listeners = new Set<(changes: readonly WorkspaceChange[]) => void>();
  private scanned: Promise<void> | undefined;
  private scanning = false;

  /**
   * `changesReported`: false for a client that sends no file-watch events; each `ready()` then
   * lists and reads the workspace again (unless a scan is running) and reports every file changed.
   */
  constructor(private readonly workspace: IWorkspace, private readonly options: { changesReported?: () => boolean } = {}) {}

  ready(): Promise<void> {
    const blind = this.options.changesReported?.() === false;
    if (this.scanned && blind && !this.scanning) {
      this.texts.clear();
      this.scanned = this.scan(true);
    }
    this.scanned ??= this.scan(false);
    return this.scanned;
  }

  private async scan(rescan: boolean): Promise<void> {
    this.scanning = true;
    try {
      await this.scanFiles(rescan);
    } finally {
      this.scanning = false;
    }
  }

  private async scanFiles(rescan: boolean): Promise<void> {
    const uris = (await this.workspace.listFiles?.(SPEC_EXTENSIONS).catch(() => [])) ?? [];
    const gone = [...this.kinds.keys(), ...this.forward.keys()].filter((uri) => !uris.includes(uri));
    for (const uri of gone) {
      this.kinds.delete(uri);
      this.forward.delete(uri);
    }
    for (const uri of uris) await this.classify(uri);
    if (rescan) this.emit([...uris.map((uri) => ({ uri, type: 'changed' as const })), ...gone.map((uri) => ({ uri, type: 'deleted' as const }))]);
  }

  private emit(changes: readonly WorkspaceChange[]): void {
    if (changes.length > 0) for (const l of [...this.listeners]) l(changes);
  }

  private async classify(uri: string): Promise<void> {
    const text = await this.getText(uri);
    const readable = text !== undefined && text.length <= MAX_TEXT;
    const kind = readable ? kindOf(text) : undefined;
    if (kind) this.kinds.set(uri, kind);
    else this.kinds.delete(uri);
    // Edges from fragments too (files holding only schemas), as the real index keeps them.
    const refs = readable ? externalRefs(uri, text) : [];
    if (refs.length > 0) this.forward.set(uri, refs);
    else this.forward.delete(uri);
  }

  files(kind?: IndexedKind): readonly IndexedFile[] {
    return [...this.kinds].filter(([, k]) => !kind || k === kind).map(([uri, k]) => ({ uri, kind: k }));
  }

  getText(uri: string): Promise<string | undefined> {
    let text = this.texts.get(uri);
    if (!text) this.texts.set(uri, (text = this.workspace.readFile(uri).catch(() => undefined)));
    return text;
  }

  async getParsed(uri: string): Promise<ParsedDocument | undefined> {
    const text = await this.getText(uri);
    if (text === undefined || text.length > MAX_TEXT) return undefined;
    const cached = this.parses.get(uri);
    if (cached?.text === text) return cached;
    const doc = parseDocument(uri, text);
    this.parses.set(uri, doc);
    return doc;
  }

  references(uri: string): readonly string[] {
    return this.forward.get(uri) ?? [];
  }

  referencedBy(uri: string): readonly string[] {
    return [...this.forward].filter(([, targets]) => targets.includes(uri)).map(([from]) => from);
  }

  onDidChange(listener: (changes: readonly WorkspaceChange[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** A buffer or file changed: forget its text and parse, re-classify, then tell the listeners. */
  async absorb(changes: readonly WorkspaceChange[]): Promise<void> {
    await this.ready();
    const relevant = changes.filter((c) => SPEC_EXTENSIONS.some((ext) => c.uri.endsWith(ext)));
    for (const c of relevant) {
      this.texts.delete(c.uri);
      this.parses.delete(c.uri);
      if (c.type === 'deleted') {
        this.kinds.delete(c.uri);
        this.forward.delete(c.uri);
      } else await this.classify(c.uri);
    }
    this.emit(relevant);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
