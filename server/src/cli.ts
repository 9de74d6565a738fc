import * as path from 'path';
import { promises as fs } from 'fs';
import { glob } from 'tinyglobby';
import { createLanguageService } from './engine/languageService';
import { mergeSettings } from './engine/settings';
import { pathToUri, uriToPath } from './engine/uri';
import { NodeWorkspace } from './node/nodeWorkspace';
import { countBySeverity, formatLint, LINT_FORMATS, LintEntry, LintFormat } from './engine/report/lintReport';
import { diffCommand } from './cliDiff';
import { UsageError } from './cliErrors';
import { isMarkdownUri } from './engine/rules/docs/docsFiles';

const VERSION = '0.1.0';
const FAIL_LEVELS = ['error', 'warn', 'info', 'hint'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];

const USAGE = `Usage:
  specgate lint <files or globs...> [--ruleset FILE] [--format text|json|sarif|github]
                [--fail-severity error|warn|info|hint] [--no-style-guide] [--no-spectral]
                [--allow-remote-refs] [--untrusted]
  specgate diff <base-file> <revision-file> [--format text|json|markdown|sarif|github]
                [--fail-on breaking|potentially-breaking|none]
  specgate diff --base <gitref> <files...> [--format ...] [--fail-on ...]
  specgate --version | --help

Exit codes: 0 clean, 1 findings at or above --fail-severity (lint) or changes at or above
--fail-on (diff, default breaking), 2 usage error or unreadable input.`;



interface LintArgs {
  patterns: string[];
  ruleset?: string;
  format: LintFormat;
  failSeverity: FailLevel;
  styleGuide: boolean;
  spectral: boolean;
  allowRemote: boolean;
  trusted: boolean;
}

function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { patterns: [], format: 'text', failSeverity: 'error', styleGuide: true, spectral: true, allowRemote: false, trusted: true };
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
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        args.patterns.push(arg);
    }
  }
  if (args.patterns.length === 0) throw new UsageError('no files given');
  return args;
}

async function expandPatterns(patterns: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isFile()) {
      files.push(absolute);
      continue;
    }
    if (stat?.isDirectory()) {
      files.push(...(await glob(['**/*.{yaml,yml,json,md}'], { cwd: absolute, absolute: true, ignore: ['**/node_modules/**'] })));
      continue;
    }
    const matched = await glob([pattern], { cwd, absolute: true, ignore: ['**/node_modules/**'] });
    if (matched.length === 0) throw new UsageError(`no file matches ${pattern}`);
    files.push(...matched);
  }
  return [...new Set(files)].sort();
}

const SEVERITY_RANK: Record<FailLevel, number> = { error: 1, warn: 2, info: 3, hint: 4 };

async function lintCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseLintArgs(argv);
  const cwd = process.cwd();
  const files = await expandPatterns(args.patterns, cwd);
  const workspace = new NodeWorkspace([pathToUri(cwd)], { trusted: args.trusted });
  const settings = mergeSettings({
    ruleset: args.ruleset ? path.resolve(cwd, args.ruleset) : '',
    styleGuideEnabled: args.styleGuide,
    spectralEnabled: args.spectral,
    allowRemoteReferences: args.allowRemote,
    largeFileThresholdKB: Number.MAX_SAFE_INTEGER,
  });
  const service = createLanguageService({ workspace, getSettings: () => settings });
  const entries: LintEntry[] = [];
  let linted = 0;
  for (const file of files) {
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
      if (args.patterns.includes(path.relative(cwd, file)) || args.patterns.includes(file)) {
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
    for (const [fileUri, diagnostics] of result.byFile) {
      const shown = path.relative(cwd, uriToPath(fileUri)) || uriToPath(fileUri);
      for (const diagnostic of diagnostics) entries.push({ file: shown, diagnostic });
    }
  }
  out.write(formatLint(entries, args.format, { name: 'specgate', version: VERSION }));
  if (args.format === 'text' && linted === 0) err.write('specgate: no OpenAPI or Arazzo documents among the given files\n');
  const failing = entries.filter((e) => (e.diagnostic.severity ?? 1) <= SEVERITY_RANK[args.failSeverity]);
  if (args.format === 'text' && failing.length > 0) {
    const counts = countBySeverity(failing);
    err.write(`specgate: ${failing.length} finding(s) at or above ${args.failSeverity} (${counts.error} errors, ${counts.warning} warnings)\n`);
  }
  return failing.length > 0 ? 1 : 0;
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(rest, out, err);
      case 'diff':
        return await diffCommand(rest, out, err);
      case '--version': case '-v':
        out.write(VERSION + '\n');
        return 0;
      case '--help': case '-h': case 'help':
        out.write(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`specgate: ${e.message}\n\n${USAGE}\n`);
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
