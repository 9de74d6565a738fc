import type { Diagnostic } from 'vscode-languageserver-types';
import { parseDocument, ParsedDocument, isValueOnly } from './document/parsedDocument';
import { sniffFormat } from './document/sniff';
import type { IWorkspace } from './workspace';
import { silentLogger, type Logger } from './logger';
import { setExampleValidationLogger } from './spectral/exampleValidation';
import { DEFAULT_SETTINGS, SpecgateSettings } from './settings';
import { documentNote, fastDiagnostics, syntaxDiagnostics } from './languageFeatures/diagnostics';
import { LoadedRuleset, RulesetLoadError } from './spectral/rulesetLoader';
import { DocumentCache } from './service/documentCache';
import { RulesetCache } from './service/rulesetCache';
import { runSpectral } from './spectral/spectralRunner';
import { locateWith, spectralAstOf, spectralParserLocator, spectralValueDocument } from './spectral/valueOnlyParse';
import { mergeSplitFindings, type RuleSelection } from './spectral/ruleSplit';
import type { CodeAction, Hover, Position, Range } from 'vscode-languageserver-types';
import { getCodeActions } from './languageFeatures/codeActions';
import { BaselineCache, BaselineState } from './baseline/baseline';
import { ACCEPTED_FILE, parseAccepted } from './baseline/accepted';
import { CHANGE_OVERRIDES_FILE, diffPolicy } from './diff';
import { breakingDiagnostics } from './languageFeatures/breaking';
import { provideHover, type HoverContext } from './languageFeatures/hoverProvider';
import { analyzeBreaking, BreakingAnalysis } from './analysis/breakingAnalysis';
import { analyzeDocument } from './analysis/pipeline';
import { collectExternalRefs, loadSpecGraph, SpecInput } from './refs';
import { inlineExternalRefs } from './refs/inline';
import { outsideReferenceRefusal, referenceRoot } from './refs/containment';
import { dirnameUri, isUnder, joinUri } from './uri';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { SymbolIndex } from './references/symbolIndex';
import { CancelledError, type Cancellation } from './references/cancellation';
import type { FixAllControl } from './languageFeatures/fixAll';
import { resolveNamingAction } from './languageFeatures/namingFixes';
import { prepareRename as prepareRenameAt, rename as renameAt } from './languageFeatures/rename';
import { fixNamingInWorkspace as fixWorkspaceNaming } from './languageFeatures/fixAll';
import { createServiceIndex } from './workspace/serviceIndex';
import type { WorkspaceIndex } from './workspace/workspaceIndex';
import { governanceDiagnosticsFor, workspaceSnapshot } from './catalog/governanceFeature';
import { audienceOf, type Audience } from './catalog/audience';
import { apiSummaries, type ApiSummary } from './catalog/apiSummaries';
import { arazzoDiagnostics, workspaceSourceReader } from './languageFeatures/arazzoDiagnostics';
import { arazzoFilesOf, openApiSources, textVersion, withWorkflows, workflowImpactDiagnostics } from './languageFeatures/workflowImpact';
import { arazzoDefinitionAt, operationReferencesAt, type NavigationContext } from './languageFeatures/arazzoNavigation';
import type { Location } from 'vscode-languageserver-types';
import { createDocsService, type DocsService } from './rules/docs/docsService';
import { operationIdsOf } from './rules/docs/apiModel';
import { guideMentionNotes } from './rules/docs/guideMentions';
import { withGuides } from './rules/docs/guideTexts';

export interface LanguageServiceOptions {
  workspace: IWorkspace;
  /** Read on every request, so setting changes apply without a restart. */
  getSettings?: () => SpecgateSettings;
  /** Runs the Spectral layer elsewhere (the language server's worker thread); default: in this thread. */
  spectral?: SpectralRunner;
  /**
   * True when the host reports every file change (the language server with a watching client):
   * texts, ruleset locations and `$ref` edges are then cached until an event says otherwise.
   * Otherwise (CLI, tests, the Spectral worker) files are read again when needed.
   */
  fileChangesReported?: () => boolean;
  /** Where swallowed failures are reported (default: nowhere). */
  logger?: Logger;
  /**
   * Documents this thread never parses: the language server's main thread leaves texts above
   * `backgroundAnalysisThresholdKB` to its analysis thread, so requests stay answered.
   */
  deferParse?: (text: string) => boolean;
}

/** How the client takes code actions: lazily (`codeAction/resolve`), and fix-all's cancellation and progress. */
export interface CodeActionOptions {
  lazy?: boolean;
  control?: FixAllControl;
}

/** Where the Spectral layer runs when not in this thread (see server/src/node/spectralWorkerHost.ts). */
export interface SpectralRunner {
  /** The outcome, or undefined when this runner leaves `doc` to Spectral in this thread. */
  run(doc: ParsedDocument, settings: SpecgateSettings): Promise<SpectralOutcome> | undefined;
  /** Rules `run` leaves to this thread for `doc` (`ruleSplit.ts`); asked before `run`. */
  rulesLeftHere?(doc: ParsedDocument): ReadonlySet<string> | undefined;
  /** Rulesets changed (file, settings, trust): drop loaded ones. */
  invalidate(): void;
  dispose?(): void;
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
  /** Linted on a value-only parse: the document's own findings still need `locatePendingRanges`. */
  rangesPending?: boolean;
}

export interface LanguageService {
  /** The workspace model: discovered files, cached texts and parses, the `$ref` graph (see engine/workspace). */
  readonly index: WorkspaceIndex;
  /** Parses a document version, or returns the cached parse of that exact version. */
  getDocument(uri: string, text: string, version: number): ParsedDocument;
  /** Cheap check used before anything else: is this YAML/JSON file an OpenAPI/Arazzo document? */
  isSpecText(text: string): boolean;
  /** Syntax + built-in style guide for the document itself: fast, shown as the user types. */
  getFastDiagnostics(doc: ParsedDocument): Promise<Diagnostic[]>;
  /** The same, per file: findings inside `$ref`'d files are reported in those files. */
  getFastDiagnosticsByFile(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>>;
  /**
   * Spectral with the workspace (or default) ruleset; a cancelled run answers `superseded`.
   * `selection`: part of the rules, when another thread runs the rest (`ruleSplit.ts`).
   */
  getSpectralDiagnostics(doc: ParsedDocument, token?: Cancellation, selection?: RuleSelection): Promise<SpectralOutcome>;
  /**
   * The document `lint` needs: a value-only parse when only Spectral runs on an OpenAPI document
   * (its findings are then placed by Spectral's own positioned parser), else `getDocument`'s.
   */
  getLintDocument(uri: string, text: string, version: number): ParsedDocument;
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
  getHover(doc: ParsedDocument, position: Position, token?: Cancellation): Promise<Hover | undefined>;
  getCodeActions(doc: ParsedDocument, range: Range, diagnostics: Diagnostic[], only?: string[], options?: CodeActionOptions): Promise<CodeAction[]>;
  /** `codeAction/resolve`: the edit of a lazy action, against the current version of its document. */
  resolveCodeAction(doc: ParsedDocument, action: CodeAction, token?: Cancellation): Promise<CodeAction>;
  /** The workspace folder holding `uri` (or its directory), where `.specgate/` lives. */
  folderOf(uri: string): string;
  /** F2: the name under the cursor and its range; throws `RenameRefusal` where nothing can be renamed. */
  prepareRename(doc: ParsedDocument, position: Position): { range: Range; placeholder: string };
  /** F2: the rename and every reference, across workspace files; throws `RenameRefusal` for invalid or colliding names. */
  rename(doc: ParsedDocument, position: Position, newName: string, token?: Cancellation): Promise<WorkspaceEdit>;
  /** Every non-breaking naming fix of every spec in the workspace, as one edit needing confirmation. `openVersions`: open documents' versions. */
  fixNamingInWorkspace(openVersions: ReadonlyMap<string, number>): Promise<{ edit: WorkspaceEdit; fixes: number; files: number }>;
  /** Arazzo: from a step's operationId/operationPath to the operation, from `$steps.x.outputs.y` to the output. */
  getArazzoDefinition(doc: ParsedDocument, position: Position): Promise<Location | undefined>;
  /** Arazzo: from an operation in a spec to every workflow step calling it. */
  getArazzoReferences(doc: ParsedDocument, position: Position): Promise<Location[]>;
  /** Forget loaded rulesets, e.g. after a `.spectral.*` file changed. */
  invalidateRulesets(): void;
  /** Drop cached parses of a closed document. */
  forget(uri: string): void;
  /** Cross-API findings of an OpenAPI document, or the catalog's findings of a catalog/CODEOWNERS file. */
  getGovernanceDiagnostics(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>>;
  /** The API's owner and consumers from the catalog (Backstage, CODEOWNERS), for breaking-change feedback. */
  getAudience(uri: string): Promise<Audience | undefined>;
  /** Every API of the workspace with owner, findings and breaking count (the client's "APIs" view). */
  getApiSummaries(): Promise<ApiSummary[]>;
  /** Markdown guides checked against the workspace's APIs (diagnostics, guides for hovers and renames). */
  docs: DocsService;
  /** Stops listening to the workspace, drops every cache, stops the Spectral runner. */
  dispose(): void;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { workspace } = options;
  const logger = options.logger ?? silentLogger;
  setExampleValidationLogger(logger);
  const settings = () => options.getSettings?.() ?? DEFAULT_SETTINGS;
  const documents = new DocumentCache(settings, options.deferParse);
  const baselines = new BaselineCache(workspace, () => settings());
  const analyses = new Map<string, { key: string; analysis: Promise<BreakingAnalysis> }>();
  // Arazzo impact tracing reads the workspace's workflows (stand-in until issue 9's index: use `index` there).
  /** Fast-layer results of single-file documents, per parsed version (multi-file ones depend on other files). */
  const fastMemo = new WeakMap<ParsedDocument, { settings: SpecgateSettings; styleConfig: unknown; result: Map<string, Diagnostic[]> }>();
  const index = createServiceIndex(workspace, settings, options.fileChangesReported, logger, {
    // A file changed: what was computed from it (or from a file depending on it) is stale.
    invalidate: (uris) => {
      for (const uri of uris) {
        analyses.delete(uri);
        documents.invalidate(uri);
      }
    },
  }, options.deferParse);
  const symbols = new SymbolIndex(index);
  const rulesets = new RulesetCache(workspace, index, settings, options.fileChangesReported);
  const referencedParse = (uri: string, text: string) => documents.referencedParse(uri, text);

  const docs = createDocsService({
    index: () => index,
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

  async function parseReferenced(uri: string): Promise<ParsedDocument | undefined> {
    const text = await index.getText(uri);
    return text === undefined ? undefined : referencedParse(uri, text);
  }

  async function loadGraph(doc: ParsedDocument): Promise<{ input: SpecInput; files: Map<string, ParsedDocument> }> {
    const s = settings();
    const files = new Map<string, ParsedDocument>();
    const graph = await loadSpecGraph(doc.uri, doc.value, async (uri) => {
      const parsed = await parseReferenced(uri);
      if (parsed) files.set(uri, parsed);
      return parsed?.value;
    }, { allowRemote: false, maxFiles: s.maxReferencedFiles, mayRead: readableFrom(doc.uri, s), rootRefsCache: documents.treeMemo(doc)?.externalRefs });
    return { input: { uri: graph.uri, documents: graph.documents }, files };
  }

  function readableFrom(specUri: string, s: SpecgateSettings): (uri: string) => boolean {
    const root = referenceRoot(specUri, workspace.folders);
    return (uri) => outsideReferenceRefusal(uri, root, s.allowReferencesOutsideWorkspace) === undefined;
  }

  async function getSpecGraph(doc: ParsedDocument): Promise<SpecInput> {
    return (await loadGraph(doc)).input;
  }

  async function getBreakingAnalysis(doc: ParsedDocument): Promise<BreakingAnalysis> {
    const baseline = await baselines.get(doc.uri, settings().baseline);
    const folder = folderOf(doc.uri);
    const acceptedText = await index.getText(joinUri(folder, ACCEPTED_FILE));
    const overridesText = await index.getText(joinUri(folder, CHANGE_OVERRIDES_FILE));
    const windows = settings().breaking;
    const arazzo = baseline.kind === 'ok' ? await arazzoFilesOf(index) : [];
    const key = `${doc.version}|${doc.text.length}|${baseline.kind === 'ok' ? baseline.revision : baseline.kind}|${acceptedText ?? ''}|${overridesText ?? ''}|${windows.deprecationDaysStable}|${windows.deprecationDaysBeta}|${arazzo.map((f) => f.uri + f.text).join('|')}`;
    const cached = analyses.get(doc.uri);
    if (cached && cached.key === key) return cached.analysis;
    const analysis = (async () => {
      if (baseline.kind !== 'ok' || doc.value === undefined || doc.problems.length > 0) return { baseline, changes: [] };
      const revision = await getSpecGraph(doc);
      const analyzed = analyzeBreaking(baseline, revision, parseAccepted(acceptedText, folder), diffPolicy(windows, overridesText).options);
      return withWorkflows(analyzed, revision, arazzo, workspaceSourceReader(workspace, referencedParse), settings());
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
      const text = await index.getText(file);
      if (text !== undefined) byFile.set(file, breakingDiagnostics(parseDocument(file, text), analysis, settings()));
    }
    return byFile;
  }

  const hoverContext: HoverContext = {
    analysis: getBreakingAnalysis,
    audience: getAudience,
    settings,
    guideNotes: async (doc) => {
      const guides = await docs.guides().catch(() => []);
      return (changes) => guideMentionNotes(changes, guides, folderOf(doc.uri));
    },
  };

  async function getAudience(uri: string): Promise<Audience | undefined> {
    try {
      return audienceOf(await workspaceSnapshot(index, workspace.folders), uri);
    } catch {
      return undefined;
    }
  }

  const getDocument = (uri: string, text: string, version: number) => documents.get(uri, text, version);
  const rulesetFor = (uri: string) => rulesets.forDocument(uri);

  async function getFastDiagnostics(doc: ParsedDocument): Promise<Diagnostic[]> {
    return (await getFastDiagnosticsByFile(doc)).get(doc.uri) ?? [];
  }

  async function getFastDiagnosticsByFile(doc: ParsedDocument): Promise<Map<string, Diagnostic[]>> {
    if (!doc.format) return new Map();
    const styleConfig = await rulesets.styleConfig(doc.uri);
    // One computation per parsed version (code actions ask again on every request).
    const s = settings();
    const memo = fastMemo.get(doc);
    if (memo && memo.settings === s && memo.styleConfig === styleConfig) return memo.result;
    // Arazzo: workflow checks against the sources they call (which change independently, so not memoized).
    if (doc.format === 'arazzo1') return appendArazzo(fastDiagnostics(doc, s, styleConfig), doc);
    const tree = documents.treeMemo(doc);
    if (doc.value === undefined || collectExternalRefs(doc.value, doc.uri, tree?.externalRefs).length === 0) {
      const result = fastDiagnostics(doc, s, styleConfig, undefined, tree);
      fastMemo.set(doc, { settings: s, styleConfig, result });
      return result;
    }
    const { input, files } = await loadGraph(doc);
    return fastDiagnostics(doc, s, styleConfig, { inlined: inlineExternalRefs(input), files });
  }

  async function appendArazzo(byFile: Map<string, Diagnostic[]>, doc: ParsedDocument): Promise<Map<string, Diagnostic[]>> {
    if ((byFile.get(doc.uri) ?? []).some((d) => d.code === 'specgate-syntax')) return byFile;
    const read = workspaceSourceReader(workspace, (uri, text) => (uri === doc.uri ? doc : referencedParse(uri, text)));
    byFile.set(doc.uri, [...(byFile.get(doc.uri) ?? []), ...(await arazzoDiagnostics(doc, read, settings())), ...(await arazzoImpact(doc))]);
    return byFile;
  }

  /** Steps of an Arazzo document broken by working-copy changes of the specs it calls. */
  async function arazzoImpact(doc: ParsedDocument): Promise<Diagnostic[]> {
    if (!settings().breaking.enabled) return [];
    const analyses = [];
    for (const specUri of openApiSources(doc)) {
      const text = await workspace.readFile(specUri);
      if (text === undefined) continue;
      const open = documents.peek(specUri);
      const spec = open && open.text === text ? open : await getSourceDocument(specUri, text);
      if (spec.format && spec.format !== 'arazzo1') analyses.push({ specUri, analysis: await getBreakingAnalysis(spec) });
    }
    return workflowImpactDiagnostics(doc, analyses);
  }

  /** A closed spec as a document whose version hashes its text and its `$ref`'d files' (analyses are cached per version). */
  async function getSourceDocument(uri: string, text: string): Promise<ParsedDocument> {
    const { files } = await loadGraph(referencedParse(uri, text));
    return documents.source(uri, text, textVersion([text, ...[...files.values()].map((f) => f.text)].join('\u0000')));
  }

  async function getSpectralDiagnostics(doc: ParsedDocument, token?: Cancellation, selection?: RuleSelection): Promise<SpectralOutcome> {
    const byFile = new Map<string, Diagnostic[]>();
    const notices: string[] = [];
    const s = settings();
    if (!doc.format || !s.spectralEnabled || doc.value === undefined || syntaxDiagnostics(doc).length > 0) {
      return { byFile, notices };
    }
    const leftHere = options.spectral?.rulesLeftHere?.(doc);
    const elsewhere = options.spectral?.run(doc, s);
    if (elsewhere && !leftHere) return elsewhere;
    let loaded: LoadedRuleset;
    try {
      loaded = await rulesetFor(doc.uri);
    } catch (e) {
      // The other thread reports the same failure.
      if (elsewhere) return elsewhere;
      const err = e instanceof RulesetLoadError ? e : new RulesetLoadError('ruleset', String(e));
      byFile.set(doc.uri, [rulesetErrorDiagnostic(err)]);
      notices.push(err.message);
      return { byFile, notices };
    }
    if (loaded.notice) notices.push(loaded.notice);
    try {
      const results = await runSpectral(doc.uri, doc.text, loaded.ruleset, workspace, s, doc, token, leftHere ? { only: leftHere } : selection);
      for (const [file, list] of results) byFile.set(file, list);
    } catch (e) {
      if (e instanceof CancelledError) return { byFile: new Map(), notices: [], superseded: true };
      notices.push(`Spectral failed on ${doc.uri}: ${(e as Error).message}`);
      logger.log(`Specgate: Spectral failed on ${doc.uri}: ${(e as Error).stack ?? e}`);
    }
    const own: SpectralOutcome = { byFile, notices, rulesetFile: loaded.file, ...(isValueOnly(doc) ? { rangesPending: true } : {}) };
    if (!elsewhere) return own;
    const other = await elsewhere;
    return {
      ...other,
      byFile: mergeSplitFindings(other.byFile, own.byFile),
      notices: [...other.notices, ...own.notices.filter((n) => !other.notices.includes(n))],
      ...(other.rangesPending || own.rangesPending ? { rangesPending: true } : {}),
    };
  }

  /** The last value-only document per file, for `lint` and then governance's look at the same text. */
  const lintDocuments = new Map<string, ParsedDocument>();

  function getLintDocument(uri: string, text: string, version: number): ParsedDocument {
    const s = settings();
    if (!s.spectralEnabled || s.styleGuideEnabled) return getDocument(uri, text, version);
    const kept = lintDocuments.get(uri);
    if (kept && kept.text === text && kept.version === version) return kept;
    lintDocuments.delete(uri);
    const valueOnly = spectralValueDocument(uri, text, version, true);
    if (!valueOnly?.format || valueOnly.format === 'arazzo1') return getDocument(uri, text, version);
    lintDocuments.set(uri, valueOnly);
    return valueOnly;
  }

  /**
   * The CLI's lint: every lint layer through the shared pipeline (breaking changes are `specgate diff`'s).
   * Findings Spectral made on a value-only document are placed here, by Spectral's own parser.
   */
  async function lint(doc: ParsedDocument): Promise<{ byFile: Map<string, Diagnostic[]>; notices: string[]; rulesetError?: RulesetLoadError }> {
    let unplaced = false;
    const getPlacedSpectralDiagnostics = async (d: ParsedDocument): Promise<SpectralOutcome> => {
      const linting = getSpectralDiagnostics(d);
      // Parsed while the CLI's worker lints a large file; an in-thread lint waits for it either way.
      const locator = isValueOnly(d) ? spectralParserLocator(d.text, spectralAstOf(d)) : undefined;
      const outcome = await linting;
      if (!outcome.rangesPending) return outcome;
      const own = outcome.byFile.get(d.uri) ?? [];
      const placed = locator && locateWith(locator, own);
      if (!placed) unplaced = true;
      else outcome.byFile.set(d.uri, placed);
      return { ...outcome, rangesPending: undefined };
    };
    const layers = { getFastDiagnosticsByFile, getBreakingDiagnostics, getBreakingAnalysis, getSpectralDiagnostics: getPlacedSpectralDiagnostics };
    const { byFile, notices } = await analyzeDocument(layers, doc, { breaking: false, spectral: true }, (uri) => workspace.readFile(uri));
    // Spectral's parser refused a text js-yaml read: the full parse decides, with the editor's messages.
    if (unplaced) return lint(getDocument(doc.uri, doc.text, doc.version));
    let rulesetError: RulesetLoadError | undefined;
    try {
      await rulesetFor(doc.uri);
    } catch (e) {
      rulesetError = e instanceof RulesetLoadError ? e : new RulesetLoadError('ruleset', String(e));
    }
    return { byFile, notices, rulesetError };
  }

  function navigation(): NavigationContext {
    const s = settings();
    return {
      read: workspaceSourceReader(workspace, referencedParse),
      options: { allowRemote: s.allowRemoteReferences, maxFiles: s.maxReferencedFiles },
      parse: async (uri) => {
        const text = await workspace.readFile(uri);
        const open = documents.peek(uri);
        return text === undefined ? undefined : open?.text === text ? open : referencedParse(uri, text);
      },
      arazzoFiles: () => arazzoFilesOf(index),
    };
  }

  return {
    index,
    dispose() {
      index.dispose();
      options.spectral?.dispose?.();
      documents.clear();
      lintDocuments.clear();
      rulesets.clear();
      analyses.clear();
      baselines.clear();
    },
    getAudience,
    async getApiSummaries() {
      const snapshot = await workspaceSnapshot(index, workspace.folders);
      return apiSummaries({
        snapshot,
        settings: settings(),
        findings: getFastDiagnostics,
        analysis: getBreakingAnalysis,
      });
    },
    getGovernanceDiagnostics: (doc) => governanceDiagnosticsFor(doc, index, workspace.folders, settings()),
    docs,
    getDocument,
    getArazzoDefinition: (doc, position) => arazzoDefinitionAt(doc, position, navigation()),
    getArazzoReferences: (doc, position) => operationReferencesAt(doc, position, navigation()),
    isSpecText: (text) => sniffFormat(text) !== undefined,
    getFastDiagnostics,
    getFastDiagnosticsByFile,
    getSpectralDiagnostics,
    getLintDocument,
    lint,
    invalidateRulesets: () => {
      void index.refreshSettings();
      rulesets.clear();
      options.spectral?.invalidate();
    },
    forget: (uri) => {
      documents.forget(uri);
      lintDocuments.delete(uri);
      analyses.delete(uri);
    },
    getBaseline: (uri) => baselines.get(uri, settings().baseline),
    getSpecGraph,
    getBreakingAnalysis,
    getBreakingDiagnostics,
    getHover: (doc, position, token) => provideHover(hoverContext, doc, position, token),
    folderOf,
    async getCodeActions(doc, range, diagnostics, only, actionOptions = {}) {
      if (!doc.format) return [];
      const folderUri = folderOf(doc.uri);
      return getCodeActions({
        doc,
        range,
        diagnostics,
        only,
        // The lightbulb answers from the baseline; the full analysis waits for the workspace scan.
        baseline: await baselines.get(doc.uri, settings().baseline),
        analysis: () => getBreakingAnalysis(doc),
        folderUri,
        acceptedText: await workspace.readFile(joinUri(folderUri, ACCEPTED_FILE)),
        styleDiagnostics: () => getFastDiagnostics(doc),
        otherFiles: withGuides(symbols.otherFiles(doc.uri, actionOptions.control?.token), index, doc.uri, workspace.folders),
        ...actionOptions,
      });
    },
    async resolveCodeAction(doc, action, token) {
      if (!doc.format) return action;
      const baseline = await baselines.get(doc.uri, settings().baseline);
      return resolveNamingAction({ doc, baseline, otherFiles: withGuides(symbols.otherFiles(doc.uri, token), index, doc.uri, workspace.folders) }, action, await getFastDiagnostics(doc));
    },
    prepareRename: (doc, position) => prepareRenameAt(doc, position),
    rename: (doc, position, newName, token) => renameAt(doc, position, newName, withGuides(symbols.otherFiles(doc.uri, token), index, doc.uri, workspace.folders)),
    async fixNamingInWorkspace(openVersions) {
      // Without file events (an editor that does not watch files) the first scan may predate these files.
      await (index.rediscover?.() ?? index.ready());
      const uris = new Set([...index.files('openapi').map((f) => f.uri), ...openVersions.keys()]);
      async function* files() {
        for (const uri of uris) {
          const text = await workspace.readFile(uri);
          if (text === undefined || !sniffFormat(text)) continue;
          const doc = getDocument(uri, text, openVersions.get(uri) ?? 0);
          if (doc.format === 'arazzo1' || doc.value === undefined || doc.problems.length > 0) continue;
          const baseline = await baselines.get(uri, settings().baseline);
          yield { ctx: { doc, baseline, otherFiles: withGuides(symbols.otherFiles(uri), index, uri, workspace.folders) }, current: await getFastDiagnostics(doc) };
        }
      }
      return fixWorkspaceNaming({ files: files(), versions: openVersions });
    },
  };
}

function rulesetErrorDiagnostic(err: RulesetLoadError): Diagnostic {
  return documentNote('specgate-ruleset-error', 1, err.message);
}

export { sortDiagnostics } from './analysis/mergeFindings';
