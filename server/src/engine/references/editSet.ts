/**
 * Text edits per file, as a fix-all merges them: identical edits kept once, overlapping ones refused.
 * Each file's edits stay sorted by start, so merging one more fix looks at its neighbours only
 * (a binary search), not at every edit taken so far: fix-all stays linear in the number of fixes.
 */
import type { Position, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

const isEmpty = (e: TextEdit) => cmp(e.range.start, e.range.end) === 0;

export function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point are a conflict too (their order would be arbitrary).
  if (cmp(a.range.end, b.range.start) < 0 || cmp(b.range.end, a.range.start) < 0) return false;
  const both = isEmpty(a) && isEmpty(b);
  if (cmp(a.range.end, b.range.start) === 0 && !both) return false;
  if (cmp(b.range.end, a.range.start) === 0 && !both) return false;
  return true;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && cmp(a.range.start, b.range.start) === 0 && cmp(a.range.end, b.range.end) === 0;
}

/** One file's edits, sorted by start (equal starts in the order added). */
class FileEdits {
  readonly list: TextEdit[] = [];
  /** No two different edits overlap: ends then rise with starts, and neighbours are all a check needs. */
  private disjoint = true;

  /** Index of the first edit starting after `p`. */
  private after(p: Position): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(this.list[mid].range.start, p) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The edits that may overlap or equal `e` (every edit when the list is not disjoint). */
  private near(e: TextEdit): TextEdit[] {
    if (!this.disjoint) return this.list;
    const out: TextEdit[] = [];
    // Edits starting at or before e's end; going back, a non-empty edit ending before e starts ends the search:
    // in a disjoint list nothing before it reaches further.
    for (let i = this.after(e.range.end) - 1; i >= 0; i--) {
      const m = this.list[i];
      if (cmp(m.range.end, e.range.start) < 0 && !isEmpty(m)) break;
      out.push(m);
    }
    return out;
  }

  /** Whether `e` overlaps an edit of this file other than an identical one. */
  conflicts(e: TextEdit): boolean {
    return this.near(e).some((m) => !sameEdit(m, e) && overlaps(m, e));
  }

  add(e: TextEdit): void {
    const near = this.near(e);
    if (near.some((m) => sameEdit(m, e))) return;
    if (this.disjoint && near.some((m) => overlaps(m, e))) this.disjoint = false;
    this.list.splice(this.after(e.range.start), 0, e);
  }
}

/** Text edits per file URI. Identical edits are kept once; `tryMerge` refuses overlapping ones. */
export class EditSet {
  private readonly files = new Map<string, FileEdits>();

  add(uri: string, edit: TextEdit | undefined): void {
    if (!edit) return;
    let file = this.files.get(uri);
    if (!file) this.files.set(uri, (file = new FileEdits()));
    file.add(edit);
  }

  /** Each file's edits, sorted by start. */
  get byUri(): ReadonlyMap<string, TextEdit[]> {
    return new Map([...this.files].map(([uri, f]) => [uri, f.list]));
  }

  get size(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.list.length;
    return n;
  }

  /** Whether every edit of `other` can join this set without overlapping a different edit. */
  compatible(other: EditSet): boolean {
    for (const [uri, theirs] of other.files) {
      const mine = this.files.get(uri);
      if (mine && theirs.list.some((e) => mine.conflicts(e))) return false;
      if (theirs.list.some((e) => theirs.conflicts(e))) return false;
    }
    return true;
  }

  /** Adds `other` when compatible; returns whether it was added. */
  tryMerge(other: EditSet): boolean {
    if (!this.compatible(other)) return false;
    for (const [uri, theirs] of other.files) for (const e of theirs.list) this.add(uri, e);
    return true;
  }

  /**
   * A WorkspaceEdit with versioned `documentChanges`: `versions` gives the version each edit was
   * computed for (an editor refuses the edit once the document moved on); other files get `null`.
   */
  toWorkspaceEdit(versions: ReadonlyMap<string, number>, annotationId?: string): WorkspaceEdit {
    const documentChanges: TextDocumentEdit[] = [];
    for (const [uri, file] of this.files) {
      if (file.list.length === 0) continue;
      documentChanges.push({
        textDocument: { uri, version: versions.get(uri) ?? null },
        edits: annotationId ? file.list.map((e) => ({ ...e, annotationId })) : [...file.list],
      });
    }
    return { documentChanges };
  }
}
