/** `specgate diff`: each change traced to the Arazzo workflow steps in the working directory that it breaks. */
import type { Change } from './engine/diff/types';
import type { SpecInput } from './engine/refs';
import type { SpecgateSettings } from './engine/settings';
import type { IWorkspace } from './engine/workspace';
import { parseDocument } from './engine/document/parsedDocument';
import { workspaceSourceReader } from './engine/languageFeatures/arazzoDiagnostics';
import { arazzoFilesOf } from './engine/languageFeatures/workflowImpact';
import { traceChanges, type ArazzoFile } from './engine/rules/arazzo/workflowImpact';
import type { WorkspaceIndex } from './engine/workspace/workspaceIndex';

export function workflowTracer(workspace: IWorkspace, settings: SpecgateSettings, index: WorkspaceIndex) {
  let files: Promise<ArazzoFile[]> | undefined;
  const read = workspaceSourceReader(workspace, (uri, text) => parseDocument(uri, text));
  const options = { allowRemote: settings.allowRemoteReferences, maxFiles: settings.maxReferencedFiles };
  /** The changes with `workflows` on each (empty when no step uses the changed element). */
  return async (changes: Change[], base: SpecInput, revision: SpecInput): Promise<Change[]> => {
    if (changes.length === 0) return changes;
    files ??= arazzoFilesOf(index);
    // Two-file mode: the workflows call the revision's file; see the base root as that file.
    const alias = base.uri !== revision.uri;
    const baseInput = alias ? { uri: revision.uri, documents: new Map([...base.documents].map(([u, v]) => [u === base.uri ? revision.uri : u, v])) } : base;
    const seen = alias ? changes.map((c) => (c.uri === base.uri ? { ...c, uri: revision.uri } : c)) : changes;
    const traced = await traceChanges(seen, baseInput, revision, await files, read, options);
    return traced.map((c, i) => ({ ...c, uri: changes[i].uri, workflows: c.workflows ?? [] }));
  };
}
