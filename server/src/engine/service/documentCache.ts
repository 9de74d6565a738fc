import { deferredDocument, parseDocument, provenanceOf, type ParsedDocument } from '../document/parsedDocument';
import { IncrementalParser } from '../document/incrementalParse';
import type { SpecgateSettings } from '../settings';
import { StyleMemo } from '../style/incrementalStyle';
import type { ExternalRefsCache } from '../refs';
import { FindingPlacements } from '../languageFeatures/findingPlacements';

/** Per-document memory across versions, keyed by the values the versions share. */
export interface TreeMemo {
  style: StyleMemo;
  externalRefs: ExternalRefsCache;
  placements: FindingPlacements;
}

/**
 * The language service's parses: one per open document version (parse once per version), one per
 * text of a `$ref`'d file, and one per closed spec read as a workflow's source. Each is reused while
 * its text is unchanged and dropped by `forget` / `invalidate`.
 */
export class DocumentCache {
  private readonly open = new Map<string, ParsedDocument>();
  private readonly referenced = new Map<string, ParsedDocument>();
  private readonly sources = new Map<string, ParsedDocument>();
  /** Open documents' edits re-parse only the entries they touched (see document/incrementalParse). */
  private readonly incremental = new IncrementalParser();
  /** Open documents' per-version work kept across versions (style guide, external refs), see `treeMemo`. */
  private readonly treeMemos = new Map<string, TreeMemo>();

  constructor(
    private readonly settings: () => SpecgateSettings,
    /** Texts this thread must not parse (the language server hands them to its background thread). */
    private readonly deferred: (text: string) => boolean = () => false,
  ) {}

  /** The parse of an open document's version (the cached one when version and text match). */
  get(uri: string, text: string, version: number): ParsedDocument {
    const cached = this.open.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    this.open.delete(uri);
    if (this.deferred(text)) {
      const doc = deferredDocument(uri, text, version);
      this.incremental.forget(uri);
      this.treeMemos.delete(uri);
      this.open.set(uri, doc);
      return doc;
    }
    // An edit re-parses only the entries it touched, reusing the previous version's tree.
    const doc = this.incremental.parse(cached, uri, text, version, this.limits());
    this.open.set(uri, doc);
    return doc;
  }

  /**
   * What is kept across the versions of `doc` when it is the open version of its document and its value
   * is a tree (no YAML anchor, so no object is reached twice); undefined otherwise (closed files, aliases).
   */
  treeMemo(doc: ParsedDocument): TreeMemo | undefined {
    const provenance = provenanceOf(doc);
    if (this.open.get(doc.uri) !== doc || !provenance || provenance.anchors) return undefined;
    let memo = this.treeMemos.get(doc.uri);
    if (!memo) this.treeMemos.set(doc.uri, (memo = { style: new StyleMemo(), externalRefs: new WeakMap(), placements: new FindingPlacements() }));
    return memo;
  }

  /** The open document's current parse, whatever its version. */
  peek(uri: string): ParsedDocument | undefined {
    return this.open.get(uri);
  }

  /** A parse of a file the document uses, reused while its text is unchanged. */
  referencedParse(uri: string, text: string): ParsedDocument {
    const cached = this.referenced.get(uri);
    if (cached && cached.text === text) return cached;
    const doc = this.parse(uri, text, 0);
    this.referenced.set(uri, doc);
    return doc;
  }

  /** A closed spec's parse under a version that hashes its text and its `$ref`'d files' (analyses are cached per version). */
  source(uri: string, text: string, version: number): ParsedDocument {
    const cached = this.sources.get(uri);
    if (cached && cached.text === text && cached.version === version) return cached;
    const doc = this.parse(uri, text, version);
    this.sources.set(uri, doc);
    return doc;
  }

  /** A file changed: its `$ref` parse is stale. */
  invalidate(uri: string): void {
    this.referenced.delete(uri);
  }

  /** A document closed: nothing of it stays (memory is released on close). */
  forget(uri: string): void {
    this.open.delete(uri);
    this.referenced.delete(uri);
    this.sources.delete(uri);
    this.incremental.forget(uri);
    this.treeMemos.delete(uri);
  }

  clear(): void {
    for (const uri of this.open.keys()) this.incremental.forget(uri);
    this.open.clear();
    this.treeMemos.clear();
    this.referenced.clear();
    this.sources.clear();
  }

  private parse(uri: string, text: string, version: number): ParsedDocument {
    if (this.deferred(text)) return deferredDocument(uri, text, version);
    return parseDocument(uri, text, version, this.limits());
  }

  private limits() {
    const s = this.settings();
    return { maxDepth: s.maxNestingDepth, maxAliasCount: s.maxAliasCount };
  }
}
