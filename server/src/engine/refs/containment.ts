/**
 * Which files a spec may pull in through `$ref`. A pull request's spec that references
 * `/proc/self/environ` or `../../ci-secrets.yaml` must not make the editor or a CI run read it,
 * so local references stay inside the workspace (or the spec's own folder when it is outside
 * every workspace folder) unless the user allows more, as remote references are refused.
 */
import { dirnameUri, isUnder } from '../uri';

export const OUTSIDE_SETTING = 'specgate.allowReferencesOutsideWorkspace';
export const OUTSIDE_FLAG = '--allow-outside-refs';

/** The folder a spec's local references must stay in. */
export function referenceRoot(specUri: string, folders: readonly string[]): string {
  return folders.find((f) => isUnder(specUri, f)) ?? dirnameUri(specUri);
}

/** Undefined when `targetUri` may be read; otherwise why not, for the user. */
export function outsideReferenceRefusal(targetUri: string, root: string, allowOutside: boolean): string | undefined {
  if (allowOutside || !targetUri.startsWith('file://') || isUnder(targetUri, root)) return undefined;
  const shown = decodeURIComponent(targetUri.slice('file://'.length));
  return `$ref to ${shown} leaves the workspace (${decodeURIComponent(root.slice('file://'.length))}); not read. Set ${OUTSIDE_SETTING} (CLI ${OUTSIDE_FLAG}) to allow it.`;
}
