import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  InitializeParams,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './engine/languageService';
import { mergeSettings, SpecgateSettings } from './engine/settings';
import { NodeWorkspace } from './node/nodeWorkspace';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { SpectralWorkerHost } from './node/spectralWorkerHost';
import { RULESET_FILE_NAMES } from './engine/spectral/rulesetLoader';
import { registerRenameHandlers } from './lsp/renameHandlers';
import { formatDiff, summarize } from './engine/diff';
import { baselineLabel } from './engine/languageFeatures/breaking';
import { isMarkdownUri } from './engine/rules/docs/docsFiles';
import { docsCodeActions } from './engine/rules/docs/docsQuickFix';

/** Commands the client (or any LSP client) can run through workspace/executeCommand. */
export const Commands = { lintNow: 'specgate.lintNow', report: 'specgate.report' } as const;

const connection = createConnection(ProposedFeatures.all);
/** Per open spec: the baseline commit its current breaking-change hints were computed against. */
const lastBaselineCommit = new Map<string, string | undefined>();
const documents = new TextDocuments(TextDocument);
const workspace = new NodeWorkspace([], { trusted: false, buffers: documents });
let settings: SpecgateSettings = mergeSettings(undefined);
let pullConfiguration = false;

// Spectral runs in a worker thread (dist/spectralWorker.js), so requests never wait for a lint.
const spectralWorker = SpectralWorkerHost.available() ? new SpectralWorkerHost(workspace, (m) => connection.console.error(m)) : undefined;
const service = createLanguageService({ workspace, getSettings: () => settings, spectral: spectralWorker });
const scheduler = new DiagnosticsScheduler({
  service,
  settings: () => settings,
  openDocument: (uri) => {
    const doc = documents.get(uri);
    return doc ? { text: doc.getText(), version: doc.version } : undefined;
  },
  publish: (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, version }),
  // A notification, not showMessageRequest: nothing to answer, and every client shows it.
  notify: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
  status: (uri, diagnostics) => void connection.sendNotification('specgate/status', {
    uri,
    errors: diagnostics.filter((d) => d.severity === 1).length,
    warnings: diagnostics.filter((d) => d.severity === 2).length,
    total: diagnostics.length,
  }),
  log: (message) => connection.console.error(message),
  baselineStatus: (uri, analysis) => {
    lastBaselineCommit.set(uri, analysis.baseline.kind === 'ok' ? analysis.baseline.revision : undefined);
    void connection.sendNotification('specgate/baseline', {
    uri,
    ref: analysis.baseline.ref,
    revision: analysis.baseline.kind === 'ok' ? analysis.baseline.revision : undefined,
    state: analysis.baseline.kind,
    message: analysis.baseline.kind === 'ok' ? undefined : analysis.baseline.message,
    breaking: analysis.changes.filter((c) => c.level === 'breaking').length,
    potentiallyBreaking: analysis.changes.filter((c) => c.level === 'potentially-breaking').length,
    nonBreaking: analysis.changes.filter((c) => c.level === 'non-breaking').length,
    semver: analysis.result?.semver.required,
    });
  },
});

/** The parse of the open document's current version (cached by the service). */
function currentDoc(uri: string) {
  const doc = documents.get(uri);
  return doc ? service.getDocument(uri, doc.getText(), doc.version) : undefined;
}

connection.onHover(async (params) => {
  if (isMarkdownUri(params.textDocument.uri)) return null;
  const doc = currentDoc(params.textDocument.uri);
  return doc ? (await service.getHover(doc, params.position)) ?? null : null;
});

connection.onCodeAction(async (params) => {
  if (isMarkdownUri(params.textDocument.uri)) {
    return docsCodeActions(params.textDocument.uri, documents.get(params.textDocument.uri)?.version ?? null, params.context.diagnostics);
  }
  const doc = currentDoc(params.textDocument.uri);
  if (!doc) return [];
  return service.getCodeActions(doc, params.range, params.context.diagnostics, params.context.only);
});

connection.onInitialize((params: InitializeParams) => {
  const init = (params.initializationOptions ?? {}) as { settings?: unknown; trusted?: boolean };
  workspace.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (workspace.folders.length === 0 && params.rootUri) workspace.folders = [params.rootUri];
  // Clients without a notion of trust (Neovim, Helix...) opt in with initializationOptions.trusted.
  workspace.setTrusted(init.trusted === true);
  settings = mergeSettings(init.settings);
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      executeCommandProvider: { commands: [Commands.lintNow, Commands.report, ...naming.commands] },
      renameProvider: { prepareProvider: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.specgate'], resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'specgate', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'specgate' }).catch(() => undefined);
    await refreshSettings();
  }
});

async function refreshSettings(pushed?: unknown): Promise<void> {
  if (pushed !== undefined && pushed !== null) settings = mergeSettings(pushed);
  else if (pullConfiguration) {
    try {
      const [config] = await connection.workspace.getConfiguration([{ section: 'specgate' }]);
      settings = mergeSettings(config);
    } catch {
      // Keep the previous settings: a client that cannot answer should not reset them.
    }
  }
  service.invalidateRulesets();
  for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { specgate?: unknown } | undefined)?.specgate;
  void refreshSettings(pullConfiguration ? undefined : pushed);
});

connection.onNotification('specgate/setTrusted', (params: { trusted: boolean }) => {
  workspace.setTrusted(params?.trusted === true);
  service.invalidateRulesets();
  for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
});

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((c) => RULESET_FILE_NAMES.some((name) => c.uri.endsWith('/' + name)) || /\.spectral|functions/.test(c.uri))) {
    service.invalidateRulesets();
  }
  for (const doc of documents.all()) scheduler.schedule(doc.uri);
});

const naming = registerRenameHandlers(connection, service, documents);
connection.onExecuteCommand(async (params) => {
  if (naming.commands.includes(params.command)) return naming.execute(params);
  if (params.command === Commands.report) {
    const uris = (params.arguments?.filter((a): a is string => typeof a === 'string')) ?? [];
    return { markdown: await breakingReport(uris.length > 0 ? uris : documents.all().map((d) => d.uri)) };
  }
  if (params.command === Commands.lintNow) {
    const uris = (params.arguments?.filter((a): a is string => typeof a === 'string')) ?? [];
    for (const uri of uris.length > 0 ? uris : documents.all().map((d) => d.uri)) await scheduler.runNow(uri);
  }
  return null;
});

/** The reviewer's report: every change of each open spec against its baseline, as markdown. */
async function breakingReport(uris: string[]): Promise<string> {
  const sections: string[] = [];
  for (const uri of uris) {
    const doc = currentDoc(uri);
    if (!doc?.format) continue;
    const analysis = await service.getBreakingAnalysis(doc);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    if (!analysis.result) {
      sections.push(`# ${name}\n\nNo baseline: ${analysis.baseline.kind === 'ok' ? 'the document does not parse' : analysis.baseline.message}\n`);
      continue;
    }
    const result = { ...analysis.result, changes: analysis.changes, summary: summarize(analysis.changes) };
    const body = formatDiff(result, 'markdown', { baseLabel: baselineLabel(analysis.baseline), revisionLabel: 'working copy' });
    sections.push(body.replace(/^# API changes/, `# API changes: ${name}`));
  }
  return sections.length > 0 ? sections.join('\n---\n\n') : 'No open OpenAPI documents.\n';
}

/**
 * Follows the baseline ref as it moves (commit, checkout, pull, rebase) without a reload:
 * every client, even ones without file watching, gets refreshed hints. Compares with the
 * commit the last analysis used, so a move between two polls is never missed.
 */
setInterval(async () => {
  for (const doc of documents.all()) {
    if (!lastBaselineCommit.has(doc.uri)) continue;
    const commit = await workspace.git.resolveRef(doc.uri, settings.baseline).catch(() => undefined);
    if (lastBaselineCommit.has(doc.uri) && lastBaselineCommit.get(doc.uri) !== commit) {
      lastBaselineCommit.delete(doc.uri);
      scheduler.schedule(doc.uri, 0);
    }
  }
}, 1000).unref();

documents.onDidOpen((e) => scheduler.schedule(e.document.uri, 0));
documents.onDidChangeContent((e) => {
  scheduler.schedule(e.document.uri);
  // Guides are checked against the specs: an edited spec re-checks the open guides.
  if (!isMarkdownUri(e.document.uri)) for (const d of documents.all()) if (isMarkdownUri(d.uri)) scheduler.schedule(d.uri);
});
documents.onDidSave((e) => void scheduler.runNow(e.document.uri));
documents.onDidClose((e) => {
  lastBaselineCommit.delete(e.document.uri);
  scheduler.close(e.document.uri);
});

// The server must outlive any bad input: log and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`Specgate: uncaught ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Specgate: unhandled rejection ${(e as Error)?.stack ?? e}`));

documents.listen(connection);
connection.listen();
