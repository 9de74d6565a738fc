/**
 * Workspace symbols across every API: operations by operationId and by `METHOD /path`, and
 * component schemas. Each file's symbols are built once per text and reused until it changes.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { indexDocument, ownString } from '../openapi';
import { basenameUri } from '../uri';
import { throwIfCancelled, type Cancellation } from '../references/cancellation';
import { locationIn, type NavigationFiles } from './targets';

const memo = new WeakMap<ParsedDocument, SymbolInformation[]>();

/** Every workspace symbol of one document (cached per parse). */
export function symbolsOf(doc: ParsedDocument): SymbolInformation[] {
  let out = memo.get(doc);
  if (out) return out;
  out = [];
  if (doc.format && doc.format !== 'arazzo1' && doc.value !== undefined) {
    const file = basenameUri(doc.uri);
    const index = indexDocument(doc.value, doc.format);
    for (const op of index.operations) {
      if (op.kind === 'callback') continue;
      const location = locationIn(doc, op.pointer);
      if (!location) continue;
      const route = `${op.method.toUpperCase()} ${op.path}`;
      const id = ownString(op.operation, 'operationId');
      if (id) out.push({ name: id, kind: SymbolKind.Method, location, containerName: `${route} · ${file}` });
      out.push({ name: route, kind: SymbolKind.Method, location, containerName: id ? `${id} · ${file}` : file });
    }
    for (const schema of index.schemaNames) {
      const location = locationIn(doc, schema.pointer);
      if (location) out.push({ name: schema.name, kind: SymbolKind.Class, location, containerName: `schema · ${file}` });
    }
  }
  memo.set(doc, out);
  return out;
}

/** Editors filter further; this keeps symbols whose name holds the query's characters in order (case-insensitive). */
export function matchesQuery(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ' && !n.includes(' ')) continue;
    at = n.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** At most `limit` symbols, so a one-letter query on a large workspace stays quick to send. */
export async function workspaceSymbols(query: string, files: NavigationFiles, token?: Cancellation, limit = 1000): Promise<SymbolInformation[]> {
  const out: SymbolInformation[] = [];
  for (const uri of await files.openApiFiles()) {
    throwIfCancelled(token);
    const doc = await files.parse(uri);
    if (!doc) continue;
    for (const s of symbolsOf(doc)) {
      if (!matchesQuery(s.name, query)) continue;
      out.push(s);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
