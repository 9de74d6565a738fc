import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from './engine/languageService';
import { isLargeDocument, withSuppressions } from './engine/languageFeatures/diagnostics';
import { sortDiagnostics } from './engine/languageService';
import type { SpecgateSettings } from './engine/settings';
import type { BreakingAnalysis } from './engine/languageFeatures/breaking';

export interface SchedulerHost {
  service: LanguageService;
  settings(): SpecgateSettings;
  /** The current text and version of an open document, or undefined once it is closed. */
  openDocument(uri: string): { text: string; version: number } | undefined;
  publish(uri: string, diagnostics: Diagnostic[], version?: number): void;
  notify(message: string): void;
  status(uri: string, diagnostics: Diagnostic[]): void;
  /** Baseline state and change counts, for the status bar. */
  baselineStatus?(uri: string, analysis: BreakingAnalysis): void;
  log(message: string): void;
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
}

/**
 * Debounces edits, runs the fast layer then Spectral, and publishes one merged list per file
 * with the document version. A newer edit supersedes older work: results computed for an old
 * version are dropped, so stale ranges never land on new text.
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
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
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
    try {
      if (!this.host.service.isSpecText(open.text)) {
        if (this.layers.has(uri)) this.close(uri);
        return;
      }
      const doc = this.host.service.getDocument(uri, open.text, open.version);
      const fast = await this.host.service.getFastDiagnosticsByFile(doc);
      if (!current()) return;
      const previous = this.layers.get(uri);
      const layers: Layers = {
        version: doc.version,
        fast,
        breaking: previous && previous.breakingVersion === doc.version ? previous.breaking : new Map(),
        breakingVersion: previous?.breakingVersion ?? -1,
        spectral: previous && previous.spectralVersion === doc.version ? previous.spectral : new Map(),
        spectralVersion: previous?.spectralVersion ?? -1,
      };
      this.layers.set(uri, layers);
      this.publishFile(uri);
      for (const file of new Set([...fast.keys(), ...(previous?.fast.keys() ?? [])])) if (file !== uri) this.publishFile(file);
      const breaking = await this.host.service.getBreakingDiagnostics(doc);
      if (!current()) return;
      const staleBreaking = layers.breaking;
      layers.breaking = breaking;
      layers.breakingVersion = doc.version;
      this.publishFile(uri);
      for (const file of new Set([...breaking.keys(), ...staleBreaking.keys()])) if (file !== uri) this.publishFile(file);
      this.host.baselineStatus?.(uri, await this.host.service.getBreakingAnalysis(doc));
      const settings = this.host.settings();
      if (!settings.spectralEnabled || (isLargeDocument(doc, settings) && !forceSpectral)) return;
      const outcome = await this.host.service.getSpectralDiagnostics(doc);
      // Superseded (a newer version is queued) or stale: never shown on newer text.
      if (!current() || outcome.superseded) return;
      for (const notice of outcome.notices) this.noticeOnce(notice);
      const stale = layers.spectral;
      layers.spectral = outcome.byFile;
      layers.spectralVersion = doc.version;
      this.publishFile(uri);
      for (const file of new Set([...outcome.byFile.keys(), ...stale.keys()])) if (file !== uri) this.publishFile(file);
    } catch (e) {
      this.host.log(`Specgate: linting ${uri} failed: ${(e as Error).stack ?? e}`);
    }
  }

  private publishFile(file: string): void {
    const own = this.layers.get(file);
    const list: Diagnostic[] = own
      ? [
          ...(own.fast.get(file) ?? []),
          ...(own.breakingVersion === own.version ? own.breaking.get(file) ?? [] : []),
          ...(own.spectralVersion === own.version ? own.spectral.get(file) ?? [] : []),
        ]
      : [];
    for (const [root, layers] of this.layers) {
      if (root !== file) list.push(...(layers.fast.get(file) ?? []), ...(layers.breaking.get(file) ?? []), ...(layers.spectral.get(file) ?? []));
    }
    const open = this.host.openDocument(file);
    const merged = sortDiagnostics(open ? withSuppressions(open, dedupe(list)) : dedupe(list));
    if (!own && merged.length === 0 && !this.contributed.has(file)) return;
    if (own) this.host.status(file, merged);
    else if (merged.length > 0) this.contributed.add(file);
    else this.contributed.delete(file);
    this.host.publish(file, merged, own?.version);
  }

  private noticeOnce(message: string): void {
    if (this.noticesShown.has(message)) return;
    this.noticesShown.add(message);
    this.host.notify(message);
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
