import * as path from 'path';
import { createLanguageService } from './engine/languageService';
import { mergeSettings } from './engine/settings';
import { pathToUri, uriToPath } from './engine/uri';
import { NodeWorkspace } from './node/nodeWorkspace';
import { diffSpecs, formatDiff, DiffResult, ChangeLevel } from './engine/diff';
import { summarize } from './engine/diff';
import { requiredBump, semverVerdict } from './engine/diff/semver';
import { parseDocument, ParsedDocument } from './engine/document/parsedDocument';
import { parseValue } from './engine/document/parseValue';
import { loadSpecGraph, SpecInput } from './engine/refs';
import { ACCEPTED_FILE, isAccepted, parseAccepted } from './engine/baseline/accepted';
import { UsageError } from './cliErrors';
import { workflowTracer } from './cliWorkflows';

const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
type DiffFormat = (typeof FORMATS)[number];
const FAIL_ON = ['breaking', 'potentially-breaking', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface DiffArgs { files: string[]; base?: string; format: DiffFormat; failOn: FailOn }

function parseDiffArgs(argv: string[]): DiffArgs {
  const args: DiffArgs = { files: [], format: 'text', failOn: 'breaking' };
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
    else if (flag === '--format' || flag === '-f') {
      const f = value();
      if (!FORMATS.includes(f as DiffFormat)) throw new UsageError(`unknown format "${f}" (expected ${FORMATS.join(', ')})`);
      args.format = f as DiffFormat;
    } else if (flag === '--fail-on') {
      const f = value();
      if (!FAIL_ON.includes(f as FailOn)) throw new UsageError(`unknown --fail-on "${f}" (expected ${FAIL_ON.join(', ')})`);
      args.failOn = f as FailOn;
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
  const workspace = new NodeWorkspace([pathToUri(cwd)], { trusted: true });
  const settings = mergeSettings({ baseline: args.base ?? 'HEAD' });
  const service = createLanguageService({ workspace, getSettings: () => settings });
  const texts = new Map<string, string>();
  const traceWorkflows = workflowTracer(workspace, settings);

  /** Values only: ranges are computed later, and only for formats that show lines. */
  async function load(file: string): Promise<{ uri: string; value: unknown }> {
    const uri = pathToUri(path.resolve(cwd, file));
    const text = await workspace.readFile(uri);
    if (text === undefined) throw new UsageError(`cannot read ${file}`);
    const parsed = parseValue(uri, text);
    if (parsed.problem || parsed.value === undefined) {
      throw new UsageError(`${file}:${(parsed.problem?.line ?? 0) + 1}: ${parsed.problem?.message ?? 'empty document'}`);
    }
    texts.set(uri, text);
    return { uri, value: parsed.value };
  }

  async function graphOf(root: { uri: string; value: unknown }): Promise<SpecInput> {
    const graph = await loadSpecGraph(root.uri, root.value, async (uri) => {
      const text = await workspace.readFile(uri);
      if (text !== undefined) texts.set(uri, text);
      return text === undefined ? undefined : parseValue(uri, text).value;
    }, { allowRemote: false, maxFiles: settings.maxReferencedFiles });
    return { uri: graph.uri, documents: graph.documents };
  }

  const results: DiffResult[] = [];
  let baseLabel: string;
  let revisionLabel: string;
  if (args.base === undefined) {
    const [baseFile, revisionFile] = args.files;
    const base = await load(baseFile);
    const revision = await load(revisionFile);
    const [baseGraph, revisionGraph] = [await graphOf(base), await graphOf(revision)];
    const result = diffSpecs(baseGraph, revisionGraph);
    result.changes = await traceWorkflows(result.changes, baseGraph, revisionGraph);
    results.push(result);
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
        results.push(diffSpecs({ uri: revision.uri, documents: new Map([[revision.uri, { openapi: (revision.value as { openapi?: unknown }).openapi, paths: {} }]]) }, await graphOf(revision)));
        continue;
      }
      const accepted = parseAccepted(await workspace.readFile(pathToUri(path.join(cwd, ACCEPTED_FILE))), pathToUri(cwd));
      const revisionGraph = await graphOf(revision);
      const result = diffSpecs(baseline.input, revisionGraph);
      result.changes = result.changes.filter((c) => !isAccepted(c, baseline.revision, accepted));
      result.changes = await traceWorkflows(result.changes, baseline.input, revisionGraph);
      result.semver = semverVerdict(result.changes, baseline.input.documents.get(baseline.input.uri), revision.value);
      results.push(result);
    }
    baseLabel = args.base;
    revisionLabel = 'working tree';
  }
  const result = combine(results);
  const located = new Map<string, ParsedDocument>();
  const locate = (uri: string, pointer: string) => {
    const text = texts.get(uri);
    if (text !== undefined && !located.has(uri)) located.set(uri, parseDocument(uri, text));
    const range = located.get(uri)?.rangeOf(pointer, 'key');
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
