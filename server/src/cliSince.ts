/**
 * `specgate lint --since <gitref>`: findings on elements already published at that revision are
 * legacy (hint, `"legacy": true`, never exit 1); files without a baseline there (untracked, missing
 * ref, no repository) are all new, and that is said once on stderr, never as an error.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from './engine/languageService';
import type { ParsedDocument } from './engine/document/parsedDocument';
import { classifyLegacy, legacyDebt } from './engine/analysis/legacy';
import { toJsonFinding, type LintEntry } from './engine/report/lintReport';

export interface MissingBaseline {
  file: string;
  reason: string;
}

export class SinceBaseline {
  private readonly missingList: MissingBaseline[] = [];

  constructor(private readonly service: LanguageService, readonly ref: string) {}

  /** The root document's findings, classified against its version at the ref. */
  async classify(doc: ParsedDocument, shownFile: string, diagnostics: Diagnostic[]): Promise<Diagnostic[]> {
    const baseline = await this.service.getBaseline(doc.uri);
    const root = baseline.kind === 'ok' ? baseline.input.documents.get(doc.uri) : undefined;
    if (root === undefined) {
      if (!this.missingList.some((m) => m.file === shownFile)) this.missingList.push({ file: shownFile, reason: baseline.kind === 'ok' ? 'no baseline' : baseline.kind });
      return diagnostics;
    }
    return classifyLegacy(diagnostics, doc.value, root, { mode: 'hint', ref: this.ref });
  }

  /** Entries of other layers (cross-API findings) classified the same way, per file; `docOf` gives a spec's parse. */
  async classifyEntries(entries: readonly LintEntry[], docOf: (file: string) => Promise<ParsedDocument | undefined>): Promise<LintEntry[]> {
    const byFile = new Map<string, LintEntry[]>();
    for (const e of entries) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    const out: LintEntry[] = [];
    for (const [file, list] of byFile) {
      const doc = await docOf(file);
      const diagnostics = doc ? await this.classify(doc, file, list.map((e) => e.diagnostic)) : list.map((e) => e.diagnostic);
      out.push(...diagnostics.map((diagnostic) => ({ file, diagnostic })));
    }
    return out;
  }

  /** Files classified without a baseline (so far). */
  missing(): MissingBaseline[] {
    return [...this.missingList];
  }

  /** Files a worker thread classified without a baseline. */
  addMissing(list: readonly MissingBaseline[]): void {
    this.missingList.push(...list);
  }

  /** One line naming every file that had no baseline, or undefined. */
  notice(): string | undefined {
    if (this.missingList.length === 0) return undefined;
    const files = this.missingList.map((m) => `${m.file} (${m.reason})`).join(', ');
    return `no baseline at ${this.ref} for ${files}: every finding there is treated as new.`;
  }

  /** `--format json --since`: the findings plus the legacy debt per rule. */
  json(entries: readonly LintEntry[]): string {
    const summary = {
      baseline: this.ref,
      new: entries.filter((e) => !(e.diagnostic.data as { legacy?: boolean } | undefined)?.legacy).length,
      legacyDebt: legacyDebt(entries.map((e) => e.diagnostic)),
      withoutBaseline: this.missingList.map((m) => m.file),
    };
    return JSON.stringify({ findings: entries.map(toJsonFinding), summary }, null, 2) + '\n';
  }
}
