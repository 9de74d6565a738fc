/**
 * Find references in OpenAPI documents: every `$ref` (and discriminator mapping) to a component
 * across the workspace, following the index's `$ref` graph; security requirements naming a scheme;
 * links naming an operation; operations using a tag.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { getAtPointer, HTTP_METHODS, indexDocument, isObj, own, ownString } from '../openapi';
import { sitesOf } from '../references/documentSites';
import { joinPointer, splitPointer } from '../jsonPointer';
import { throwIfCancelled, type Cancellation } from '../references/cancellation';
import { definitionTarget } from './definition';
import {
  elementAt, isComponentMember, isLinkField, isOperationTag, isSecurityRequirementName, locationIn, refSitesTo, refTarget,
  sameTarget, securitySchemesPointer, type NavigationFiles, type Target,
} from './targets';

type Subject =
  | { kind: 'component'; target: Target }
  | { kind: 'securityScheme'; name: string }
  | { kind: 'operation'; operationId: string; pointer: string }
  | { kind: 'tag'; name: string };

function subjectAt(doc: ParsedDocument, position: Position): Subject | undefined {
  if (doc.format === 'arazzo1') return undefined;
  const el = elementAt(doc, position);
  if (!el) return undefined;
  const { segments, value, target } = el;
  // In a fragment (no `openapi:`), any member can be what `$ref`s point at.
  if (!doc.format) return target === 'key' ? { kind: 'component', target: { uri: doc.uri, pointer: el.pointer } } : refSubject(doc, position);
  const last = segments[segments.length - 1];
  const schemes = securitySchemesPointer(doc);
  if (isSecurityRequirementName(segments, target)) return { kind: 'securityScheme', name: last };
  if (target === 'key' && el.pointer === joinPointer(schemes, last)) return { kind: 'securityScheme', name: last };
  if (target === 'key' && isComponentMember(segments, doc.format)) return { kind: 'component', target: { uri: doc.uri, pointer: el.pointer } };
  if (typeof value === 'string' && last === 'operationId' && (HTTP_METHODS as readonly string[]).includes(segments[segments.length - 2])) {
    return { kind: 'operation', operationId: value, pointer: el.pointer.slice(0, el.pointer.lastIndexOf('/')) };
  }
  if (typeof value === 'string' && isLinkField(segments, 'operationId')) {
    const op = indexDocument(doc.value, doc.format).operations.find((o) => ownString(o.operation, 'operationId') === value);
    return op ? { kind: 'operation', operationId: value, pointer: op.pointer } : undefined;
  }
  if (typeof value === 'string' && (isOperationTag(segments) || (segments.length === 3 && segments[0] === 'tags' && last === 'name'))) return { kind: 'tag', name: value };
  return target === 'value' ? refSubject(doc, position) : undefined;
}

/** On a `$ref` (or mapping value): references to what it points at. */
function refSubject(doc: ParsedDocument, position: Position): Subject | undefined {
  const pointed = definitionTarget(doc, position);
  return pointed ? { kind: 'component', target: pointed } : undefined;
}

export async function referencesAt(doc: ParsedDocument, position: Position, files: NavigationFiles, includeDeclaration: boolean, token?: Cancellation): Promise<Location[]> {
  const subject = subjectAt(doc, position);
  if (!subject) return [];
  const out: Location[] = [];
  const push = (location: Location | undefined) => location && out.push(location);
  switch (subject.kind) {
    case 'component': {
      const { target } = subject;
      const candidates = new Set([doc.uri, target.uri, ...files.referencedBy(target.uri)]);
      for (const uri of candidates) {
        throwIfCancelled(token);
        const file = uri === doc.uri ? doc : await files.parse(uri);
        if (file?.value === undefined) continue;
        for (const site of refSitesTo(file, target)) push(locationIn(file, site.pointer, 'value'));
      }
      if (includeDeclaration) push(await declaration(files, target, doc));
      break;
    }
    case 'securityScheme':
      for (const pointer of securityRequirements(doc)) {
        if (own(getAtPointer(doc.value, pointer), subject.name) !== undefined) push(locationIn(doc, joinPointer(pointer, subject.name)));
      }
      if (includeDeclaration) push(locationIn(doc, joinPointer(securitySchemesPointer(doc), subject.name)));
      break;
    case 'operation': {
      for (const site of sitesOf(doc).operationIds) {
        if (site.value === subject.operationId && isLinkField(splitPointer(site.pointer), 'operationId')) push(locationIn(doc, site.pointer, 'value'));
      }
      for (const site of sitesOf(doc).operationRefs) {
        const to = refTarget(site.value, doc.uri);
        if (to && sameTarget(to, { uri: doc.uri, pointer: subject.pointer })) push(locationIn(doc, site.pointer, 'value'));
      }
      if (includeDeclaration) push(locationIn(doc, joinPointer(subject.pointer, 'operationId'), 'value'));
      break;
    }
    case 'tag': {
      for (const op of indexDocument(doc.value, doc.format!).operations) {
        const tags = own(op.operation, 'tags');
        if (Array.isArray(tags)) tags.forEach((t, i) => t === subject.name && push(locationIn(doc, joinPointer(op.pointer, 'tags', i), 'value')));
      }
      const rootTags = own(doc.value, 'tags');
      const i = Array.isArray(rootTags) ? rootTags.findIndex((t) => isObj(t) && t.name === subject.name) : -1;
      if (includeDeclaration && i >= 0) push(locationIn(doc, joinPointer('/tags', i, 'name'), 'value'));
      break;
    }
  }
  return out;
}

async function declaration(files: NavigationFiles, target: Target, doc: ParsedDocument): Promise<Location | undefined> {
  const file = target.uri === doc.uri ? doc : await files.parse(target.uri);
  return file ? locationIn(file, target.pointer) : undefined;
}

/** Pointers of every security requirement object (root and operations). */
function securityRequirements(doc: ParsedDocument): string[] {
  const out: string[] = [];
  const add = (holder: unknown, pointer: string) => {
    const list = own(holder, 'security');
    if (Array.isArray(list)) list.forEach((_, i) => out.push(joinPointer(pointer, 'security', i)));
  };
  add(doc.value, '');
  for (const op of indexDocument(doc.value, doc.format!).operations) add(op.operation, op.pointer);
  return out;
}
