import { parseValue } from '../document/parseValue';
import { loadSpecGraph, SpecInput } from '../refs';
import type { GitFileResult, IWorkspace } from '../workspace';

export type BaselineUnavailable = Exclude<GitFileResult['kind'], 'ok'> | 'unparseable';

export type BaselineState =
  | {
      kind: 'ok';
      /** The ref the user asked for (`HEAD`, `origin/main`...). */
      ref: string;
      /** The commit it resolved to. */
      revision: string;
      /** The root's value and every `$ref`'d file, all read at that commit. */
      input: SpecInput;
    }
  | { kind: BaselineUnavailable; ref: string; message: string };

/**
 * Baselines are parsed once per (file, commit): the ref is resolved on each request so the
 * baseline follows HEAD through commits, checkouts and rebases, but parsing happens only
 * when the commit changes.
 */
export class BaselineCache {
  private readonly cache = new Map<string, Promise<BaselineState>>();

  constructor(private readonly workspace: IWorkspace, private readonly limits: () => { maxReferencedFiles: number }) {}

  async get(uri: string, ref: string): Promise<BaselineState> {
    const git = this.workspace.git;
    if (!git) return { kind: 'no-git', ref, message: 'No git access in this environment: breaking-change checks are off.' };
    const commit = await git.resolveRef(uri, ref);
    const key = `${uri}@${commit ?? ref}`;
    let pending = this.cache.get(key);
    if (!pending || !commit) {
      pending = this.load(uri, ref, commit);
      if (commit) this.cache.set(key, pending);
      this.evict();
    }
    return pending;
  }

  clear(): void {
    this.cache.clear();
  }

  private async load(uri: string, ref: string, commit: string | undefined): Promise<BaselineState> {
    const git = this.workspace.git!;
    const shown = await git.readFileAt(uri, commit ?? ref);
    if (shown.kind !== 'ok') return { kind: shown.kind, ref, message: shown.message };
    // The baseline needs values only (no ranges): the fast value parser serves it.
    const root = parseValue(uri, shown.text);
    if (root.value === undefined) {
      return { kind: 'unparseable', ref, message: `The version of this file at ${ref} does not parse (line ${(root.problem?.line ?? 0) + 1}): ${root.problem?.message ?? 'empty document'}` };
    }
    const at = shown.revision;
    const graph = await loadSpecGraph(uri, root.value, async (fileUri) => {
      const file = await git.readFileAt(fileUri, at);
      if (file.kind !== 'ok') return undefined;
      return parseValue(fileUri, file.text).value;
    }, { allowRemote: false, maxFiles: this.limits().maxReferencedFiles });
    return { kind: 'ok', ref, revision: at, input: { uri: graph.uri, documents: graph.documents } };
  }

  /** Keeps memory bounded: a handful of baselines per open file is plenty. */
  private evict(): void {
    while (this.cache.size > 32) this.cache.delete(this.cache.keys().next().value as string);
  }
}
