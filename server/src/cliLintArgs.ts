import { availableParallelism } from 'os';
import { UsageError } from './cliErrors';
import { parseShard } from './cliGovernance';
import { LINT_FORMATS, type LintFormat } from './engine/report/lintReport';

/** One worker per core, at most 4: past that, memory grows faster than throughput on CI runners. */
function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export const FAIL_LEVELS = ['error', 'warn', 'info', 'hint'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface LintArgs {
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
  /** Worker threads for a directory's specs (`--jobs`); 1 lints in this thread. */
  jobs: number;
}

export function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { patterns: [], format: 'text', failSeverity: 'error', styleGuide: true, spectral: true, allowRemote: false, trusted: true, allowEmpty: false, allowOutside: false, jobs: defaultJobs() };
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
      case '--jobs': case '-j': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--jobs needs a whole number from 1 to 64');
        args.jobs = n;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        args.patterns.push(arg);
    }
  }
  if (args.patterns.length === 0) throw new UsageError('no files given');
  return args;
}

