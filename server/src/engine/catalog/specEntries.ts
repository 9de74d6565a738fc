/**
 * What repository-wide governance keeps of each workspace spec between analyses: its text, format
 * and a plain copy of its value — never the parse tree. Cross-API rules compare every spec of the
 * workspace on each analysis; holding (or re-building) every parse tree at once cost about 1 GB on
 * a folder of 600 Azure specs (issue 18). A parse tree is rebuilt only for the few files a finding
 * points into (see `documentLookup`).
 */
import { parseDocument, type ParsedDocument } from '../document/parsedDocument';
import { parseValue } from '../document/parseValue';
import { sniffFormat } from '../document/sniff';
import type { SpecFormat } from '../style/types';

export interface SpecEntry {
  readonly uri: string;
  readonly text: string;
  readonly format: Exclude<SpecFormat, 'arazzo1'>;
  readonly value: unknown;
}

/** An OpenAPI document governance can use: parsed without problems. */
export function isUsableSpec(doc: ParsedDocument | undefined): doc is ParsedDocument & { format: Exclude<SpecFormat, 'arazzo1'> } {
  return !!doc?.format && doc.format !== 'arazzo1' && doc.value !== undefined && doc.problems.length === 0;
}

interface Source {
  getText(uri: string): Promise<string | undefined>;
  /** Texts this thread does not parse (left to the language server's background thread). */
  defersParse?(text: string): boolean;
}

/** Entries per file, kept while the file's text is unchanged; files no longer listed are dropped. */
export class SpecEntryCache {
  private readonly entries = new Map<string, { text: string; entry: SpecEntry | undefined }>();

  constructor(private readonly source: Source) {}

  async entriesOf(uris: readonly string[]): Promise<SpecEntry[]> {
    const wanted = new Set(uris);
    for (const uri of [...this.entries.keys()]) if (!wanted.has(uri)) this.entries.delete(uri);
    const out: SpecEntry[] = [];
    for (const uri of wanted) {
      const entry = await this.entryOf(uri);
      if (entry) out.push(entry);
    }
    return out;
  }

  private async entryOf(uri: string): Promise<SpecEntry | undefined> {
    const text = await this.source.getText(uri);
    if (text === undefined) {
      this.entries.delete(uri);
      return undefined;
    }
    const cached = this.entries.get(uri);
    if (cached && cached.text === text) return cached.entry;
    this.entries.delete(uri);
    const entry = this.source.defersParse?.(text) ? undefined : specEntryOf(uri, text);
    this.entries.set(uri, { text, entry });
    return entry;
  }
}

/**
 * The value only (JSON.parse / js-yaml, see `parseValue`), not the positioned tree through the
 * index's parse cache: a sweep over every spec would evict the parses open documents use, and
 * the trees' garbage alone raised the server's peak by hundreds of MB (200 Azure specs: 185 MB
 * of trees against 11 MB of values).
 */
export function specEntryOf(uri: string, text: string): SpecEntry | undefined {
  const format = sniffFormat(text);
  if (!format || format === 'arazzo1') return undefined;
  const { value, problem } = parseValue(uri, text);
  return value !== undefined && !problem ? { uri, text, format, value } : undefined;
}

/** Parse trees rebuilt on demand from entries' texts; the last few stay (findings cluster in few files). */
export function documentLookup(entries: readonly SpecEntry[], overrides?: ReadonlyMap<string, ParsedDocument>, keep = 8): { get(uri: string): ParsedDocument | undefined } {
  const texts = new Map(entries.map((e) => [e.uri, e.text]));
  const recent = new Map<string, ParsedDocument>();
  return {
    get(uri) {
      const given = overrides?.get(uri);
      if (given) return given;
      const hit = recent.get(uri);
      if (hit) return hit;
      const text = texts.get(uri);
      if (text === undefined) return undefined;
      const doc = parseDocument(uri, text);
      recent.set(uri, doc);
      if (recent.size > keep) recent.delete(recent.keys().next().value as string);
      return doc;
    },
  };
}
