/**
 * Repository-wide governance in one snapshot: the catalog (owners, consumers) and the cross-API
 * findings, as LSP diagnostics per file. The editor builds it from the workspace index, the CLI
 * from the files it was given; both run the same code.
 */
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import type { SpecgateSettings } from '../settings';
import { normalizeSeverity } from '../settings';
import { ruleDocUrl, SEVERITY } from '../languageFeatures/diagnostics';
import { joinUri } from '../uri';
import { buildCatalog, Catalog, nameFromPath } from './catalogModel';
import { CONVENTIONS_FILE, CrossApiConventions, parseConventions } from '../rules/crossApi/conventions';
import { CROSS_API_NAMING_RULE, CROSS_API_SHARED_SCHEMA_RULE, CROSS_API_TYPES_RULE, CrossApiFinding, runCrossApiRules } from '../rules/crossApi/crossApiRules';
import type { ApiDocumentInput } from '../rules/crossApi/apiFacts';
import type { PreferredTermsOptions } from '../style/rules/naming';
import type { SeverityName } from '../types';
import type { IndexedKind } from '../workspace/workspaceIndex';
import { documentLookup, isUsableSpec, SpecEntry, SpecEntryCache } from './specEntries';

export interface GovernanceSource {
  folders: readonly string[];
  catalogFiles: readonly string[];
  /** OpenAPI descriptions (not Arazzo). */
  specFiles: readonly string[];
  readText(uri: string): Promise<string | undefined>;
  getParsed(uri: string): Promise<ParsedDocument | undefined>;
  /** Lightweight entries kept between snapshots (the editor); without it every parse is held for the snapshot (the CLI). */
  specEntries?(uris: readonly string[]): Promise<SpecEntry[]>;
}

export interface GovernanceSnapshot {
  catalog: Catalog;
  apis: ApiDocumentInput[];
  /** Parse trees of the specs, by uri (rebuilt on demand where the source keeps only entries). */
  documents: { get(uri: string): ParsedDocument | undefined };
  conventions: CrossApiConventions;
  conventionProblems: string[];
}

/** The index's view, as a governance source (open buffers first, then disk). */
export function sourceFromIndex(index: {
  files(kind?: IndexedKind): readonly { uri: string }[];
  getText(uri: string): Promise<string | undefined>;
  getParsed(uri: string): Promise<ParsedDocument | undefined>;
  defersParse?(text: string): boolean;
}, folders: readonly string[]): GovernanceSource {
  let cache = entryCaches.get(index);
  if (!cache) entryCaches.set(index, (cache = new SpecEntryCache(index)));
  const entries = cache;
  return {
    specEntries: (uris) => entries.entriesOf(uris),
    folders,
    catalogFiles: index.files('catalog').map((f) => f.uri),
    specFiles: index.files('openapi').map((f) => f.uri),
    readText: (uri) => index.getText(uri),
    getParsed: (uri) => index.getParsed(uri),
  };
}

const entryCaches = new WeakMap<object, SpecEntryCache>();

export async function governanceSnapshot(source: GovernanceSource, overrides?: ReadonlyMap<string, ParsedDocument>): Promise<GovernanceSnapshot> {
  const { specs, documents } = await specsOf(source, overrides);
  const catalogFiles: Array<{ uri: string; text: string }> = [];
  for (const uri of source.catalogFiles) {
    const text = await source.readText(uri);
    if (text !== undefined) catalogFiles.push({ uri, text });
  }
  const catalog = await buildCatalog({
    folders: source.folders,
    catalogFiles,
    specs: specs.map((d) => ({ uri: d.uri, value: d.value })),
    readText: source.readText,
  });
  const apis = specs.map((d) => ({ uri: d.uri, name: catalog.apiForFile(d.uri)?.name ?? nameFromPath(d.uri), value: d.value, format: d.format }));
  const folder = source.folders[0];
  const { conventions, problems } = parseConventions(folder ? await source.readText(joinUri(folder, CONVENTIONS_FILE)) : undefined);
  return { catalog, apis, documents, conventions, conventionProblems: problems };
}

async function specsOf(source: GovernanceSource, overrides?: ReadonlyMap<string, ParsedDocument>): Promise<{ specs: SpecEntry[]; documents: GovernanceSnapshot['documents'] }> {
  const uris = [...new Set([...source.specFiles, ...(overrides?.keys() ?? [])])];
  const given = (uri: string) => overrides?.get(uri);
  const entryOf = (d: ParsedDocument & { format: SpecEntry['format'] }): SpecEntry => ({ uri: d.uri, text: d.text, format: d.format, value: d.value });
  if (source.specEntries) {
    const cached = new Map((await source.specEntries(uris.filter((u) => !given(u)))).map((e) => [e.uri, e]));
    const specs = uris.flatMap((uri) => {
      const doc = given(uri);
      if (doc) return isUsableSpec(doc) ? [entryOf(doc)] : [];
      return cached.has(uri) ? [cached.get(uri)!] : [];
    });
    return { specs, documents: documentLookup(specs, overrides) };
  }
  const documents = new Map<string, ParsedDocument>();
  const specs: SpecEntry[] = [];
  for (const uri of uris) {
    const doc = given(uri) ?? (await source.getParsed(uri));
    if (!isUsableSpec(doc)) continue;
    documents.set(uri, doc);
    specs.push(entryOf(doc));
  }
  return { specs, documents };
}

function ruleSeverity(settings: SpecgateSettings, id: string): SeverityName | 'off' {
  const entry = settings.rules[id];
  const raw = typeof entry === 'object' && entry !== null ? entry.severity : entry;
  return normalizeSeverity(raw) ?? 'warn';
}

export function crossApiFindings(snapshot: GovernanceSnapshot, settings: SpecgateSettings): CrossApiFinding[] {
  const terms = settings.rules['specgate-preferred-terms'];
  const glossary = typeof terms === 'object' && terms?.options ? ({ terms: {}, useDefaults: true, ...terms.options } as PreferredTermsOptions) : undefined;
  const disabled = new Set([CROSS_API_NAMING_RULE, CROSS_API_TYPES_RULE, CROSS_API_SHARED_SCHEMA_RULE].filter((id) => ruleSeverity(settings, id) === 'off'));
  return runCrossApiRules(snapshot.apis, { conventions: snapshot.conventions, glossary, disabled });
}

/** Cross-API diagnostics per file; `only` limits them to one file (the open document). */
export function crossApiDiagnostics(snapshot: GovernanceSnapshot, settings: SpecgateSettings, only?: string): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  if (!settings.styleGuideEnabled) return byFile;
  for (const finding of crossApiFindings(snapshot, settings)) {
    if (only !== undefined && finding.uri !== only) continue;
    const doc = snapshot.documents.get(finding.uri);
    const range = doc?.rangeOf(finding.pointer, 'key');
    const severity = ruleSeverity(settings, finding.ruleId);
    if (!range || severity === 'off') continue;
    const relatedInformation: DiagnosticRelatedInformation[] = finding.related.flatMap((r) => {
      const at = snapshot.documents.get(r.uri)?.rangeOf(r.pointer, 'key');
      return at ? [{ location: { uri: r.uri, range: at }, message: r.message }] : [];
    });
    const list = byFile.get(finding.uri) ?? [];
    list.push({
      range,
      severity: SEVERITY[severity],
      code: finding.ruleId,
      codeDescription: { href: ruleDocUrl(finding.ruleId) },
      source: 'specgate',
      message: finding.message,
      relatedInformation,
      data: { pointer: finding.pointer, target: 'key' },
    });
    byFile.set(finding.uri, list);
  }
  return byFile;
}
