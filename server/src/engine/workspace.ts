/**
 * Everything the engine needs from the outside world. The Node implementation lives in
 * `server/src/node/nodeWorkspace.ts`; tests use `InMemoryWorkspace`.
 */
export interface IWorkspace {
  /** Workspace folder URIs (file://...), for ruleset discovery. */
  readonly folders: readonly string[];
  /** Whether code from the workspace (JS rulesets, custom functions) may run. */
  isTrusted(): boolean;
  /** The text of a file: open editor buffers first, then disk. Undefined when it does not exist. */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * The UTF-8 bytes of a file (buffer first, then disk), at most the first `maxBytes`: discovery
   * classifies by a prefix and searches bytes, decoding text only where it needs it (decoding is
   * most of the cost of reading thousands of specs).
   */
  readFileBytes?(uri: string, maxBytes?: number): Promise<Uint8Array | undefined>;
  /** The entries of a directory (one level), or undefined when it is not one. */
  readDirectory?(uri: string): Promise<DirectoryEntry[] | undefined>;
  /** Created/changed/deleted files and buffers, as the host (editor, file watcher) reports them. */
  onDidChangeFiles?(listener: (changes: readonly FileChange[]) => void): Disposable;
  /** Fetches a remote URI; only called when the user allowed remote references. */
  fetchRemote?(uri: string): Promise<string | undefined>;
  /** Files in the workspace whose names match one of the extensions, e.g. ['.yaml', '.json']. */
  listFiles?(extensions: string[]): Promise<string[]>;
  readonly git?: IGit;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly type: 'file' | 'directory';
}

/** One change to a file on disk or to an open buffer (open, edit and close count as `changed`). */
export interface FileChange {
  readonly uri: string;
  readonly type: 'created' | 'changed' | 'deleted';
}

export interface Disposable {
  dispose(): void;
}

/** Listeners of file changes; hosts call `fire` with what they observed. */
export class FileChangeEmitter {
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();

  on(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  fire(changes: readonly FileChange[]): void {
    if (changes.length === 0) return;
    for (const listener of [...this.listeners]) listener(changes);
  }
}

export type GitFileResult =
  | { kind: 'ok'; text: string; revision: string }
  | { kind: 'no-git' | 'not-a-repo' | 'untracked' | 'missing-ref' | 'shallow-missing-ref' | 'error'; message: string };

export interface IGit {
  /** The text of `uri` at `ref` (a commit, branch, tag, HEAD). */
  readFileAt(uri: string, ref: string): Promise<GitFileResult>;
  /** The commit id `ref` resolves to in the repository containing `uri`, for caching. */
  resolveRef(uri: string, ref: string): Promise<string | undefined>;
}

/** A workspace held in memory, for tests and for the CLI's stdin mode. `setFile`/`deleteFile` fire change events. */
export class InMemoryWorkspace implements IWorkspace {
  readonly files = new Map<string, string>();
  private readonly changes = new FileChangeEmitter();
  constructor(
    files: Record<string, string> = {},
    readonly folders: string[] = ['file:///workspace'],
    private trusted = true,
    readonly git?: IGit,
  ) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
  }
  isTrusted(): boolean { return this.trusted; }
  setTrusted(trusted: boolean): void { this.trusted = trusted; }
  async readFile(uri: string): Promise<string | undefined> { return this.files.get(uri); }
  async readFileBytes(uri: string, maxBytes = Infinity): Promise<Uint8Array | undefined> {
    const text = this.files.get(uri);
    return text === undefined ? undefined : new TextEncoder().encode(text).subarray(0, maxBytes);
  }
  async listFiles(extensions: string[]): Promise<string[]> {
    return [...this.files.keys()].filter((uri) => extensions.some((ext) => uri.endsWith(ext)));
  }
  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    const prefix = uri.replace(/\/$/, '') + '/';
    const entries = new Map<string, DirectoryEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      entries.set(name, { name, type: slash < 0 ? 'file' : 'directory' });
    }
    return entries.size > 0 ? [...entries.values()] : undefined;
  }
  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable { return this.changes.on(listener); }
  /** Writes a file and reports it, as a watcher would. */
  setFile(uri: string, text: string): void {
    const type = this.files.has(uri) ? 'changed' : 'created';
    this.files.set(uri, text);
    this.changes.fire([{ uri, type }]);
  }
  deleteFile(uri: string): void {
    if (this.files.delete(uri)) this.changes.fire([{ uri, type: 'deleted' }]);
  }
}
