/**
 * The style guide across versions of one document: an edit re-runs the `entry` rules (types.ts
 * `RuleScope`) only on the entries it changed plus the rest of the document, and reuses the previous
 * findings of every other entry; `document` rules run on the whole document. The result equals a
 * from-scratch `runStyleRules`, order included: entry rules' findings are always listed entry by entry
 * (document order), then the rest's.
 *
 * What the reuse relies on: (1) identity says what changed (the incremental parse shares untouched
 * values, and nothing mutates them); (2) the value is a tree (no YAML alias: the caller checks);
 * (3) an entry rule's finding depends on its entry, the rest and the naming tallies only. The
 * tallies (document-wide casing and acronym votes, rules/naming.ts) are updated by subtracting the
 * changed entries' old votes and adding their new ones; when a convention they decide changes,
 * every entry may change, and everything runs again.
 *
 * The rename check (fixCheck.ts) re-runs the rules on renamed copies; those go through the same
 * memo (one slot per round), and each part's renamed copy is kept while its renames stay the same,
 * so an unchanged entry is the same object in the next version's renamed copy too.
 */
import { buildIndex, isObj, rememberIndex, type OpenApiIndex } from '../openapi';
import { assembleDocument, changedRest, documentParts, ENTRIES, PartIndexCache, partsIndex, type DocumentParts, type Entry } from '../openapi/documentParts';
import { acronymCasing, acronymMajority, acronymTally, namingDecisions, namingTally, useAcronymTally, useNamingTally, type Tally } from './rules/naming';
import { applyRenames, type Rename } from './fixCheck';
import type { ResolvedRule, StyleFinding, StyleRuleError } from './registry';
import type { RuleContext, SpecFormat } from './types';
import type { JsonPointer } from '../jsonPointer';

/**
 * The rest members whose content an entry rule's findings inside an entry may depend on (besides the
 * tallies): the root's security requirements and the security schemes (types.ts `RuleScope`).
 * An edit to any of them runs every rule again; an edit elsewhere in the rest (`info`, `tags`,
 * `components.parameters`...) re-runs the rest with the changed entries only.
 */
const READ_BY_ENTRY_RULES = new Set(['/security', '/components/securitySchemes', '/securityDefinitions']);

/** Findings of each rule (aligned with the rules run), as `runRules` returns them. */
type PerRule = StyleFinding[][];

/** Run `rules` on `document`: each rule's findings; a rule that throws has none and is named in `errors`. */
export function runRules(
  document: unknown,
  format: SpecFormat,
  rules: readonly ResolvedRule[],
  all: readonly ResolvedRule[],
  errors?: StyleRuleError[],
  crossVersion?: (ruleId: string) => WeakMap<object, unknown>,
): PerRule {
  return rules.map((resolved) => {
    const own: StyleFinding[] = [];
    try {
      resolved.rule.check({ ...contextOf(document, format, resolved, all), report: (f) => own.push({ ...f, ruleId: resolved.rule.id, severity: resolved.severity }), crossVersion: crossVersion?.(resolved.rule.id) });
      return own;
    } catch (error) {
      errors?.push({ ruleId: resolved.rule.id, error });
      return [];
    }
  });
}

function contextOf(document: unknown, format: SpecFormat, resolved: ResolvedRule, all: readonly ResolvedRule[]): RuleContext<unknown> {
  return {
    document,
    format,
    options: resolved.options,
    report: () => undefined,
    optionsOf: (id) => all.find((r) => r.rule.id === id)?.options,
  };
}

/** Entry rules' findings split by entry (`/paths/{p}`, schema entries) and by rest member (`''`: none). */
interface Buckets {
  byEntry: Map<JsonPointer, { value: unknown; perRule: PerRule }>;
  rest: Map<JsonPointer, PerRule>;
}

function bucket(parts: DocumentParts, perRule: PerRule, isEntryRule: readonly boolean[], only?: ReadonlySet<JsonPointer>): Buckets {
  const byEntry = new Map<JsonPointer, { value: unknown; perRule: PerRule }>();
  const valueOf = new Map(parts.entries.map((e) => [e.pointer, e.value]));
  for (const e of parts.entries) if (!only || only.has(e.pointer)) byEntry.set(e.pointer, { value: e.value, perRule: perRule.map(() => []) });
  const rest = new Map<JsonPointer, PerRule>();
  const members = new Set(parts.rest.map((m) => m.pointer));
  perRule.forEach((findings, k) => {
    if (!isEntryRule[k]) return;
    for (const f of findings) {
      const entry = entryPointerOf(f.pointer, parts);
      let target = entry !== undefined && valueOf.has(entry) ? byEntry.get(entry)?.perRule : undefined;
      if (!target) {
        const member = [prefix(f.pointer, 2), prefix(f.pointer, 1), f.pointer].find((p) => p !== undefined && members.has(p)) ?? '';
        target = rest.get(member);
        if (!target) rest.set(member, (target = perRule.map(() => [])));
      }
      target[k].push(f);
    }
  });
  return { byEntry, rest };
}

/** The pointer of the entry a pointer lies in (or is), if any. */
function entryPointerOf(pointer: JsonPointer, parts: DocumentParts): JsonPointer | undefined {
  const base = pointer.startsWith('/paths/') ? 7 : pointer.startsWith(parts.schemasUnder === 'components' ? '/components/schemas/' : '/definitions/') ? (parts.schemasUnder === 'components' ? 20 : 13) : -1;
  if (base < 0) return undefined;
  const end = pointer.indexOf('/', base);
  return end < 0 ? pointer : pointer.slice(0, end);
}

/**
 * Rule by rule: a document rule's findings as found; an entry rule's part by part in document order (each
 * rest member and each entry in its place), then those outside every part.
 */
function ordered(parts: DocumentParts, buckets: Buckets, perRule: PerRule, isEntryRule: readonly boolean[]): StyleFinding[] {
  const groups: PerRule[] = [];
  for (const m of parts.rest) {
    const bucketOf = buckets.rest.get(m.pointer);
    if (bucketOf) groups.push(bucketOf);
    if (m.value !== ENTRIES) continue;
    const group = m.pointer === '/paths' ? 'paths' : m.pointer === '/components' ? undefined : 'schemas';
    if (group) for (const e of parts.entries) if (e.group === group) groups.push(buckets.byEntry.get(e.pointer)!.perRule);
  }
  const outside = buckets.rest.get('');
  if (outside) groups.push(outside);
  const out: StyleFinding[] = [];
  perRule.forEach((findings, k) => {
    if (!isEntryRule[k]) {
      for (const f of findings) out.push(f);
      return;
    }
    for (const group of groups) for (const f of group[k]) out.push(f);
  });
  return out;
}

/** One run of the rules on a whole document, findings in the order the memo reproduces (no memo involved). */
export function runRulesInEntryOrder(document: unknown, format: SpecFormat, rules: readonly ResolvedRule[], all: readonly ResolvedRule[], errors?: StyleRuleError[]): StyleFinding[] {
  const perRule = runRules(document, format, rules, all, errors);
  const parts = documentParts(document, format);
  if (!parts) return perRule.flat();
  const isEntryRule = rules.map((r) => r.rule.scope === 'entry');
  return ordered(parts, bucket(parts, perRule, isEntryRule), perRule, isEntryRule);
}

interface Slot {
  configKey: string;
  parts: DocumentParts;
  naming: Tally;
  acronym?: Tally;
  buckets: Buckets;
}

/** Which path a `run` took: only the changed entries, everything, or no memo (a shape it cannot cut). */
export type MemoOutcome = 'incremental' | 'full' | 'unsupported';

const outcomeOfDocument = new WeakMap<object, MemoOutcome>();

/** The path the style guide took on this document value through a memo, if it went through one (tests read it). */
export function styleRunOf(document: object): MemoOutcome | undefined {
  return outcomeOfDocument.get(document);
}

/**
 * The style guide's memory of the previous version of one document (owned by the caller, one per open
 * document, dropped on close). Use it only for a value that is a tree: no object reached twice.
 */
export class StyleMemo {
  private readonly slots = new Map<string, Slot>();
  private readonly indexes = new PartIndexCache();
  private readonly ruleCaches = new Map<string, WeakMap<object, unknown>>();
  private readonly renamedCopies = new Map<string, WeakMap<object, { sig: string; copy: unknown }>>();
  /** The path each slot's last run took. */
  readonly outcomes = new Map<string, MemoOutcome>();

  /** As `run`, recording the path taken for `styleRunOf`. */
  runDocument(document: unknown, format: SpecFormat, rules: readonly ResolvedRule[], all: readonly ResolvedRule[], errors?: StyleRuleError[]): StyleFinding[] {
    const findings = this.run('document', document, format, rules, all, errors);
    if (isObj(document)) outcomeOfDocument.set(document, this.outcomes.get('document')!);
    return findings;
  }

  /** The rules' findings on `document` (same as `runRulesInEntryOrder`), reusing what slot `slot` saw last. */
  run(slot: string, document: unknown, format: SpecFormat, rules: readonly ResolvedRule[], all: readonly ResolvedRule[], errors?: StyleRuleError[]): StyleFinding[] {
    const parts = documentParts(document, format);
    if (!parts) {
      this.slots.delete(slot);
      this.outcomes.set(slot, 'unsupported');
      return runRules(document, format, rules, all, errors).flat();
    }
    const index = partsIndex(parts, this.indexes);
    rememberIndex(parts.root, index);
    const configKey = JSON.stringify([format, all.map((r) => [r.rule.id, r.severity, r.options])]);
    const prev = this.slots.get(slot);
    const isEntryRule = rules.map((r) => r.rule.scope === 'entry');
    const rest = prev && prev.configKey === configKey ? changedRest(prev.parts, parts) : undefined;
    if (prev && rest && ![...rest].some((p) => READ_BY_ENTRY_RULES.has(p))) {
      const result = this.incremental(slot, prev, parts, rest, index, rules, all, isEntryRule, errors);
      if (result) {
        this.outcomes.set(slot, 'incremental');
        return result;
      }
    }
    this.outcomes.set(slot, 'full');
    const entryErrors: StyleRuleError[] = [];
    const perRule = runRules(document, format, rules, all, entryErrors, (id) => this.ruleCache(id));
    errors?.push(...entryErrors);
    const buckets = bucket(parts, perRule, isEntryRule);
    if (entryErrors.some((e) => rules.find((r) => r.rule.id === e.ruleId)?.rule.scope === 'entry')) this.slots.delete(slot);
    else this.slots.set(slot, { configKey, parts, naming: namingTally(index), acronym: this.acronymTally(document, format, all), buckets });
    return ordered(parts, buckets, perRule, isEntryRule);
  }

  /** `applyRenames` part by part: a part whose renames are the same as last time keeps its renamed copy. */
  applyRenames(slot: string, document: unknown, format: SpecFormat, renames: readonly Rename[]): unknown {
    const parts = documentParts(document, format);
    if (!parts) return applyRenames(document, renames);
    const units = new Map<JsonPointer, unknown>();
    for (const m of parts.rest) if (m.value !== ENTRIES && isObj(m.value)) units.set(m.pointer, m.value);
    for (const e of parts.entries) if (isObj(e.value)) units.set(e.pointer, e.value);
    const byUnit = new Map<JsonPointer, Rename[]>();
    const skeleton: Rename[] = [];
    for (const r of renames) {
      const unit = unitOf(r.finding.pointer, parts, units);
      if (unit === undefined) skeleton.push(r);
      else byUnit.set(unit, [...(byUnit.get(unit) ?? []), r]);
    }
    let cache = this.renamedCopies.get(slot);
    if (!cache) this.renamedCopies.set(slot, (cache = new WeakMap()));
    const copies = new Map<JsonPointer, unknown>();
    for (const [unit, list] of byUnit) {
      const value = units.get(unit) as object;
      const sig = JSON.stringify(list.map((r) => [r.finding.pointer, r.finding.target, r.newName]));
      const hit = cache.get(value);
      if (hit && hit.sig === sig) {
        copies.set(unit, hit.copy);
        continue;
      }
      const relative = list.map((r) => ({ ...r, finding: { ...r.finding, pointer: r.finding.pointer.slice(unit.length) } }));
      const copy = applyRenames(value, relative);
      cache.set(value, { sig, copy });
      copies.set(unit, copy);
    }
    const root = assembleDocument(parts, () => true, true, (pointer, v) => (copies.has(pointer) ? copies.get(pointer) : v));
    return skeleton.length > 0 ? applyRenames(root, skeleton) : root;
  }

  private incremental(
    slot: string,
    prev: Slot,
    parts: DocumentParts,
    rest: ReadonlySet<JsonPointer>,
    index: OpenApiIndex,
    rules: readonly ResolvedRule[],
    all: readonly ResolvedRule[],
    isEntryRule: readonly boolean[],
    errors?: StyleRuleError[],
  ): StyleFinding[] | undefined {
    const format = parts.format;
    const current = new Map(parts.entries.map((e) => [e.pointer, e.value]));
    const changed = new Set(parts.entries.filter((e) => prev.buckets.byEntry.get(e.pointer)?.value !== e.value || !prev.buckets.byEntry.has(e.pointer)));
    const gone = new Set(prev.parts.entries.filter((e) => !current.has(e.pointer) || current.get(e.pointer) !== e.value));
    if (changed.size > parts.entries.length / 2) return undefined;
    // The tallies without the old entries and rest members, with the new ones; a convention they decide must not move.
    const before = this.changedOnly(prev.parts, gone, rest);
    const after = this.changedOnly(parts, changed, rest);
    const naming = sumTallies(prev.naming, namingTally(before.index), namingTally(after.index));
    if (namingDecisions(naming) !== namingDecisions(prev.naming)) return undefined;
    let acronym: Tally | undefined;
    if (prev.acronym) {
      useNamingTally(before.index, naming);
      useNamingTally(after.index, naming);
      const removed = this.acronymTally(before.doc, format, all)!;
      const added = this.acronymTally(after.doc, format, all)!;
      acronym = sumTallies(prev.acronym, removed, added);
      for (const key of [...removed.keys(), ...added.keys()]) {
        const stem = key.slice(0, key.indexOf('\u0000'));
        if (acronymMajority(acronym, stem) !== acronymMajority(prev.acronym, stem)) return undefined;
      }
    }
    // The entry rules on the changed entries plus the rest, deciding by the whole document's tallies.
    const partial = assembleDocument(parts, (e) => changed.has(e));
    const partialParts = documentParts(partial, format)!;
    const partialIndex = partsIndex(partialParts, this.indexes);
    rememberIndex(partial, partialIndex);
    useNamingTally(partialIndex, naming);
    useNamingTally(index, naming);
    const acronymRule = all.find((r) => r.rule === acronymCasing);
    if (acronym && acronymRule) {
      useAcronymTally(contextOf(partial, format, acronymRule, all), acronym);
      useAcronymTally(contextOf(parts.root, format, acronymRule, all), acronym);
    }
    const entryErrors: StyleRuleError[] = [];
    const entryRules = rules.map((r, k) => (isEntryRule[k] ? r : undefined));
    const partialFindings = runRules(partial, format, entryRules.filter((r): r is ResolvedRule => r !== undefined), all, entryErrors, (id) => this.ruleCache(id));
    if (entryErrors.length > 0) return undefined;
    const documentFindings = runRules(parts.root, format, rules.filter((_, k) => !isEntryRule[k]), all, errors, (id) => this.ruleCache(id));
    // Back to one list per rule, aligned with `rules`.
    const perRule: PerRule = [];
    let e = 0;
    let d = 0;
    rules.forEach((_, k) => perRule.push(isEntryRule[k] ? partialFindings[e++] : documentFindings[d++]));
    const fresh = bucket(parts, perRule, isEntryRule, new Set([...changed].map((c) => c.pointer)));
    const byEntry = new Map<JsonPointer, { value: unknown; perRule: PerRule }>();
    for (const entry of parts.entries) byEntry.set(entry.pointer, fresh.byEntry.get(entry.pointer) ?? prev.buckets.byEntry.get(entry.pointer)!);
    const buckets = { byEntry, rest: fresh.rest };
    this.slots.set(slot, { configKey: prev.configKey, parts, naming, acronym, buckets });
    return ordered(parts, buckets, perRule, isEntryRule);
  }

  /** A document of some entries and rest members only, with its index. */
  private changedOnly(parts: DocumentParts, entries: ReadonlySet<Entry>, rest: ReadonlySet<JsonPointer>) {
    const doc = assembleDocument(parts, (e) => entries.has(e), (pointer) => rest.has(pointer));
    const index = buildIndex(doc, parts.format);
    rememberIndex(doc, index);
    return { doc, index };
  }

  /** The acronym tally, when the acronym rule decides by one (its `auto` and `allow-uppercase` styles). */
  private acronymTally(document: unknown, format: SpecFormat, all: readonly ResolvedRule[]): Tally | undefined {
    const resolved = all.find((r) => r.rule === acronymCasing);
    if (!resolved || !resolved.rule.formats.includes(format) || resolved.options.style === 'capitalize-first-only') return undefined;
    return acronymTally(contextOf(document, format, resolved, all));
  }

  private ruleCache(ruleId: string): WeakMap<object, unknown> {
    let cache = this.ruleCaches.get(ruleId);
    if (!cache) this.ruleCaches.set(ruleId, (cache = new WeakMap()));
    return cache;
  }
}

/** The part a renamed pointer lies strictly inside (an entry or a rest member holding an object), if any. */
function unitOf(pointer: JsonPointer, parts: DocumentParts, units: ReadonlyMap<JsonPointer, unknown>): JsonPointer | undefined {
  const entry = entryPointerOf(pointer, parts);
  const candidates = entry !== undefined ? [entry] : [prefix(pointer, 2), prefix(pointer, 1)];
  return candidates.find((c) => c !== undefined && c !== pointer && units.has(c) && pointer.startsWith(c + '/'));
}

/** The pointer of the first `n` segments, if the pointer has more. */
function prefix(pointer: JsonPointer, n: number): JsonPointer | undefined {
  let at = 0;
  for (let i = 0; i < n; i++) {
    at = pointer.indexOf('/', at + 1);
    if (at < 0) return undefined;
  }
  return pointer.slice(0, at);
}

/** `base - minus + plus`, zero counts dropped. */
function sumTallies(base: Tally, minus: Tally, plus: Tally): Tally {
  const out = new Map(base);
  for (const [k, n] of minus) out.set(k, (out.get(k) ?? 0) - n);
  for (const [k, n] of plus) out.set(k, (out.get(k) ?? 0) + n);
  for (const [k, n] of out) if (n === 0) out.delete(k);
  return out;
}
