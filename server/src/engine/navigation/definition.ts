/**
 * Go to definition in OpenAPI documents: `$ref`s (local, other file, fragment, whole file),
 * security requirement names, discriminator mapping values, links' operationId/operationRef and
 * operation tags. A missing target gives nothing: the diagnostics say what is broken.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { indexDocument, ownString, own, isObj } from '../openapi';
import { joinPointer } from '../jsonPointer';
import { throwIfCancelled, type Cancellation } from '../references/cancellation';
import {
  elementAt, isLinkField, isMappingValue, isOperationTag, isSecurityRequirementName, locate, locationIn, mappingTarget, refTarget,
  securitySchemesPointer, type NavigationFiles, type Target,
} from './targets';

/** Where the element under the cursor is defined (a pointer in some file), before checking that it exists. */
export function definitionTarget(doc: ParsedDocument, position: Position): Target | undefined {
  // Fragments (shared schema files without `openapi:`) have `$ref`s too: no format needed for those.
  if (doc.format === 'arazzo1') return undefined;
  const el = elementAt(doc, position);
  if (!el) return undefined;
  const { segments, value, target } = el;
  const last = segments[segments.length - 1];
  if (target === 'value' && typeof value === 'string') {
    if (last === '$ref' || isLinkField(segments, 'operationRef')) return refTarget(value, doc.uri);
    if (isMappingValue(segments)) return mappingTarget(value, doc);
    if (!doc.format) return undefined;
    if (isLinkField(segments, 'operationId')) {
      const op = indexDocument(doc.value, doc.format).operations.find((o) => ownString(o.operation, 'operationId') === value);
      return op ? { uri: doc.uri, pointer: op.pointer } : undefined;
    }
    if (isOperationTag(segments)) {
      const tags = own(doc.value, 'tags');
      const i = Array.isArray(tags) ? tags.findIndex((t) => isObj(t) && t.name === value) : -1;
      return i >= 0 ? { uri: doc.uri, pointer: joinPointer('/tags', i) } : undefined;
    }
  }
  if (doc.format && isSecurityRequirementName(segments, target)) return { uri: doc.uri, pointer: joinPointer(securitySchemesPointer(doc), last) };
  return undefined;
}

export async function definitionAt(doc: ParsedDocument, position: Position, files: NavigationFiles, token?: Cancellation): Promise<Location | undefined> {
  const target = definitionTarget(doc, position);
  if (!target) return undefined;
  throwIfCancelled(token);
  const location = await locate(files, target, doc);
  // A root tag is found by its item; land on its name.
  if (location && target.uri === doc.uri && /^\/tags\/\d+$/.test(target.pointer)) return locationIn(doc, target.pointer + '/name', 'value') ?? location;
  return location;
}
