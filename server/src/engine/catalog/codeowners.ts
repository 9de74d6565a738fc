/**
 * CODEOWNERS: gitignore-style patterns, the last matching line wins. GitLab section headers
 * (`[Section]`, `^[Section][2] @default`) are read without failing; their default owners apply to
 * the section's entries that name none.
 */
import ignore from 'ignore';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../languageFeatures/diagnostics';

export const CODEOWNERS_PATTERN_RULE = 'specgate-codeowners-pattern';

/** Where GitHub looks, in its order. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

interface Entry { pattern: string; owners: string[]; matches: (path: string) => boolean }

export interface CodeOwners {
  /** The owners of a path relative to the repository root (`specs/orders.yaml`); [] when none. */
  ownersOf(relativePath: string): string[];
  diagnostics: Diagnostic[];
}

const OWNER = /^(@[\w.-]+(\/[\w.-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;
const SECTION = /^\^?\[[^\]]+\](\[\d+\])?(\s+(.*))?$/;

export function parseCodeOwners(text: string): CodeOwners {
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  let sectionOwners: string[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const section = SECTION.exec(trimmed);
    if (section) {
      sectionOwners = (section[3] ?? '').split(/\s+/).filter((o) => OWNER.test(o));
      return;
    }
    const tokens = trimmed.replace(/\s+#.*$/, '').split(/(?<!\\)\s+/);
    const pattern = tokens[0];
    const owners = tokens.slice(1);
    const problem = patternProblem(pattern) ?? ownerProblem(owners);
    if (problem) {
      const start = raw.indexOf(pattern);
      diagnostics.push({
        range: { start: { line, character: start }, end: { line, character: raw.length } },
        severity: 2,
        code: CODEOWNERS_PATTERN_RULE,
        codeDescription: { href: ruleDocUrl(CODEOWNERS_PATTERN_RULE) },
        source: 'specgate',
        message: `${problem}; this line is ignored when deciding owners.`,
      });
      return;
    }
    const matcher = ignore().add(pattern);
    entries.push({ pattern, owners: owners.length > 0 ? owners : sectionOwners, matches: (path) => matcher.ignores(path) });
  });
  return {
    ownersOf(relativePath) {
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i].matches(relativePath)) return entries[i].owners;
      return [];
    },
    diagnostics,
  };
}

/** GitHub ignores lines whose pattern uses what CODEOWNERS does not support. */
function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return `Pattern "${pattern}": negation ("!") is not supported in CODEOWNERS`;
  if (/(?<!\\)\[/.test(pattern)) return `Pattern "${pattern}": character ranges ("[...]") are not supported in CODEOWNERS`;
  if (/\*\*\*/.test(pattern)) return `Pattern "${pattern}": "***" is not a valid wildcard`;
  return undefined;
}

function ownerProblem(owners: string[]): string | undefined {
  const bad = owners.find((o) => !OWNER.test(o));
  return bad ? `Owner "${bad}" is not a @user, @org/team or e-mail address` : undefined;
}
