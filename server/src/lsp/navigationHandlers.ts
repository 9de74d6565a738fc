/**
 * LSP wiring for navigation and authoring in OpenAPI documents (engine/navigation) and Arazzo
 * documents (engine/languageFeatures/arazzoNavigation): definition, references, symbols.
 * Every handler answers from the service's cached parses and checks its CancellationToken.
 */
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Location, MarkupContent, Position } from 'vscode-languageserver-types';
import type { SpecgateSettings } from '../engine/settings';
import type { IWorkspace } from '../engine/workspace';
import { isUnder } from '../engine/uri';
import type { LanguageService } from '../engine/languageService';
import type { ParsedDocument } from '../engine/document/parsedDocument';
import type { NavigationFiles } from '../engine/navigation/targets';
import { definitionAt } from '../engine/navigation/definition';
import { referencesAt } from '../engine/navigation/references';
import { documentSymbols } from '../engine/navigation/documentSymbols';
import { workspaceSymbols } from '../engine/navigation/workspaceSymbols';
import { completionsAt } from '../engine/navigation/completion';
import { navigationHover } from '../engine/navigation/hover';
import { documentLinks } from '../engine/navigation/documentLinks';
import { referenceCodeLenses } from '../engine/navigation/codeLens';
import { answerOrCancelled } from './cancellation';

/** Above this many characters completion reads names from the latest parse instead of parsing the new version. */
const LARGE_FOR_COMPLETION = 512 * 1024;

export const NAVIGATION_CAPABILITIES = {
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  completionProvider: { triggerCharacters: ['/', '#', "'", '"'] },
  documentLinkProvider: { resolveProvider: false },
  codeLensProvider: { resolveProvider: false },
};

/** One hover from the breaking-change hover and the navigation hover (either may be missing). */
export function mergeHovers(first: Hover | undefined, second: Hover | undefined): Hover | undefined {
  if (!first || !second) return first ?? second;
  const text = (h: Hover) => (typeof h.contents === 'object' && 'kind' in h.contents ? (h.contents as MarkupContent).value : String(h.contents));
  return { contents: { kind: 'markdown', value: `${text(first)}\n\n---\n\n${text(second)}` }, range: first.range };
}

/** Parses come from the service (open buffers, per version) or the index (closed files, per text): never one per request. */
export function navigationFiles(service: LanguageService, documents: TextDocuments<TextDocument>, workspace?: IWorkspace): NavigationFiles {
  return {
    async parse(uri) {
      const open = documents.get(uri);
      return open ? service.getDocument(uri, open.getText(), open.version) : service.index.getParsed(uri);
    },
    referencedBy: (uri) => service.index.referencedBy(uri),
    // Only inside the workspace folders: completion never lists the rest of the disk.
    listDirectory: async (uri) => (workspace?.folders.some((f) => isUnder(uri, f)) ? workspace.readDirectory?.(uri) : undefined),
    async openApiFiles() {
      await service.index.ready();
      const open = documents.all().filter((d) => service.index.kindOf?.(d.uri) === undefined && service.isSpecText(d.getText())).map((d) => d.uri);
      return [...service.index.files('openapi').map((f) => f.uri), ...open];
    },
  };
}

export function registerNavigation(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>, host: { settings: () => SpecgateSettings; workspace: IWorkspace }) {
  const files = navigationFiles(service, documents, host.workspace);
  const settings = host.settings;
  /** The latest parse each handler saw: completion reads names from it instead of parsing every keystroke. */
  const lastParsed = new Map<string, ParsedDocument>();
  documents.onDidClose((e) => lastParsed.delete(e.document.uri));
  const current = (uri: string): ParsedDocument | undefined => {
    const doc = documents.get(uri);
    const parsed = doc ? service.getDocument(uri, doc.getText(), doc.version) : undefined;
    if (parsed) lastParsed.set(uri, parsed);
    return parsed;
  };
  /** Runs `fn` on the current parse of an OpenAPI/Arazzo document; a cancelled request answers RequestCancelled. */
  async function withDoc<T>(uri: string, token: CancellationToken, empty: T, fn: (doc: ParsedDocument) => Promise<T> | T, fragments = false): Promise<T> {
    if (token.isCancellationRequested) return empty;
    const doc = current(uri);
    // `fragments`: shared YAML/JSON files without `openapi:` take part too (their `$ref`s and members).
    if (!doc || (!doc.format && !(fragments && /\.(ya?ml|json)$/i.test(uri)))) return empty;
    return answerOrCancelled(async () => fn(doc));
  }

  connection.onDefinition((params, token) => withDoc(params.textDocument.uri, token, null as Location | null, async (doc) => {
    if (doc.format === 'arazzo1') return (await service.getArazzoDefinition(doc, params.position).catch(() => undefined)) ?? null;
    return (await definitionAt(doc, params.position, files, token)) ?? null;
  }, true));

  connection.onReferences((params, token) => withDoc(params.textDocument.uri, token, [] as Location[], async (doc) => {
    const own = await referencesAt(doc, params.position, files, params.context.includeDeclaration, token);
    const steps = await service.getArazzoReferences(doc, params.position).catch(() => []);
    return [...own, ...steps];
  }, true));

  connection.onDocumentSymbol((params, token) => withDoc(params.textDocument.uri, token, [], (doc) => documentSymbols(doc)));

  connection.onCompletion(async (params, token) => {
    const live = documents.get(params.textDocument.uri);
    if (!live || token.isCancellationRequested) return [];
    // Small documents: the current version (parsed once, shared with diagnostics). Large ones: the latest
    // parse, so a keystroke's completion never waits for a multi-second parse of the new version.
    const seen = lastParsed.get(live.uri);
    const fresh = seen && (seen.version === live.version || live.getText().length > LARGE_FOR_COMPLETION) ? seen : current(live.uri);
    // A half-typed line may leave the new version without a value: the previous parse still knows the names.
    const names = fresh?.value === undefined && seen ? seen : fresh;
    if (!names?.format) return [];
    return answerOrCancelled(() => completionsAt({ uri: live.uri, text: live.getText(), offset: live.offsetAt(params.position), position: params.position, names, files, token }));
  });

  connection.onDocumentLinks((params, token) => withDoc(params.textDocument.uri, token, [], (doc) => documentLinks(doc), true));

  connection.onCodeLens((params, token) => withDoc(params.textDocument.uri, token, [], (doc) => (settings().codeLens.references ? referenceCodeLenses(doc, files, token) : [])));

  connection.onWorkspaceSymbol((params, token) => answerOrCancelled(() => workspaceSymbols(params.query, files, token)));

  return {
    /** The navigation part of a hover (server.ts merges it with the breaking-change hover). */
    hover: (doc: ParsedDocument, position: Position, token: CancellationToken) => navigationHover(doc, position, files, token).catch(() => undefined),
  };
}
