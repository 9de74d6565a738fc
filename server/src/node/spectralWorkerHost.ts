import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ParsedDocument } from '../engine/document/parsedDocument';
import type { SpectralOutcome } from '../engine/languageService';
import type { SpecgateSettings } from '../engine/settings';
import type { IWorkspace } from '../engine/workspace';
import type { FromWorker, ToWorker } from './spectralWorkerProtocol';

const WORKER_SCRIPT = path.join(__dirname, 'spectralWorker.js');

interface Pending {
  resolve(outcome: SpectralOutcome): void;
  reject(error: Error): void;
}

/**
 * The main thread's side of the Spectral worker: sends lint jobs, answers the worker's file reads
 * through the workspace (open buffers first), restarts the worker if it dies.
 */
export class SpectralWorkerHost {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly workspace: IWorkspace,
    private readonly log: (message: string) => void = () => undefined,
    /** How the worker's reads are answered; the server passes its index (texts cached until a change event). */
    private readonly read: (uri: string) => Promise<string | undefined> = (uri) => workspace.readFile(uri),
  ) {}

  /** Whether the bundled worker script sits next to this bundle (it does in dist/). */
  static available(): boolean {
    return existsSync(WORKER_SCRIPT);
  }

  run(doc: ParsedDocument, settings: SpecgateSettings): Promise<SpectralOutcome> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({
        type: 'lint', id, uri: doc.uri, version: doc.version, text: doc.text, settings,
        folders: [...this.workspace.folders], trusted: this.workspace.isTrusted(),
      });
    });
  }

  invalidate(): void {
    if (this.worker) this.send({ type: 'invalidate' });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private send(message: ToWorker): void {
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SCRIPT);
    worker.unref();
    worker.on('message', (message: FromWorker) => void this.onMessage(worker, message));
    worker.on('error', (e) => this.log(`Specgate: Spectral worker failed: ${e.stack ?? e}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new Error(`the Spectral worker stopped (exit code ${code})`));
      }
    });
    this.worker = worker;
    return worker;
  }

  private async onMessage(worker: Worker, message: FromWorker): Promise<void> {
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
      case 'result':
      case 'superseded':
      case 'error': {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!p) return;
        if (message.type === 'result') p.resolve({ byFile: new Map(message.byFile), notices: message.notices, rulesetFile: message.rulesetFile });
        else if (message.type === 'superseded') p.resolve({ byFile: new Map(), notices: [], superseded: true });
        else p.reject(new Error(message.message));
      }
    }
  }
}
