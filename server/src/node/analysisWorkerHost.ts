import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileChange } from '../engine/workspace';
import type { SpecgateSettings } from '../engine/settings';
import type { BackgroundAnalysis } from '../diagnosticsScheduler';
import { documentNote } from '../engine/languageFeatures/diagnostics';
import type { BaselineReport, FromAnalysisWorker, ToAnalysisWorker } from './analysisWorkerProtocol';

const WORKER_SCRIPT = path.join(__dirname, 'analysisWorker.js');
const BACKGROUND = 'specgate-background-analysis';

export interface AnalysisRelay {
  /** The version the editor holds now, or undefined once the document is closed. */
  openVersion(uri: string): number | undefined;
  publish(uri: string, diagnostics: Diagnostic[], version?: number): void;
  status(uri: string, diagnostics: Diagnostic[]): void;
  baseline(report: BaselineReport, commit: string): void;
  finished(uri: string, version: number): void;
  notify(message: string): void;
  log(message: string): void;
}

/**
 * The main thread's side of the analysis thread (`analysisWorker.ts`). Documents above
 * `backgroundAnalysisThresholdKB` go there whole; what comes back is published only while it is for
 * the version the editor holds, with a note saying the document is analysed in the background. If
 * the thread dies (out of memory on a huge spec), its documents get a diagnostic saying so and the
 * next analysis starts a new thread: the server itself keeps serving.
 */
export class AnalysisWorkerHost implements BackgroundAnalysis {
  private worker: Worker | undefined;
  /** Documents held by the thread: the version last sent and its size. */
  private readonly held = new Map<string, { version: number; chars: number }>();
  /** Documents that have had a publish from the thread (earlier findings stay shown while a new version is analysed). */
  private readonly published = new Set<string>();
  private config: { settings: SpecgateSettings; folders: string[]; trusted: boolean } | undefined;

  constructor(private readonly relay: AnalysisRelay, private readonly script = WORKER_SCRIPT) {}

  static available(script = WORKER_SCRIPT): boolean {
    return existsSync(script);
  }

  accepts(text: string): boolean {
    return !!this.config && text.length > this.config.settings.backgroundAnalysisThresholdKB * 1024;
  }

  configure(settings: SpecgateSettings, folders: string[], trusted: boolean): void {
    this.config = { settings, folders, trusted };
    this.worker?.postMessage({ type: 'configure', ...this.config } satisfies ToAnalysisWorker);
  }

  analyze(uri: string, open: { text: string; version: number }, force: boolean): void {
    const worker = this.ensureWorker();
    this.held.set(uri, { version: open.version, chars: open.text.length });
    if (!this.published.has(uri)) this.relay.publish(uri, [this.note(uri)], open.version);
    worker.postMessage({ type: 'analyze', uri, text: open.text, version: open.version, force } satisfies ToAnalysisWorker);
  }

  release(uri: string): void {
    this.published.delete(uri);
    if (this.held.delete(uri)) this.worker?.postMessage({ type: 'close', uri } satisfies ToAnalysisWorker);
  }

  fileChanges(changes: readonly FileChange[]): void {
    this.worker?.postMessage({ type: 'files', changes: [...changes] } satisfies ToAnalysisWorker);
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    this.worker = worker;
    worker.on('message', (m: FromAnalysisWorker) => this.onMessage(m));
    worker.on('error', (e) => this.failed(worker, e.message));
    worker.on('exit', (code) => this.failed(worker, `the thread stopped (exit code ${code})`));
    worker.postMessage({ type: 'configure', ...this.config! } satisfies ToAnalysisWorker);
    return worker;
  }

  private onMessage(m: FromAnalysisWorker): void {
    const current = (uri: string, version?: number) => this.held.has(uri) && this.relay.openVersion(uri) !== undefined && (version === undefined || this.relay.openVersion(uri) === version);
    switch (m.type) {
      case 'publish':
        if (!current(m.uri, m.version)) return;
        this.published.add(m.uri);
        this.relay.publish(m.uri, [this.note(m.uri), ...m.diagnostics], m.version);
        return;
      case 'status':
        if (current(m.uri)) this.relay.status(m.uri, m.diagnostics);
        return;
      case 'baseline':
        if (current(m.report.uri)) this.relay.baseline(m.report, m.commit);
        return;
      case 'finished':
        if (current(m.uri, m.version)) this.relay.finished(m.uri, m.version);
        return;
      case 'notify':
        this.relay.notify(m.message);
        return;
      case 'log':
        this.relay.log(m.message);
        return;
    }
  }

  /** The thread died: say so on each document it held, and start afresh on the next analysis. */
  private failed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    this.relay.log(`Specgate: the background analysis thread failed: ${reason}`);
    for (const [uri, { version }] of this.held) {
      if (this.relay.openVersion(uri) !== version) continue;
      this.relay.publish(uri, [this.failure(reason)], version);
      this.relay.finished(uri, version);
    }
    this.held.clear();
    this.published.clear();
  }

  private note(uri: string): Diagnostic {
    const kb = this.config?.settings.backgroundAnalysisThresholdKB ?? 0;
    const chars = this.held.get(uri)?.chars ?? 0;
    return documentNote(BACKGROUND, 3, `This file (${(chars / 2 ** 20).toFixed(1)} MB) is larger than ${kb} KB (specgate.backgroundAnalysisThresholdKB): it is analysed in a background thread, and its findings arrive in stages. Hover, quick fixes and navigation are off for it.`);
  }

  private failure(reason: string): Diagnostic {
    return documentNote(BACKGROUND, 2, `Specgate could not finish analysing this file in the background: ${reason}. Other files are not affected; the next edit or save tries again.`);
  }

}
