/**
 * What navigation features share: the element under the cursor, where a `$ref` (or a
 * discriminator mapping value, or an operationRef) points, and the location of a pointer in a file.
 */
import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { DirectoryEntry } from '../workspace';
import { isRemoteUri, resolveRefUri } from '../refs';
import { getAtPointer } from '../openapi';
import { sitesOf } from '../references/documentSites';
import { joinPointer, splitPointer, type JsonPointer } from '../jsonPointer';
import type { FindingTarget } from '../style/types';

/** How navigation reads the workspace: parses are the caller's cached ones, never made per request. */
export interface NavigationFiles {
  /** The current parse of a file (open buffer first), or undefined when unreadable. */
  parse(uri: string): Promise<ParsedDocument | undefined>;
  /** Files with a direct `$ref` edge to `uri` (the workspace index's graph). */
  referencedBy(uri: string): readonly string[];
  /** Every OpenAPI document of the workspace. */
  openApiFiles(): Promise<readonly string[]>;
  listDirectory?(uri: string): Promise<DirectoryEntry[] | undefined>;
}

export interface Target {
  uri: string;
  pointer: JsonPointer;
}

export interface Element {
  pointer: JsonPointer;
  target: FindingTarget;
  segments: string[];
  value: unknown;
}

/** The key or scalar under the cursor, with its decoded path and value. */
export function elementAt(doc: ParsedDocument, position: Position): Element | undefined {
  if (doc.value === undefined) return undefined;
  const at = doc.pointerAt(doc.textDocument.offsetAt(position));
  if (!at) return undefined;
  return { ...at, segments: splitPointer(at.pointer), value: getAtPointer(doc.value, at.pointer) };
}

/** Where a `$ref`-like string points; undefined for remote references (never fetched here). */
export function refTarget(ref: string, fromUri: string): Target | undefined {
  // Local pointers are most `$ref`s of a large spec: no URI resolution for them.
  if (ref.startsWith('#/') && !ref.includes('%')) return { uri: fromUri, pointer: ref.slice(1) };
  const target = resolveRefUri(ref, fromUri);
  if (isRemoteUri(target.uri)) return undefined;
  if (target.pointer !== '' && !target.pointer.startsWith('/')) return undefined;
  return target;
}

/** A discriminator mapping value is a `$ref` or a bare schema name. */
export function mappingTarget(value: string, doc: ParsedDocument): Target | undefined {
  if (value.includes('#') || value.includes('/') || /\.(ya?ml|json)$/i.test(value)) return refTarget(value, doc.uri);
  return { uri: doc.uri, pointer: doc.format === 'oas2' ? joinPointer('/definitions', value) : joinPointer('/components/schemas', value) };
}

/** True when the segments name a discriminator mapping value. */
export function isMappingValue(segments: string[]): boolean {
  return segments.length >= 3 && segments[segments.length - 2] === 'mapping' && segments[segments.length - 3] === 'discriminator';
}

/** From a key's start to its value's end (a whole member), or the node itself for items and the root. */
export function spanOf(doc: ParsedDocument, pointer: JsonPointer): { range: Range; selection: Range } | undefined {
  const node = doc.nodeAt(pointer);
  if (!node) return undefined;
  const first = node.key?.range ?? node.value?.range;
  const last = node.value?.range ?? node.key?.range;
  if (!first || !last) return undefined;
  const at = (offset: number) => doc.textDocument.positionAt(offset);
  const selectionNode = (node.key ?? node.value)!.range!;
  // Block values end after their last line break: end the span on the last line of text.
  let end = Math.max(last[1], first[1]);
  while (end > first[0] && /\s/.test(doc.text[end - 1])) end--;
  // Clients reject a selection outside the range (an array item's selection is its whole, untrimmed value).
  const selectionEnd = Math.max(selectionNode[0], Math.min(selectionNode[1], end));
  return { range: { start: at(first[0]), end: at(end) }, selection: { start: at(selectionNode[0]), end: at(selectionEnd) } };
}

/** The location of an existing pointer (its key, or the node for array items and the root); undefined when absent. */
export function locationIn(doc: ParsedDocument, pointer: JsonPointer, target: FindingTarget = 'key'): Location | undefined {
  const node = doc.nodeAt(pointer);
  if (!node) return undefined;
  if (pointer === '') return { uri: doc.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const chosen = target === 'key' && node.key ? node.key : node.value ?? node.key;
  if (!chosen?.range) return undefined;
  return { uri: doc.uri, range: { start: doc.textDocument.positionAt(chosen.range[0]), end: doc.textDocument.positionAt(chosen.range[1]) } };
}

export async function locate(files: NavigationFiles, target: Target, self?: ParsedDocument): Promise<Location | undefined> {
  const doc = self && self.uri === target.uri ? self : await files.parse(target.uri);
  return doc ? locationIn(doc, target.pointer) : undefined;
}

export interface RefSite {
  pointer: JsonPointer;
  value: string;
}

const sitesByTarget = new WeakMap<ParsedDocument, Map<string, RefSite[]>>();
const targetKey = (t: Target) => `${t.uri}#${t.pointer}`;

/** The document's `$ref`s and mapping values by what they point at: built once per parse, then a lookup per request. */
export function refSitesTo(doc: ParsedDocument, target: Target): readonly RefSite[] {
  let index = sitesByTarget.get(doc);
  if (!index) {
    index = new Map();
    for (const site of sitesOf(doc).refs) {
      const to = site.mapping ? mappingTarget(site.value, doc) : refTarget(site.value, doc.uri);
      if (!to) continue;
      const key = targetKey(to);
      const list = index.get(key);
      if (list) list.push(site);
      else index.set(key, [site]);
    }
    sitesByTarget.set(doc, index);
  }
  return index.get(targetKey(target)) ?? [];
}

export function sameTarget(a: Target, b: Target): boolean {
  return a.uri === b.uri && a.pointer === b.pointer;
}

/** Members that are reusable components: `components/<kind>/<name>`, Swagger 2.0 `definitions|parameters|responses|securityDefinitions/<name>`. */
export function isComponentMember(segments: string[], format: ParsedDocument['format']): boolean {
  if (format === 'oas2') return segments.length === 2 && ['definitions', 'parameters', 'responses', 'securityDefinitions'].includes(segments[0]);
  return segments.length === 3 && segments[0] === 'components';
}

export function securitySchemesPointer(doc: ParsedDocument): JsonPointer {
  return doc.format === 'oas2' ? '/securityDefinitions' : '/components/securitySchemes';
}

/** A security requirement's scheme name: `security/<i>/<name>` at the root or in an operation. */
export function isSecurityRequirementName(segments: string[], target: FindingTarget): boolean {
  return target === 'key' && segments.length >= 3 && segments[segments.length - 3] === 'security' && /^\d+$/.test(segments[segments.length - 2])
    && (segments.length === 3 || segments[0] === 'paths' || segments[0] === 'webhooks');
}

/** An operation's tag: `paths/<p>/<method>/tags/<i>`. */
export function isOperationTag(segments: string[]): boolean {
  return segments.length >= 5 && segments[segments.length - 2] === 'tags' && /^\d+$/.test(segments[segments.length - 1]) && (segments[0] === 'paths' || segments[0] === 'webhooks');
}

/** A link's operationId (`.../links/<name>/operationId`, in responses or in components). */
export function isLinkField(segments: string[], field: 'operationId' | 'operationRef'): boolean {
  return segments.length >= 3 && segments[segments.length - 1] === field && segments[segments.length - 3] === 'links';
}
