import type { Diagnostic } from 'vscode-languageserver-types';
import { editSpan } from './engine/document/editSpan';
import type { LanguageService } from './engine/languageService';
import { isLargeDocument } from './engine/languageFeatures/diagnostics';
import { mergeFindings } from './engine/analysis/mergeFindings';
import { runAnalysis } from './engine/analysis/pipeline';
import type { SpecgateSettings } from './engine/settings';
import type { BreakingAnalysis } from './engine/analysis/breakingAnalysis';
import type { ParsedDocument } from './engine/document/parsedDocument';
import { classifyLegacy } from './engine/analysis/legacy';
import { isGovernanceFile } from './engine/catalog/governanceFeature';
import { isMarkdownUri } from './engine/rules/docs/docsFiles';

export interface SchedulerHost {
  service: LanguageService;
  settings(): SpecgateSettings;
  /** The current text and version of an open document, or undefined once it is closed. */
  openDocument(uri: string): { text: string; version: number } | undefined;
  /** Resolves once the message is written (the LSP connection's promise), where the host can tell. */
  publish(uri: string, diagnostics: Diagnostic[], version?: number): void | Promise<void>;
  notify(message: string): void;
  status(uri: string, diagnostics: Diagnostic[]): void;
  /** Baseline state and change counts, for the status bar. */
  baselineStatus?(uri: string, analysis: BreakingAnalysis): void;
  /** Every layer has finished (or failed) for this version, and its findings are published. */
  analysisFinished?(uri: string, version: number): void;
  log(message: string): void;
  /** The language server's analysis thread for big documents (absent in the CLI and in that thread itself). */
  background?: BackgroundAnalysis;
}

/** Where documents too large for the thread answering requests are analysed (node/analysisWorkerHost.ts). */
export interface BackgroundAnalysis {
  accepts(text: string): boolean;
  /** Analyses this version there; that side publishes and signals `analysisFinished`. */
  analyze(uri: string, open: { text: string; version: number }, force: boolean): void;
  /** The document closed or shrank below the threshold. */
  release(uri: string): void;
}

interface Layers {
  version: number;
  /** Syntax and style findings for this root, per file. */
  fast: Map<string, Diagnostic[]>;
  /** Breaking-change findings for this root, per file; valid only for `breakingVersion`. */
  breaking: Map<string, Diagnostic[]>;
  breakingVersion: number;
  /** Spectral findings for this root, per file; valid only for `spectralVersion`. */
  spectral: Map<string, Diagnostic[]>;
  spectralVersion: number;
  /** The text the root's Spectral findings are positioned on (to remap them through edits). */
  spectralText?: string;
  /** The root's current value and its baseline value: findings on published elements are legacy. */
  current?: unknown;
  baselineRoot?: unknown;
}

/**
 * Debounces edits, runs the fast layer, then the breaking layer and Spectral (in the server's
 * worker thread, concurrently), and publishes one merged list per file with the document version.
 * A newer edit supersedes older work: results computed for an old version are dropped, so stale
 * ranges never land on new text. The root's last Spectral findings are remapped through each
 * edit (shifted past it; dropped where they touch it) until Spectral has run on the new text,
 * so they do not flicker while typing, and large files keep them between saves.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly layers = new Map<string, Layers>();
  private readonly generation = new Map<string, number>();
  private readonly noticesShown = new Set<string>();
  /** Files that received Spectral findings from some root (for `$ref`'d files). */
  private readonly contributed = new Set<string>();

  constructor(private readonly host: SchedulerHost) {}

  schedule(uri: string, delay = this.host.settings().debounceMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => void this.run(uri, { forceSpectral: false }), delay));
  }

  /** Lint now, Spectral included even for large files (save, or the "Lint now" command). */
  async runNow(uri: string): Promise<void> {
    clearTimeout(this.timers.get(uri));
    await this.run(uri, { forceSpectral: true });
  }

  close(uri: string): void {
    this.host.background?.release(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    this.dropLayers(uri);
  }

  /** Forgets a document's findings and clears them (closed, or no longer an API description). */
  private dropLayers(uri: string): void {
    const had = this.layers.get(uri);
    this.layers.delete(uri);
    this.host.service.forget(uri);
    this.host.publish(uri, []);
    if (had) for (const file of new Set([...had.fast.keys(), ...had.spectral.keys(), ...had.breaking.keys()])) if (file !== uri) this.publishFile(file);
  }

  private async run(uri: string, { forceSpectral }: { forceSpectral: boolean }): Promise<void> {
    const gen = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, gen);
    const current = () => this.generation.get(uri) === gen;
    const open = this.host.openDocument(uri);
    if (!open) return;
    if (this.host.background?.accepts(open.text)) {
      // Never parsed here: requests and the other documents keep this thread.
      if (this.layers.has(uri)) this.dropLayers(uri);
      this.host.background.analyze(uri, open, forceSpectral);
      return;
    }
    this.host.background?.release(uri);
    await this.analyze(uri, open, forceSpectral, current);
    // Superseded runs stay silent: the newer version's run signals for itself.
    if (current()) this.host.analysisFinished?.(uri, open.version);
  }

  private async analyze(uri: string, open: { text: string; version: number }, forceSpectral: boolean, current: () => boolean): Promise<void> {
    try {
      if (isMarkdownUri(uri)) {
        const guide = await this.host.service.docs.diagnostics(uri, open.text);
        if (current()) this.host.publish(uri, guide, open.version);
        return;
      }
      if (!this.host.service.isSpecText(open.text)) {
        // Not close(): that would supersede this very run, and its analysis would never be signalled.
        if (this.layers.has(uri)) this.dropLayers(uri);
        if (isGovernanceFile(uri)) {
          const found = await this.host.service.getGovernanceDiagnostics(this.host.service.getDocument(uri, open.text, open.version));
          if (current()) this.host.publish(uri, found.get(uri) ?? [], open.version);
        }
        return;
      }
      const doc = this.host.service.getDocument(uri, open.text, open.version);
      const settings = this.host.settings();
      const spectral = settings.spectralEnabled && (!isLargeDocument(doc, settings) || forceSpectral);
      let layers: Layers = { version: doc.version, fast: new Map(), breaking: new Map(), breakingVersion: -1, spectral: new Map(), spectralVersion: -1 };
      await runAnalysis(this.host.service, doc, { breaking: true, spectral, governance: true, isCurrent: current }, {
        fast: (fast) => {
          const previous = this.layers.get(uri);
          layers = nextLayers(doc, fast, previous);
          this.layers.set(uri, layers);
          const written = this.publishFile(uri);
          for (const file of new Set([...fast.keys(), ...(previous?.fast.keys() ?? [])])) if (file !== uri) this.publishFile(file);
          return written;
        },
        breaking: (breaking, analysis) => {
          const staleBreaking = layers.breaking;
          layers.breaking = breaking;
          layers.breakingVersion = doc.version;
          // Findings on elements published in the baseline are legacy (issue 10): re-classify when it moves.
          layers.baselineRoot = analysis.baseline.kind === 'ok' ? analysis.baseline.input.documents.get(uri) : undefined;
          this.publishFile(uri);
          for (const file of new Set([...breaking.keys(), ...staleBreaking.keys()])) if (file !== uri) this.publishFile(file);
          this.host.baselineStatus?.(uri, analysis);
        },
        spectral: (outcome) => {
          for (const notice of outcome.notices) this.noticeOnce(notice);
          const stale = layers.spectral;
          layers.spectral = outcome.byFile;
          layers.spectralVersion = doc.version;
          layers.spectralText = doc.text;
          this.publishFile(uri);
          for (const file of new Set([...outcome.byFile.keys(), ...stale.keys()])) if (file !== uri) this.publishFile(file);
        },
      });
    } catch (e) {
      this.host.log(`Specgate: linting ${uri} failed: ${(e as Error).stack ?? e}`);
    }
  }

  private publishFile(file: string): void | Promise<void> {
    const own = this.layers.get(file);
    const settings = this.host.settings();
    const list: Diagnostic[] = own
      ? classifyLegacy(
          [
            ...(own.fast.get(file) ?? []),
            ...(own.breakingVersion === own.version ? own.breaking.get(file) ?? [] : []),
            ...(own.spectralVersion === own.version ? own.spectral.get(file) ?? [] : []),
          ],
          own.current,
          own.baselineRoot,
          { mode: settings.legacyFindings, ref: settings.baseline },
        )
      : [];
    for (const [root, layers] of this.layers) {
      if (root !== file) list.push(...(layers.fast.get(file) ?? []), ...(layers.breaking.get(file) ?? []), ...(layers.spectral.get(file) ?? []));
    }
    const open = this.host.openDocument(file);
    const merged = mergeFindings([list], open?.text);
    if (!own && merged.length === 0 && !this.contributed.has(file)) return;
    if (own) this.host.status(file, merged);
    else if (merged.length > 0) this.contributed.add(file);
    else this.contributed.delete(file);
    return this.host.publish(file, merged, own?.version);
  }

  private noticeOnce(message: string): void {
    if (this.noticesShown.has(message)) return;
    this.noticesShown.add(message);
    this.host.notify(message);
  }
}

/**
 * A new version's layers: the fast layer is fresh; breaking and Spectral findings carry over only
 * for the same version, except the root's last Spectral findings, remapped through the edit.
 */
function nextLayers(doc: ParsedDocument, fast: Map<string, Diagnostic[]>, previous: Layers | undefined): Layers {
  const uri = doc.uri;
  const layers: Layers = {
    version: doc.version,
    fast,
    breaking: previous && previous.breakingVersion === doc.version ? previous.breaking : new Map(),
    breakingVersion: previous?.breakingVersion ?? -1,
    spectral: previous && previous.spectralVersion === doc.version ? previous.spectral : new Map(),
    spectralVersion: previous?.spectralVersion ?? -1,
    spectralText: previous?.spectralText,
    current: doc.value,
    baselineRoot: previous?.baselineRoot,
  };
  if (previous && previous.spectralVersion === previous.version && previous.spectralText !== undefined && previous.spectralVersion !== doc.version
    && doc.value !== undefined && doc.problems.length === 0) {
    // Remapped, not recomputed: shown on the new text until Spectral has run on it.
    const remapped = new Map(previous.spectral);
    remapped.set(uri, remapDiagnostics(previous.spectral.get(uri) ?? [], previous.spectralText, doc.text));
    layers.spectral = remapped;
    layers.spectralVersion = doc.version;
    layers.spectralText = doc.text;
  }
  return layers;
}

interface Offsets { line: number; character: number }

function positionOf(text: string, offset: number): Offsets {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

const before = (a: Offsets, b: Offsets) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * Moves diagnostics computed on `oldText` onto `newText`: the edit is the span between the
 * longest common prefix and suffix; findings before it stay, findings after it shift, findings
 * touching it are dropped (they may no longer hold).
 */
export function remapDiagnostics(list: Diagnostic[], oldText: string, newText: string): Diagnostic[] {
  if (oldText === newText || list.length === 0) return list;
  // The span between the common prefix and suffix, compared a block at a time (a character loop
  // over 1 MB took ~5 ms of each keystroke's publish).
  const { start, oldEnd, newEnd } = editSpan(oldText, newText);
  const editStart = positionOf(oldText, start);
  const oldEndPos = positionOf(oldText, oldEnd);
  const newEndPos = positionOf(newText, newEnd);
  const lineDelta = newEndPos.line - oldEndPos.line;
  const shift = (p: Offsets) => ({
    line: p.line + lineDelta,
    character: p.line === oldEndPos.line ? p.character + newEndPos.character - oldEndPos.character : p.character,
  });
  const out: Diagnostic[] = [];
  for (const d of list) {
    if (before(d.range.end, editStart)) out.push(d);
    else if (!before(d.range.start, oldEndPos) && !(d.range.start.line === oldEndPos.line && d.range.start.character === oldEndPos.character && start === oldEnd)) {
      out.push({ ...d, range: { start: shift(d.range.start), end: shift(d.range.end) } });
    }
  }
  return out;
}
