/** LSP wiring for Arazzo navigation: definition (steps → operations, outputs) and references (operation → steps). */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../engine/languageService';

export const ARAZZO_NAVIGATION_CAPABILITIES = { definitionProvider: true, referencesProvider: true };

export function registerArazzoNavigation(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>): void {
  const current = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? service.getDocument(uri, doc.getText(), doc.version) : undefined;
  };
  connection.onDefinition(async (params) => {
    const doc = current(params.textDocument.uri);
    return doc?.format ? ((await service.getArazzoDefinition(doc, params.position).catch(() => undefined)) ?? null) : null;
  });
  connection.onReferences(async (params) => {
    const doc = current(params.textDocument.uri);
    return doc?.format ? service.getArazzoReferences(doc, params.position).catch(() => []) : [];
  });
}
