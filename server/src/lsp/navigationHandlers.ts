/**
 * LSP wiring for navigation and authoring in OpenAPI documents (engine/navigation) and Arazzo
 * documents (engine/languageFeatures/arazzoNavigation): definition, references, symbols.
 * Every handler answers from the service's cached parses and checks its CancellationToken.
 */
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import type { LanguageService } from '../engine/languageService';
import type { ParsedDocument } from '../engine/document/parsedDocument';
import type { NavigationFiles } from '../engine/navigation/targets';
import { definitionAt } from '../engine/navigation/definition';
import { referencesAt } from '../engine/navigation/references';
import { documentSymbols } from '../engine/navigation/documentSymbols';
import { workspaceSymbols } from '../engine/navigation/workspaceSymbols';
import { cancelledAsError } from './codeActionHandlers';

export const NAVIGATION_CAPABILITIES = {
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
};

/** Parses come from the service (open buffers, per version) or the index (closed files, per text): never one per request. */
export function navigationFiles(service: LanguageService, documents: TextDocuments<TextDocument>): NavigationFiles {
  return {
    async parse(uri) {
      const open = documents.get(uri);
      return open ? service.getDocument(uri, open.getText(), open.version) : service.index.getParsed(uri);
    },
    referencedBy: (uri) => service.index.referencedBy(uri),
    async openApiFiles() {
      await service.index.ready();
      const open = documents.all().filter((d) => service.index.kindOf?.(d.uri) === undefined && service.isSpecText(d.getText())).map((d) => d.uri);
      return [...service.index.files('openapi').map((f) => f.uri), ...open];
    },
  };
}

export function registerNavigation(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>) {
  const files = navigationFiles(service, documents);
  const current = (uri: string): ParsedDocument | undefined => {
    const doc = documents.get(uri);
    return doc ? service.getDocument(uri, doc.getText(), doc.version) : undefined;
  };
  /** Runs `fn` on the current parse of an OpenAPI/Arazzo document; a cancelled request answers RequestCancelled. */
  async function withDoc<T>(uri: string, token: CancellationToken, empty: T, fn: (doc: ParsedDocument) => Promise<T> | T): Promise<T> {
    if (token.isCancellationRequested) return empty;
    const doc = current(uri);
    if (!doc?.format) return empty;
    try {
      return await fn(doc);
    } catch (e) {
      return cancelledAsError(e);
    }
  }

  connection.onDefinition((params, token) => withDoc(params.textDocument.uri, token, null as Location | null, async (doc) => {
    if (doc.format === 'arazzo1') return (await service.getArazzoDefinition(doc, params.position).catch(() => undefined)) ?? null;
    return (await definitionAt(doc, params.position, files, token)) ?? null;
  }));

  connection.onReferences((params, token) => withDoc(params.textDocument.uri, token, [] as Location[], async (doc) => {
    const own = await referencesAt(doc, params.position, files, params.context.includeDeclaration, token);
    const steps = await service.getArazzoReferences(doc, params.position).catch(() => []);
    return [...own, ...steps];
  }));

  connection.onDocumentSymbol((params, token) => withDoc(params.textDocument.uri, token, [], (doc) => documentSymbols(doc)));

  connection.onWorkspaceSymbol(async (params, token) => {
    try {
      return await workspaceSymbols(params.query, files, token);
    } catch (e) {
      return cancelledAsError(e);
    }
  });
}
