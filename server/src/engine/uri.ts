/**
 * URI ↔ path helpers on `vscode-uri` (what VS Code itself uses), so URIs built here match the
 * ones editors send: `C:\x` becomes `file:///c%3A/x`, `\\server\share` keeps its authority.
 * The string helpers below never re-serialize a URI, so a client's own spelling of a URI stays
 * a valid map key.
 */
import { URI } from 'vscode-uri';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const WINDOWS_PATH = /^([a-zA-Z]:[\\/]|\\\\)/;

/** The file-system path of a `file://` URI; other URIs are returned unchanged. */
export function uriToPath(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  return URI.parse(uri).fsPath;
}

/** A `file://` URI for an absolute path (POSIX or Windows); strings that are URIs already pass through. */
export function pathToUri(path: string): string {
  if (HAS_SCHEME.test(path)) return path;
  const normalized = WINDOWS_PATH.test(path) ? path.replace(/\\/g, '/') : path;
  return URI.file(normalized).toString();
}

/** The URI of `name` inside the directory `dirUri`: the name percent-encoded as VS Code does, the directory as given. */
export function childUri(dirUri: string, name: string): string {
  return joinUri(dirUri, URI.file('/' + name).toString().slice('file:///'.length));
}

export function dirnameUri(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i > 'file://'.length ? uri.slice(0, i) : uri;
}

export function joinUri(dir: string, name: string): string {
  return dir.replace(/\/$/, '') + '/' + name;
}

export function basenameUri(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** True when `child` is `parent` or below it. */
export function isUnder(child: string, parent: string): boolean {
  const p = parent.replace(/\/$/, '');
  return child === p || child.startsWith(p + '/');
}

/** `uri`'s path below `parentUri`, decoded and '/'-separated (`a/b.yaml`); undefined when not below it. */
export function relativePath(parentUri: string, uri: string): string | undefined {
  const p = parentUri.replace(/\/$/, '');
  if (!uri.startsWith(p + '/')) return undefined;
  return uri.slice(p.length + 1).split('/').map((s) => safeDecode(s)).join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
