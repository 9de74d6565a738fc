import { isLegacy } from './engine/analysis/legacy';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
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
import { registerCodeActionHandlers } from './lsp/codeActionHandlers';
import { formatDiff, summarize } from './engine/diff';
import { baselineLabel } from './engine/languageFeatures/breaking';
import { FILE_WATCHERS, openDependents, toFileChanges } from './lsp/fileEvents';
import { BASELINE_BACKSTOP_POLL_MS, BASELINE_POLL_MS, BaselineFollower } from './lsp/baselineFollower';
import { audienceMarkdown } from './engine/catalog/audience';
import { APIS_REQUEST } from './engine/catalog/apiSummaries';
import { mergeHovers, NAVIGATION_CAPABILITIES, registerNavigation } from './lsp/navigationHandlers';
import { isMarkdownUri } from './engine/rules/docs/docsFiles';
import { answerOrCancelled } from './lsp/cancellation';
import { baselineReport } from './lsp/baselineReport';
import { AnalysisWorkerHost } from './node/analysisWorkerHost';
import type { BaselineReport } from './node/analysisWorkerProtocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { keepHeapNearLiveSize } from './node/heapGrowth';

/** Commands the client (or any LSP client) can run through workspace/executeCommand. */
export const Commands = { lintNow: 'specgate.lintNow', report: 'specgate.report' } as const;
/** Sent once every layer of a document version has finished and its findings are published. */
const ANALYSIS_FINISHED = 'specgate/analysisFinished';

keepHeapNearLiveSize();
const connection = createConnection(ProposedFeatures.all);
/** Per open spec: the baseline commit its current breaking-change hints were computed against. */
const lastBaselineCommit = new Map<string, string | undefined>();
/** initializationOptions.trace: the server reports internal events (`specgate/trace`), for tests of idle behaviour. */
let traceEvents = false;
const documents = new TextDocuments(TextDocument);
const workspace = new NodeWorkspace([], { trusted: false, buffers: documents });
let settings: SpecgateSettings = mergeSettings(undefined);
let pullConfiguration = false;
/** The client watches files for us (dynamic registration): caches then live until its events. */
let clientWatchesFiles = false;

// What an analysis reports, wherever it ran (this thread or the background one).
const publish = (uri: string, diagnostics: Diagnostic[], version?: number) => connection.sendDiagnostics({ uri, diagnostics, version });
// A notification, not showMessageRequest: nothing to answer, and every client shows it.
const notify = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
const log = (message: string) => connection.console.error(message);
const analysisFinished = (uri: string, version: number) => void connection.sendNotification(ANALYSIS_FINISHED, { uri, version });
const sendBaseline = (report: BaselineReport, commit: string) => {
  lastBaselineCommit.set(report.uri, commit);
  void connection.sendNotification('specgate/baseline', report);
};

// Spectral runs in a worker thread (dist/spectralWorker.js), so requests never wait for a lint.
const spectralWorker = SpectralWorkerHost.available()
  ? new SpectralWorkerHost(workspace, log, (uri) => service.index.getText(uri), false, undefined, (uri, version) => documents.get(uri)?.version !== version)
  : undefined;
// Documents above backgroundAnalysisThresholdKB are parsed and analysed in another thread, never in this one.
const background = AnalysisWorkerHost.available() ? new AnalysisWorkerHost({
  openVersion: (uri) => documents.get(uri)?.version,
  publish,
  status: sendStatus,
  baseline: sendBaseline,
  finished: analysisFinished,
  notify,
  log,
}) : undefined;
const configureBackground = () => background?.configure(settings, workspace.folders, workspace.isTrusted());
const service = createLanguageService({
  workspace, getSettings: () => settings, spectral: spectralWorker, fileChangesReported: () => clientWatchesFiles,
  logger: { log },
  deferParse: (text) => background?.accepts(text) ?? false,
});
const scheduler = new DiagnosticsScheduler({
  service,
  settings: () => settings,
  openDocument: (uri) => {
    const doc = documents.get(uri);
    return doc ? { text: doc.getText(), version: doc.version } : undefined;
  },
  publish,
  notify,
  status: sendStatus,
  log,
  analysisFinished,
  baselineStatus: (uri, analysis) => {
    const { report, commit } = baselineReport(uri, analysis);
    sendBaseline(report, commit);
  },
  background,
});

function sendStatus(uri: string, diagnostics: Diagnostic[]): void {
  void connection.sendNotification('specgate/status', {
    uri,
    errors: diagnostics.filter((d) => d.severity === 1 && !isLegacy(d)).length,
    warnings: diagnostics.filter((d) => d.severity === 2 && !isLegacy(d)).length,
    // Legacy findings (already published, see engine/analysis/legacy) are debt, not status.
    total: diagnostics.filter((d) => !isLegacy(d)).length,
  });
}

/** The parse of the open document's current version (cached by the service). */
function currentDoc(uri: string) {
  const doc = documents.get(uri);
  return doc ? service.getDocument(uri, doc.getText(), doc.version) : undefined;
}

connection.onHover(async (params, token) => {
  if (isMarkdownUri(params.textDocument.uri)) return null;
  const doc = currentDoc(params.textDocument.uri);
  return doc ? answerOrCancelled(async () => mergeHovers(await service.getHover(doc, params.position, token), await navigation.hover(doc, params.position, token)) ?? null) : null;
});

const codeActions = registerCodeActionHandlers(connection, service, documents);

connection.onInitialize((params: InitializeParams) => {
  const init = (params.initializationOptions ?? {}) as { settings?: unknown; trusted?: boolean; trace?: boolean };
  traceEvents = init.trace === true;
  workspace.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (workspace.folders.length === 0 && params.rootUri) workspace.folders = [params.rootUri];
  // Clients without a notion of trust (Neovim, Helix...) opt in with initializationOptions.trusted.
  workspace.setTrusted(init.trusted === true);
  settings = mergeSettings(init.settings);
  configureBackground();
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  clientWatchesFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      executeCommandProvider: { commands: [Commands.lintNow, Commands.report, ...naming.commands] },
      renameProvider: { prepareProvider: true },
      hoverProvider: true,
      ...NAVIGATION_CAPABILITIES,
      codeActionProvider: codeActions.initialize(params.capabilities),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'specgate', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (clientWatchesFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: FILE_WATCHERS }).catch(() => baselineFollower.startPolling());
  }
  baselineFollower.startPolling(clientWatchesFiles ? BASELINE_BACKSTOP_POLL_MS : BASELINE_POLL_MS);
  void service.index.ready();
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
  configureBackground();
  for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { specgate?: unknown } | undefined)?.specgate;
  void refreshSettings(pullConfiguration ? undefined : pushed);
});

connection.onNotification('specgate/setTrusted', (params: { trusted: boolean }) => {
  workspace.setTrusted(params?.trusted === true);
  service.invalidateRulesets();
  configureBackground();
  for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
});

connection.onDidChangeWatchedFiles((params) => {
  const changes = toFileChanges(params.changes);
  workspace.fireChanges(changes);
  background?.fileChanges(changes);
  const rulesetChanged = params.changes.some((c) => RULESET_FILE_NAMES.some((name) => c.uri.endsWith('/' + name)) || /\.spectral|functions/.test(c.uri));
  if (rulesetChanged) service.invalidateRulesets();
  // Rulesets and accepted changes apply to every spec; other files only to their dependents (below).
  if (rulesetChanged || params.changes.some((c) => c.uri.endsWith('/.specgate/accepted.yaml'))) {
    for (const doc of documents.all()) scheduler.schedule(doc.uri);
  }
});

// A changed file (buffer or disk) re-analyses exactly the open documents that $ref it.
service.index.onDidChange((changes) => {
  for (const uri of openDependents(service.index, changes, (u) => documents.get(u) !== undefined)) scheduler.schedule(uri);
  // Cross-API rules, the catalog and guides read every API: a change to any of them (or to a catalog
  // file or CODEOWNERS) re-checks the other open documents too.
  // A per-file lookup, not a listing: this runs on every keystroke's buffer event.
  const readByOthers = (uri: string) => {
    const kind = service.index.kindOf?.(uri) ?? service.index.files().find((f) => f.uri === uri)?.kind;
    return (kind !== undefined && kind !== 'ruleset') || service.index.referencedBy(uri).length > 0; // $ref'd files: workflows read them
  };
  if (changes.some((c) => c.type === 'deleted' || readByOthers(c.uri))) {
    for (const doc of documents.all()) if (!changes.some((c) => c.uri === doc.uri)) scheduler.schedule(doc.uri);
  }
});

const naming = registerRenameHandlers(connection, service, documents);
connection.onRequest(APIS_REQUEST, () => service.getApiSummaries());
const navigation = registerNavigation(connection, service, documents, { settings: () => settings, workspace }); // OpenAPI and Arazzo
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
    const audience = await service.getAudience(uri);
    const withAudience = audience && analysis.changes.length > 0 ? body.replace(/\n/, `\n${audienceMarkdown(audience)}\n\n`) : body;
    sections.push(withAudience.replace(/^# API changes/, `# API changes: ${name}`));
  }
  return sections.length > 0 ? sections.join('\n---\n\n') : 'No open OpenAPI documents.\n';
}

// The baseline follows HEAD through .git file events, or a slow poll where the client does not watch files.
const baselineFollower = new BaselineFollower({
  git: workspace.git,
  ref: () => settings.baseline,
  analysed: () => lastBaselineCommit,
  folderOf: (uri) => service.folderOf(uri),
  moved: (uri) => {
    lastBaselineCommit.delete(uri);
    scheduler.schedule(uri, 0);
  },
  record: (uri, commit) => lastBaselineCommit.set(uri, commit),
  checked: () => {
    if (traceEvents) void connection.sendNotification('specgate/trace', { event: 'baselinePoll' });
  },
});
workspace.onDidChangeFiles((changes) => void baselineFollower.onFileChanges(changes));

documents.onDidOpen((e) => {
  workspace.fireChanges([{ uri: e.document.uri, type: 'changed' }]);
  scheduler.schedule(e.document.uri, 0);
});
documents.onDidChangeContent((e) => {
  spectralWorker?.supersede(e.document.uri, e.document.version);
  workspace.fireChanges([{ uri: e.document.uri, type: 'changed' }]);
  scheduler.schedule(e.document.uri);
});
documents.onDidSave((e) => void scheduler.runNow(e.document.uri));
documents.onDidClose((e) => {
  // The buffer is gone: the text is the disk's again.
  workspace.fireChanges([{ uri: e.document.uri, type: 'changed' }]);
  lastBaselineCommit.delete(e.document.uri);
  scheduler.close(e.document.uri);
});

connection.onShutdown(() => {
  baselineFollower.stopPolling();
  service.dispose();
  background?.dispose();
});

// The server must outlive any bad input: log and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`Specgate: uncaught ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Specgate: unhandled rejection ${(e as Error)?.stack ?? e}`));

documents.listen(connection);
connection.listen();
