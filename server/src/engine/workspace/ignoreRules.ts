import ignore, { type Ignore } from 'ignore';
import { dirnameUri, isUnder, relativePath } from '../uri';

/** Folders never walked, whatever `.gitignore` says. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/**
 * `.gitignore` files (root and nested) and the `specgate.exclude` patterns, answering whether a
 * path is ignored. Rules of deeper `.gitignore` files override shallower ones, as in git
 * (a deeper `!pattern` re-includes); `specgate.exclude` always wins.
 */
export class IgnoreRules {
  private readonly gitignores = new Map<string, Ignore>();
  private exclude: Ignore = ignore();

  constructor(private readonly folders: readonly string[]) {}

  setExclude(patterns: readonly string[]): void {
    this.exclude = ignore().add(patterns.filter((p) => typeof p === 'string' && p.trim() !== ''));
  }

  /** Records the `.gitignore` of directory `dirUri` (undefined text: it has none). */
  setGitignore(dirUri: string, text: string | undefined): void {
    if (text === undefined) this.gitignores.delete(dirUri);
    else this.gitignores.set(dirUri, ignore().add(text));
  }

  isIgnored(uri: string, isDirectory: boolean): boolean {
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    if (isDirectory && ALWAYS_SKIPPED.has(name)) return true;
    const folder = this.folders.find((f) => isUnder(uri, f) && uri !== f);
    if (!folder) return false;
    const suffix = isDirectory ? '/' : '';
    const fromFolder = relativePath(folder, uri)!;
    if (fromFolder.split('/').some((part) => ALWAYS_SKIPPED.has(part))) return true;
    if (this.exclude.ignores(fromFolder + suffix)) return true;
    let ignored = false;
    // Shallowest first, so the deepest .gitignore has the last word.
    for (const dir of ancestors(dirnameUri(uri), folder)) {
      const rules = this.gitignores.get(dir);
      if (!rules) continue;
      const verdict = rules.test(relativePath(dir, uri)! + suffix);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Whether a file is ignored, itself or through one of its parent directories (for change events). */
export function isIgnoredFile(rules: IgnoreRules, uri: string, folder: string): boolean {
  const dirs = ancestors(dirnameUri(uri), folder).filter((d) => d !== folder);
  return dirs.some((d) => rules.isIgnored(d, true)) || rules.isIgnored(uri, false);
}

/** `folder`, then each directory below it down to `dir`. */
function ancestors(dir: string, folder: string): string[] {
  const out: string[] = [];
  for (let d = dir; isUnder(d, folder); d = dirnameUri(d)) {
    out.unshift(d);
    if (d === folder || dirnameUri(d) === d) break;
  }
  return out;
}
