/**
 * The language server's analysis thread (dist/analysisWorker.js): documents above
 * `specgate.backgroundAnalysisThresholdKB` are parsed and analysed here, by the same scheduler and
 * language service as in the main thread (fast layer, then breaking changes and Spectral, each
 * published as it lands), so a 50 MB spec never blocks the thread that answers requests and
 * analyses the other files. Spectral runs in this thread. Other files are read from disk: unsaved
 * edits in files a big spec `$ref`s are not seen here, and findings it would place in those files
 * are not published (see docs/performance.md).
 */
import { parentPort } from 'worker_threads';
import { createLanguageService, type LanguageService } from '../engine/languageService';
import { mergeSettings, type SpecgateSettings } from '../engine/settings';
import { DiagnosticsScheduler } from '../diagnosticsScheduler';
import { baselineReport } from '../lsp/baselineReport';
import { NodeWorkspace } from './nodeWorkspace';
import type { FromAnalysisWorker, ToAnalysisWorker } from './analysisWorkerProtocol';

if (!parentPort) throw new Error('analysisWorker must run in a worker thread');
const port = parentPort;
const post = (message: FromAnalysisWorker) => port.postMessage(message);

/** The big documents this thread holds: their latest text and version. */
const texts = new Map<string, { text: string; version: number }>();
let settings: SpecgateSettings = mergeSettings(undefined);
let workspace: NodeWorkspace | undefined;
let service: LanguageService | undefined;
let scheduler: DiagnosticsScheduler | undefined;

function configure(next: SpecgateSettings, folders: string[], trusted: boolean): void {
  settings = { ...next, debounceMs: 0 };
  if (!workspace || !service) {
    workspace = new NodeWorkspace(folders, { trusted, buffers: { get: (uri) => { const t = texts.get(uri); return t && { getText: () => t.text }; } } });
    const ws = workspace;
    service = createLanguageService({ workspace: ws, getSettings: () => settings, logger: { log: (message) => post({ type: 'log', message }) } });
    scheduler = schedulerFor(service);
    return;
  }
  workspace.folders = folders;
  workspace.setTrusted(trusted);
  service.invalidateRulesets();
  for (const uri of texts.keys()) scheduler!.schedule(uri, 0);
}

function schedulerFor(svc: LanguageService): DiagnosticsScheduler {
  return new DiagnosticsScheduler({
    service: svc,
    settings: () => settings,
    openDocument: (uri) => texts.get(uri),
    // Only the big documents themselves: the main thread publishes every other file.
    publish: (uri, diagnostics, version) => { if (texts.has(uri)) post({ type: 'publish', uri, version, diagnostics }); },
    notify: (message) => post({ type: 'notify', message }),
    status: (uri, diagnostics) => post({ type: 'status', uri, diagnostics }),
    baselineStatus: (uri, analysis) => post({ type: 'baseline', ...baselineReport(uri, analysis) }),
    analysisFinished: (uri, version) => post({ type: 'finished', uri, version }),
    log: (message) => post({ type: 'log', message }),
  });
}

port.on('message', (message: ToAnalysisWorker) => {
  switch (message.type) {
    case 'configure':
      configure(message.settings, message.folders, message.trusted);
      return;
    case 'analyze': {
      if (!scheduler) return post({ type: 'log', message: 'Specgate: the analysis thread got a document before its settings' });
      texts.set(message.uri, { text: message.text, version: message.version });
      workspace!.fireChanges([{ uri: message.uri, type: 'changed' }]);
      // A newer version supersedes the run in progress at its next step (the scheduler's generations).
      if (message.force) void scheduler.runNow(message.uri);
      else scheduler.schedule(message.uri, 0);
      return;
    }
    case 'close':
      if (!texts.delete(message.uri)) return;
      workspace?.fireChanges([{ uri: message.uri, type: 'changed' }]);
      scheduler?.close(message.uri);
      return;
    case 'files':
      workspace?.fireChanges(message.changes);
      return;
  }
});
