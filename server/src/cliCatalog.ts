/** `specgate catalog [dirs...] --format json|markdown|html [--base <gitref>]`. */
import { createLanguageService } from './engine/languageService';
import { mergeSettings } from './engine/settings';
import { pathToUri } from './engine/uri';
import { NodeWorkspace } from './node/nodeWorkspace';
import { expandPatterns } from './cli';
import { inShard, parseGovernanceArgs, relativeFile, snapshotOfFiles } from './cliGovernance';
import { crossApiDiagnostics } from './engine/catalog/governance';
import { CATALOG_FORMATS, CatalogEntry, formatCatalog, type BreakingCounts, type FindingCounts } from './engine/catalog/catalogReport';
import { severityName } from './engine/report/lintReport';
import { UsageError } from './cliErrors';

export async function catalogCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseGovernanceArgs(argv, CATALOG_FORMATS, 'json');
  const cwd = process.cwd();
  const { files } = await expandPatterns(args.dirs, cwd);
  const workspace = new NodeWorkspace([pathToUri(cwd)], { trusted: true });
  const settings = mergeSettings({ baseline: args.base ?? 'HEAD', spectralEnabled: args.spectral, largeFileThresholdKB: Number.MAX_SAFE_INTEGER });
  const service = createLanguageService({ workspace, getSettings: () => settings });
  const snapshot = await snapshotOfFiles(files, cwd, workspace, service);
  const crossApi = crossApiDiagnostics(snapshot, settings);
  const entries: CatalogEntry[] = [];
  // A shard lists its slice of the APIs; owners, consumers and conventions still come from all of them.
  for (const api of inShard(snapshot.catalog.apis, args.shard)) {
    const findings: FindingCounts = { error: 0, warning: 0, info: 0, hint: 0 };
    const doc = api.file ? snapshot.documents.get(api.file) : undefined;
    let breaking: BreakingCounts | undefined;
    if (doc) {
      const result = await service.lint(doc);
      for (const notice of result.notices) err.write(`specgate: ${notice}\n`);
      for (const list of result.byFile.values()) for (const d of list) findings[severityName(d)]++;
      if (args.base) {
        const analysis = await service.getBreakingAnalysis(doc);
        if (analysis.baseline.kind === 'ok') {
          const count = (level: string) => analysis.changes.filter((c) => c.level === level).length;
          breaking = { breaking: count('breaking'), potentiallyBreaking: count('potentially-breaking'), nonBreaking: count('non-breaking') };
        } else if (analysis.baseline.kind === 'untracked') {
          breaking = { breaking: 0, potentiallyBreaking: 0, nonBreaking: 0, baseline: `new since ${args.base}` };
        } else {
          throw new UsageError(`${relativeFile(doc.uri, cwd)}: ${analysis.baseline.message}`);
        }
      }
    }
    const departures = (api.file ? crossApi.get(api.file) ?? [] : []).map((d) => ({ rule: String(d.code), message: String(d.message), line: d.range.start.line + 1 }));
    for (const d of api.file ? crossApi.get(api.file) ?? [] : []) findings[severityName(d)]++;
    entries.push({
      name: api.name,
      title: api.title ?? null,
      file: api.file ? relativeFile(api.file, cwd) : null,
      version: api.version ?? null,
      owner: api.owner ?? null,
      lifecycle: api.lifecycle ?? null,
      system: api.system ?? null,
      consumers: api.consumers,
      findings,
      departures,
      ...(args.base ? { breaking: breaking ?? { breaking: 0, potentiallyBreaking: 0, nonBreaking: 0, baseline: 'no description to compare' } } : {}),
    });
  }
  for (const [uri, list] of snapshot.catalog.diagnostics) {
    for (const d of list) err.write(`specgate: ${relativeFile(uri, cwd)}:${d.range.start.line + 1}: ${d.message} [${d.code}]\n`);
  }
  out.write(formatCatalog(entries, args.format, args.base));
  return 0;
}
