import * as path from 'path';
import { promises as fs } from 'fs';
import { glob } from 'tinyglobby';
import { countBySeverity, formatLint } from './engine/report/lintReport';
import { pathToUri } from './engine/uri';
import { diffCommand } from './cliDiff';
import { UsageError } from './cliErrors';
import { quickAnswer, usageErrorText, VERSION } from './cliHelp';
import { lintMarkdown } from './engine/report/lintMarkdown';
import { isLegacy } from './engine/analysis/legacy';
import { governanceLintEntries, inShard } from './cliGovernance';
import { parseLintArgs, type FailLevel } from './cliLintArgs';
import { lintContext, lintFiles } from './cliLintFiles';
import { lintInWorkers, lintWorkersAvailable, MIN_FILES_PER_WORKER } from './node/lintPool';
import { catalogCommand } from './cliCatalog';
import type { PrestartedWorker } from './node/spectralWorkerHost';
import { reviewCommand } from './cliReview';

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

async function lintCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, prestarted?: PrestartedWorker): Promise<number> {
  const args = parseLintArgs(argv);
  const cwd = process.cwd();
  const { files, fromDirectories } = await expandPatterns(args.patterns, cwd);
  const ctx = lintContext(args, cwd, prestarted);
  const { workspace, service, settings, since } = ctx;
  const mine = inShard(files, args.shard);
  const parallel = args.jobs > 1 && mine.length >= 2 * MIN_FILES_PER_WORKER && lintWorkersAvailable();
  // The pool's workers run Spectral themselves; the main thread's Spectral worker would only compete.
  if (parallel) ctx.spectralWorker?.dispose();
  const outcome = parallel ? await lintInWorkers(argv, cwd, mine, args.jobs) : await lintFiles(ctx, mine);
  for (const notice of outcome.notices) err.write(`specgate: ${notice}\n`);
  if (outcome.fatal) {
    err.write(`specgate: ${outcome.fatal}\n`);
    return 2;
  }
  if (parallel) since?.addMissing(outcome.missingBaselines);
  const entries = outcome.entries;
  const linted = outcome.linted;
  const governance = await governanceLintEntries(files, args.patterns, cwd, workspace, service, settings, mine);
  // Cross-API findings on published elements are legacy too, as in the editor.
  entries.push(...(since ? await since.classifyEntries(governance, async (file) => {
    const uri = pathToUri(path.resolve(cwd, file));
    const text = await workspace.readFile(uri);
    return text !== undefined && service.isSpecText(text) ? service.getDocument(uri, text, 0) : undefined;
  }) : governance));
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

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  /** `lint`'s Spectral worker, started by dist/cli.js before this bundle loaded. */
  prestarted?: PrestartedWorker,
): Promise<number> {
  const quick = quickAnswer(argv);
  if (quick !== undefined) {
    out.write(quick);
    return 0;
  }
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(rest, out, err, prestarted);
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
