/**
 * Which Markdown files are guides: by default `docs/**`, `README.md` at the workspace root and
 * any `*.md` next to an API description; `specgate.docs.include` replaces the default patterns,
 * `specgate.docs.exclude` removes files (globs relative to the workspace folder). Changelogs are
 * excluded by default: they name removed operations on purpose.
 */
import picomatch from 'picomatch';
import { dirnameUri, isUnder } from '../../uri';

export const DEFAULT_DOCS_INCLUDE = ['docs/**/*.md', 'README.md'];
export const DEFAULT_DOCS_EXCLUDE = ['**/node_modules/**', '**/CHANGELOG*.md', '**/HISTORY.md'];

export interface DocsSelection { include: readonly string[]; exclude: readonly string[] }

export function isMarkdownUri(uri: string): boolean {
  return /\.(md|markdown)$/i.test(uri);
}

function relativeTo(folder: string, uri: string): string {
  return decodeURIComponent(uri.slice(folder.replace(/\/$/, '').length + 1));
}

/** Whether `uri` is a guide, given the workspace folders and the API description files. */
export function isGuide(uri: string, folders: readonly string[], specUris: readonly string[], selection: DocsSelection): boolean {
  if (!isMarkdownUri(uri)) return false;
  const folder = folders.find((f) => isUnder(uri, f));
  const relative = folder ? relativeTo(folder, uri) : decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const exclude = selection.exclude.length > 0 ? [...DEFAULT_DOCS_EXCLUDE, ...selection.exclude] : DEFAULT_DOCS_EXCLUDE;
  if (picomatch(exclude, { dot: true })(relative)) return false;
  if (selection.include.length > 0) return picomatch([...selection.include], { dot: true })(relative);
  if (picomatch(DEFAULT_DOCS_INCLUDE, { dot: true })(relative)) return true;
  const dir = dirnameUri(uri);
  return specUris.some((spec) => dirnameUri(spec) === dir);
}
