/** file:// URI ↔ path helpers that need no Node module, so the engine stays portable. */

export function uriToPath(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  return decodeURIComponent(new URL(uri).pathname);
}

export function pathToUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const encoded = path.split('/').map((part) => encodeURIComponent(part)).join('/');
  return 'file://' + (encoded.startsWith('/') ? encoded : '/' + encoded);
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
