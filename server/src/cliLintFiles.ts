import * as path from 'path';
import { createLanguageService, type LanguageService } from './engine/languageService';
import { mergeSettings, type SpecgateSettings } from './engine/settings';
import { pathToUri, uriToPath } from './engine/uri';
import { NodeWorkspace } from './node/nodeWorkspace';
import { repositoryRoot } from './node/repositoryRoot';
import type { LintEntry } from './engine/report/lintReport';
import { SinceBaseline, type MissingBaseline } from './cliSince';
import { isGovernanceFile } from './cliGovernance';
import { isMarkdownUri } from './engine/rules/docs/docsFiles';
import type { LintArgs } from './cliLintArgs';
import { availableParallelism } from 'os';
import { isMainThread } from 'worker_threads';
import { SpectralWorkerHost, type PrestartedWorker } from './node/spectralWorkerHost';
import { parallelSpectralBytes } from './node/parallelSpectral';
import { MAIN_THREAD_RULES } from './engine/spectral/ruleSplit';

/** What `lint` works with, built the same way in the main thread and in each worker. */
export interface LintContext {
  args: LintArgs;
  cwd: string;
  workspace: NodeWorkspace;
  settings: SpecgateSettings;
  service: LanguageService;
  since?: SinceBaseline;
  /** In a worker nothing reads the parses again (cross-API rules run in the main thread): free them per file. */
  forgetAfterLint?: boolean;
  /** Runs Spectral on large files in a worker thread while this thread parses them (see `PARALLEL_SPECTRAL_BYTES`). */
  spectralWorker?: SpectralWorkerHost;
}

export function lintContext(args: LintArgs, cwd: string, prestarted?: PrestartedWorker): LintContext {
  const workspace = new NodeWorkspace([pathToUri(repositoryRoot(cwd))], { trusted: args.trusted });
  const settings = mergeSettings({
    ruleset: args.ruleset ? path.resolve(cwd, args.ruleset) : '',
    styleGuideEnabled: args.styleGuide,
    spectralEnabled: args.spectral,
    allowRemoteReferences: args.allowRemote,
    allowReferencesOutsideWorkspace: args.allowOutside,
    largeFileThresholdKB: Number.MAX_SAFE_INTEGER,
    ...(args.since ? { baseline: args.since } : {}),
  });
  // Pool workers (lintPool) already use every core: only the main thread adds a Spectral worker.
  const spectralWorker = args.spectral && isMainThread && availableParallelism() >= 2 && SpectralWorkerHost.available()
    ? new SpectralWorkerHost(workspace, () => undefined, undefined, true, prestarted) : undefined;
  if (!spectralWorker) void prestarted?.worker.terminate();
  const service = createLanguageService({
    workspace,
    getSettings: () => settings,
    // Files whose Spectral run was started early are collected from the worker; others run here.
    spectral: spectralWorker && {
      run: (doc) => spectralWorker.collect(doc),
      rulesLeftHere: (doc) => spectralWorker.rulesLeftHere(doc),
      invalidate: () => spectralWorker.invalidate(),
      dispose: () => spectralWorker.dispose(),
    },
  });
  return { args, cwd, workspace, settings, service, spectralWorker, since: args.since ? new SinceBaseline(service, args.since) : undefined };
}

/** The per-file part of `lint` (cross-API findings come after, from every file). Plain data: it crosses threads. */
export interface LintFilesOutcome {
  entries: LintEntry[];
  linted: number;
  /** Lines for stderr, in file order. */
  notices: string[];
  missingBaselines: MissingBaseline[];
  /** Stop with exit 2: a file cannot be read, or the ruleset does not load. */
  fatal?: string;
}

export async function lintFiles(ctx: LintContext, files: readonly string[]): Promise<LintFilesOutcome> {
  const { args, cwd, workspace, service, since } = ctx;
  const outcome: LintFilesOutcome = { entries: [], linted: 0, notices: [], missingBaselines: [] };
  for (const file of files) {
    const uri = pathToUri(file);
    const text = await workspace.readFile(uri);
    if (text === undefined) return { ...outcome, fatal: `cannot read ${path.relative(cwd, file) || file}` };
    if (isMarkdownUri(uri)) {
      // Named on the command line: checked; found in a directory: only when it is a guide (specgate.docs.*).
      const explicit = args.patterns.some((p) => path.resolve(cwd, p) === file);
      if (!explicit && !(await service.docs.isGuide(uri))) continue;
      outcome.linted++;
      const shown = path.relative(cwd, file) || file;
      for (const diagnostic of await service.docs.diagnostics(uri, text, true)) outcome.entries.push({ file: shown, diagnostic });
      continue;
    }
    if (!service.isSpecText(text)) {
      if (!isGovernanceFile(file) && (args.patterns.includes(path.relative(cwd, file)) || args.patterns.includes(file))) {
        outcome.notices.push(`${path.relative(cwd, file)} is not an OpenAPI or Arazzo document (no openapi/swagger/arazzo version at its root); skipped`);
      }
      continue;
    }
    outcome.linted++;
    if (ctx.spectralWorker && text.length >= parallelSpectralBytes()) {
      // With the style guide off this thread only parses, then waits: it takes a share of the rules.
      const leftHere = !since && !ctx.settings.styleGuideEnabled ? MAIN_THREAD_RULES : undefined;
      ctx.spectralWorker.start(uri, 0, text, ctx.settings, leftHere);
    }
    // `--since` places findings on the positioned parse.
    const doc = since ? service.getDocument(uri, text, 0) : service.getLintDocument(uri, text, 0);
    const result = await service.lint(doc);
    if (result.rulesetError) return { ...outcome, fatal: result.rulesetError.message };
    outcome.notices.push(...result.notices);
    for (const [fileUri, found] of result.byFile) {
      const shown = path.relative(cwd, uriToPath(fileUri)) || uriToPath(fileUri);
      const diagnostics = since && fileUri === uri ? await since.classify(doc, shown, found) : found;
      for (const diagnostic of diagnostics) outcome.entries.push({ file: shown, diagnostic });
    }
    if (ctx.forgetAfterLint) service.forget(uri);
  }
  outcome.missingBaselines = since?.missing() ?? [];
  return outcome;
}
