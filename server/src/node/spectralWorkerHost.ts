import { existsSync } from 'fs';
import { Worker } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isValueOnly, type ParsedDocument } from '../engine/document/parsedDocument';
import type { SpectralOutcome } from '../engine/languageService';
import type { SpecgateSettings } from '../engine/settings';
import type { IWorkspace } from '../engine/workspace';
import { findRulesetFile } from '../engine/spectral/rulesetLoader';
import { spectralTimeoutDiagnostic } from '../engine/spectral/spectralTimeout';
import { STOP_SLOTS, type FromWorker, type ToWorker } from './spectralWorkerProtocol';
import { locatePendingRanges } from '../engine/spectral/valueOnlyParse';
import { SPECTRAL_WORKER_SCRIPT } from './parallelSpectral';

/** A worker the CLI started before loading the engine, so both bundles load at once (cliEntry.ts). */
export interface PrestartedWorker {
  worker: Worker;
  /** False once it exited (it failed to load): a fresh one is started instead. */
  alive(): boolean;
}

type LintJob = Extract<ToWorker, { type: 'lint' }>;

interface Pending {
  job: LintJob;
  /** The ruleset that applies (undefined: the default rulesets), named by the time-limit diagnostic. */
  rulesetFile: string | undefined;
  timeoutMs: number;
  timer?: NodeJS.Timeout;
  resolve(outcome: SpectralOutcome): void;
  reject(error: Error): void;
}

/**
 * The main thread's side of the Spectral worker: sends lint jobs, answers the worker's file reads
 * through the workspace (open buffers first), restarts the worker if it dies.
 *
 * Each run has a time limit (`specgate.spectralTimeoutMs`). A run past it is a custom function that
 * never returns, or a document too large for the limit: the worker is terminated (a thread stuck in a
 * synchronous loop cannot be interrupted otherwise), the other queued jobs go to a fresh worker, and
 * the document gets one `specgate-spectral-timeout` diagnostic. A workspace ruleset that timed out is
 * not run again until it changes (`invalidate`), so a looping function does not cost a core per keystroke.
 */
export class SpectralWorkerHost {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** Workspace rulesets that ran past the limit, with the diagnostic message to repeat. */
  private readonly timedOut = new Map<string, number>();

  /** Jobs to stop, read by the worker while it runs Spectral (see `STOP_SLOTS`). */
  private readonly stops = new Int32Array(new SharedArrayBuffer(STOP_SLOTS * Int32Array.BYTES_PER_ELEMENT));

  /** Jobs sent by `start` before their document's positioned parse existed, by URI. */
  private readonly started = new Map<string, { text: string; outcome: Promise<SpectralOutcome>; leftHere?: ReadonlySet<string> }>();

  constructor(
    private readonly workspace: IWorkspace,
    private readonly log: (message: string) => void = () => undefined,
    /** How the worker's reads are answered; the server passes its index (texts cached until a change event). */
    private readonly read: (uri: string) => Promise<string | undefined> = (uri) => workspace.readFile(uri),
    /**
     * The CLI's use: the worker reads files from disk itself (the main thread is busy parsing), and
     * runs have no time limit (as in-process Spectral, which the CLI ran before).
     */
    private readonly cli = false,
    private prestarted?: PrestartedWorker,
    /** Whether the editor has moved past this version: its findings are then not placed (the scheduler would drop them). */
    private readonly isStale: (uri: string, version: number) => boolean = () => false,
  ) {}

  /**
   * The editor has `version` of `uri`: lints of older versions stop, queued or running (at Spectral's
   * next rule function call). Their results would be dropped anyway, and on a second core they slow
   * the keystroke's own fast layer.
   */
  supersede(uri: string, version: number): void {
    for (const { job } of this.pending.values()) {
      if (job.uri === uri && job.version < version) Atomics.store(this.stops, job.id % STOP_SLOTS, job.id);
    }
  }

  /** Whether the bundled worker script sits next to this bundle (it does in dist/). */
  static available(): boolean {
    return existsSync(SPECTRAL_WORKER_SCRIPT);
  }

  async run(doc: ParsedDocument, settings: SpecgateSettings): Promise<SpectralOutcome> {
    const rulesetFile = await findRulesetFile(this.readingWorkspace(), doc.uri, settings).catch(() => undefined);
    const limit = rulesetFile ? this.timedOut.get(rulesetFile) : undefined;
    if (rulesetFile && limit !== undefined) return timeoutOutcome(doc.uri, rulesetFile, limit);
    const outcome = await this.lint(doc.uri, doc.version, doc.text, settings, rulesetFile);
    // Placing findings reads the whole positioned tree (copying an edit's moved entries): not for a
    // version already replaced, on the thread the next keystroke waits for.
    if (outcome.rangesPending && this.isStale(doc.uri, doc.version)) return { byFile: new Map(), notices: outcome.notices, superseded: true };
    return placed(doc, outcome);
  }

  /**
   * Starts Spectral on `text` now, before the caller's positioned parse of it exists: the worker lints
   * the value while this thread parses (the CLI on a large spec). `collect` on that parse gets it.
   */
  start(uri: string, version: number, text: string, settings: SpecgateSettings, leftHere?: ReadonlySet<string>): void {
    const outcome = this.lint(uri, version, text, settings, undefined, leftHere);
    outcome.catch(() => undefined); // reported by `collect`
    this.started.set(uri, { text, outcome, leftHere });
  }

  /** The rules `start` left to the caller's thread for `doc`'s text (`ruleSplit.ts`). */
  rulesLeftHere(doc: ParsedDocument): ReadonlySet<string> | undefined {
    const early = this.started.get(doc.uri);
    return early?.text === doc.text ? early.leftHere : undefined;
  }

  /** The outcome of what `start` sent for `doc`'s text, placed on `doc`; undefined when nothing was started. */
  collect(doc: ParsedDocument): Promise<SpectralOutcome> | undefined {
    const early = this.started.get(doc.uri);
    if (early?.text !== doc.text) return undefined;
    this.started.delete(doc.uri);
    return early.outcome.then((outcome) => placed(doc, outcome));
  }

  private lint(uri: string, version: number, text: string, settings: SpecgateSettings, rulesetFile: string | undefined, leftHere?: ReadonlySet<string>): Promise<SpectralOutcome> {
    const id = ++this.nextId;
    const job: LintJob = {
      type: 'lint', id, uri, version, text, settings,
      folders: [...this.workspace.folders], trusted: this.workspace.isTrusted(), ...(this.cli ? { diskReads: true } : { stops: this.stops.buffer as SharedArrayBuffer }),
      ...(leftHere ? { exceptRules: [...leftHere] } : {}),
    };
    const timeoutMs = this.cli ? Infinity : Math.max(1000, settings.spectralTimeoutMs);
    return new Promise<SpectralOutcome>((resolve, reject) => {
      this.pending.set(id, { job, rulesetFile, timeoutMs, resolve, reject });
      this.send(job);
      this.holdWhilePending();
    }).finally(() => this.holdWhilePending());
  }

  /** In the CLI nothing else keeps the process alive while it waits for the worker. */
  private holdWhilePending(): void {
    if (!this.cli) return;
    if (this.pending.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  invalidate(): void {
    this.timedOut.clear();
    if (this.worker) this.send({ type: 'invalidate' });
  }

  dispose(): void {
    void this.prestarted?.worker.terminate();
    this.prestarted = undefined;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private readingWorkspace(): IWorkspace {
    // Ruleset discovery reads through the index's cache, as the worker's reads do.
    const read = this.read;
    return Object.assign(Object.create(this.workspace) as IWorkspace, { readFile: read, folders: this.workspace.folders });
  }

  private send(message: ToWorker): void {
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const prestarted = this.prestarted?.alive() ? this.prestarted.worker : undefined;
    this.prestarted = undefined;
    const worker = prestarted ?? new Worker(SPECTRAL_WORKER_SCRIPT);
    // The process may exit while the worker idles; the CLI's jobs hold it (`holdWhilePending`).
    worker.unref();
    worker.on('message', (message: FromWorker) => void this.onMessage(worker, message));
    worker.on('error', (e) => this.log(`Specgate: Spectral worker failed: ${e.stack ?? e}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return; // replaced after a time-out: its jobs were handed on
      this.worker = undefined;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        clearTimeout(p.timer);
        p.reject(new Error(`the Spectral worker stopped (exit code ${code})`));
      }
    });
    this.worker = worker;
    return worker;
  }

  private onTimeout(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.log(`Specgate: Spectral ran past ${p.timeoutMs} ms on ${p.job.uri} (ruleset ${p.rulesetFile ?? 'default'}); restarting its worker.`);
    if (p.rulesetFile) this.timedOut.set(p.rulesetFile, p.timeoutMs);
    p.resolve(timeoutOutcome(p.job.uri, p.rulesetFile, p.timeoutMs));
    const stuck = this.worker;
    this.worker = undefined;
    void stuck?.terminate();
    // Jobs queued behind the stuck one start again in a fresh worker.
    for (const other of this.pending.values()) {
      clearTimeout(other.timer);
      other.timer = undefined;
      this.send(other.job);
    }
  }

  private async onMessage(worker: Worker, message: FromWorker): Promise<void> {
    if (worker !== this.worker) return;
    switch (message.type) {
      case 'read': {
        let text: string | undefined;
        try {
          text = await this.read(message.uri);
        } catch {
          text = undefined;
        }
        worker.postMessage({ type: 'read-result', id: message.id, text } satisfies ToWorker);
        return;
      }
      case 'log':
        this.log(message.message);
        return;
      case 'started': {
        const p = this.pending.get(message.id);
        if (p && Number.isFinite(p.timeoutMs)) p.timer = setTimeout(() => this.onTimeout(message.id), p.timeoutMs).unref();
        return;
      }
      case 'result':
      case 'superseded':
      case 'error': {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!p) return;
        clearTimeout(p.timer);
        if (message.type === 'result') p.resolve({ byFile: new Map(message.byFile), notices: message.notices, rulesetFile: message.rulesetFile, rangesPending: message.rangesPending });
        else if (message.type === 'superseded') p.resolve({ byFile: new Map(), notices: [], superseded: true });
        else p.reject(new Error(message.message));
      }
    }
  }
}

/**
 * The outcome with the document's own findings placed on its positioned parse. A value-only
 * document has none: its findings stay pending for the caller (the CLI's `lint`) to place.
 */
function placed(doc: ParsedDocument, outcome: SpectralOutcome): SpectralOutcome {
  if (!outcome.rangesPending || isValueOnly(doc)) return outcome;
  const own = outcome.byFile.get(doc.uri);
  if (own) outcome.byFile.set(doc.uri, locatePendingRanges(own, doc));
  return { ...outcome, rangesPending: undefined };
}

function timeoutOutcome(uri: string, rulesetFile: string | undefined, timeoutMs: number): SpectralOutcome {
  const diagnostic: Diagnostic = spectralTimeoutDiagnostic(rulesetFile, timeoutMs);
  return { byFile: new Map([[uri, [diagnostic]]]), notices: [], rulesetFile };
}
