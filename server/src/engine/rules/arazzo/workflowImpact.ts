/**
 * Which steps of the workspace's workflows use a spec, against its base and its revision, and the
 * resulting impact of its changes. Files are read through the caller's reader and parsed documents.
 */
import { resolveRefUri, type SpecInput } from '../../refs';
import type { Change } from '../../diff/types';
import { resolveArazzo } from './analyze';
import { traceWorkflowImpact, withWorkflowImpact } from './impact';
import { str } from './model';
import type { SourceOptions, SourceReader } from './sources';
import { stepUses, type StepUse } from './uses';

export interface ArazzoFile { uri: string; value: unknown }

/** Whether an Arazzo document names `specUri` among its sources. */
export function callsSpec(arazzo: ArazzoFile, specUri: string): boolean {
  const list = (arazzo.value as { sourceDescriptions?: unknown } | undefined)?.sourceDescriptions;
  return Array.isArray(list) && list.some((s) => {
    const url = str(s, 'url');
    return url !== undefined && resolveRefUri(url, arazzo.uri).uri === specUri;
  });
}

/** Uses of the spec `input` (one version of it) by the steps of `arazzoFiles`. */
export async function usesOfSpec(arazzoFiles: readonly ArazzoFile[], input: SpecInput, read: SourceReader, options: SourceOptions): Promise<StepUse[]> {
  const overlay: SourceReader = async (uri) => (input.documents.has(uri) ? { value: input.documents.get(uri) } : read(uri));
  const out: StepUse[] = [];
  for (const file of arazzoFiles) {
    if (!callsSpec(file, input.uri)) continue;
    const analysis = await resolveArazzo(file.uri, file.value, overlay, options);
    out.push(...stepUses(analysis, file.uri, input.uri));
  }
  return out;
}

/** The changes between `base` and `revision` of a spec, traced to the workflows of `arazzoFiles`. */
export async function traceChanges(changes: readonly Change[], base: SpecInput, revision: SpecInput, arazzoFiles: readonly ArazzoFile[], read: SourceReader, options: SourceOptions): Promise<Change[]> {
  const callers = arazzoFiles.filter((f) => callsSpec(f, revision.uri));
  if (changes.length === 0 || callers.length === 0) return [...changes];
  const uses = { base: await usesOfSpec(callers, base, read, options), revision: await usesOfSpec(callers, revision, read, options) };
  return withWorkflowImpact(changes, traceWorkflowImpact(changes, uses));
}
