import type { Diagnostic } from 'vscode-languageserver-types';
import type { SpecgateSettings } from '../engine/settings';

/** Messages between the language server's main thread and its Spectral worker (`dist/spectralWorker.js`). */
export type ToWorker =
  /**
   * diskReads: read files from disk in the worker (the CLI: no editor buffers, and its main thread is busy parsing).
   * exceptRules: rules the host's thread runs itself (engine/spectral/ruleSplit.ts).
   */
  | { type: 'lint'; id: number; uri: string; version: number; text: string; settings: SpecgateSettings; folders: string[]; trusted: boolean; diskReads?: boolean; stops?: SharedArrayBuffer; exceptRules?: string[] }
  | { type: 'read-result'; id: number; text: string | undefined }
  | { type: 'invalidate' };

/**
 * `stops`, shared by the host and the worker: slot `id % STOP_SLOTS` holds `id` once job `id` should
 * stop (the editor has a newer version). The worker's thread is busy in Spectral's synchronous
 * traversal, where messages cannot arrive, so it reads this memory instead.
 */
export const STOP_SLOTS = 64;

export type FromWorker =
  /** rangesPending: the document's own findings were linted on its value only; the host places them. */
  | { type: 'result'; id: number; byFile: [string, Diagnostic[]][]; notices: string[]; rulesetFile?: string; rangesPending?: boolean }
  /** A newer request for the same document arrived before this one started: nothing was computed. */
  | { type: 'superseded'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'read'; id: number; uri: string }
  /** The job left the queue and Spectral starts: the host's time limit counts from here. */
  | { type: 'started'; id: number }
  | { type: 'log'; message: string };
