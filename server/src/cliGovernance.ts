/**
 * `specgate lint` over several APIs: the catalog's findings for the catalog and CODEOWNERS files
 * among the given paths, and cross-API findings among the given OpenAPI descriptions.
 */
import * as path from 'path';
import type { LanguageService } from './engine/languageService';
import type { SpecgateSettings } from './engine/settings';
import { pathToUri, uriToPath } from './engine/uri';
import type { IWorkspace } from './engine/workspace';
import type { LintEntry } from './engine/report/lintReport';
import { crossApiDiagnostics, governanceSnapshot, GovernanceSnapshot } from './engine/catalog/governance';
import { isGovernanceFile } from './engine/catalog/governanceFeature';
import { CODEOWNERS_LOCATIONS } from './engine/catalog/codeowners';
import { parseArgs } from 'node:util';
import { UsageError } from './cliErrors';
import type { Change } from './engine/diff';
import type { ParsedDocument } from './engine/document/parsedDocument';
import { changeAnchor } from './engine/languageFeatures/breaking';

export { isGovernanceFile };

/** The governance view of the given files: descriptors and specs among them, CODEOWNERS of the folder. */
export async function snapshotOfFiles(files: readonly string[], cwd: string, workspace: IWorkspace, service: LanguageService): Promise<GovernanceSnapshot> {
  const specFiles: string[] = [];
  const catalogFiles: string[] = [];
  for (const file of files) {
    const uri = pathToUri(file);
    if (/(^|\/)catalog-info\.ya?ml$/.test(file)) catalogFiles.push(uri);
    else {
      const text = await workspace.readFile(uri);
      if (text !== undefined && service.isSpecText(text)) specFiles.push(uri);
    }
  }
  return governanceSnapshot({
    folders: [pathToUri(cwd)],
    catalogFiles,
    specFiles,
    readText: (uri) => workspace.readFile(uri),
    getParsed: async (uri) => {
      const text = await workspace.readFile(uri);
      // The lint's own document: without the style guide no cross-API finding needs a position.
      return text === undefined ? undefined : service.getLintDocument(uri, text, 0);
    },
  });
}

/** Lint entries for governance findings; CODEOWNERS findings when it was given or lies under a given directory. */
export async function governanceLintEntries(files: readonly string[], patterns: readonly string[], cwd: string, workspace: IWorkspace, service: LanguageService, settings: SpecgateSettings, reported: readonly string[] = files): Promise<LintEntry[]> {
  // Cross-API rules compare every given API, even when this shard reports only some of them.
  const snapshot = await snapshotOfFiles(files, cwd, workspace, service);
  const dirs = patterns.map((p) => path.resolve(cwd, p));
  const shown = (uri: string) => {
    const file = uriToPath(uri);
    if (files.includes(file)) return reported.includes(file);
    return reported === files && CODEOWNERS_LOCATIONS.some((l) => path.join(cwd, l) === file) && dirs.some((d) => file === d || file.startsWith(d + path.sep));
  };
  const entries: LintEntry[] = [];
  const add = (uri: string, list: import('vscode-languageserver-types').Diagnostic[]) => {
    const name = path.relative(cwd, uriToPath(uri)) || uriToPath(uri);
    for (const diagnostic of list) entries.push({ file: name, diagnostic });
  };
  for (const [uri, list] of snapshot.catalog.diagnostics) if (shown(uri)) add(uri, list);
  for (const [uri, list] of crossApiDiagnostics(snapshot, settings)) if (reported.includes(uriToPath(uri))) add(uri, list);
  return entries;
}

/** Options shared by `catalog` and `review`, parsed with node:util (unknown flags are usage errors). */
export function parseGovernanceArgs<F extends string>(argv: string[], formats: readonly F[], defaultFormat: F): { dirs: string[]; format: F; base?: string; spectral: boolean; shard?: { index: number; count: number } } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, base: { type: 'string', short: 'b' }, 'no-spectral': { type: 'boolean' }, shard: { type: 'string' } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const format = (parsed.values.format ?? defaultFormat) as F;
  if (!formats.includes(format)) throw new UsageError(`unknown format "${format}" (expected ${formats.join(', ')})`);
  const base = parsed.values.base;
  if (base !== undefined && (base === '' || base.startsWith('-'))) throw new UsageError(`refusing git revision "${base}": it looks like an option`);
  const shard = parsed.values.shard === undefined ? undefined : parseShard(parsed.values.shard);
  return { dirs: parsed.positionals.length ? parsed.positionals : ['.'], format, base, spectral: !parsed.values['no-spectral'], shard };
}

/** The 1-based line where a change is shown: its node, or for removals the nearest parent still there. */
export function changeLine(change: Change, parse: (uri: string) => ParsedDocument | undefined): number | null {
  const doc = parse(change.uri);
  if (!doc) return null;
  const range = doc.rangeOf(changeAnchor(doc, change).pointer, 'key');
  return range ? range.start.line + 1 : null;
}

export function relativeFile(uri: string, cwd: string): string {
  return path.relative(cwd, uriToPath(uri)) || uriToPath(uri);
}

/** `--shard i/n` (1-based): the i-th of n deterministic slices of a sorted list, for CI matrices. */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard needs i/n with 1 <= i <= n, e.g. 2/4 (got "${value}")`);
  return { index, count };
}

export function inShard<T>(items: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  return shard ? items.filter((_, i) => i % shard.count === shard.index - 1) : [...items];
}
