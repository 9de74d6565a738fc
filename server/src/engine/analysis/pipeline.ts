import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { BreakingAnalysis } from './breakingAnalysis';
import type { SpectralOutcome } from '../languageService';
import { mergeFindings } from './mergeFindings';

/** The layers a document's analysis is made of, in the order their results arrive. */
export interface AnalysisLayers {
  /** Syntax and built-in style guide, per file. */
  getFastDiagnosticsByFile(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>>;
  /** Changes against the git baseline, per file (accepted changes already removed). */
  getBreakingDiagnostics(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>>;
  getBreakingAnalysis(doc: ParsedDocument): Promise<BreakingAnalysis>;
  getSpectralDiagnostics(doc: ParsedDocument): Promise<SpectralOutcome>;
  /** Cross-API and catalog findings (issue 11), read from the workspace index; part of the fast layer. */
  getGovernanceDiagnostics?(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>>;
}

export interface PipelineOptions {
  breaking: boolean;
  spectral: boolean;
  /** Merge the governance layer into the fast one (the editor; the CLI lints the whole set at once). */
  governance?: boolean;
  /** False once a newer version superseded this run: later layers are skipped, nothing is reported. */
  isCurrent?: () => boolean;
}

/** Called as each layer finishes; the editor publishes at each step, the CLI waits for the end. */
export interface PipelineListener {
  /** May return when its publish is written: the next layers then wait for it (see `FLUSH_WAIT_MS`). */
  fast?(byFile: Map<string, Diagnostic[]>): void | Promise<void>;
  breaking?(byFile: Map<string, Diagnostic[]>, analysis: BreakingAnalysis): void;
  spectral?(outcome: SpectralOutcome): void;
}

/** The longest the next layers wait for the fast layer's publish to be written (a client not reading). */
export const FLUSH_WAIT_MS = 500;

/**
 * Runs the layers of one document: the fast layer first, then Spectral (in the server's worker
 * when there is one) concurrently with the breaking layer. Both adapters go through here.
 */
export async function runAnalysis(layers: AnalysisLayers, doc: ParsedDocument, options: PipelineOptions, listener: PipelineListener): Promise<void> {
  const current = options.isCurrent ?? (() => true);
  const fast = new Map(await layers.getFastDiagnosticsByFile(doc));
  if (options.governance && layers.getGovernanceDiagnostics) {
    for (const [file, list] of await layers.getGovernanceDiagnostics(doc)) fast.set(file, [...(fast.get(file) ?? []), ...list]);
  }
  if (!current()) return;
  const written = listener.fast?.(fast);
  // The connection encodes and writes a message on later turns of the event loop: the breaking
  // layer's synchronous work would hold back the fast layer's publish (GitHub: ~0.6 s of 1.4 s),
  // and so would handing the text to the Spectral worker (a 1 MB copy: ~15 ms on Twilio).
  if (written) await Promise.race([written.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS))]);
  if (!current()) return;
  const spectral = options.spectral ? layers.getSpectralDiagnostics(doc) : undefined;
  spectral?.catch(() => undefined);
  if (options.breaking) {
    const breaking = await layers.getBreakingDiagnostics(doc);
    if (!current()) return;
    listener.breaking?.(breaking, await layers.getBreakingAnalysis(doc));
  }
  if (!spectral) return;
  const outcome = await spectral;
  // Superseded (a newer version is queued) or stale: never shown on newer text.
  if (!current() || outcome.superseded) return;
  listener.spectral?.(outcome);
}

/** Every layer at once, merged per file as the editor publishes it (the CLI's `lint`). */
export async function analyzeDocument(
  layers: AnalysisLayers,
  doc: ParsedDocument,
  options: PipelineOptions,
  readText: (uri: string) => Promise<string | undefined>,
): Promise<{ byFile: Map<string, Diagnostic[]>; notices: string[]; analysis?: BreakingAnalysis }> {
  const collected = new Map<string, Diagnostic[][]>();
  const add = (byFile: Map<string, Diagnostic[]>) => {
    for (const [file, list] of byFile) collected.set(file, [...(collected.get(file) ?? []), list]);
  };
  const notices: string[] = [];
  let analysis: BreakingAnalysis | undefined;
  await runAnalysis(layers, doc, options, {
    fast: add,
    breaking: (byFile, a) => { add(byFile); analysis = a; },
    spectral: (outcome) => { add(outcome.byFile); notices.push(...outcome.notices); },
  });
  const byFile = new Map<string, Diagnostic[]>();
  for (const [file, lists] of collected) byFile.set(file, mergeFindings(lists, file === doc.uri ? doc.text : await readText(file)));
  return { byFile, notices, analysis };
}
