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
  /** Fetches a remote URI; only called when the user allowed remote references. */
  fetchRemote?(uri: string): Promise<string | undefined>;
  /** Files in the workspace whose names match one of the extensions, e.g. ['.yaml', '.json']. */
  listFiles?(extensions: string[]): Promise<string[]>;
  readonly git?: IGit;
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

/** A workspace held in memory, for tests and for the CLI's stdin mode. */
export class InMemoryWorkspace implements IWorkspace {
  readonly files = new Map<string, string>();
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
  async listFiles(extensions: string[]): Promise<string[]> {
    return [...this.files.keys()].filter((uri) => extensions.some((ext) => uri.endsWith(ext)));
  }
}
