import type { Diagnostic } from 'vscode-languageserver-types';
import { parseDocument, ParsedDocument } from './document/parsedDocument';
import { sniffFormat } from './document/sniff';
import type { IWorkspace } from './workspace';
import { DEFAULT_SETTINGS, SpecgateSettings } from './settings';
import { fastDiagnostics, ruleDocUrl, syntaxDiagnostics, withSuppressions } from './languageFeatures/diagnostics';
import { findRulesetFile, getDefaultRuleset, LoadedRuleset, loadRuleset, RulesetLoadError } from './spectral/rulesetLoader';
import { runSpectral } from './spectral/spectralRunner';
import type { CodeAction, Hover, Position, Range } from 'vscode-languageserver-types';
import { getCodeActions } from './languageFeatures/codeActions';
import { BaselineCache, BaselineState } from './baseline/baseline';
import { ACCEPTED_FILE, parseAccepted } from './baseline/accepted';
import { analyzeBreaking, breakingDiagnostics, breakingHover, BreakingAnalysis, versionHover } from './languageFeatures/breaking';
import { collectExternalRefs, loadSpecGraph, SpecInput } from './refs';
import { inlineExternalRefs } from './refs/inline';
import { dirnameUri, isUnder, joinUri } from './uri';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { workspaceFiles, SPEC_EXTENSIONS } from './references/workspaceFiles';
import { prepareRename as prepareRenameAt, rename as renameAt } from './languageFeatures/rename';
import { fixNamingInWorkspace as fixWorkspaceNaming } from './languageFeatures/fixAll';
import { createDocsService, type DocsService } from './rules/docs/docsService';
import { createWorkspaceIndexStandIn } from './rules/docs/workspaceIndexStandIn';
import { operationIdsOf } from './rules/docs/apiModel';
import { guideMentionNotes } from './rules/docs/guideMentions';

export interface LanguageServiceOptions {
  workspace: IWorkspace;
  /** Read on every request, so setting changes apply without a restart. */
  getSettings?: () => SpecgateSettings;
  /** Runs the Spectral layer elsewhere (the language server's worker thread); default: in this thread. */
  spectral?: SpectralRunner;
}

/** Where the Spectral layer runs when not in this thread (see server/src/node/spectralWorkerHost.ts). */
export interface SpectralRunner {
  run(doc: ParsedDocument, settings: SpecgateSettings): Promise<SpectralOutcome>;
  /** Rulesets changed (file, settings, trust): drop loaded ones. */
  invalidate(): void;
}

/** The outcome of the Spectral layer for one document. */
export interface SpectralOutcome {
  /** Diagnostics per file: the document itself and any `$ref`'d file a finding sits in. */
  byFile: Map<string, Diagnostic[]>;
  /** Things to tell the user once: ruleset load failures, skipped JavaScript. */
  notices: string[];
  rulesetFile?: string;
  /** A newer request for the same document replaced this one before it ran: nothing to show. */
  superseded?: boolean;
}

export interface LanguageService {
  /** Parses a document version, or returns the cached parse of that exact version. */
  getDocument(uri: string, text: string, version: number): ParsedDocument;
  /** Cheap check used before anything else: is this YAML/JSON file an OpenAPI/Arazzo document? */
  isSpecText(text: string): boolean;
  /** Syntax + built-in style guide for the document itself: fast, shown as the user types. */
  getFastDiagnostics(doc: ParsedDocument): Promise<Diagnostic[]>;
  /** The same, per file: findings inside `$ref`'d files are reported in those files. */
  getFastDiagnosticsByFile(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>>;
  /** Spectral with the workspace (or default) ruleset. */
  getSpectralDiagnostics(doc: ParsedDocument): Promise<SpectralOutcome>;
  /** Every layer at once, as the CLI reports it, per file. */
  lint(doc: ParsedDocument): Promise<{ byFile: Map<string, Diagnostic[]>; notices: string[]; rulesetError?: RulesetLoadError }>;
  /** The git baseline of a file (`specgate.baseline`, default HEAD), parsed once per commit. */
  getBaseline(uri: string): Promise<BaselineState>;
  /** The document and every `$ref`'d file, read through the workspace (open buffers first). */
  getSpecGraph(doc: ParsedDocument): Promise<SpecInput>;
  /** Breaking-change analysis of a document version against its baseline; cached per version. */
  getBreakingAnalysis(doc: ParsedDocument): Promise<BreakingAnalysis>;
  /** Breaking-change diagnostics per file (changes inside `$ref`'d files land there). */
  getBreakingDiagnostics(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>>;
  getHover(doc: ParsedDocument, position: Position): Promise<Hover | undefined>;
  getCodeActions(doc: ParsedDocument, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
  /** The workspace folder holding `uri` (or its directory), where `.specgate/` lives. */
  folderOf(uri: string): string;
  /** F2: the name under the cursor and its range; throws `RenameRefusal` where nothing can be renamed. */
  prepareRename(doc: ParsedDocument, position: Position): { range: Range; placeholder: string };
  /** F2: the rename and every reference, across workspace files; throws `RenameRefusal` for invalid or colliding names. */
  rename(doc: ParsedDocument, position: Position, newName: string): Promise<WorkspaceEdit>;
  /** Every non-breaking naming fix of every spec in the workspace, as one edit needing confirmation. `openVersions`: open documents' versions. */
  fixNamingInWorkspace(openVersions: ReadonlyMap<string, number>): Promise<{ edit: WorkspaceEdit; fixes: number; files: number }>;
  /** Forget loaded rulesets, e.g. after a `.spectral.*` file changed. */
  invalidateRulesets(): void;
  /** Drop cached parses of a closed document. */
  forget(uri: string): void;
  /** Markdown guides checked against the workspace's APIs (diagnostics, guides for hovers and renames). */
  docs: DocsService;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { workspace } = options;
  const settings = () => options.getSettings?.() ?? DEFAULT_SETTINGS;
  const parsed = new Map<string, ParsedDocument>();
  const rulesets = new Map<string, Promise<LoadedRuleset>>();
  const baselines = new BaselineCache(workspace, () => settings());
  const analyses = new Map<string, { key: string; analysis: Promise<BreakingAnalysis> }>();
  /** Fast-layer results of single-file documents, per parsed version (multi-file ones depend on other files). */
  const fastMemo = new WeakMap<ParsedDocument, { settings: SpecgateSettings; styleConfig: unknown; result: Map<string, Diagnostic[]> }>();

  // Until issue 9's index is merged: a stand-in with its API (the integrator passes `index` instead).
  const docsIndex = createWorkspaceIndexStandIn(workspace);
  const docs = createDocsService({
    index: () => docsIndex,
    folders: () => workspace.folders,
    settings,
    baselineOperationIds: async (uri) => {
      const b = await baselines.get(uri, settings().baseline);
      return b.kind === 'ok' ? operationIdsOf(b.input.documents.get(b.input.uri)) : [];
    },
  });

  function folderOf(uri: string): string {
    return workspace.folders.find((f) => isUnder(uri, f)) ?? dirnameUri(uri);
  }

  /** Parses of `$ref`'d files, reused while their text is unchanged. */
  const referenced = new Map<string, ParsedDocument>();

  async function parseReferenced(uri: string): Promise<ParsedDocument | undefined> {
    const text = await workspace.readFile(uri);
    if (text === undefined) return undefined;
    const cached = referenced.get(uri);
    if (cached && cached.text === text) return cached;
    const s = settings();
    const doc = parseDocument(uri, text, 0, { maxDepth: s.maxNestingDepth, maxAliasCount: s.maxAliasCount });
    referenced.set(uri, doc);
    return doc;
  }

  async function loadGraph(doc: ParsedDocument): Promise<{ input: SpecInput; files: Map<string, ParsedDocument> }> {
    const s = settings();
    const files = new Map<string, ParsedDocument>();
    const graph = await loadSpecGraph(doc.uri, doc.value, async (uri) => {
      const parsed = await parseReferenced(uri);
      if (parsed) files.set(uri, parsed);
      return parsed?.value;
    }, { allowRemote: false, maxFiles: s.maxReferencedFiles });
    return { input: { uri: graph.uri, documents: graph.documents }, files };
  }

  async function getSpecGraph(doc: ParsedDocument): Promise<SpecInput> {
    return (await loadGraph(doc)).input;
  }

  async function getBreakingAnalysis(doc: ParsedDocument): Promise<BreakingAnalysis> {
    const baseline = await baselines.get(doc.uri, settings().baseline);
    const folder = folderOf(doc.uri);
    const acceptedText = await workspace.readFile(joinUri(folder, ACCEPTED_FILE));
    const key = `${doc.version}|${doc.text.length}|${baseline.kind === 'ok' ? baseline.revision : baseline.kind}|${acceptedText ?? ''}`;
    const cached = analyses.get(doc.uri);
    if (cached && cached.key === key) return cached.analysis;
    const analysis = (async () => {
      if (baseline.kind !== 'ok' || doc.value === undefined || doc.problems.length > 0) return { baseline, changes: [] };
      return analyzeBreaking(baseline, await getSpecGraph(doc), parseAccepted(acceptedText, folder));
    })();
    analyses.set(doc.uri, { key, analysis });
    return analysis;
  }

  async function getBreakingDiagnostics(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>> {
    const byFile = new Map<string, Diagnostic[]>();
    if (!doc.format || doc.format === 'arazzo1' || !settings().breaking.enabled) return byFile;
    const analysis = await getBreakingAnalysis(doc);
    byFile.set(doc.uri, breakingDiagnostics(doc, analysis, settings()));
    for (const file of new Set(analysis.changes.map((c) => c.uri))) {
      if (file === doc.uri) continue;
      const text = await workspace.readFile(file);
      if (text !== undefined) byFile.set(file, breakingDiagnostics(parseDocument(file, text), analysis, settings()));
    }
    return byFile;
  }

  async function getHover(doc: ParsedDocument, position: Position): Promise<Hover | undefined> {
    if (!doc.format || doc.value === undefined) return undefined;
    const analysis = await getBreakingAnalysis(doc);
    const at = doc.pointerAt(doc.textDocument.offsetAt(position));
    if (at && at.pointer === '/info/version') return versionHover(analysis);
    const guides = analysis.changes.length > 0 ? await docs.guides().catch(() => []) : [];
    return breakingHover(doc, analysis, settings(), position, (changes) => guideMentionNotes(changes, guides, folderOf(doc.uri)));
  }

  function getDocument(uri: string, text: string, version: number): ParsedDocument {
    const cached = parsed.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    // Let the previous version's tree go before building the next (peak memory on large specs).
    parsed.delete(uri);
    const s = settings();
    const doc = parseDocument(uri, text, version, { maxDepth: s.maxNestingDepth, maxAliasCount: s.maxAliasCount });
    parsed.set(uri, doc);
    return doc;
  }

  async function rulesetFor(uri: string): Promise<LoadedRuleset> {
    const s = settings();
    const file = await findRulesetFile(workspace, uri, s);
    // Keyed by the file's text too: a load (or a failure) is reused until the file changes, so a
    // broken ruleset is bundled once, not by every layer of every lint, and fixing it takes effect
    // at once even in clients that send no file-watch events.
    const text = file ? await workspace.readFile(file) : '';
    const key = `${file ?? '<default>'}|${workspace.isTrusted()}|${s.allowRemoteReferences}|${text ?? ''}`;
    let pending = rulesets.get(key);
    if (!pending) {
      pending = file ? loadRuleset(workspace, file, s) : Promise.resolve({ ruleset: getDefaultRuleset(), styleRules: {} });
      pending.catch(() => undefined);
      // One entry per ruleset file: older texts of it are gone for good.
      for (const old of rulesets.keys()) if (old.startsWith(`${file ?? '<default>'}|`)) rulesets.delete(old);
      rulesets.set(key, pending);
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
    return (await getFastDiagnosticsByFile(doc)).get(doc.uri) ?? [];
  }

  async function getFastDiagnosticsByFile(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>> {
    if (!doc.format) return new Map();
    const styleConfig = await styleConfigFor(doc.uri);
    // One computation per parsed version (code actions ask again on every request).
    const s = settings();
    const memo = fastMemo.get(doc);
    if (memo && memo.settings === s && memo.styleConfig === styleConfig) return memo.result;
    if (doc.value === undefined || collectExternalRefs(doc.value, doc.uri).length === 0) {
      const result = fastDiagnostics(doc, s, styleConfig);
      fastMemo.set(doc, { settings: s, styleConfig, result });
      return result;
    }
    const { input, files } = await loadGraph(doc);
    return fastDiagnostics(doc, s, styleConfig, { inlined: inlineExternalRefs(input), files });
  }

  async function getSpectralDiagnostics(doc: ParsedDocument): Promise<SpectralOutcome> {
    const byFile = new Map<string, Diagnostic[]>();
    const notices: string[] = [];
    const s = settings();
    if (!doc.format || !s.spectralEnabled || doc.value === undefined || syntaxDiagnostics(doc).length > 0) {
      return { byFile, notices };
    }
    if (options.spectral) return options.spectral.run(doc, s);
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
      const results = await runSpectral(doc.uri, doc.text, loaded.ruleset, workspace, s, doc);
      for (const [file, list] of results) byFile.set(file, list);
    } catch (e) {
      notices.push(`Spectral failed on ${doc.uri}: ${(e as Error).message}`);
    }
    return { byFile, notices, rulesetFile: loaded.file };
  }

  async function lint(doc: ParsedDocument) {
    const spectral = await getSpectralDiagnostics(doc);
    const byFile = new Map(spectral.byFile);
    for (const [file, list] of await getFastDiagnosticsByFile(doc)) byFile.set(file, [...list, ...(byFile.get(file) ?? [])]);
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
    docs,
    getDocument,
    isSpecText: (text) => sniffFormat(text) !== undefined,
    getFastDiagnostics,
    getFastDiagnosticsByFile,
    getSpectralDiagnostics,
    lint,
    invalidateRulesets: () => {
      rulesets.clear();
      options.spectral?.invalidate();
    },
    forget: (uri) => {
      parsed.delete(uri);
      analyses.delete(uri);
    },
    getBaseline: (uri) => baselines.get(uri, settings().baseline),
    getSpecGraph,
    getBreakingAnalysis,
    getBreakingDiagnostics,
    getHover,
    folderOf,
    async getCodeActions(doc, range, diagnostics, only) {
      if (!doc.format) return [];
      const folderUri = folderOf(doc.uri);
      return getCodeActions({
        doc,
        range,
        diagnostics,
        only,
        analysis: await getBreakingAnalysis(doc),
        folderUri,
        acceptedText: await workspace.readFile(joinUri(folderUri, ACCEPTED_FILE)),
        styleDiagnostics: () => getFastDiagnostics(doc),
        otherFiles: workspaceFiles(workspace, doc.uri),
      });
    },
    prepareRename: (doc, position) => prepareRenameAt(doc, position),
    rename: (doc, position, newName) => renameAt(doc, position, newName, workspaceFiles(workspace, doc.uri)),
    async fixNamingInWorkspace(openVersions) {
      const uris = new Set([...(await workspace.listFiles?.(SPEC_EXTENSIONS) ?? []), ...openVersions.keys()]);
      async function* files() {
        for (const uri of uris) {
          const text = await workspace.readFile(uri);
          if (text === undefined || !sniffFormat(text)) continue;
          const doc = getDocument(uri, text, openVersions.get(uri) ?? 0);
          if (doc.format === 'arazzo1' || doc.value === undefined || doc.problems.length > 0) continue;
          const baseline = await baselines.get(uri, settings().baseline);
          yield { ctx: { doc, baseline, otherFiles: workspaceFiles(workspace, uri) }, current: await getFastDiagnostics(doc) };
        }
      }
      return fixWorkspaceNaming({ files: files(), versions: openVersions });
    },
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
