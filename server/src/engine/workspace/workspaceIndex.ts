import { deferredDocument, parseDocument, type ParsedDocument } from '../document/parsedDocument';
import type { Logger } from '../logger';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../document/limits';
import type { FileChange, IWorkspace } from '../workspace';
import { childUri, isUnder, relativePath } from '../uri';
import { classifyByName, classifyByPrefix, SNIFF_BYTES } from './classify';
import { IgnoreRules, isIgnoredFile } from './ignoreRules';
import { externalRefsOf, externalRefsOfBytes } from './refEdges';

export type IndexedKind = 'openapi' | 'arazzo' | 'catalog' | 'codeowners' | 'markdown' | 'ruleset';
export interface IndexedFile { readonly uri: string; readonly kind: IndexedKind; }
export interface WorkspaceChange { readonly uri: string; readonly type: 'created' | 'changed' | 'deleted'; }
export interface WorkspaceIndex {
  /** Resolves when the initial discovery scan has finished. */
  ready(): Promise<void>;
  /** Every indexed file, optionally of one kind. */
  files(kind?: IndexedKind): readonly IndexedFile[];
  /** The kind of one indexed file (undefined when not indexed), without listing them all. */
  kindOf?(uri: string): IndexedKind | undefined;
  /** Current text (open buffer first, then disk), cached until a change event for that uri. */
  getText(uri: string): Promise<string | undefined>;
  /** Parse of a YAML/JSON file (ParsedDocument from engine/document/parsedDocument), cached per text. */
  getParsed(uri: string): Promise<ParsedDocument | undefined>;
  /** Direct `$ref` edges: files this file references / files that reference this file. */
  references(uri: string): readonly string[];
  referencedBy(uri: string): readonly string[];
  /**
   * Where the host reports no file events, files created or deleted since the last discovery are
   * unknown: this discovers again (one scan at a time). Where events are reported it is `ready()`.
   */
  rediscover?(): Promise<void>;
  /** Fired after the index has absorbed a change (create/change/delete, buffer or disk). */
  onDidChange(listener: (changes: readonly WorkspaceChange[]) => void): { dispose(): void };
  dispose(): void;
}

export interface WorkspaceIndexOptions {
  /** `specgate.exclude`: gitignore-style globs relative to each workspace folder. */
  exclude?: () => readonly string[];
  parseLimits?: () => ParseLimits;
  /** Texts never parsed in this thread (the language server's main thread: see `deferredDocument`). */
  deferParse?: (text: string) => boolean;
  /**
   * False when nothing reports disk changes (an editor without file watching): texts are then
   * read again on every `getText`, parses still reused while the text is the same.
   */
  changesReported?: () => boolean;
  /** Most files and directories visited by the scan (a guard against giant trees). */
  maxEntries?: number;
  /** Where failures the index swallows (a change it could not apply, a failing listener) are reported. */
  logger?: Logger;
}

/** Concurrent reads during the scan: enough to hide latency, few enough for a shared machine. */
const SCAN_CONCURRENCY = 16;
/** Texts kept by `getText`, in characters; least recently used ones are read again when needed. */
const TEXT_CACHE_CHARS = 64 * 1024 * 1024;
const PARSE_CACHE_ENTRIES = 32;
/**
 * YAML/JSON files that are not API descriptions (fragments, shared schemas) up to this size are
 * read for their `$ref`s, so a fragment no spec reaches still joins the graph (renames reach it).
 * Larger ones are data, not fragments.
 */
const FRAGMENT_MAX_BYTES = 1024 * 1024;

/**
 * The workspace model: every OpenAPI/Arazzo document, Spectral ruleset, Backstage catalog file,
 * CODEOWNERS and Markdown file in the workspace folders, the `$ref` graph between files in both
 * directions, and texts and parses cached until a change event says otherwise.
 *
 * Discovery reads directories and the first bytes of each YAML/JSON file (the regex sniff), never
 * parses a large file, honours `.gitignore` (root and nested) and `specgate.exclude`, and skips
 * `node_modules` and `.git`. Change events from the workspace update only the affected entries.
 */
export class FileWorkspaceIndex implements WorkspaceIndex {
  private readonly entries = new Map<string, IndexedKind>();
  private readonly forward = new Map<string, readonly string[]>();
  private readonly backward = new Map<string, Set<string>>();
  private readonly texts = new Map<string, string | undefined>();
  private textChars = 0;
  private readonly parses = new Map<string, ParsedDocument>();
  private readonly listeners = new Set<(changes: readonly WorkspaceChange[]) => void>();
  private rules: IgnoreRules;
  private excludeKey = '';
  private scanned: Promise<void> | undefined;
  private scanDone = false;
  private rescanning: Promise<void> | undefined;
  /** YAML/JSON files the sniff did not classify: possible fragments, searched for `$ref`s. */
  private fragmentCandidates: string[] = [];
  /** Change events are applied one batch at a time, after the scan. */
  private queue: Promise<void> = Promise.resolve();
  private readonly subscription: { dispose(): void } | undefined;
  private disposed = false;

  constructor(private readonly workspace: IWorkspace, private readonly options: WorkspaceIndexOptions = {}) {
    this.rules = new IgnoreRules(workspace.folders);
    this.subscription = workspace.onDidChangeFiles?.((changes) => this.enqueue(changes));
  }

  kindOf(uri: string): IndexedKind | undefined {
    return this.entries.get(uri);
  }

  ready(): Promise<void> {
    this.scanned ??= this.scan().finally(() => { this.scanDone = true; });
    return this.scanned;
  }

  async rediscover(): Promise<void> {
    await this.ready();
    if (this.options.changesReported?.()) return;
    // Requests arriving during a rescan share it.
    this.rescanning ??= this.scan().finally(() => { this.rescanning = undefined; });
    await this.rescanning;
  }

  /** Whether the initial scan has finished (callers that cannot wait fall back to reading files). */
  isReady(): boolean {
    return this.scanDone;
  }

  files(kind?: IndexedKind): readonly IndexedFile[] {
    const out: IndexedFile[] = [];
    for (const [uri, k] of this.entries) if (!kind || k === kind) out.push({ uri, kind: k });
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  async getText(uri: string): Promise<string | undefined> {
    if (this.texts.has(uri)) {
      const text = this.texts.get(uri);
      // Most recently used last.
      this.texts.delete(uri);
      this.texts.set(uri, text);
      return text;
    }
    const text = await this.workspace.readFile(uri).catch(() => undefined);
    if ((this.options.changesReported?.() ?? true) && !this.disposed) this.remember(uri, text);
    return text;
  }

  async getParsed(uri: string): Promise<ParsedDocument | undefined> {
    const text = await this.getText(uri);
    return text === undefined ? undefined : this.parse(uri, text);
  }

  references(uri: string): readonly string[] {
    return this.forward.get(uri) ?? [];
  }

  referencedBy(uri: string): readonly string[] {
    return [...(this.backward.get(uri) ?? [])].sort();
  }

  onDidChange(listener: (changes: readonly WorkspaceChange[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** Applies a new `specgate.exclude`: rescans when the patterns differ from the last scan's. */
  async refreshSettings(): Promise<void> {
    if (!this.scanned || this.currentExcludeKey() === this.excludeKey) return;
    await this.ready();
    this.queue = this.queue.then(() => this.scan());
    await this.queue;
  }

  /** Resolves when every change event received so far has been absorbed. */
  settled(): Promise<void> {
    return this.ready().then(() => this.queue);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
    this.listeners.clear();
    this.texts.clear();
    this.parses.clear();
  }

  /** Whether this thread leaves `text` unparsed (read by the governance entry cache too). */
  defersParse(text: string): boolean {
    return this.options.deferParse?.(text) ?? false;
  }

  private limits(): ParseLimits {
    return this.options.parseLimits?.() ?? DEFAULT_PARSE_LIMITS;
  }

  private currentExcludeKey(): string {
    return JSON.stringify(this.options.exclude?.() ?? []);
  }

  private parse(uri: string, text: string): ParsedDocument {
    const cached = this.parses.get(uri);
    if (cached && cached.text === text) return cached;
    const doc = this.defersParse(text) ? deferredDocument(uri, text, 0) : parseDocument(uri, text, 0, this.limits());
    this.parses.delete(uri);
    this.parses.set(uri, doc);
    if (this.parses.size > PARSE_CACHE_ENTRIES) this.parses.delete(this.parses.keys().next().value as string);
    return doc;
  }

  private remember(uri: string, text: string | undefined): void {
    this.forgetText(uri);
    this.texts.set(uri, text);
    this.textChars += text?.length ?? 0;
    for (const old of this.texts.keys()) {
      if (this.textChars <= TEXT_CACHE_CHARS) break;
      this.forgetText(old);
    }
  }

  private forgetText(uri: string): void {
    if (!this.texts.has(uri)) return;
    this.textChars -= this.texts.get(uri)?.length ?? 0;
    this.texts.delete(uri);
  }

  // ---- discovery ----

  private async scan(): Promise<void> {
    this.excludeKey = this.currentExcludeKey();
    this.rules = new IgnoreRules(this.workspace.folders);
    this.rules.setExclude(this.options.exclude?.() ?? []);
    this.entries.clear();
    if (!this.workspace.readDirectory) return;
    let budget = this.options.maxEntries ?? 200_000;
    const sniff: string[] = [];
    let directories = this.workspace.folders.filter((f) => f.startsWith('file://'));
    // Breadth first, one directory level at a time, so each level's .gitignore is known before its children.
    while (directories.length > 0 && budget > 0) {
      const listed = await mapLimit(directories, SCAN_CONCURRENCY, async (dir) => ({ dir, entries: await this.workspace.readDirectory!(dir) }));
      const next: string[] = [];
      for (const { dir, entries } of listed) {
        if (!entries) continue;
        if (entries.some((e) => e.name === '.gitignore' && e.type === 'file')) {
          this.rules.setGitignore(dir, await this.workspace.readFile(childUri(dir, '.gitignore')).catch(() => undefined));
        }
        for (const entry of entries) {
          if (--budget < 0) break;
          const uri = childUri(dir, entry.name);
          if (this.rules.isIgnored(uri, entry.type === 'directory')) continue;
          if (entry.type === 'directory') {
            next.push(uri);
            continue;
          }
          const byName = classifyByName(relativePath(this.folderOf(uri)!, uri)!);
          if (byName === 'sniff') sniff.push(uri);
          else if (byName) this.entries.set(uri, byName);
        }
      }
      directories = next;
    }
    this.fragmentCandidates = [];
    await mapLimit(sniff, SCAN_CONCURRENCY, async (uri) => {
      const kind = await this.sniff(uri);
      if (kind) this.entries.set(uri, kind);
      else this.fragmentCandidates.push(uri);
    });
    await this.buildRefGraph();
  }

  private folderOf(uri: string): string | undefined {
    return this.workspace.folders.find((f) => isUnder(uri, f) && uri !== f);
  }

  private async sniff(uri: string): Promise<IndexedKind | undefined> {
    const prefix = this.workspace.readFileBytes
      ? decode(await this.workspace.readFileBytes(uri, SNIFF_BYTES).catch(() => undefined))
      : (await this.workspace.readFile(uri).catch(() => undefined))?.slice(0, SNIFF_BYTES);
    return prefix === undefined ? undefined : classifyByPrefix(prefix);
  }

  /** Edges from every API description, then from every file they reach (fragments), transitively. */
  private async buildRefGraph(): Promise<void> {
    this.forward.clear();
    this.backward.clear();
    let pending = this.files().filter((f) => f.kind === 'openapi' || f.kind === 'arazzo').map((f) => f.uri);
    // Unreached fragments: only those that reference another file join the graph.
    await mapLimit(this.fragmentCandidates, SCAN_CONCURRENCY, (uri) => this.updateFragmentEdges(uri));
    pending = pending.filter((uri) => !this.forward.has(uri));
    while (pending.length > 0) {
      const reached = await mapLimit(pending, SCAN_CONCURRENCY, (uri) => this.updateEdges(uri));
      pending = [...new Set(reached.flat())].filter((uri) => !this.forward.has(uri));
    }
  }

  /**
   * Re-reads the `$ref`s of one file; returns the targets whose own edges are not known yet.
   * The scan reads bytes and keeps nothing (it reads every spec once); a change event reads the
   * text (an open buffer's, without a copy) through the cache, as the analysis asks for it next.
   */
  private async updateEdges(uri: string, asText = false): Promise<string[]> {
    const parse = (u: string, t: string) => this.parse(u, t);
    let targets: string[];
    if (asText || this.texts.has(uri) || !this.workspace.readFileBytes) {
      const text = asText ? await this.getText(uri) : this.texts.has(uri) ? this.texts.get(uri) : await this.workspace.readFile(uri).catch(() => undefined);
      targets = text === undefined ? [] : externalRefsOf(uri, text, this.limits(), parse);
    } else {
      const bytes = await this.workspace.readFileBytes(uri).catch(() => undefined);
      targets = bytes === undefined ? [] : externalRefsOfBytes(uri, bytes, this.limits(), parse);
    }
    this.setEdges(uri, targets);
    return targets.filter((t) => !this.forward.has(t));
  }

  /** Edges of a small non-spec YAML/JSON file, recorded only when it has any. */
  private async updateFragmentEdges(uri: string): Promise<void> {
    if (this.forward.has(uri)) return;
    const bytes = this.workspace.readFileBytes
      ? await this.workspace.readFileBytes(uri, FRAGMENT_MAX_BYTES + 1).catch(() => undefined)
      : new TextEncoder().encode((await this.workspace.readFile(uri).catch(() => undefined)) ?? '');
    if (!bytes || bytes.length > FRAGMENT_MAX_BYTES) return;
    const targets = externalRefsOfBytes(uri, bytes, this.limits(), (u, t) => this.parse(u, t));
    if (targets.length > 0) this.setEdges(uri, targets);
  }

  private setEdges(uri: string, targets: readonly string[]): void {
    for (const old of this.forward.get(uri) ?? []) this.backward.get(old)?.delete(uri);
    this.forward.set(uri, targets);
    for (const target of targets) {
      let set = this.backward.get(target);
      if (!set) this.backward.set(target, (set = new Set()));
      set.add(uri);
    }
  }

  // ---- change events ----

  private enqueue(changes: readonly FileChange[]): void {
    if (this.disposed) return;
    // Cached texts go at once, so a read right after the event never sees the old text.
    for (const change of changes) this.forgetText(change.uri);
    this.queue = this.queue
      .then(() => this.ready())
      .then(() => this.apply(changes))
      .catch((e) => this.options.logger?.log(`Specgate: the workspace index could not apply a change: ${(e as Error)?.stack ?? e}`));
  }

  private async apply(changes: readonly FileChange[]): Promise<void> {
    if (this.disposed) return;
    for (const change of changes) this.forgetText(change.uri);
    if (changes.some((c) => c.uri.endsWith('/.gitignore')) || this.currentExcludeKey() !== this.excludeKey) {
      await this.scan();
    } else {
      for (const change of changes) await this.applyOne(change);
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(changes);
      } catch (e) {
        // One listener's failure must not starve the others.
        this.options.logger?.log(`Specgate: a workspace change listener failed: ${(e as Error)?.stack ?? e}`);
      }
    }
  }

  private async applyOne(change: FileChange): Promise<void> {
    const { uri } = change;
    if (change.type === 'deleted') {
      // A deleted directory takes everything below it.
      for (const known of [...this.entries.keys(), ...this.forward.keys()]) {
        if (known === uri || isUnder(known, uri)) {
          this.entries.delete(known);
          if (this.forward.has(known)) {
            this.setEdges(known, []);
            this.forward.delete(known);
          }
        }
      }
      return;
    }
    const folder = this.folderOf(uri);
    const byName = folder && !isIgnoredFile(this.rules, uri, folder) ? classifyByName(relativePath(folder, uri)!) : undefined;
    const kind = byName === 'sniff' ? await this.sniff(uri) : byName;
    if (kind) this.entries.set(uri, kind);
    else this.entries.delete(uri);
    // Edges: for API descriptions and for every file already in the graph (fragments).
    if (!kind && byName === 'sniff' && !this.forward.has(uri) && !this.backward.has(uri)) {
      await this.updateFragmentEdges(uri);
      return;
    }
    if (kind === 'openapi' || kind === 'arazzo' || this.forward.has(uri) || this.backward.has(uri)) {
      let pending = await this.updateEdges(uri, true);
      while (pending.length > 0) {
        const reached = await mapLimit(pending, SCAN_CONCURRENCY, (u) => this.updateEdges(u));
        pending = [...new Set(reached.flat())].filter((u) => !this.forward.has(u));
      }
    }
  }
}

/** Every file that depends on `uri` through `$ref`, transitively (not `uri` itself). */
export function dependentsOf(index: Pick<WorkspaceIndex, 'referencedBy'>, uri: string): string[] {
  const seen = new Set<string>([uri]);
  const queue = [uri];
  while (queue.length > 0) {
    for (const from of index.referencedBy(queue.shift()!)) {
      if (seen.has(from)) continue;
      seen.add(from);
      queue.push(from);
    }
  }
  seen.delete(uri);
  return [...seen];
}

function decode(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
