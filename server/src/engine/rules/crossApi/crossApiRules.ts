/**
 * Cross-API consistency: one concept named differently, one concept typed differently, and shared
 * schemas (`Error`, `Money`, ...) that diverge. Each finding sits on the outlier API's node, names the
 * APIs that follow the convention, and says what decided the convention.
 */
import type { JsonPointer } from '../../jsonPointer';
import { matchesCasing } from '../../style/casing';
import { DEFAULT_TIMESTAMP_PATTERNS } from '../../style/rules/schemas';
import { apiFacts, ApiDocumentInput, ApiFacts, conceptKey, glossaryFor, PropertyOccurrence, SchemaShape, words } from './apiFacts';
import { CrossApiConventions, decide, describeDecision } from './conventions';
import type { PreferredTermsOptions } from '../../style/rules/naming';

export const CROSS_API_NAMING_RULE = 'specgate-cross-api-naming';
export const CROSS_API_TYPES_RULE = 'specgate-cross-api-types';
export const CROSS_API_SHARED_SCHEMA_RULE = 'specgate-cross-api-shared-schema';

export interface RelatedNode { uri: string; api: string; pointer: JsonPointer; message: string }

export interface CrossApiFinding {
  ruleId: string;
  uri: string;
  api: string;
  pointer: JsonPointer;
  message: string;
  related: RelatedNode[];
}

export interface CrossApiOptions {
  conventions: CrossApiConventions;
  /** The preferred-terms rule's options (the glossary); defaults when absent. */
  glossary?: PreferredTermsOptions;
  /** Rules switched off. */
  disabled?: ReadonlySet<string>;
}

interface Entry { api: ApiDocumentInput; facts: ApiFacts }

/**
 * Versions or copies of one API (same `info.title`) are one voice: `orders/v2` renaming what
 * `orders/v1` called something else is the point of v2, not an inconsistency between teams.
 */
function identityOf(api: ApiDocumentInput): string {
  const info = (api.value as { info?: { title?: unknown } } | undefined)?.info;
  return (typeof info?.title === 'string' && info.title.trim() !== '' ? info.title : api.name).trim().toLowerCase();
}

/** Every cross-API finding over these APIs (each finding's `uri` is one of theirs). */
export function runCrossApiRules(apis: readonly ApiDocumentInput[], options: CrossApiOptions): CrossApiFinding[] {
  if (apis.length < 2) return [];
  const glossary = glossaryFor(options.glossary);
  const entries: Entry[] = apis.map((api) => ({ api, facts: apiFacts(api, glossary) }));
  const preferredTerms = new Map<string, string>();
  for (const term of glossary.glossary.terms.values()) preferredTerms.set(words(term).join(' '), term);
  const on = (id: string) => !options.disabled?.has(id);
  const findings: CrossApiFinding[] = [];
  if (on(CROSS_API_NAMING_RULE)) findings.push(...namingFindings(entries, options.conventions, preferredTerms, glossary.glossary));
  if (on(CROSS_API_TYPES_RULE)) findings.push(...typeFindings(entries, options.conventions, glossary.glossary));
  if (on(CROSS_API_SHARED_SCHEMA_RULE)) findings.push(...schemaFindings(entries, options.conventions));
  return findings;
}

/** The most frequent value of `pick` among occurrences (first seen wins ties). */
function dominant(occurrences: PropertyOccurrence[], pick: (o: PropertyOccurrence) => string | undefined): { value: string; first: PropertyOccurrence; count: number } | undefined {
  const counts = new Map<string, { first: PropertyOccurrence; count: number }>();
  for (const o of occurrences) {
    const v = pick(o);
    if (v === undefined) continue;
    const c = counts.get(v);
    if (c) c.count++;
    else counts.set(v, { first: o, count: 1 });
  }
  let best: { value: string; first: PropertyOccurrence; count: number } | undefined;
  for (const [value, c] of counts) if (!best || c.count > best.count) best = { value, ...c };
  return best;
}

interface Variant { api: ApiDocumentInput; value: string; first: PropertyOccurrence; count: number; all: Set<string> }

/** Per concept present in at least two APIs: each API's dominant variant. */
function conceptVariants(entries: Entry[], pick: (o: PropertyOccurrence) => string | undefined, accept: (key: string) => boolean): Map<string, Variant[]> {
  const out = new Map<string, Variant[]>();
  for (const { api, facts } of entries) {
    for (const [key, occurrences] of facts.concepts) {
      if (!accept(key)) continue;
      const d = dominant(occurrences, pick);
      if (!d) continue;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push({ api, ...d, all: new Set(occurrences.map(pick).filter((v): v is string => v !== undefined)) });
    }
  }
  for (const [key, list] of out) if (list.length < 2 || new Set(list.map((v) => v.value)).size < 2) out.delete(key);
  return out;
}

function votesOf(variants: Variant[]): Map<string, number> {
  const voters = new Map<string, Set<string>>();
  for (const v of variants) voters.set(v.value, (voters.get(v.value) ?? new Set()).add(identityOf(v.api)));
  return new Map([...voters].map(([value, ids]) => [value, ids.size]));
}

/** The convention's holders to cite for an outlier: other APIs only; none when a version of the outlier itself follows it. */
function citedWinners<T extends { api: ApiDocumentInput }>(outlier: ApiDocumentInput, winners: T[]): T[] | undefined {
  const self = identityOf(outlier);
  if (winners.some((w) => identityOf(w.api) === self)) return undefined;
  return winners;
}

function apiList(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 4 ? unique.join(', ') : `${unique.slice(0, 4).join(', ')} and ${unique.length - 4} more`;
}

function namingFindings(entries: Entry[], conventions: CrossApiConventions, preferredTerms: Map<string, string>, glossary: Parameters<typeof conceptKey>[1]): CrossApiFinding[] {
  const findings: CrossApiFinding[] = [];
  const configuredNames = new Map(conventions.names.map((n) => [conceptKey(n, glossary), n]));
  for (const [key, variants] of conceptVariants(entries, (o) => o.name, () => true)) {
    const votes = votesOf(variants);
    const candidates = [...votes.keys()];
    const byCasing = conventions.propertyCasing ? candidates.filter((c) => matchesCasing(c, conventions.propertyCasing!)) : [];
    const configured = configuredNames.get(key) ?? (byCasing.length === 1 ? byCasing[0] : undefined);
    const decision = decide(votes, configured, (leaders) => {
      const term = preferredTerms.get(key);
      if (term && leaders.includes(term)) return term;
      const preferredWords = leaders.filter((l) => words(l).join(' ') === key);
      return term && preferredWords.length === 1 && leaders.length > 1 ? preferredWords[0] : undefined;
    });
    if (!decision) continue;
    const winners = variants.filter((v) => v.value === decision.winner);
    const why = describeDecision(decision.by, votes.get(decision.winner) ?? 0, new Set(variants.map((v) => identityOf(v.api))).size);
    for (const v of variants) {
      // An API that also uses the convention's spelling is inconsistent inside itself (the
      // single-API naming rules say so), or names by context (request forms vs responses).
      if (v.value === decision.winner || v.all.has(decision.winner)) continue;
      const cited = citedWinners(v.api, winners);
      if (!cited) continue;
      const where = cited.length > 0 ? ` in ${apiList(cited.map((w) => w.api.name))}` : '';
      findings.push({
        ruleId: CROSS_API_NAMING_RULE,
        uri: v.api.uri,
        api: v.api.name,
        pointer: v.first.pointer,
        message: `"${v.value}" is the same concept as "${decision.winner}"${where}; "${decision.winner}" is ${why}. Rename "${v.value}"${v.count > 1 ? ` (${v.count} places in ${v.api.name})` : ''} to match.`,
        related: cited.map((w) => ({ uri: w.api.uri, api: w.api.name, pointer: w.first.pointer, message: `${w.api.name}: "${w.value}"` })),
      });
    }
  }
  return findings;
}

/** The timestamp rule's expectation for a concept (`created at` → `string/date-time`), the glossary tie-breaker for types. */
function timestampSignature(key: string): string | undefined {
  const snake = key.replace(/ /g, '_');
  const match = DEFAULT_TIMESTAMP_PATTERNS.find((p) => new RegExp(p.pattern, 'u').test(snake));
  return match ? `string/${match.formats[0]}` : undefined;
}

function typeFindings(entries: Entry[], conventions: CrossApiConventions, glossary: Parameters<typeof conceptKey>[1]): CrossApiFinding[] {
  const findings: CrossApiFinding[] = [];
  const configured = new Map([...conventions.types].map(([name, t]) => [conceptKey(name, glossary), t.type + (t.format ? `/${t.format}` : '')]));
  // One-word names (`id`, `code`, `type`) mean different things in different APIs: only compare
  // concepts of two words or more, which name one thing (`customer id`, `created at`).
  const variantsByConcept = conceptVariants(entries, (o) => (o.signature?.startsWith('$ref:') ? undefined : o.signature), (key) => key.includes(' '));
  for (const [key, variants] of variantsByConcept) {
    const votes = votesOf(variants);
    const decision = decide(votes, configured.get(key), (leaders) => {
      const expected = timestampSignature(key);
      return expected && leaders.includes(expected) ? expected : undefined;
    });
    if (!decision) continue;
    const winners = variants.filter((v) => v.value === decision.winner);
    const why = describeDecision(decision.by, votes.get(decision.winner) ?? 0, new Set(variants.map((v) => identityOf(v.api))).size);
    for (const v of variants) {
      // More precise than the convention (a format where the others have none) is not the problem.
      if (v.value === decision.winner || v.value.startsWith(`${decision.winner}/`)) continue;
      const cited = citedWinners(v.api, winners);
      if (!cited) continue;
      const where = cited.length > 0 ? ` in ${apiList(cited.map((w) => w.api.name))}` : '';
      findings.push({
        ruleId: CROSS_API_TYPES_RULE,
        uri: v.api.uri,
        api: v.api.name,
        pointer: v.first.pointer,
        message: `"${v.first.name}" is ${show(v.value)} here but ${show(decision.winner)}${where}; ${show(decision.winner)} is ${why}.`,
        related: cited.map((w) => ({ uri: w.api.uri, api: w.api.name, pointer: w.first.pointer, message: `${w.api.name}: "${w.first.name}" is ${show(w.value)}` })),
      });
    }
  }
  return findings;
}

/** `string/date-time` → `type: string, format: date-time`. */
function show(signature: string): string {
  const [type, format] = signature.split('/');
  return format ? `type ${type} with format ${format}` : `type ${type}`;
}

function shapeKey(shape: SchemaShape): string {
  return JSON.stringify([[...shape.properties].sort(([a], [b]) => a.localeCompare(b)), shape.required]);
}

function shapeDifferences(outlier: SchemaShape, reference: SchemaShape): string[] {
  const out: string[] = [];
  const missing = [...reference.properties.keys()].filter((p) => !outlier.properties.has(p));
  const extra = [...outlier.properties.keys()].filter((p) => !reference.properties.has(p));
  if (missing.length) out.push(`missing ${missing.map((p) => `"${p}"`).join(', ')}`);
  if (extra.length) out.push(`extra ${extra.map((p) => `"${p}"`).join(', ')}`);
  for (const [p, sig] of outlier.properties) {
    const theirs = reference.properties.get(p);
    if (theirs !== undefined && theirs !== sig) out.push(`"${p}" is ${sig} here, ${theirs} there`);
  }
  const required = (list: string[]) => (list.length ? list.join(', ') : 'none');
  if (outlier.required.join() !== reference.required.join()) out.push(`required is [${required(outlier.required)}] here, [${required(reference.required)}] there`);
  return out;
}

function schemaFindings(entries: Entry[], conventions: CrossApiConventions): CrossApiFinding[] {
  const findings: CrossApiFinding[] = [];
  const shared = new Set([...conventions.sharedSchemas, ...conventions.schemas.keys()]);
  for (const name of shared) {
    const holders = entries.flatMap(({ api, facts }) => {
      const shape = facts.schemas.get(name);
      return shape ? [{ api, shape, key: shapeKey(shape) }] : [];
    });
    if (holders.length < 2 || new Set(holders.map((h) => h.key)).size < 2) continue;
    const voters = new Map<string, Set<string>>();
    for (const h of holders) voters.set(h.key, (voters.get(h.key) ?? new Set()).add(identityOf(h.api)));
    const votes = new Map([...voters].map(([key, ids]) => [key, ids.size]));
    const referenceApi = conventions.schemas.get(name);
    const configured = holders.find((h) => h.api.name === referenceApi)?.key;
    const decision = decide(votes, configured, () => undefined);
    if (!decision) continue;
    const winners = holders.filter((h) => h.key === decision.winner);
    const why = describeDecision(decision.by, votes.get(decision.winner) ?? 0, new Set(holders.map((h) => identityOf(h.api))).size);
    for (const h of holders) {
      if (h.key === decision.winner || !citedWinners(h.api, winners)) continue;
      const differences = shapeDifferences(h.shape, winners[0].shape);
      findings.push({
        ruleId: CROSS_API_SHARED_SCHEMA_RULE,
        uri: h.api.uri,
        api: h.api.name,
        pointer: h.shape.pointer,
        message: `Schema "${name}" differs from "${name}" in ${apiList(winners.map((w) => w.api.name))}, ${why}: ${differences.slice(0, 4).join('; ')}${differences.length > 4 ? `; and ${differences.length - 4} more differences` : ''}.`,
        related: winners.map((w) => ({ uri: w.api.uri, api: w.api.name, pointer: w.shape.pointer, message: `${w.api.name}: "${name}"` })),
      });
    }
  }
  return findings;
}
