import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import type { FileChange } from '../engine/workspace';
import { dependentsOf, type WorkspaceIndex } from '../engine/workspace/workspaceIndex';

/**
 * What the server asks the client to watch (dynamic registration): every file the workspace
 * index or a cache depends on, and git's HEAD and refs, so the baseline follows commits and
 * checkouts without polling.
 */
export const FILE_WATCHERS = [
  '**/*.{yaml,yml,json,md}',
  '**/CODEOWNERS',
  '**/catalog-info.yaml',
  '**/.gitignore',
  '**/.spectral.{js,mjs,cjs}',
  '**/.git/HEAD',
  '**/.git/packed-refs',
  '**/.git/refs/**',
].map((globPattern) => ({ globPattern }));

const TYPES: Record<number, FileChange['type']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

export function toFileChanges(events: readonly FileEvent[]): FileChange[] {
  return events.filter((e) => TYPES[e.type]).map((e) => ({ uri: e.uri, type: TYPES[e.type] }));
}

/** Open documents that depend on a changed file through `$ref` (the changed files themselves left out). */
export function openDependents(index: WorkspaceIndex, changes: readonly FileChange[], isOpen: (uri: string) => boolean): string[] {
  const out = new Set<string>();
  for (const change of changes) for (const uri of dependentsOf(index, change.uri)) if (isOpen(uri)) out.add(uri);
  for (const change of changes) out.delete(change.uri);
  return [...out];
}
