/**
 * Which workspace files mention which names: the segments of every `#/...` pointer (`$ref`s,
 * discriminator mappings, operationRefs) and every operationId (Arazzo's
 * `$sourceDescriptions.<source>.<id>` counted by its id). Built once from the workspace index,
 * then kept current by its change events, so a rename looks up its candidate files instead of
 * reading the workspace. A superset by design: the rename itself checks what each `$ref` resolves to.
 */
import type { ParsedDocument } from '../document/parsedDocument';
import type { OtherFiles } from './renameEdits';
import { throwIfCancelled, type Cancellation } from './cancellation';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

const POINTER = /#\/[^"'\s,}\]]*/g;
const OPERATION_ID = /["']?operationId["']?\s*:\s*["']?([^"'\s,}\]]+)/g;

function decode(segment: string): string {
  let s = segment;
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep the raw segment
  }
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The names a file's text mentions in pointers and operationIds. */
export function mentionedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const [pointer] of text.matchAll(POINTER)) {
    for (const segment of pointer.slice(2).split('/')) {
      if (segment === '') continue;
      names.add(segment);
      names.add(decode(segment));
    }
  }
  for (const m of text.matchAll(OPERATION_ID)) {
    names.add(m[1]);
    names.add(m[1].slice(m[1].lastIndexOf('.') + 1));
  }
  return names;
}

export class SymbolIndex {
  private readonly byFile = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();
  /** Files whose entry must be rebuilt before the next lookup (changed since). */
  private readonly stale = new Set<string>();
  private built: Promise<void> | undefined;
  /** One refresh at a time, so a lookup never sees a half-rebuilt entry. */
  private refreshing: Promise<void> = Promise.resolve();
  private readonly subscription: { dispose(): void };

  constructor(private readonly index: WorkspaceIndex) {
    this.subscription = index.onDidChange((changes) => {
      for (const c of changes) this.stale.add(c.uri);
    });
  }

  private async build(): Promise<void> {
    await this.index.ready();
    for (const file of this.index.files()) if (file.kind === 'openapi' || file.kind === 'arazzo') this.stale.add(file.uri);
  }

  private refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.rebuildStale());
    return this.refreshing;
  }

  private async rebuildStale(): Promise<void> {
    this.built ??= this.build();
    await this.built;
    const indexed = new Set(this.index.files().filter((f) => f.kind === 'openapi' || f.kind === 'arazzo').map((f) => f.uri));
    for (const uri of [...this.stale]) {
      this.stale.delete(uri);
      this.forget(uri);
      if (!indexed.has(uri)) continue;
      const text = await this.index.getText(uri);
      if (text === undefined) continue;
      const names = mentionedNames(text);
      this.byFile.set(uri, names);
      for (const name of names) {
        let files = this.byName.get(name);
        if (!files) this.byName.set(name, (files = new Set()));
        files.add(uri);
      }
    }
  }

  private forget(uri: string): void {
    for (const name of this.byFile.get(uri) ?? []) this.byName.get(name)?.delete(uri);
    this.byFile.delete(uri);
  }

  /** Indexed OpenAPI/Arazzo files that mention `name`. */
  async filesMentioning(name: string): Promise<string[]> {
    await this.refresh();
    return [...(this.byName.get(name) ?? [])];
  }

  /**
   * The `OtherFiles` of a rename in `selfUri`: the files with a `$ref` edge to it (fragments
   * included) and the indexed files mentioning the name (Arazzo steps), parsed only when their
   * text holds the name; never the document itself.
   */
  otherFiles(selfUri: string, token?: Cancellation): OtherFiles {
    let ready: Promise<void> | undefined;
    return async (name) => {
      const out: ParsedDocument[] = [];
      // Once per request (fix-all asks for many names): a client without file events rescans here.
      await (ready ??= this.index.rediscover?.() ?? this.index.ready());
      const candidates = new Set([...this.index.referencedBy(selfUri), ...(await this.filesMentioning(name))]);
      for (const uri of candidates) {
        throwIfCancelled(token);
        if (uri === selfUri || !(await this.index.getText(uri))?.includes(name)) continue;
        const doc = await this.index.getParsed(uri);
        if (doc?.value !== undefined && doc.problems.length === 0) out.push(doc);
      }
      return out;
    };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
