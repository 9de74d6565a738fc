import type { Diagnostic } from 'vscode-languageserver-types';
import { parseDocument, ParsedDocument } from './document/parsedDocument';
import { sniffFormat } from './document/sniff';
import type { IWorkspace } from './workspace';
import { DEFAULT_SETTINGS, SpecgateSettings } from './settings';
import { fastDiagnostics, ruleDocUrl, syntaxDiagnostics, withSuppressions } from './languageFeatures/diagnostics';
import { findRulesetFile, getDefaultRuleset, LoadedRuleset, loadRuleset, RulesetLoadError } from './spectral/rulesetLoader';
import { runSpectral } from './spectral/spectralRunner';

export interface LanguageServiceOptions {
  workspace: IWorkspace;
  /** Read on every request, so setting changes apply without a restart. */
  getSettings?: () => SpecgateSettings;
}

/** The outcome of the Spectral layer for one document. */
export interface SpectralOutcome {
  /** Diagnostics per file: the document itself and any `$ref`'d file a finding sits in. */
  byFile: Map<string, Diagnostic[]>;
  /** Things to tell the user once: ruleset load failures, skipped JavaScript. */
  notices: string[];
  rulesetFile?: string;
}

export interface LanguageService {
  /** Parses a document version, or returns the cached parse of that exact version. */
  getDocument(uri: string, text: string, version: number): ParsedDocument;
  /** Cheap check used before anything else: is this YAML/JSON file an OpenAPI/Arazzo document? */
  isSpecText(text: string): boolean;
  /** Syntax + built-in style guide: synchronous and fast, shown as the user types. */
  getFastDiagnostics(doc: ParsedDocument): Promise<Diagnostic[]>;
  /** Spectral with the workspace (or default) ruleset. */
  getSpectralDiagnostics(doc: ParsedDocument): Promise<SpectralOutcome>;
  /** Every layer at once, as the CLI reports it, per file. */
  lint(doc: ParsedDocument): Promise<{ byFile: Map<string, Diagnostic[]>; notices: string[]; rulesetError?: RulesetLoadError }>;
  /** Forget loaded rulesets, e.g. after a `.spectral.*` file changed. */
  invalidateRulesets(): void;
  /** Drop cached parses of a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { workspace } = options;
  const settings = () => options.getSettings?.() ?? DEFAULT_SETTINGS;
  const parsed = new Map<string, ParsedDocument>();
  const rulesets = new Map<string, Promise<LoadedRuleset>>();

  function getDocument(uri: string, text: string, version: number): ParsedDocument {
    const cached = parsed.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    const s = settings();
    const doc = parseDocument(uri, text, version, { maxDepth: s.maxNestingDepth, maxAliasCount: s.maxAliasCount });
    parsed.set(uri, doc);
    return doc;
  }

  async function rulesetFor(uri: string): Promise<LoadedRuleset> {
    const s = settings();
    const file = await findRulesetFile(workspace, uri, s);
    const key = `${file ?? '<default>'}|${workspace.isTrusted()}|${s.allowRemoteReferences}`;
    let pending = rulesets.get(key);
    if (!pending) {
      pending = file ? loadRuleset(workspace, file, s) : Promise.resolve({ ruleset: getDefaultRuleset(), styleRules: {} });
      rulesets.set(key, pending);
      // A failed load is not cached, so fixing the file takes effect on the next lint.
      pending.catch(() => rulesets.delete(key));
    }
    return pending;
  }

  async function styleConfigFor(uri: string) {
    try {
      return (await rulesetFor(uri)).styleRules;
    } catch {
      return {};
    }
  }

  async function getFastDiagnostics(doc: ParsedDocument): Promise<Diagnostic[]> {
    if (!doc.format) return [];
    return fastDiagnostics(doc, settings(), await styleConfigFor(doc.uri));
  }

  async function getSpectralDiagnostics(doc: ParsedDocument): Promise<SpectralOutcome> {
    const byFile = new Map<string, Diagnostic[]>();
    const notices: string[] = [];
    const s = settings();
    if (!doc.format || !s.spectralEnabled || doc.value === undefined || syntaxDiagnostics(doc).length > 0) {
      return { byFile, notices };
    }
    let loaded: LoadedRuleset;
    try {
      loaded = await rulesetFor(doc.uri);
    } catch (e) {
      const err = e instanceof RulesetLoadError ? e : new RulesetLoadError('ruleset', String(e));
      byFile.set(doc.uri, [rulesetErrorDiagnostic(err)]);
      notices.push(err.message);
      return { byFile, notices };
    }
    if (loaded.notice) notices.push(loaded.notice);
    try {
      const results = await runSpectral(doc.uri, doc.text, loaded.ruleset, workspace, s);
      for (const [file, list] of results) byFile.set(file, list);
    } catch (e) {
      notices.push(`Spectral failed on ${doc.uri}: ${(e as Error).message}`);
    }
    return { byFile, notices, rulesetFile: loaded.file };
  }

  async function lint(doc: ParsedDocument) {
    const spectral = await getSpectralDiagnostics(doc);
    const byFile = new Map(spectral.byFile);
    byFile.set(doc.uri, [...(await getFastDiagnostics(doc)), ...(byFile.get(doc.uri) ?? [])]);
    for (const [file, list] of byFile) {
      const text = file === doc.uri ? doc.text : await workspace.readFile(file);
      byFile.set(file, sortDiagnostics(text === undefined ? list : withSuppressions({ text }, list)));
    }
    let rulesetError: RulesetLoadError | undefined;
    try {
      await rulesetFor(doc.uri);
    } catch (e) {
      rulesetError = e instanceof RulesetLoadError ? e : new RulesetLoadError('ruleset', String(e));
    }
    return { byFile, notices: spectral.notices, rulesetError };
  }

  return {
    getDocument,
    isSpecText: (text) => sniffFormat(text) !== undefined,
    getFastDiagnostics,
    getSpectralDiagnostics,
    lint,
    invalidateRulesets: () => rulesets.clear(),
    forget: (uri) => parsed.delete(uri),
  };
}

function rulesetErrorDiagnostic(err: RulesetLoadError): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    code: 'specgate-ruleset-error',
    codeDescription: { href: ruleDocUrl('specgate-ruleset-error') },
    source: 'specgate',
    message: err.message,
  };
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
