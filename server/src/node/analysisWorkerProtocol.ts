import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileChange } from '../engine/workspace';
import type { SpecgateSettings } from '../engine/settings';

/**
 * Messages between the language server's main thread and its analysis thread
 * (`dist/analysisWorker.js`), which analyses documents above `backgroundAnalysisThresholdKB`.
 */
export type ToAnalysisWorker =
  | { type: 'configure'; settings: SpecgateSettings; folders: string[]; trusted: boolean }
  | { type: 'analyze'; uri: string; text: string; version: number; force: boolean }
  | { type: 'close'; uri: string }
  | { type: 'files'; changes: FileChange[] };

/** What `specgate/baseline` reports for a document (built where the analysis ran). */
export interface BaselineReport {
  uri: string;
  ref: string;
  revision?: string;
  state: string;
  message?: string;
  breaking: number;
  potentiallyBreaking: number;
  nonBreaking: number;
  semver?: string;
}

export type FromAnalysisWorker =
  | { type: 'publish'; uri: string; version?: number; diagnostics: Diagnostic[] }
  | { type: 'status'; uri: string; diagnostics: Diagnostic[] }
  | { type: 'baseline'; report: BaselineReport; commit: string }
  | { type: 'finished'; uri: string; version: number }
  | { type: 'notify'; message: string }
  | { type: 'log'; message: string };
