/** Go to definition and find references for Arazzo steps, over the workspace's documents. */
import type { Location, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { resolveArazzo } from '../rules/arazzo/analyze';
import { arazzoDefinition, stepsCalling, type PointerLocation } from '../rules/arazzo/navigation';
import { callsSpec, type ArazzoFile } from '../rules/arazzo/workflowImpact';
import type { SourceOptions, SourceReader } from '../rules/arazzo/sources';
import { splitPointer, joinPointer } from '../jsonPointer';

export interface NavigationContext {
  read: SourceReader;
  options: SourceOptions;
  /** A parse of any file, for ranges (open buffers first). */
  parse(uri: string): Promise<ParsedDocument | undefined>;
  arazzoFiles(): Promise<ArazzoFile[]>;
}

async function toLocation(ctx: NavigationContext, at: PointerLocation): Promise<Location | undefined> {
  const doc = await ctx.parse(at.uri);
  const range = doc?.rangeOf(at.pointer, at.target);
  return range ? { uri: at.uri, range } : undefined;
}

export async function arazzoDefinitionAt(doc: ParsedDocument, position: Position, ctx: NavigationContext): Promise<Location | undefined> {
  if (doc.format !== 'arazzo1' || doc.value === undefined) return undefined;
  const at = doc.pointerAt(doc.textDocument.offsetAt(position));
  if (!at) return undefined;
  const analysis = await resolveArazzo(doc.uri, doc.value, ctx.read, ctx.options);
  const found = arazzoDefinition(analysis, doc.uri, doc.value, at.pointer);
  return found ? toLocation(ctx, found) : undefined;
}

/** In a spec, on an operation (its method key, or anything inside it such as its operationId): the steps calling it. */
export async function operationReferencesAt(doc: ParsedDocument, position: Position, ctx: NavigationContext): Promise<Location[]> {
  if (!doc.format || doc.format === 'arazzo1' || doc.value === undefined) return [];
  const at = doc.pointerAt(doc.textDocument.offsetAt(position));
  const segments = at ? splitPointer(at.pointer) : [];
  if (segments[0] !== 'paths' || segments.length < 3) return [];
  const operationPointer = joinPointer('', ...segments.slice(0, 3));
  const out: Location[] = [];
  for (const file of await ctx.arazzoFiles()) {
    if (!callsSpec(file, doc.uri)) continue;
    const analysis = await resolveArazzo(file.uri, file.value, ctx.read, ctx.options);
    for (const step of stepsCalling(analysis, file.uri, doc.uri, operationPointer)) {
      const location = await toLocation(ctx, step);
      if (location) out.push(location);
    }
  }
  return out;
}
