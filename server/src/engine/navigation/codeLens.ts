/**
 * "N references" above each component (`specgate.codeLens.references`, off by default): every
 * `$ref` and discriminator mapping to it from this file and the files that `$ref` this one.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { entries, own } from '../openapi';
import { joinPointer } from '../jsonPointer';
import { throwIfCancelled, type Cancellation } from '../references/cancellation';
import { locationIn, refSitesTo, type NavigationFiles } from './targets';

function componentPointers(doc: ParsedDocument): string[] {
  if (doc.format === 'oas2') {
    return ['definitions', 'parameters', 'responses'].flatMap((group) => entries(own(doc.value, group)).map(([name]) => joinPointer('/' + group, name)));
  }
  // Security schemes are used by name in requirements, not by `$ref`: their count would mislead.
  return entries(own(doc.value, 'components'), true).filter(([kind]) => kind !== 'securitySchemes')
    .flatMap(([kind, members]) => entries(members).map(([name]) => joinPointer('/components', kind, name)));
}

export async function referenceCodeLenses(doc: ParsedDocument, files: NavigationFiles, token?: Cancellation): Promise<CodeLens[]> {
  if (!doc.format || doc.format === 'arazzo1' || doc.value === undefined) return [];
  const counts = new Map<string, number>(componentPointers(doc).map((p) => [p, 0]));
  if (counts.size === 0) return [];
  for (const uri of new Set([doc.uri, ...files.referencedBy(doc.uri)])) {
    throwIfCancelled(token);
    const file = uri === doc.uri ? doc : await files.parse(uri);
    if (file?.value === undefined) continue;
    for (const [pointer, n] of counts) counts.set(pointer, n + refSitesTo(file, { uri: doc.uri, pointer }).length);
  }
  const out: CodeLens[] = [];
  for (const [pointer, n] of counts) {
    const at = locationIn(doc, pointer);
    if (at) out.push({ range: at.range, command: { title: n === 1 ? '1 reference' : `${n} references`, command: '' } });
  }
  return out;
}
