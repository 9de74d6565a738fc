/**
 * Naming rules. They share one evaluation per name so that a name gets one diagnostic:
 * a glossary term is reported by `specgate-preferred-terms` only (not by the casing rule), and the
 * acronym rule only looks at names that are otherwise well cased.
 */
import { indexDocument, own, ownString, type OpenApiIndex, type ParameterInfo, type PropertyInfo } from '../../openapi';
import { joinPointer } from '../../jsonPointer';
import {
  acronymStem,
  capitalize,
  convertCasing,
  detectCasings,
  distinctCasing,
  dominantCasing,
  isCasingName,
  isShoutedWord,
  joinWords,
  matchesCasing,
  tokenize,
  type AcronymPolicy,
  type CasingName,
} from '../casing';
import type { RuleContext, SpecFormat, StyleRule } from '../types';
import { operationLabel, otherOptions, quoteList, stringArray, stringRecord } from '../util';

export const OAS_FORMATS: SpecFormat[] = ['oas2', 'oas3.0', 'oas3.1'];

type Ctx = RuleContext<unknown>;

function isExtensionName(name: string): boolean {
  return name.startsWith('x-');
}

/** A name worth judging: it has at least one letter once punctuation is stripped. */
function hasLetters(name: string): boolean {
  return /\p{L}/u.test(tokenize(name).core);
}

/**
 * Keys that are data, not names: dotted settings (`pg_stat_statements.track`), hosts
 * (`registry.digitalocean.com`), phrases with spaces, paths. Renaming them would change the data.
 */
export function isDataKey(name: string): boolean {
  if (/[\s.:/]/u.test(tokenize(name).core)) return true;
  // Capitals with digits are identifiers of a standard or a product (`SHA256_ED25519`, `P400`), not words.
  if (tokenize(name).words.some((w) => /\p{Lu}/u.test(w.text) && /\p{N}/u.test(w.text))) return true;
  // A generated id inside the name (`securityClassification-6VMVochwUWo`).
  return name.split(/[-_.]/).some(looksGenerated);
}

/** Base62-style ids: long, digits and both cases, capitals far beyond word starts (`OAuth2Client` is a name). */
function looksGenerated(chunk: string): boolean {
  if (chunk.length < 10 || !/^[\p{L}\p{N}]+$/u.test(chunk) || !/\p{N}/u.test(chunk) || !/\p{Ll}/u.test(chunk)) return false;
  const letters = chunk.replace(/[^\p{L}]/gu, '');
  return letters.replace(/[^\p{Lu}]/gu, '').length / letters.length >= 0.35;
}

/**
 * Properties of an object written wholly in capitals (`ASSET`, `PARTIES`, `LOAN_IDENTIFIER`): field names of an
 * external standard the API embeds (MISMO, EDI, ISO 20022 tags), not the API's own naming to convert.
 */
function inUppercaseStandardObject(p: PropertyInfo): boolean {
  const properties = own(p.parent, 'properties');
  if (properties === null || typeof properties !== 'object') return false;
  const names = Object.keys(properties).filter((n) => !isExtensionName(n));
  const capitals = names.every((n) => /^\p{Lu}[\p{Lu}\p{N}_]*$/u.test(n) && /\p{Lu}{2}/u.test(n));
  // One capitalised member counts only when it is a word, not a short acronym (`{ ID }` is still a casing slip).
  return capitals && (names.length >= 2 || (names.length === 1 && names[0].length >= 5));
}

/** Convert and report only when the conversion is a real fix. */
function renameTo(name: string, casing: CasingName, policy: AcronymPolicy): string | undefined {
  if (!hasLetters(name) || matchesCasing(name, casing)) return undefined;
  const newName = convertCasing(name, casing, policy);
  return newName !== name && matchesCasing(newName, casing) ? newName : undefined;
}

// ---------------------------------------------------------------------------------------------
// Acronym policy (shared by every rename so fixes never trip the acronym rule)

/** `auto` (default): like `allow-uppercase`, each acronym is written the way most of the document writes it. */
export type AcronymOptions = { style: 'auto' | 'capitalize-first-only' | 'allow-uppercase'; allow: string[] };

export function acronymPolicy(ctx: Ctx): AcronymPolicy {
  const o = otherOptions(ctx, acronymCasing);
  if (!o || o.style !== 'capitalize-first-only') return { mode: 'preserve' };
  return { mode: 'capitalize', allow: new Set(stringArray(o.allow)) };
}

// ---------------------------------------------------------------------------------------------
// Property names: casing + glossary

export const PROPERTY_CASINGS: readonly CasingName[] = ['camelCase', 'snake_case', 'PascalCase', 'kebab-case'];

/** The document's dominant property casing (ties: camelCase, snake_case, PascalCase, kebab-case). */
export function dominantPropertyCasing(index: OpenApiIndex): CasingName {
  return dominantCasing(tallyVotes(namingTally(index), 'property'), PROPERTY_CASINGS) ?? 'camelCase';
}

// ---------------------------------------------------------------------------------------------
// Tallies: the document-wide counts the naming conventions are decided by. Each name adds one vote,
// so a tally is a sum over the document's parts: an edit recounts only the parts it changed
// (style/incrementalStyle.ts), and a run on part of a document can be given the whole one's tally.

export type Tally = Map<string, number>;
const NAMING_TALLY = 'tally:naming';

function vote(tally: Tally, kind: string, choice: string | undefined) {
  if (choice === undefined) return;
  const key = `${kind}\u0000${choice}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** The votes of one kind (`property`, `parameter:query`, `operationId`, `schemaName`, `pathSegment`). */
function tallyVotes(tally: Tally, kind: string): Map<CasingName, number> {
  const out = new Map<CasingName, number>();
  const prefix = `${kind}\u0000`;
  for (const [key, n] of tally) if (key.startsWith(prefix)) out.set(key.slice(prefix.length) as CasingName, n);
  return out;
}

/** Casing votes of every property, parameter, operationId, schema name and path segment (memoized on the index). */
export function namingTally(index: OpenApiIndex): Tally {
  const memo = index.memo.get(NAMING_TALLY) as Tally | undefined;
  if (memo) return memo;
  const tally: Tally = new Map();
  for (const p of index.properties) if (!isExtensionName(p.name)) vote(tally, 'property', distinctCasing(p.name, PROPERTY_CASINGS));
  for (const p of index.parameters) {
    if (p.name === undefined || p.in === undefined) continue;
    vote(tally, `parameter:${p.in}`, conventionVote(splitNamespace(p.name).local, p.in === 'header' ? HEADER_CASINGS : PARAMETER_CASINGS));
  }
  for (const { id } of operationIdsOf(index)) vote(tally, 'operationId', conventionVote(splitNamespace(id).local, OPERATION_ID_CASINGS));
  for (const { name } of index.schemaNames) vote(tally, 'schemaName', conventionVote(splitNamespace(name).local, SCHEMA_NAME_CASINGS));
  for (const token of segmentTokens(pathTemplates(index.root))) vote(tally, 'pathSegment', conventionVote(splitNamespace(token).local, SEGMENT_CASINGS));
  index.memo.set(NAMING_TALLY, tally);
  return tally;
}

/** Decide by `tally` instead of counting this index's names (a part of a document judged as the whole). */
export function useNamingTally(index: OpenApiIndex, tally: Tally): void {
  index.memo.set(NAMING_TALLY, tally);
}

/** Every convention the naming tally decides, as one comparable string. */
export function namingDecisions(tally: Tally): string {
  const kinds = [...new Set([...tally.keys()].map((k) => k.slice(0, k.indexOf('\u0000'))))].sort();
  return kinds.map((kind) => `${kind}=${dominantCasing(tallyVotes(tally, kind), candidatesOf(kind)) ?? ''}`).join(';');
}

function candidatesOf(kind: string): readonly CasingName[] {
  if (kind === 'property') return PROPERTY_CASINGS;
  if (kind === 'parameter:header') return HEADER_CASINGS;
  if (kind.startsWith('parameter:')) return PARAMETER_CASINGS;
  if (kind === 'operationId') return OPERATION_ID_CASINGS;
  if (kind === 'schemaName') return SCHEMA_NAME_CASINGS;
  return SEGMENT_CASINGS;
}

export type PropertyCasingOptions = { casing: 'auto' | CasingName };
export type PreferredTermsOptions = { terms: Record<string, string>; useDefaults: boolean };

/** Default glossary: discouraged phrase (any casing) → preferred term. */
export const DEFAULT_TERMS: Record<string, string> = (() => {
  const out: Record<string, string> = {};
  const add = (preferred: string, phrases: string[]) => phrases.forEach((p) => (out[p] = preferred));
  add('createdAt', [
    'creation_date', 'creation_time', 'creation_timestamp', 'create_date', 'create_time', 'created_date',
    'created_time', 'created_timestamp', 'created_on', 'date_created', 'time_created', 'created_datetime',
  ]);
  add('updatedAt', [
    'modification_date', 'modification_time', 'modified_at', 'modified_on', 'modified_date', 'modified_time',
    'update_date', 'update_time', 'updated_date', 'updated_time', 'updated_timestamp', 'updated_on',
    'last_modified', 'last_modified_at', 'last_modified_date', 'last_modified_time', 'last_updated',
    'last_updated_at', 'last_update', 'last_update_time', 'last_update_date', 'date_modified', 'date_updated',
    'time_modified', 'time_updated', 'updated_datetime',
  ]);
  add('deletedAt', [
    'deletion_date', 'deletion_time', 'delete_date', 'delete_time', 'deleted_date', 'deleted_time',
    'deleted_timestamp', 'deleted_on', 'date_deleted', 'time_deleted', 'removed_at', 'removed_on',
  ]);
  return out;
})();

interface Glossary {
  /** normalized phrase (lowercase words joined by spaces) → preferred term */
  readonly terms: ReadonlyMap<string, string>;
  /** Last words of the phrases: a name whose last word is not here cannot match (fast path). */
  readonly lastWords: ReadonlySet<string>;
}

function normalizedWords(name: string): string[] {
  return tokenize(name).words.map((w) => w.text.toLowerCase());
}

/** Compiled glossaries by their options' JSON: each rule run (and rename round) asks, on every keystroke. Bounded. */
const compiledGlossaries = new Map<string, Glossary>();

export function compileGlossary(options: PreferredTermsOptions): Glossary {
  const key = JSON.stringify(options);
  let glossary = compiledGlossaries.get(key);
  if (!glossary) {
    if (compiledGlossaries.size >= 16) compiledGlossaries.clear();
    compiledGlossaries.set(key, (glossary = buildGlossary(options)));
  }
  return glossary;
}

function buildGlossary(options: PreferredTermsOptions): Glossary {
  const terms = new Map<string, string>();
  const lastWords = new Set<string>();
  const addAll = (record: Record<string, string>) => {
    for (const [from, to] of Object.entries(record)) {
      const key = normalizedWords(from).join(' ');
      if (key === '' || key === normalizedWords(to).join(' ') || !hasLetters(to)) continue;
      terms.set(key, to);
      lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
    }
  };
  if (options.useDefaults !== false) addAll(DEFAULT_TERMS);
  addAll(stringRecord(options.terms));
  return { terms, lastWords };
}

/**
 * The glossary match for a name: the longest discouraged phrase that ends the name
 * (`orderCreationDate` matches `creation date`). Returns the name rewritten with the preferred term.
 */
const TIME_WORDS = new Set(['date', 'time', 'timestamp', 'datetime', 'at', 'on']);

export function matchGlossary(
  name: string,
  glossary: Glossary,
  casing: CasingName,
  policy: AcronymPolicy,
): { preferred: string; newName: string } | undefined {
  if (glossary.terms.size === 0) return undefined;
  const parts = tokenize(name);
  const last = parts.words[parts.words.length - 1];
  if (!last || !glossary.lastWords.has(last.text.toLowerCase())) return undefined;
  const words = parts.words.map((w) => w.text);
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 0; i < lower.length; i++) {
    const preferred = glossary.terms.get(lower.slice(i).join(' '));
    if (preferred === undefined) continue;
    // `date_last_updated` → `updated_at`, not `date_updated_at`: a time word before the phrase repeats the term.
    while (i > 0 && TIME_WORDS.has(lower[i - 1]) && TIME_WORDS.has(normalizedWords(preferred).pop() ?? '')) i--;
    const newWords = [...words.slice(0, i), ...tokenize(preferred).words.map((w) => w.text)];
    const newName = parts.prefix + joinWords(newWords, casing, policy) + parts.suffix;
    if (newName === name) return undefined;
    return { preferred, newName };
  }
  return undefined;
}

interface PropertyVerdict {
  kind: 'glossary' | 'casing';
  newName: string;
  message: string;
}

/** What the naming rules say about a property name (glossary first, then casing); undefined if fine. */
function propertyVerdict(
  index: OpenApiIndex,
  name: string,
  casingOptions: PropertyCasingOptions | undefined,
  glossary: Glossary | undefined,
  policy: AcronymPolicy,
): PropertyVerdict | undefined {
  if (isExtensionName(name) || !hasLetters(name) || isDataKey(name)) return undefined;
  const configured = casingOptions?.casing;
  const auto = !isCasingName(configured);
  const casing = auto ? dominantPropertyCasing(index) : configured;
  if (glossary) {
    const m = matchGlossary(name, glossary, casing, policy);
    if (m) {
      return {
        kind: 'glossary',
        newName: m.newName,
        message: `"${name}" uses a discouraged term; the style guide's term is "${m.preferred}": rename it to "${m.newName}".`,
      };
    }
  }
  if (casingOptions) {
    const newName = renameTo(name, casing, policy);
    if (newName) {
      const why = auto ? `${casing}, the document's dominant property casing` : casing;
      return { kind: 'casing', newName, message: `Property "${name}" is not ${why}; rename it to "${newName}".` };
    }
  }
  return undefined;
}

function propertyVerdicts(ctx: Ctx, casingOptions: PropertyCasingOptions | undefined, termOptions: PreferredTermsOptions | undefined) {
  const index = indexDocument(ctx.document, ctx.format);
  const glossary = termOptions ? compileGlossary(termOptions) : undefined;
  const policy = acronymPolicy(ctx);
  const memo = new Map<string, PropertyVerdict | undefined>();
  return (p: PropertyInfo) => {
    if (memo.has(p.name)) return memo.get(p.name);
    const v = propertyVerdict(index, p.name, casingOptions, glossary, policy);
    memo.set(p.name, v);
    return v;
  };
}

function reportPropertyVerdicts(ctx: Ctx, kind: PropertyVerdict['kind'], verdict: (p: PropertyInfo) => PropertyVerdict | undefined) {
  for (const p of indexDocument(ctx.document, ctx.format).properties) {
    if (kind === 'casing' && inUppercaseStandardObject(p)) continue;
    const v = verdict(p);
    if (v?.kind === kind) {
      ctx.report({ pointer: p.pointer, target: 'key', message: v.message, fix: { kind: 'rename', newName: v.newName } });
    }
  }
}

export const propertyCasing: StyleRule<PropertyCasingOptions> = {
  id: 'specgate-property-casing',
  description: 'Property names follow one casing (by default the dominant one of the document).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { casing: 'auto' },
  scope: 'entry',
  check(ctx) {
    const verdict = propertyVerdicts(ctx, ctx.options, otherOptions(ctx, preferredTerms));
    reportPropertyVerdicts(ctx, 'casing', verdict);
  },
};

export const preferredTerms: StyleRule<PreferredTermsOptions> = {
  id: 'specgate-preferred-terms',
  description: 'Property names use the glossary\'s preferred terms (e.g. createdAt, not creationDate).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { terms: {}, useDefaults: true },
  scope: 'entry',
  check(ctx) {
    const verdict = propertyVerdicts(ctx, otherOptions(ctx, propertyCasing), ctx.options);
    reportPropertyVerdicts(ctx, 'glossary', verdict);
  },
};

// ---------------------------------------------------------------------------------------------
// Parameters

export type ParameterCasingOptions = Record<'query' | 'path' | 'header' | 'cookie', 'auto' | CasingName | 'off'>;

const PARAMETER_CASINGS: readonly CasingName[] = ['camelCase', 'snake_case', 'kebab-case', 'PascalCase', 'Train-Case'];
const HEADER_CASINGS: readonly CasingName[] = ['Train-Case', 'kebab-case', 'camelCase', 'snake_case', 'PascalCase'];

/** The casing parameters of one location follow: the configured one, or (`auto`) the document's dominant one there. */
function parameterConvention(ctx: Ctx, options: ParameterCasingOptions, location: string): { casing: CasingName; auto: boolean } | undefined {
  if (!Object.prototype.hasOwnProperty.call(options, location)) return undefined;
  const configured = (options as Record<string, unknown>)[location];
  if (isCasingName(configured)) return { casing: configured, auto: false };
  if (configured !== 'auto') return undefined;
  const candidates = location === 'header' ? HEADER_CASINGS : PARAMETER_CASINGS;
  const votes = tallyVotes(namingTally(indexDocument(ctx.document, ctx.format)), `parameter:${location}`);
  // No name shows a convention (Slack's only header is `token`): there is nothing to be consistent with.
  if (votes.size === 0) return undefined;
  return { casing: dominantCasing(votes, candidates) ?? candidates[0], auto: true };
}

function parameterRename(ctx: Ctx, p: ParameterInfo, options: ParameterCasingOptions, policy: AcronymPolicy) {
  if (p.name === undefined || p.in === undefined || isExtensionName(p.name)) return undefined;
  const convention = parameterConvention(ctx, options, p.in);
  if (!convention) return undefined;
  // `created_on.before`, `filter[name]`: the prefix is a namespace, only the last name is judged.
  const newName = renameLocal(p.name, convention.casing, policy);
  const why = convention.auto ? `${convention.casing}, the document's dominant ${p.in} parameter casing` : convention.casing;
  return newName ? { why, newName } : undefined;
}

export const parameterCasing: StyleRule<ParameterCasingOptions> = {
  id: 'specgate-parameter-casing',
  description: 'Parameter names follow one casing per location (query, path, header, cookie): configured, or the document\'s dominant one.',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { query: 'auto', path: 'auto', header: 'auto', cookie: 'off' },
  scope: 'entry',
  check(ctx) {
    const policy = acronymPolicy(ctx);
    // A path parameter declared by several operations of one path is one name: one finding, on the first.
    const reportedPathParams = new Set<string>();
    for (const p of indexDocument(ctx.document, ctx.format).parameters) {
      const r = parameterRename(ctx, p, ctx.options, policy);
      if (!r) continue;
      if (p.in === 'path' && p.pointer.startsWith('/paths/')) {
        const key = `${p.pointer.split('/')[2]}\u0000${p.name}`;
        if (reportedPathParams.has(key)) continue;
        reportedPathParams.add(key);
      }
      ctx.report({
        pointer: joinPointer(p.pointer, 'name'),
        target: 'value',
        message: `${capitalize(p.in ?? '')} parameter "${p.name}" is not ${r.why}; rename it to "${r.newName}".`,
        fix: { kind: 'rename', newName: r.newName },
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Paths

export type PathSegmentOptions = { segmentCasing: 'auto' | CasingName; pathParameterCasing: CasingName | 'off' };

const SEGMENT_CASINGS: readonly CasingName[] = ['kebab-case', 'snake_case', 'camelCase', 'PascalCase'];
/** Words of literal segments (`custom_fields`, `chat.postMessage` → chat, postMessage, `Calls.json` → Calls, json). */
const SEGMENT_TOKEN = /[\p{L}\p{M}\p{N}_-]+/gu;

function segmentTokens(paths: readonly string[]): string[] {
  return paths.flatMap((path) => path.replace(/\{[^{}]*\}/g, '/').match(SEGMENT_TOKEN) ?? []);
}

/** The corrected path and what was wrong in it. */
export function correctPath(path: string, paramCasing: CasingName | undefined, policy: AcronymPolicy, segmentCasing: CasingName = 'kebab-case') {
  const badSegments: string[] = [];
  const badParams: string[] = [];
  const newPath = path
    .split('/')
    .map((segment) =>
      segment
        .split(/(\{[^{}]*\})/)
        .map((part) => {
          const param = /^\{([^{}]*)\}$/.exec(part);
          if (param) {
            const fixed = paramCasing ? renameTo(param[1], paramCasing, policy) : undefined;
            if (!fixed) return part;
            badParams.push(param[1]);
            return `{${fixed}}`;
          }
          // A token after a dot is a format suffix or a namespaced method (`Calls.json`, `chat.postMessage`): left as written.
          const fixedPart = part.replace(SEGMENT_TOKEN, (token: string, at: number) =>
            part[at - 1] === '.' || isDataKey(token) ? token : renameTo(token, segmentCasing, policy) ?? token,
          );
          if (fixedPart !== part) badSegments.push(part);
          return fixedPart;
        })
        .join(''),
    )
    .join('/');
  return { newPath, badSegments, badParams };
}

export const pathSegmentCasing: StyleRule<PathSegmentOptions> = {
  id: 'specgate-path-segment-casing',
  description: 'Literal path segments follow one casing (by default the dominant one of the document).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { segmentCasing: 'auto', pathParameterCasing: 'camelCase' },
  scope: 'entry',
  check(ctx) {
    // When specgate-parameter-casing judges path parameters it owns them (its fix renames the parameter and
    // the template together): the path is then judged on its literal segments only, so one name gets one finding.
    const parameterOptions = otherOptions(ctx, parameterCasing);
    const parameterOwnsPath = parameterOptions !== undefined && parameterOptions.path !== 'off';
    const paramCasing = !parameterOwnsPath && isCasingName(ctx.options.pathParameterCasing) ? ctx.options.pathParameterCasing : undefined;
    const policy = acronymPolicy(ctx);
    const paths = own(ctx.document, 'paths');
    if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) return;
    const templates = pathTemplates(ctx.document);
    const { casing: segmentCasing, auto } = isCasingName(ctx.options.segmentCasing)
      ? { casing: ctx.options.segmentCasing, auto: false }
      : nameConvention(ctx, 'pathSegment', undefined, SEGMENT_CASINGS);
    const why = auto ? `${segmentCasing}, the document's dominant path segment casing` : segmentCasing;
    for (const path of templates) {
      const { newPath, badSegments, badParams } = correctPath(path, paramCasing, policy, segmentCasing);
      if (newPath === path) continue;
      const problems: string[] = [];
      const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);
      if (badSegments.length) {
        const n = badSegments.length;
        problems.push(`${plural(n, 'segment', 'segments')} ${quoteList(badSegments)} ${plural(n, 'is', 'are')} not ${why}`);
      }
      if (badParams.length) {
        const n = badParams.length;
        problems.push(`${plural(n, 'parameter', 'parameters')} ${quoteList(badParams.map((p) => `{${p}}`))} ${plural(n, 'is', 'are')} not ${paramCasing}`);
      }
      ctx.report({
        pointer: joinPointer('/paths', path),
        target: 'key',
        message: `Path ${problems.join(' and path ')}; rename the path to "${newPath}".`,
        fix: { kind: 'rename', newName: newPath },
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Operation ids

/** Path templates: the keys of `paths` but extensions. */
function pathTemplates(root: unknown): string[] {
  const paths = own(root, 'paths');
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) return [];
  return Object.keys(paths).filter((p) => !isExtensionName(p));
}

function operationIds(ctx: Ctx) {
  return operationIdsOf(indexDocument(ctx.document, ctx.format));
}

function operationIdsOf(index: OpenApiIndex) {
  const out: Array<{ id: string; pointer: string; label: string }> = [];
  for (const op of index.operations) {
    const id = ownString(op.operation, 'operationId');
    if (id === undefined) continue;
    const label = op.kind === 'path' ? operationLabel(op.method, op.path) : `${op.kind} ${operationLabel(op.method, op.path)}`;
    out.push({ id, pointer: joinPointer(op.pointer, 'operationId'), label });
  }
  return out;
}

export type NameCasingOptions = { casing: 'auto' | CasingName };

/**
 * A namespaced name (`repos/list-for-org`, `io.k8s.api.core.v1.Pod`, `put_folders_id#add_shared_link`): the
 * namespace is left as written and only the last segment is judged.
 */
function splitNamespace(name: string): { namespace: string; local: string } {
  // A doubled separator joins a name and its variant (`File--Mini`, `DocumentImage__CroppedBack`) like a namespace.
  const m = /^(.*(?:[/.:#]|--|__))([^/.:#]*)$/su.exec(name);
  return m ? { namespace: m[1], local: m[2] } : { namespace: '', local: name };
}

/** The casing names of one kind should follow: the configured one, or the document's dominant one. */
function nameConvention(
  ctx: Ctx,
  kind: 'operationId' | 'schemaName' | 'pathSegment',
  options: NameCasingOptions | undefined,
  candidates: readonly CasingName[],
): { casing: CasingName; auto: boolean } {
  if (isCasingName(options?.casing)) return { casing: options!.casing as CasingName, auto: false };
  const votes = tallyVotes(namingTally(indexDocument(ctx.document, ctx.format)), kind);
  return { casing: dominantCasing(votes, candidates) ?? candidates[0], auto: true };
}

/** A name's vote: `PageSize` fits PascalCase and Train-Case alike, and votes for whichever the candidates list first. */
function conventionVote(name: string, candidates: readonly CasingName[]): CasingName | undefined {
  const found = detectCasings(name, candidates);
  if (found.length === 2 && found.includes('PascalCase') && found.includes('Train-Case')) return found[0];
  return distinctCasing(name, candidates);
}

/** The new name of a namespaced name whose last segment is not in `casing`, or undefined when it is fine. */
function renameLocal(name: string, casing: CasingName, policy: AcronymPolicy): string | undefined {
  const { namespace, local } = splitNamespace(name);
  const fixed = renameTo(local, casing, policy);
  return fixed === undefined ? undefined : namespace + fixed;
}

export const OPERATION_ID_CASINGS: readonly CasingName[] = ['camelCase', 'snake_case', 'kebab-case', 'PascalCase'];
export const SCHEMA_NAME_CASINGS: readonly CasingName[] = ['PascalCase', 'camelCase', 'snake_case', 'kebab-case'];

function operationIdRenamer(ctx: Ctx, options: NameCasingOptions | undefined) {
  const ids = operationIds(ctx);
  const { casing, auto } = nameConvention(ctx, 'operationId', options, OPERATION_ID_CASINGS);
  const policy = acronymPolicy(ctx);
  const why = auto ? `${casing}, the document's dominant operationId casing` : casing;
  return { ids, why, rename: (id: string) => renameLocal(id, casing, policy) };
}

function schemaNameRenamer(ctx: Ctx, options: NameCasingOptions | undefined) {
  const names = indexDocument(ctx.document, ctx.format).schemaNames;
  const { casing, auto } = nameConvention(ctx, 'schemaName', options, SCHEMA_NAME_CASINGS);
  const policy = acronymPolicy(ctx);
  const why = auto ? `${casing}, the document's dominant schema name casing` : casing;
  return { names, why, rename: (name: string) => renameLocal(name, casing, policy) };
}

export const operationIdCasing: StyleRule<NameCasingOptions> = {
  id: 'specgate-operation-id-casing',
  description: 'operationId values follow one casing (by default the dominant one of the document).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { casing: 'auto' },
  scope: 'entry',
  check(ctx) {
    const { ids, why, rename } = operationIdRenamer(ctx, ctx.options);
    for (const { id, pointer } of ids) {
      const newName = rename(id);
      if (!newName) continue;
      ctx.report({
        pointer,
        target: 'value',
        message: `operationId "${id}" is not ${why}; rename it to "${newName}".`,
        fix: { kind: 'rename', newName },
      });
    }
  },
};

export const operationIdUnique: StyleRule<Record<string, never>> = {
  id: 'specgate-operation-id-unique',
  description: 'operationId values are unique across the document.',
  defaultSeverity: 'error',
  formats: OAS_FORMATS,
  defaultOptions: {},
  // Which operation is reported depends on every other operation's id.
  scope: 'document',
  check(ctx) {
    const first = new Map<string, string>();
    for (const { id, pointer, label } of operationIds(ctx)) {
      const owner = first.get(id);
      if (owner === undefined) {
        first.set(id, label);
        continue;
      }
      ctx.report({ pointer, target: 'value', message: `operationId "${id}" is not unique: ${owner} already uses it.` });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Schema names

export const schemaNameCasing: StyleRule<NameCasingOptions> = {
  id: 'specgate-schema-name-casing',
  description: 'Component schema names (Swagger 2.0 definitions) follow one casing (by default the dominant one of the document).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { casing: 'auto' },
  scope: 'entry',
  check(ctx) {
    const { names, why, rename } = schemaNameRenamer(ctx, ctx.options);
    for (const { name, pointer } of names) {
      const newName = rename(name);
      if (!newName) continue;
      ctx.report({
        pointer,
        target: 'key',
        message: `Schema name "${name}" is not ${why}; rename it to "${newName}".`,
        fix: { kind: 'rename', newName },
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Enum values

export type EnumCasingOptions = { casing: 'auto' | CasingName };
export const ENUM_CASINGS: readonly CasingName[] = ['UPPER_SNAKE_CASE', 'camelCase', 'snake_case', 'kebab-case', 'PascalCase'];
const ENUM_VALUE = /^\p{L}[\p{L}\p{M}\p{N}_-]*$/u;

/** BCP 47 language tags (`en-AU`, `zh-Hant-TW`, `es-419`): their casing is part of the standard. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))$/u;

/**
 * A value that is a standard identifier or a wire constant, not a name in a casing: language tags,
 * composite constants (`reactions--1`, `reactions-thinking_face`: a doubled or second kind of separator),
 * model numbers (`verifone_P400`, `EST5EDT`: capitals with digits), brand names written in mixed case
 * with capitals in a row and no separators (`openSUSE`, `CentOS`).
 */
export function isWireConstant(value: string): boolean {
  if (LANGUAGE_TAG.test(value)) return true;
  if (/[-_]{2}/u.test(value) || (value.includes('-') && value.includes('_'))) return true;
  if (tokenize(value).words.some((w) => /\p{Lu}/u.test(w.text) && /\p{N}/u.test(w.text))) return true;
  return !/[-_]/u.test(value) && /\p{Ll}/u.test(value) && /\p{Lu}{2}/u.test(value);
}

/**
 * The casing an enum follows: the casing most of its values satisfy (a lone lowercase word satisfies
 * camelCase, snake_case and kebab-case at once, so `[NEW, available, pending]` follows the lowercase ones).
 * Undefined when no casing is satisfied by more than half of the values.
 */
function enumConvention(values: readonly string[]): CasingName | undefined {
  let best: CasingName | undefined;
  let bestCount = 0;
  // `ACTIVE` fits PascalCase's pattern too, but it is written in capitals: it only counts for UPPER_SNAKE_CASE.
  const fits = (v: string, c: CasingName) => matchesCasing(v, c) && (c === 'UPPER_SNAKE_CASE' || !/^[\p{Lu}\p{N}]{2,}$/u.test(v));
  for (const casing of ENUM_CASINGS) {
    const n = values.filter((v) => fits(v, casing)).length;
    if (n > bestCount) {
      best = casing;
      bestCount = n;
    }
  }
  return bestCount * 2 > values.length ? best : undefined;
}

export const enumCasing: StyleRule<EnumCasingOptions> = {
  id: 'specgate-enum-casing',
  description: 'String enum values use one casing (by default the one most values of each enum use).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { casing: 'auto' },
  scope: 'entry',
  check(ctx) {
    const policy = acronymPolicy(ctx);
    const fixed = isCasingName(ctx.options.casing) ? ctx.options.casing : undefined;
    for (const { schema, pointer } of indexDocument(ctx.document, ctx.format).schemas) {
      const list = own(schema, 'enum');
      if (!Array.isArray(list)) continue;
      const strings = list.filter((v): v is string => typeof v === 'string');
      // A list of identifiers (`America/New_York`, `1.0`, `image/png`) is data, and so is every value in it.
      if (strings.length === 0 || strings.some((v) => !ENUM_VALUE.test(v))) continue;
      // The same value in two casings (`[asc, desc, ASC, DESC]`): the API accepts both on purpose.
      if (new Set(strings.map((v) => v.toLowerCase())).size < strings.length) continue;
      const judged = strings.filter((v) => !isWireConstant(v));
      const casing = fixed ?? enumConvention(judged);
      if (!casing) continue;
      const why = fixed ? casing : `${casing}, like most values of this enum`;
      list.forEach((value, index) => {
        if (typeof value !== 'string' || isWireConstant(value)) return;
        const newName = renameTo(value, casing, policy);
        if (!newName) return;
        ctx.report({
          pointer: joinPointer(pointer, 'enum', index),
          target: 'value',
          message: `Enum value "${value}" is not ${why}; use "${newName}".`,
          fix: { kind: 'rename', newName },
        });
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Acronyms

interface NamedNode {
  name: string;
  pointer: string;
  target: 'key' | 'value';
}

/** Names the acronym rule looks at, minus those another naming rule already reports. */
function acronymCandidates(ctx: Ctx): NamedNode[] {
  const index = indexDocument(ctx.document, ctx.format);
  const policy = acronymPolicy(ctx);
  const out: NamedNode[] = [];
  const verdict = propertyVerdicts(ctx, otherOptions(ctx, propertyCasing), otherOptions(ctx, preferredTerms));
  for (const p of index.properties) {
    if (!isExtensionName(p.name) && !isDataKey(p.name) && !verdict(p)) out.push({ name: p.name, pointer: p.pointer, target: 'key' });
  }
  const paramOptions = otherOptions(ctx, parameterCasing);
  for (const p of index.parameters) {
    if (p.name === undefined || p.in === 'header' || p.in === 'body') continue;
    if (paramOptions && parameterRename(ctx, p, paramOptions, policy)) continue;
    out.push({ name: p.name, pointer: joinPointer(p.pointer, 'name'), target: 'value' });
  }
  const opIdOptions = otherOptions(ctx, operationIdCasing);
  const opIdRename = opIdOptions ? operationIdRenamer(ctx, opIdOptions).rename : () => undefined;
  for (const { id, pointer } of operationIds(ctx)) {
    if (opIdRename(id)) continue;
    out.push({ name: id, pointer, target: 'value' });
  }
  const schemaOptions = otherOptions(ctx, schemaNameCasing);
  const schemaRename = schemaOptions ? schemaNameRenamer(ctx, schemaOptions).rename : () => undefined;
  for (const { name, pointer } of index.schemaNames) {
    if (schemaRename(name)) continue;
    out.push({ name, pointer, target: 'key' });
  }
  return out;
}

function replaceWords(name: string, replace: (word: string, index: number) => string): { newName: string; changed: string[] } {
  const { words } = tokenize(name);
  let newName = '';
  let last = 0;
  const changed: string[] = [];
  words.forEach((w, i) => {
    const r = replace(w.text, i);
    if (r !== w.text) changed.push(w.text);
    newName += name.slice(last, w.start) + r;
    last = w.end;
  });
  return { newName: newName + name.slice(last), changed };
}

export const acronymCasing: StyleRule<AcronymOptions> = {
  id: 'specgate-acronym-casing',
  description: 'Each acronym is written one way across the document (or, configured, as a word: userId, not userID).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { style: 'auto', allow: [] },
  scope: 'entry',
  check(ctx) {
    const nodes = acronymCandidates(ctx);
    if (ctx.options.style !== 'capitalize-first-only') {
      checkAcronymConsistency(ctx, nodes);
      return;
    }
    const allow = new Set(stringArray(ctx.options.allow));
    for (const node of nodes) {
      const { newName, changed } = replaceWords(node.name, (w) =>
        isShoutedWord(w) && !allow.has(acronymStem(w)) ? capitalize(w) : w,
      );
      if (changed.length === 0) continue;
      ctx.report({
        pointer: node.pointer,
        target: node.target,
        message: `"${node.name}" writes the ${changed.length > 1 ? 'acronyms' : 'acronym'} ${quoteList(changed)} in capitals; write ${changed.length > 1 ? 'them as words' : 'it as a word'}: "${newName}".`,
        fix: { kind: 'rename', newName },
      });
    }
  },
};

/** A word's acronym form: a lowercase first word (`user`) is neither, so camelCase names only vote with later words. */
function acronymForm(w: string): 'upper' | 'word' | undefined {
  if (isShoutedWord(w)) return 'upper';
  return w.length >= 2 && w === capitalize(w) ? 'word' : undefined;
}

/**
 * How often each acronym is written in capitals and as a word (`id\0upper` → 12) over the names the acronym
 * rule judges. Memoized on the index per naming configuration (the candidates depend on the other rules' options).
 */
export function acronymTally(ctx: Ctx, candidates?: NamedNode[]): Tally {
  const key = acronymTallyKey(ctx);
  const memo = indexDocument(ctx.document, ctx.format).memo.get(key) as Tally | undefined;
  if (memo) return memo;
  const tally: Tally = new Map();
  for (const n of candidates ?? acronymCandidates(ctx)) {
    for (const w of tokenize(n.name).words) vote(tally, acronymStem(w.text).toLowerCase(), acronymForm(w.text));
  }
  indexDocument(ctx.document, ctx.format).memo.set(key, tally);
  return tally;
}

/** Decide acronyms by `tally` instead of this document's names (a part of a document judged as the whole). */
export function useAcronymTally(ctx: Ctx, tally: Tally): void {
  indexDocument(ctx.document, ctx.format).memo.set(acronymTallyKey(ctx), tally);
}

function acronymTallyKey(ctx: Ctx): string {
  const related = [propertyCasing, preferredTerms, parameterCasing, operationIdCasing, schemaNameCasing, acronymCasing];
  return `tally:acronym:${JSON.stringify(related.map((r) => otherOptions(ctx, r as StyleRule<unknown>) ?? null))}`;
}

/** The form an acronym is written in where the document disagrees with itself (undefined: no disagreement). */
export function acronymMajority(tally: Tally, stem: string): 'upper' | 'word' | undefined {
  const upper = tally.get(`${stem}\u0000upper`) ?? 0;
  const word = tally.get(`${stem}\u0000word`) ?? 0;
  if (upper === 0 || word === 0) return undefined;
  return upper >= word ? 'upper' : 'word';
}

/** `allow-uppercase`: capitals are fine, but each acronym is written one way across the document. */
function checkAcronymConsistency(ctx: Ctx, nodes: NamedNode[]) {
  const tally = acronymTally(ctx, nodes);
  for (const n of nodes) {
    const { newName, changed } = replaceWords(n.name, (w) => {
      const kind = acronymForm(w);
      const majority = kind && acronymMajority(tally, acronymStem(w).toLowerCase());
      if (!majority || kind === majority) return w;
      return majority === 'upper' ? acronymStem(w).toUpperCase() + w.slice(acronymStem(w).length) : capitalize(w);
    });
    if (changed.length === 0) continue;
    ctx.report({
      pointer: n.pointer,
      target: n.target,
      message: `"${n.name}" writes ${quoteList(changed)} differently from the rest of the document; rename it to "${newName}".`,
      fix: { kind: 'rename', newName },
    });
  }
}
