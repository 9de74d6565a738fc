import type { Hover, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { BreakingAnalysis } from '../analysis/breakingAnalysis';
import type { Audience } from '../catalog/audience';
import type { SpecgateSettings } from '../settings';
import type { Change } from '../diff';
import { throwIfCancelled, type Cancellation } from '../references/cancellation';
import { breakingHover, versionHover } from './breaking';

/** What a hover reads: the document's breaking analysis, its consumers and guides (all cached elsewhere). */
export interface HoverContext {
  analysis(doc: ParsedDocument): Promise<BreakingAnalysis>;
  audience(uri: string): Promise<Audience | undefined>;
  /** Guide lines that mention what the changes touch (docs drift). */
  guideNotes(doc: ParsedDocument): Promise<(changes: Change[]) => string[]>;
  settings(): SpecgateSettings;
}

/**
 * Hover on a spec: on `info.version` the required semver bump (after accepted changes); on a
 * changed element what breaks, who consumes it, which guides mention it, and what to do.
 */
export async function provideHover(ctx: HoverContext, doc: ParsedDocument, position: Position, token?: Cancellation): Promise<Hover | undefined> {
  if (!doc.format || doc.value === undefined) return undefined;
  const analysis = await ctx.analysis(doc);
  throwIfCancelled(token);
  const at = doc.pointerAt(doc.textDocument.offsetAt(position));
  if (at && at.pointer === '/info/version') return versionHover(analysis);
  if (analysis.changes.length === 0) return breakingHover(doc, analysis, ctx.settings(), position);
  const audience = await ctx.audience(doc.uri);
  throwIfCancelled(token);
  const notes = await ctx.guideNotes(doc);
  throwIfCancelled(token);
  return breakingHover(doc, analysis, ctx.settings(), position, audience, notes);
}
