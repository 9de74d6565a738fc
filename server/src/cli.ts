import * as path from 'path';
import { promises as fs } from 'fs';
import { glob } from 'tinyglobby';
import { createLanguageService } from './engine/languageService';
import { mergeSettings } from './engine/settings';
import { pathToUri, uriToPath } from './engine/uri';
import { NodeWorkspace } from './node/nodeWorkspace';
import { repositoryRoot } from './node/repositoryRoot';
import { countBySeverity, formatLint, LINT_FORMATS, LintEntry, LintFormat } from './engine/report/lintReport';
import { diffCommand } from './cliDiff';
import { UsageError } from './cliErrors';
import { quickAnswer, usageErrorText, VERSION } from './cliHelp';
import { SinceBaseline } from './cliSince';
import { lintMarkdown } from './engine/report/lintMarkdown';
import { isLegacy } from './engine/analysis/legacy';
import { governanceLintEntries, inShard, isGovernanceFile, parseShard } from './cliGovernance';
import { catalogCommand } from './cliCatalog';
import { reviewCommand } from './cliReview';
import { isMarkdownUri } from './engine/rules/docs/docsFiles';

const FAIL_LEVELS = ['error', 'warn', 'info', 'hint'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];

interface LintArgs {
  patterns: string[];
  ruleset?: string;
  format: LintFormat;
  failSeverity: FailLevel;
  styleGuide: boolean;
  spectral: boolean;
  allowRemote: boolean;
  trusted: boolean;
  /** Explicit inputs without any API description exit 0 (hooks pass every changed YAML/JSON file). */
  allowEmpty: boolean;
  allowOutside: boolean;
  /** Findings on elements already published at this git revision are legacy (hint, never exit 1). */
  since?: string;
  shard?: { index: number; count: number };
}

function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { patterns: [], format: 'text', failSeverity: 'error', styleGuide: true, spectral: true, allowRemote: false, trusted: true, allowEmpty: false, allowOutside: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--ruleset': case '-r': args.ruleset = value(); break;
      case '--format': case '-f': {
        const f = value();
        if (!LINT_FORMATS.includes(f as LintFormat)) throw new UsageError(`unknown format "${f}" (expected ${LINT_FORMATS.join(', ')})`);
        args.format = f as LintFormat;
        break;
      }
      case '--fail-severity': case '-F': {
        const raw = value();
        const level = raw === 'warning' ? 'warn' : raw;
        if (!FAIL_LEVELS.includes(level as FailLevel)) throw new UsageError(`unknown severity "${raw}" (expected ${FAIL_LEVELS.join(', ')})`);
        args.failSeverity = level as FailLevel;
        break;
      }
      case '--no-style-guide': args.styleGuide = false; break;
      case '--no-spectral': args.spectral = false; break;
      case '--allow-remote-refs': args.allowRemote = true; break;
      case '--untrusted': args.trusted = false; break;
      case '--allow-empty': args.allowEmpty = true; break;
      case '--allow-outside-refs': args.allowOutside = true; break;
      case '--since': args.since = value(); break;
      case '--shard': args.shard = parseShard(value()); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        args.patterns.push(arg);
    }
  }
  if (args.patterns.length === 0) throw new UsageError('no files given');
  return args;
}

/** The files to lint; `fromDirectories` holds those found by walking a directory argument. */
export async function expandPatterns(patterns: string[], cwd: string): Promise<{ files: string[]; fromDirectories: Set<string> }> {
  const files: string[] = [];
  const fromDirectories = new Set<string>();
  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isFile()) {
      files.push(absolute);
      continue;
    }
    if (stat?.isDirectory()) {
      // Guides (Markdown) next to the specs are checked against them too.
      const found = await glob(['**/*.{yaml,yml,json,md}'], { cwd: absolute, absolute: true, ignore: ['**/node_modules/**'] });
      for (const f of found) fromDirectories.add(f);
      files.push(...found);
      continue;
    }
    const matched = await glob([pattern], { cwd, absolute: true, ignore: ['**/node_modules/**'] });
    if (matched.length === 0) throw new UsageError(`no file matches ${pattern}`);
    files.push(...matched);
  }
  return { files: [...new Set(files)].sort(), fromDirectories };
}

const SEVERITY_RANK: Record<FailLevel, number> = { error: 1, warn: 2, info: 3, hint: 4 };

async function lintCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseLintArgs(argv);
  const cwd = process.cwd();
  const { files, fromDirectories } = await expandPatterns(args.patterns, cwd);
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
  const service = createLanguageService({ workspace, getSettings: () => settings });
  const since = args.since ? new SinceBaseline(service, args.since) : undefined;
  const entries: LintEntry[] = [];
  let linted = 0;
  const mine = inShard(files, args.shard);
  for (const file of mine) {
    const uri = pathToUri(file);
    const text = await workspace.readFile(uri);
    if (text === undefined) {
      err.write(`specgate: cannot read ${path.relative(cwd, file) || file}\n`);
      return 2;
    }
    if (isMarkdownUri(uri)) {
      // Named on the command line: checked; found in a directory: only when it is a guide (specgate.docs.*).
      const explicit = args.patterns.some((p) => path.resolve(cwd, p) === file);
      if (!explicit && !(await service.docs.isGuide(uri))) continue;
      linted++;
      const shown = path.relative(cwd, file) || file;
      for (const diagnostic of await service.docs.diagnostics(uri, text, true)) entries.push({ file: shown, diagnostic });
      continue;
    }
    if (!service.isSpecText(text)) {
      if (!isGovernanceFile(file) && (args.patterns.includes(path.relative(cwd, file)) || args.patterns.includes(file))) {
        err.write(`specgate: ${path.relative(cwd, file)} is not an OpenAPI or Arazzo document (no openapi/swagger/arazzo version at its root); skipped\n`);
      }
      continue;
    }
    linted++;
    const result = await service.lint(service.getDocument(uri, text, 0));
    if (result.rulesetError) {
      err.write(`specgate: ${result.rulesetError.message}\n`);
      return 2;
    }
    for (const notice of result.notices) err.write(`specgate: ${notice}\n`);
    for (const [fileUri, found] of result.byFile) {
      const shown = path.relative(cwd, uriToPath(fileUri)) || uriToPath(fileUri);
      const doc = service.getDocument(uri, text, 0);
      const diagnostics = since && fileUri === uri ? await since.classify(doc, shown, found) : found;
      for (const diagnostic of diagnostics) entries.push({ file: shown, diagnostic });
    }
  }
  entries.push(...(await governanceLintEntries(files, args.patterns, cwd, workspace, service, settings, mine)));
  entries.sort((a, b) => a.file.localeCompare(b.file) || a.diagnostic.range.start.line - b.diagnostic.range.start.line);
  if (linted === 0 && !args.allowEmpty && files.some((f) => !fromDirectories.has(f))) {
    // Explicit files or globs that hold no API description are a mistake in the call, not a clean result.
    err.write('specgate: nothing to lint: no OpenAPI or Arazzo document among the given files\n');
    return 2;
  }
  const sinceNotice = since?.notice();
  if (sinceNotice) err.write(`specgate: ${sinceNotice}\n`);
  if (since && args.format === 'json') out.write(since.json(entries));
  else if (args.format === 'markdown') out.write(lintMarkdown(entries, since?.ref));
  else out.write(formatLint(entries, args.format, { name: 'specgate', version: VERSION }));
  if (linted === 0) err.write('specgate: note: no OpenAPI or Arazzo documents among the given inputs\n');
  const failing = entries.filter((e) => !isLegacy(e.diagnostic) && (e.diagnostic.severity ?? 1) <= SEVERITY_RANK[args.failSeverity]);
  if (args.format === 'text' && failing.length > 0) {
    const counts = countBySeverity(failing);
    err.write(`specgate: ${failing.length} finding(s) at or above ${args.failSeverity} (${counts.error} errors, ${counts.warning} warnings)\n`);
  }
  return failing.length > 0 ? 1 : 0;
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const quick = quickAnswer(argv);
  if (quick !== undefined) {
    out.write(quick);
    return 0;
  }
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(rest, out, err);
      case 'diff':
        return await diffCommand(rest, out, err);
      case 'catalog':
        return await catalogCommand(rest, out, err);
      case 'review':
        return await reviewCommand(rest, out, err);
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(usageErrorText(e.message, command));
      return 2;
    }
    err.write(`specgate: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`specgate: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; },
  );
}
