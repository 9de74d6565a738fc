/**
 * Help and version texts. This module imports nothing, so `specgate --help` and `--version` answer
 * without loading the engine (see cliEntry.ts).
 */
export const VERSION = '0.1.0';

const EXIT_CODES = `Exit codes: 0 clean, 1 findings (lint) or changes (diff) at or above the threshold,
2 usage error, unreadable input or nothing to check.`;

const LINT = `Usage: specgate lint <files, directories or globs...> [options]

Lints OpenAPI (2.0, 3.0, 3.1) and Arazzo documents: the built-in style guide and Spectral.

Options:
  -f, --format text|json|sarif|github|markdown
                                         output format (default text); markdown: the legacy debt per rule
      --since GITREF                     findings on elements already published at GITREF are legacy:
                                         reported at hint ("legacy": true in JSON), never exit 1
  -F, --fail-severity error|warn|info|hint
                                         exit 1 when a finding is at or above it (default error)
  -r, --ruleset FILE                     Spectral ruleset instead of the discovered .spectral.*
      --no-style-guide                   skip the built-in style guide
      --no-spectral                      skip Spectral rules
      --allow-remote-refs                fetch http(s) $refs and remote ruleset extends
      --allow-outside-refs               read local $refs that leave the git repository (default: refused)
      --untrusted                        refuse JavaScript rulesets and custom functions
      --shard i/n                        lint the i-th of n slices (CI matrices); cross-API rules see every file
  -j, --jobs N                           worker threads for a directory's files (default: cores, at most 4)
      --allow-empty                      exit 0 when explicit inputs hold no API description
                                         (default: exit 2; directories without any always exit 0)
  -h, --help                             this help

Paths in every format are relative to the working directory.
${EXIT_CODES}`;

const DIFF = `Usage: specgate diff <base-file> <revision-file> [options]
       specgate diff --base <gitref> <files...> [options]

Reports breaking changes between two versions of an API description and the semver bump they need.

Options:
  -b, --base GITREF                      compare each file with itself at this git revision
  -f, --format text|json|markdown|sarif|github
                                         output format (default text)
      --fail-on breaking|potentially-breaking|none
                                         exit 1 when a change is at or above it (default breaking)
      --deprecation-days-stable N        shortest deprecation window (days) before removing a stable
                                         operation or parameter with x-sunset (as oasdiff)
      --deprecation-days-beta N          the same for x-stability-level: beta
      --allow-outside-refs               read local $refs that leave the git repository (default: refused)
  -h, --help                             this help

Changes recorded in .specgate/accepted.yaml are not reported.
${EXIT_CODES}`;

const CATALOG = `Usage: specgate catalog [dirs...] [options]

Lists every API in the repository: owner, lifecycle, system, consumers (Backstage catalog-info.yaml,
CODEOWNERS), finding counts and the cross-API conventions it departs from.

Options:
  -f, --format json|markdown|html        output format (default markdown); html is one self-contained page
  -b, --base GITREF                      add breaking-change counts against this revision
      --no-spectral                      count built-in findings only
      --shard i/n                        list the i-th of n slices (CI matrices); conventions use every API
  -h, --help                             this help
${EXIT_CODES}`;

const REVIEW = `Usage: specgate review --base <gitref> [dirs...] [options]

For a pull request: every API whose description changed, its breaking and potentially breaking
changes with files and lines, new findings since the base, the owners who must approve and the
consumer teams to ask.

Options:
  -b, --base GITREF                      the pull request's base (required)
  -f, --format json|markdown|github      output format (default markdown: a pull-request comment)
  -h, --help                             this help

Exit codes: 0 no unaccepted breaking change, 1 unaccepted breaking changes, 2 usage error or missing ref.`;

const MAIN = `Usage: specgate <command> [options]

Commands:
  lint      style guide and Spectral findings        (specgate lint --help)
  diff      breaking changes and the semver bump     (specgate diff --help)
  catalog   APIs with owners and consumers           (specgate catalog --help)
  review    breaking changes routed to owners        (specgate review --help)

Options:
  -h, --help       this help
  -v, --version    the version

${EXIT_CODES}`;

const COMMAND_HELP: Record<string, string> = { lint: LINT, diff: DIFF, catalog: CATALOG, review: REVIEW };

/** Commands whose help this module knows; other modules may add theirs with `registerHelp`. */
export function registerHelp(command: string, text: string): void {
  COMMAND_HELP[command] = text;
}

export function isHelpFlag(arg: string | undefined): boolean {
  return arg === '--help' || arg === '-h';
}

/**
 * The answer to argument lists that need no engine: `--version`, `--help`, `help [cmd]` and
 * `<cmd> --help`. Undefined when the engine has to run.
 */
export function quickAnswer(argv: readonly string[]): string | undefined {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return VERSION + '\n';
  if (command === undefined) return undefined;
  if (isHelpFlag(command)) return MAIN + '\n';
  if (command === 'help') return (COMMAND_HELP[rest[0] ?? ''] ?? MAIN) + '\n';
  if (COMMAND_HELP[command] && rest.some(isHelpFlag)) return COMMAND_HELP[command] + '\n';
  return undefined;
}

/** One line for a usage error, pointing at the right help. */
export function usageErrorText(message: string, command: string | undefined): string {
  const where = command && COMMAND_HELP[command] ? `specgate ${command} --help` : 'specgate --help';
  return `specgate: ${message}\nsee '${where}'\n`;
}
