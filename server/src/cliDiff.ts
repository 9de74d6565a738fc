import * as path from 'path';
import { createLanguageService } from './engine/languageService';
import { mergeSettings } from './engine/settings';
import { joinUri, pathToUri, uriToPath } from './engine/uri';
import { NodeWorkspace } from './node/nodeWorkspace';
import { repositoryRoot } from './node/repositoryRoot';
import { outsideReferenceRefusal, referenceRoot } from './engine/refs/containment';
import { formatDiff, Change, DiffResult, ChangeLevel, summarize, CHANGE_OVERRIDES_FILE, diffPolicy } from './engine/diff';
import { changeAnchor } from './engine/languageFeatures/breaking';
import { requiredBump } from './engine/diff/semver';
import { analyzeBreaking, compareSpecs, withTracedChanges } from './engine/analysis/breakingAnalysis';
import { parseDocument, ParsedDocument } from './engine/document/parsedDocument';
import { parseValue } from './engine/document/parseValue';
import { loadSpecGraph, SpecInput } from './engine/refs';
import { ACCEPTED_FILE, parseAccepted } from './engine/baseline/accepted';
import { InputError, UsageError } from './cliErrors';
import { workflowTracer } from './cliWorkflows';

const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
type DiffFormat = (typeof FORMATS)[number];
const FAIL_ON = ['breaking', 'potentially-breaking', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface DiffArgs { files: string[]; base?: string; format: DiffFormat; failOn: FailOn; deprecationDaysStable: number; deprecationDaysBeta: number; allowOutside?: boolean }

function parseDiffArgs(argv: string[]): DiffArgs {
  const args: DiffArgs = { files: [], format: 'text', failOn: 'breaking', deprecationDaysStable: 0, deprecationDaysBeta: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--base' || flag === '-b') args.base = value();
    else if (flag === '--allow-outside-refs') args.allowOutside = true;
    else if (flag === '--format' || flag === '-f') {
      const f = value();
      if (!FORMATS.includes(f as DiffFormat)) throw new UsageError(`unknown format "${f}" (expected ${FORMATS.join(', ')})`);
      args.format = f as DiffFormat;
    } else if (flag === '--fail-on') {
      const f = value();
      if (!FAIL_ON.includes(f as FailOn)) throw new UsageError(`unknown --fail-on "${f}" (expected ${FAIL_ON.join(', ')})`);
      args.failOn = f as FailOn;
    } else if (flag === '--deprecation-days-stable' || flag === '--deprecation-days-beta') {
      const days = value();
      if (!/^\d+$/.test(days)) throw new UsageError(`${flag} needs a whole number of days, not "${days}"`);
      args[flag === '--deprecation-days-stable' ? 'deprecationDaysStable' : 'deprecationDaysBeta'] = Number(days);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  if (args.base !== undefined) {
    if (args.base.startsWith('-')) throw new UsageError(`refusing git revision "${args.base}": it looks like an option`);
    if (args.files.length === 0) throw new UsageError('diff --base needs at least one file');
  } else if (args.files.length !== 2) {
    throw new UsageError('diff needs <base-file> <revision-file>, or --base <gitref> <files...>');
  }
  return args;
}

const LEVEL_RANK: Record<ChangeLevel, number> = { breaking: 0, 'potentially-breaking': 1, 'non-breaking': 2 };

export async function diffCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseDiffArgs(argv);
  const cwd = process.cwd();
  const workspace = new NodeWorkspace([pathToUri(repositoryRoot(cwd))], { trusted: true });
  const settings = mergeSettings({ baseline: args.base ?? 'HEAD' });
  const service = createLanguageService({ workspace, getSettings: () => settings });
  const texts = new Map<string, string>();
  const traceWorkflows = workflowTracer(workspace, settings, service.index);

  /** Values only: ranges are computed later, and only for formats that show lines. */
  async function load(file: string): Promise<{ uri: string; value: unknown }> {
    const uri = pathToUri(path.resolve(cwd, file));
    const text = await workspace.readFile(uri);
    if (text === undefined) throw new InputError(`cannot read ${file}`);
    const parsed = parseValue(uri, text);
    if (parsed.problem || parsed.value === undefined) {
      throw new InputError(`${file}:${(parsed.problem?.line ?? 0) + 1}: ${parsed.problem?.message ?? 'empty document'}`);
    }
    texts.set(uri, text);
    return { uri, value: parsed.value };
  }

  async function graphOf(root: { uri: string; value: unknown }): Promise<SpecInput> {
    const graph = await loadSpecGraph(root.uri, root.value, async (uri) => {
      const text = await workspace.readFile(uri);
      if (text !== undefined) texts.set(uri, text);
      return text === undefined ? undefined : parseValue(uri, text).value;
    }, {
      allowRemote: false,
      maxFiles: settings.maxReferencedFiles,
      mayRead: (uri) => {
        const refusal = outsideReferenceRefusal(uri, referenceRoot(root.uri, workspace.folders), args.allowOutside ?? false);
        if (refusal) err.write(`specgate: ${refusal}\n`);
        return refusal === undefined;
      },
    });
    return { uri: graph.uri, documents: graph.documents };
  }

  const policy = diffPolicy(args, await workspace.readFile(pathToUri(path.join(cwd, CHANGE_OVERRIDES_FILE))));
  for (const problem of policy.problems) err.write(`specgate: ${problem}\n`);
  const results: DiffResult[] = [];
  let baseLabel: string;
  let revisionLabel: string;
  if (args.base === undefined) {
    const [baseFile, revisionFile] = args.files;
    const base = await load(baseFile);
    const revision = await load(revisionFile);
    const [baseGraph, revisionGraph] = [await graphOf(base), await graphOf(revision)];
    const result = compareSpecs(baseGraph, revisionGraph, [], '', policy.options);
    results.push(withTracedChanges(result, await traceWorkflows(result.changes, baseGraph, revisionGraph), baseGraph, revisionGraph));
    [baseLabel, revisionLabel] = [baseFile, revisionFile];
  } else {
    for (const file of args.files) {
      const revision = await load(file);
      const baseline = await service.getBaseline(revision.uri);
      if (baseline.kind !== 'ok') {
        if (baseline.kind === 'untracked') {
          err.write(`specgate: ${file}: ${baseline.message} Every operation counts as added.\n`);
        } else {
          err.write(`specgate: ${file}: ${baseline.message}\n`);
          return 2;
        }
        results.push(compareSpecs({ uri: revision.uri, documents: new Map([[revision.uri, { openapi: (revision.value as { openapi?: unknown }).openapi, paths: {} }]]) }, await graphOf(revision), [], '', policy.options));
        continue;
      }
      const folder = service.folderOf(revision.uri);
      const accepted = parseAccepted(await workspace.readFile(joinUri(folder, ACCEPTED_FILE)), folder);
      // The editor's analysis, on a value-only parse of the working tree (no ranges needed yet).
      const revisionGraph = await graphOf(revision);
      const result = analyzeBreaking(baseline, revisionGraph, accepted, policy.options).result!;
      // Workflows in the workspace that a change breaks raise it to breaking (summary and bump included).
      results.push(withTracedChanges(result, await traceWorkflows(result.changes, baseline.input, revisionGraph), baseline.input, revisionGraph));
    }
    baseLabel = args.base;
    revisionLabel = 'working tree';
  }
  const result = combine(results);
  const located = new Map<string, ParsedDocument>();
  const locate = (uri: string, pointer: string, change?: Change) => {
    const text = texts.get(uri);
    if (text !== undefined && !located.has(uri)) located.set(uri, parseDocument(uri, text));
    const doc = located.get(uri);
    // Against git, base and working tree share a uri: a removal is shown where the editor shows it.
    const at = doc && change && args.base !== undefined && change.side === 'base' ? changeAnchor(doc, change).pointer : pointer;
    const range = doc?.rangeOf(at, 'key');
    return range ? { line: range.start.line + 1, column: range.start.character + 1 } : undefined;
  };
  out.write(formatDiff(result, args.format, {
    baseLabel,
    revisionLabel,
    fileLabel: (uri) => path.relative(cwd, uriToPath(uri)) || uriToPath(uri),
    locate,
  }));
  if (args.failOn === 'none') return 0;
  return result.changes.some((c) => LEVEL_RANK[c.level] <= LEVEL_RANK[args.failOn as ChangeLevel]) ? 1 : 0;
}

/** Several files diffed in one run report as one result; the semver bump is the largest needed. */
function combine(results: DiffResult[]): DiffResult {
  if (results.length === 1) return { ...results[0], summary: summarize(results[0].changes) };
  const changes = results.flatMap((r) => r.changes);
  const required = requiredBump(changes);
  return { changes, summary: summarize(changes), semver: { required, sufficient: results.every((r) => r.semver.sufficient) } };
}
