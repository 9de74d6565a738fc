/**
 * The Spectral worker: runs the Spectral layer off the language server's main thread, so hover,
 * code actions and the fast layer never wait for a lint. Bundled as `dist/spectralWorker.js`.
 *
 * One job at a time; while one runs, newer requests for the same document replace older queued
 * ones (those answer `superseded`). File reads (`$ref`'d files, rulesets) go to the main thread,
 * which answers from open editor buffers first, then disk. Rulesets and compiled example
 * validators stay cached here between runs.
 */
import { parentPort } from 'worker_threads';
import { createLanguageService } from '../engine/languageService';
import type { IWorkspace } from '../engine/workspace';
import { DEFAULT_SETTINGS, SpecgateSettings } from '../engine/settings';
import { STOP_SLOTS, type FromWorker, type ToWorker } from './spectralWorkerProtocol';
import type { Cancellation } from '../engine/references/cancellation';
import { spectralValueDocument } from '../engine/spectral/valueOnlyParse';
import { NodeWorkspace } from './nodeWorkspace';

if (!parentPort) throw new Error('spectralWorker must run in a worker thread');
const port = parentPort;
const post = (message: FromWorker) => port.postMessage(message);

let readIds = 0;
const pendingReads = new Map<number, (text: string | undefined) => void>();
/** A read the main thread does not answer in time (it is busy or stuck) counts as missing, and says so. */
const READ_TIMEOUT_MS = 10_000;
/** Reads of the current job that timed out: reported with its result, since findings may be missing. */
let timedOutReads: string[] = [];

class WorkerWorkspace implements IWorkspace {
  folders: string[] = [];
  trusted = false;
  /** Set for the CLI's jobs: files come from disk, as the CLI's own reads do. */
  disk: NodeWorkspace | undefined;
  isTrusted(): boolean { return this.trusted; }
  readFile(uri: string): Promise<string | undefined> {
    if (this.disk) return this.disk.readFile(uri);
    const id = ++readIds;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pendingReads.delete(id);
        timedOutReads.push(uri);
        resolve(undefined);
      }, READ_TIMEOUT_MS);
      pendingReads.set(id, (text) => {
        clearTimeout(timer);
        resolve(text);
      });
      post({ type: 'read', id, uri });
    });
  }
  async fetchRemote(uri: string): Promise<string | undefined> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? response.text() : undefined;
  }
}

/**
 * After the first run, before its result: the CLI may exit as soon as it has the result, and the
 * cache only holds what ran (spectralWorkerEntry.ts). A cache already accepted is not rewritten.
 */
function saveCodeCacheOnce(): void {
  const holder = globalThis as { specgateSaveCodeCache?: () => void };
  const save = holder.specgateSaveCodeCache;
  holder.specgateSaveCodeCache = undefined;
  save?.();
}

const workspace = new WorkerWorkspace();
let settings: SpecgateSettings = DEFAULT_SETTINGS;
const service = createLanguageService({ workspace, getSettings: () => settings });

type LintRequest = Extract<ToWorker, { type: 'lint' }>;
const queue: LintRequest[] = [];
let running = false;

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      settings = job.settings;
      workspace.folders = job.folders;
      workspace.trusted = job.trusted;
      workspace.disk = job.diskReads ? new NodeWorkspace(job.folders, { trusted: job.trusted }) : undefined;
      timedOutReads = [];
      const token = stopToken(job);
      if (token.isCancellationRequested) {
        post({ type: 'superseded', id: job.id });
        continue;
      }
      post({ type: 'started', id: job.id });
      try {
        // The value alone (~6x faster, a fraction of the memory): the host has the positions.
        const doc = spectralValueDocument(job.uri, job.text, job.version) ?? service.getDocument(job.uri, job.text, job.version);
        const outcome = await service.getSpectralDiagnostics(doc, token, job.exceptRules && { except: new Set(job.exceptRules) });
        if (outcome.superseded) {
          post({ type: 'superseded', id: job.id });
          continue;
        }
        const notices = [...outcome.notices, ...timedOutReads.map((uri) => `Spectral on ${job.uri}: reading ${uri} took longer than ${READ_TIMEOUT_MS / 1000} s and was treated as missing; findings about it may be wrong until the next run.`)];
        saveCodeCacheOnce();
        post({ type: 'result', id: job.id, byFile: [...outcome.byFile], notices, rulesetFile: outcome.rulesetFile, rangesPending: outcome.rangesPending });
      } catch (e) {
        post({ type: 'error', id: job.id, message: (e as Error).stack ?? String(e) });
      } finally {
        // The parse is not reused (the next request is a newer version): free it now.
        service.forget(job.uri);
      }
    }
  } finally {
    running = false;
  }
}

/** Set by the host when the editor has moved past the job's version (see `STOP_SLOTS`). */
function stopToken(job: LintRequest): Cancellation {
  const stops = job.stops ? new Int32Array(job.stops) : undefined;
  return { get isCancellationRequested() { return stops !== undefined && Atomics.load(stops, job.id % STOP_SLOTS) === job.id; } };
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'lint': {
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i].uri === message.uri) post({ type: 'superseded', id: queue.splice(i, 1)[0].id });
      }
      queue.push(message);
      void drain();
      break;
    }
    case 'read-result': {
      const resolve = pendingReads.get(message.id);
      pendingReads.delete(message.id);
      resolve?.(message.text);
      break;
    }
    case 'invalidate':
      service.invalidateRulesets();
      break;
  }
});
