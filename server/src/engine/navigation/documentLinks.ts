/** Document links on `$ref`s to other files: the file part opens the referenced file. */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { sitesOf } from '../references/documentSites';
import { resolveRefUri, isRemoteUri } from '../refs';
import { locationIn } from './targets';

export function documentLinks(doc: ParsedDocument): DocumentLink[] {
  if (doc.format === 'arazzo1' || doc.value === undefined) return [];
  const out: DocumentLink[] = [];
  for (const site of sitesOf(doc).refs) {
    if (site.mapping && !site.value.includes('/') && !site.value.includes('.')) continue;
    const hash = site.value.indexOf('#');
    const file = hash < 0 ? site.value : site.value.slice(0, hash);
    if (file === '' || isRemoteUri(file)) continue;
    const location = locationIn(doc, site.pointer, 'value');
    if (!location) continue;
    // Link the file part only (inside any quotes), so the fragment stays selectable.
    const { start } = location.range;
    const quoted = /["']/.test(doc.text[doc.textDocument.offsetAt(start)] ?? '') ? 1 : 0;
    const range = { start: { line: start.line, character: start.character + quoted }, end: { line: start.line, character: start.character + quoted + file.length } };
    const target = resolveRefUri(file, doc.uri).uri;
    out.push({ range, target, tooltip: hash < 0 ? 'Open the referenced file' : `Open the referenced file (${site.value.slice(hash)})` });
  }
  return out;
}
