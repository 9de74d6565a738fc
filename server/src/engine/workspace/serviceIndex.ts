import type { SpecgateSettings } from '../settings';
import type { IWorkspace } from '../workspace';
import type { Logger } from '../logger';
import { dependentsOf, FileWorkspaceIndex } from './workspaceIndex';

/**
 * The language service's index: parse limits and `specgate.exclude` from the settings, and on
 * every change the changed files plus everything that depends on them through `$ref` handed to
 * `invalidate`, so caches built from them are dropped.
 */
export function createServiceIndex(
  workspace: IWorkspace,
  settings: () => SpecgateSettings,
  changesReported: (() => boolean) | undefined,
  logger: Logger,
  hooks: { invalidate(uris: readonly string[]): void },
  deferParse?: (text: string) => boolean,
): FileWorkspaceIndex {
  const index = new FileWorkspaceIndex(workspace, {
    exclude: () => settings().exclude,
    parseLimits: () => ({ maxDepth: settings().maxNestingDepth, maxAliasCount: settings().maxAliasCount }),
    changesReported: () => changesReported?.() ?? false,
    logger,
    deferParse,
  });
  index.onDidChange((changes) => {
    const affected = new Set<string>();
    for (const change of changes) {
      affected.add(change.uri);
      for (const dependent of dependentsOf(index, change.uri)) affected.add(dependent);
    }
    hooks.invalidate([...affected]);
  });
  return index;
}
