/**
 * Structural comparison of two schemas, independent of where they are used.
 * Results are memoised per (base schema object, revision schema object) and form
 * a graph (shared components, cycles) that checks/schema.ts instantiates per
 * operation and direction. allOf is flattened, so moving properties into a
 * component referenced through allOf is not a change.
 */
import { childOf as child, deref, isObject, type Located } from '../refs';
import { plain, show } from './show';
import { Pairing } from './pairing';
import type { Side } from './types';

export { show };

export interface SchemaRecord {
  /** A kind from schemaKinds.ts, or a property-level kind (`property-added`, `became-read-only`…). */
  kind: string;
  side: Side;
  uri: string;
  pointer: string;
  text: string;
  before?: unknown;
  after?: unknown;
  /** Property-level records: the property's name, requiredness and access flags. */
  property?: string;
  required?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
}

export interface SchemaLink {
  /** Path segment in messages: a property name, `items`, `oneOf[Dog]`, `*`. */
  name: string;
  diff: SchemaDiff;
  readOnly: boolean;
  writeOnly: boolean;
}

export interface SchemaDiff {
  records: SchemaRecord[];
  links: SchemaLink[];
}

interface View {
  at: Located;
  kw: Map<string, Located>;
  /** Every declaration of each property, across allOf members: all of them apply. */
  props: Map<string, Located[]>;
  required: Map<string, Located>;
  /** `oneOf`/`anyOf: [{type: 'null'}, X]`: the view is X's, made nullable; this is the wrapping list. */
  nullWrap?: Located;
}

const EMPTY: SchemaDiff = Object.freeze({ records: [], links: [] }) as SchemaDiff;

const same = (a: unknown, b: unknown): boolean => a === b || stableJson(a) === stableJson(b);

export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(stableJson).join(',') + ']';
  if (isObject(v)) return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + stableJson(v[k])).join(',') + '}';
  return JSON.stringify(v) ?? 'null';
}

/** Keywords that constrain no value (annotations, and containers of named schemas): a member that only carries these covers nothing. `allOf` is flattened. */
const ANNOTATIONS = new Set(['title', 'description', 'example', 'examples', 'xml', 'externalDocs', 'deprecated', '$comment', '$id', '$schema', 'default', 'allOf', 'definitions', '$defs']);
/** Keywords whose value is a schema compared member by member. */
const SUBSCHEMAS = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames']);

const UPPER_BOUNDS = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains']);
const LOWER_BOUNDS = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties', 'minContains']);

/** A numeric bound re-declared in another allOf member that is stricter than the one already seen. */
function stricter(key: string, value: unknown, known: unknown): boolean {
  if (typeof value !== 'number' || typeof known !== 'number') return false;
  return UPPER_BOUNDS.has(key) ? value < known : LOWER_BOUNDS.has(key) ? value > known : false;
}

const declarations = (v: Located | Located[]): Located[] => (Array.isArray(v) ? v : [v]);
const locationKey = (ats: Located[]) => ats.map((a) => `${a.uri}#${a.pointer}`).join('\u0002');

const WIDER_FORMATS: Record<string, string[]> = { int32: ['int64'], float: ['double'], int64: [], double: [] };

export class SchemaComparator {
  private memo = new WeakMap<object, WeakMap<object, SchemaDiff>>();
  private views: [WeakMap<object, View>, WeakMap<object, View>] = [new WeakMap(), new WeakMap()];
  private memoAll = new Map<string, SchemaDiff>();
  private viewsAll: [Map<string, View>, Map<string, View>] = [new Map(), new Map()];

  /** Every pair of nodes compared, for anchoring removals (shared with the DiffContext). */
  readonly pairing = new Pairing();

  constructor(private readonly docs: [ReadonlyMap<string, unknown>, ReadonlyMap<string, unknown>]) {}

  /** Compares two schemas; a list is several declarations that all apply (a property re-declared across allOf). */
  compare(base: Located | Located[], revision: Located | Located[]): SchemaDiff {
    if (Array.isArray(base) || Array.isArray(revision)) return this.compareAll(declarations(base), declarations(revision));
    this.pairing.record(base, revision);
    const b = deref(this.docs[0], base);
    const r = deref(this.docs[1], revision);
    this.pairing.record(b, r);
    if (!isObject(b.node) || !isObject(r.node) || b.node === r.node) return EMPTY;
    let inner = this.memo.get(b.node);
    if (!inner) this.memo.set(b.node, (inner = new WeakMap()));
    const known = inner.get(r.node);
    if (known) return known;
    // Registered before computing: a cycle reaching this pair links to the same object.
    const result: SchemaDiff = { records: [], links: [] };
    inner.set(r.node, result);
    new PairDiff(this, this.view(0, b), this.view(1, r), result).run();
    return result;
  }

  private compareAll(bs: Located[], rs: Located[]): SchemaDiff {
    if (bs.length === 1 && rs.length === 1) return this.compare(bs[0], rs[0]);
    const key = `${locationKey(bs)}\u0001${locationKey(rs)}`;
    const known = this.memoAll.get(key);
    if (known) return known;
    const result: SchemaDiff = { records: [], links: [] };
    this.memoAll.set(key, result);
    new PairDiff(this, this.viewAll(0, bs), this.viewAll(1, rs), result).run();
    return result;
  }

  /** One view of several declarations; none of their allOf lists is compared as a list, all are flattened. */
  viewAll(side: 0 | 1, ats: Located[]): View {
    if (ats.length === 1) return this.view(side, ats[0]);
    const key = locationKey(ats);
    const cached = this.viewsAll[side].get(key);
    if (cached) return cached;
    const view: View = { at: deref(this.docs[side], ats[0]), kw: new Map(), props: new Map(), required: new Map() };
    this.viewsAll[side].set(key, view);
    const seen = new Set<object>();
    for (const at of ats) {
      const resolved = deref(this.docs[side], at);
      if (isObject(resolved.node)) this.merge(side, view, resolved, seen, false);
    }
    return view;
  }

  /**
   * True when everything `member` constrains is constrained identically by `other` (annotations aside):
   * keywords equal, each property covered recursively, required names required there too.
   */
  covers(member: View, side: 0 | 1, other: View, otherSide: 0 | 1, seen = new Map<View, Set<View>>()): boolean {
    // A pair met again (recursive schemas) is assumed covered; the first visit decides.
    const pairs = seen.get(member) ?? new Set<View>();
    if (pairs.has(other)) return true;
    seen.set(member, pairs.add(other));
    for (const [key, at] of member.kw) {
      if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
      const there = other.kw.get(key);
      if (!there) return false;
      if (SUBSCHEMAS.has(key) && isObject(at.node) && isObject(there.node)) {
        if (!this.covers(this.view(side, at), side, this.view(otherSide, there), otherSide, seen)) return false;
      } else if (!same(deref(this.docs[side], at).node, deref(this.docs[otherSide], there).node)) return false;
    }
    for (const [name, decls] of member.props) {
      const theirs = other.props.get(name);
      if (!theirs || !this.covers(this.viewAll(side, decls), side, this.viewAll(otherSide, theirs), otherSide, seen)) return false;
    }
    return [...member.required.keys()].every((name) => other.required.has(name));
  }

  view(side: 0 | 1, at: Located): View {
    const resolved = deref(this.docs[side], at);
    const node = resolved.node;
    if (!isObject(node)) return { at: resolved, kw: new Map(), props: new Map(), required: new Map() };
    const cached = this.views[side].get(node);
    if (cached) return cached;
    const view: View = { at: resolved, kw: new Map(), props: new Map(), required: new Map() };
    this.views[side].set(node, view);
    this.merge(side, view, resolved, new Set());
    return view;
  }

  /** Own keywords first, then those inherited through allOf (flattened). */
  private merge(side: 0 | 1, view: View, at: Located, seen: Set<object>, ownAllOf = true): void {
    const node = at.node as Record<string, unknown>;
    if (seen.has(node)) return;
    seen.add(node);
    const own = ownAllOf && view.at.node === node;
    for (const key of Object.keys(node)) {
      if (key === 'properties' && isObject(node.properties)) {
        for (const name of Object.keys(node.properties)) {
          const decl = child(at, 'properties', name);
          const list = view.props.get(name);
          if (list) list.push(decl);
          else view.props.set(name, [decl]);
        }
      } else if (key === 'required' && Array.isArray(node.required)) {
        node.required.forEach((name, i) => {
          if (typeof name === 'string' && !view.required.has(name)) view.required.set(name, child(at, 'required', i));
        });
      } else if ((key === 'oneOf' || key === 'anyOf') && nullWrapMember(node[key]) !== undefined) {
        // merged below, as the schema it makes nullable
      } else if (key === 'allOf' && !own) {
        // nested allOf members are merged below; only the top-level list is compared as such
      } else {
        const known = view.kw.get(key);
        // A bound declared again (another allOf member) applies too: the strictest one is effective.
        if (!known || stricter(key, node[key], known.node)) view.kw.set(key, child(at, key));
      }
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const index = nullWrapMember(node[key]);
      if (index === undefined) continue;
      view.nullWrap ??= child(at, key);
      const member = deref(this.docs[side], child(at, key, index));
      if (isObject(member.node)) this.merge(side, view, member, seen, ownAllOf);
    }
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((_, i) => {
        const member = deref(this.docs[side], child(at, 'allOf', i));
        if (isObject(member.node)) this.merge(side, view, member, seen, ownAllOf);
      });
    }
  }
}

/** Compares one pair of flattened schema views and fills `out`. */
class PairDiff {
  constructor(
    private readonly cmp: SchemaComparator,
    private readonly b: View,
    private readonly r: View,
    private readonly out: SchemaDiff,
  ) {}

  run(): void {
    if (this.wrapped('oneOf') || this.wrapped('anyOf')) return;
    this.types();
    this.enums();
    this.values();
    this.bounds();
    this.multipleOf();
    this.flags();
    this.additionalProperties();
    this.properties();
    this.composition('oneOf', 'one-of');
    this.composition('anyOf', 'any-of');
    this.allOf();
    this.discriminator();
    this.keywords2020();
    const bi = this.b.kw.get('items');
    const ri = this.r.kw.get('items');
    if (bi && ri && isObject(bi.node) && isObject(ri.node)) this.link('items', bi, ri);
    else this.becameFalse('items', bi, ri);
  }

  /**
   * A subschema replaced by `false` (accepts nothing) or the reverse, reported once as a transition on a
   * child (`items: false` closing a tuple, a property schema set to `false`) instead of keyword echoes.
   */
  private becameFalse(name: string, bAt: Located | undefined, rAt: Located | undefined): boolean {
    const accepts = (at: Located | undefined) => at === undefined || at.node === true || isObject(at.node);
    const isFalse = (at: Located | undefined) => at !== undefined && at.node === false;
    let rec: SchemaRecord | undefined;
    if (accepts(bAt) && isFalse(rAt)) rec = { kind: 'schema-became-false', side: 'revision', uri: rAt!.uri, pointer: rAt!.pointer, text: `'${name}' became false (accepts nothing)`, before: bAt?.node, after: false };
    else if (isFalse(bAt) && accepts(rAt)) {
      const at = rAt ?? this.r.at;
      rec = { kind: 'schema-became-not-false', side: 'revision', uri: at.uri, pointer: at.pointer, text: `'${name}' is no longer false`, before: false, after: rAt?.node };
    }
    if (!rec) return false;
    this.out.links.push({ name, diff: { records: [rec], links: [] }, readOnly: false, writeOnly: false });
    return true;
  }

  /**
   * JSON Schema 2020-12 keywords (OpenAPI 3.1): applicators added or removed, contains bounds, dependentRequired,
   * dependentSchemas, patternProperties, content* annotations, prefixItems. Subschemas present on both sides
   * (and `not`) are compared as children, in the same direction, as oasdiff traverses them.
   */
  private keywords2020(): void {
    for (const [key, name] of [
      ['contains', 'contains'],
      ['if', 'if'],
      ['then', 'then'],
      ['else', 'else'],
      ['propertyNames', 'property-names'],
      ['unevaluatedItems', 'unevaluated-items'],
      ['unevaluatedProperties', 'unevaluated-properties'],
      ['contentSchema', 'content-schema'],
      ['not', ''],
    ] as const) {
      const bAt = this.b.kw.get(key);
      const rAt = this.r.kw.get(key);
      if (bAt && rAt) {
        if (isObject(bAt.node) && isObject(rAt.node)) this.link(key, bAt, rAt);
      } else if (name && (bAt || rAt)) {
        this.add(`${name}-${rAt ? 'added' : 'removed'}`, key, `${key} ${rAt ? 'added' : 'removed'}`, bAt?.node, rAt?.node);
      }
    }
    for (const [key, name] of [['minContains', 'min-contains'], ['maxContains', 'max-contains']] as const) {
      const vb = this.bv(key);
      const vr = this.rv(key);
      if (typeof vb === 'number' && typeof vr === 'number' && vb !== vr) {
        const up = vr > vb;
        this.add(`${name}-${up ? 'increased' : 'decreased'}`, key, `${key} ${up ? 'increased' : 'decreased'} from ${vb} to ${vr}`, vb, vr);
      }
    }
    for (const [key, name] of [['contentMediaType', 'content-media-type'], ['contentEncoding', 'content-encoding']] as const) {
      const vb = this.bv(key);
      const vr = this.rv(key);
      if (vb !== undefined && vr !== undefined && !same(vb, vr)) this.add(`${name}-changed`, key, `${key} changed from ${show(vb)} to ${show(vr)}`, vb, vr);
    }
    this.keyedMap('dependentRequired', 'dependent-required', true);
    this.keyedMap('dependentSchemas', 'dependent-schema', false);
    this.keyedMap('patternProperties', 'pattern-property', false);
    const pb = this.b.kw.get('prefixItems');
    const pr = this.r.kw.get('prefixItems');
    const lb = Array.isArray(pb?.node) ? pb.node.length : 0;
    const lr = Array.isArray(pr?.node) ? pr.node.length : 0;
    // New positions that repeat the items schema constrain nothing new (oasdiff reports nothing either).
    const sameAsItems = (i: number) => {
      const items = this.r.kw.get('items');
      return items !== undefined && isObject(items.node) && isEmptyDiff(this.cmp.compare(items, child(pr as Located, i)));
    };
    const repeatsItems = lr > lb && Array.from({ length: lr - lb }, (_, j) => lb + j).every(sameAsItems);
    if (lr > lb && !repeatsItems) this.add('prefix-items-added', 'prefixItems', `${lr - lb} prefixItems position(s) added`, lb, lr);
    else if (lr < lb) this.add('prefix-items-removed', 'prefixItems', `${lb - lr} prefixItems position(s) removed`, lb, lr);
    for (let i = 0; i < Math.min(lb, lr); i++) this.link(`prefixItems/${i}`, child(pb as Located, i), child(pr as Located, i));
  }

  /** An object keyword whose entries are compared by key: added, removed, and changed (lists) or linked (schemas). */
  private keyedMap(key: string, name: string, lists: boolean): void {
    const bAt = this.b.kw.get(key);
    const rAt = this.r.kw.get(key);
    const bm = isObject(bAt?.node) ? (bAt!.node as Record<string, unknown>) : {};
    const rm = isObject(rAt?.node) ? (rAt!.node as Record<string, unknown>) : {};
    for (const k of Object.keys(bm)) {
      if (!(k in rm)) this.addAt(`${name}-removed`, child(bAt as Located, k), 'base', `${key} entry '${k}' removed`, { before: bm[k] });
      else if (lists) {
        if (!same(bm[k], rm[k])) this.addAt(`${name}-changed`, child(rAt as Located, k), 'revision', `${key} entry '${k}' changed from ${show(bm[k])} to ${show(rm[k])}`, { before: bm[k], after: rm[k] });
      } else if (isObject(bm[k]) && isObject(rm[k])) this.link(`${key}/${k}`, child(bAt as Located, k), child(rAt as Located, k));
    }
    for (const k of Object.keys(rm)) {
      if (!(k in bm)) this.addAt(`${name}-added`, child(rAt as Located, k), 'revision', `${key} entry '${k}' added`, { after: rm[k] });
    }
  }

  private bv(key: string): unknown {
    return this.b.kw.get(key)?.node;
  }
  private rv(key: string): unknown {
    return this.r.kw.get(key)?.node;
  }

  /** Records a change at the revision's keyword, or the base's when the revision lacks it. */
  private add(kind: string, key: string, text: string, before?: unknown, after?: unknown, extra: Partial<SchemaRecord> = {}): void {
    const rAt = this.r.kw.get(key);
    const bAt = this.b.kw.get(key);
    const at = rAt ?? bAt ?? this.r.at;
    const side: Side = rAt || !bAt ? 'revision' : 'base';
    this.out.records.push({ kind, side, uri: at.uri, pointer: at.pointer, text, before, after, ...extra });
  }

  private addAt(kind: string, at: Located, side: Side, text: string, extra: Partial<SchemaRecord> = {}): void {
    this.out.records.push({ kind, side, uri: at.uri, pointer: at.pointer, text, ...extra });
  }

  private link(name: string, b: Located | Located[], r: Located | Located[], readOnly = false, writeOnly = false): void {
    const diff = this.cmp.compare(b, r);
    if (diff !== EMPTY) this.out.links.push({ name, diff, readOnly, writeOnly });
  }

  private types(): void {
    const tb = typeSet(this.b);
    const tr = typeSet(this.r);
    const nb = nullable(this.b);
    const nr = nullable(this.r);
    const list = (s: Set<string>) => (s.size === 0 ? 'any' : [...s].join('|'));
    const text = `type changed from ${list(tb)} to ${list(tr)}`;
    if (tb.size === tr.size && [...tb].every((t) => tr.has(t))) {
      this.format();
    } else if (tb.size === 0) {
      this.add('type-specialized', 'type', text, list(tb), list(tr));
    } else if (tr.size === 0) {
      this.add('type-generalized', 'type', text, list(tb), list(tr));
    } else if (tb.size === 1 && tr.size === 1) {
      const from = [...tb][0];
      const to = [...tr][0];
      const kind = from === 'integer' && to === 'number' ? 'type-generalized' : from === 'number' && to === 'integer' ? 'type-specialized' : 'type-changed';
      this.add(kind, 'type', text, from, to);
    } else if ([...tb].every((t) => tr.has(t))) {
      this.add('list-of-types-widened', 'type', text, list(tb), list(tr));
    } else if ([...tr].every((t) => tb.has(t))) {
      this.add('list-of-types-narrowed', 'type', text, list(tb), list(tr));
    } else {
      this.add('type-changed', 'type', text, list(tb), list(tr));
    }
    if (nb !== nr && (this.r.nullWrap || this.b.nullWrap)) {
      const at = nr ? this.r.nullWrap : this.b.nullWrap;
      if (at) this.addAt(nr ? 'became-nullable' : 'became-not-nullable', at, nr ? 'revision' : 'base', nr ? 'became nullable' : 'became not nullable', { before: nb, after: nr });
      else this.add(nr ? 'became-nullable' : 'became-not-nullable', 'type', nr ? 'became nullable' : 'became not nullable', nb, nr);
    } else if (nb !== nr) {
      const key = this.r.kw.has('nullable') || this.b.kw.has('nullable') ? 'nullable' : this.r.kw.has('x-nullable') ? 'x-nullable' : 'type';
      this.add(nr ? 'became-nullable' : 'became-not-nullable', key, nr ? 'became nullable' : 'became not nullable', nb, nr);
    }
  }

  private format(): void {
    const fb = this.bv('format');
    const fr = this.rv('format');
    if (fb === fr) return;
    const text = `format changed from ${plain(fb)} to ${plain(fr)}`;
    let kind = 'type-changed';
    if (fr === undefined) kind = 'type-generalized';
    else if (fb === undefined) kind = 'type-specialized';
    else if (WIDER_FORMATS[String(fb)]?.includes(String(fr))) kind = 'type-generalized';
    else if (WIDER_FORMATS[String(fr)]?.includes(String(fb))) kind = 'type-specialized';
    this.add(kind, 'format', text, fb, fr);
  }

  private enums(): void {
    const eb = this.bv('enum');
    const er = this.rv('enum');
    if (!Array.isArray(eb) && Array.isArray(er)) {
      this.add('became-enum', 'enum', `restricted to the enum values ${er.map(show).join(', ')}`, undefined, er);
    } else if (Array.isArray(eb) && Array.isArray(er)) {
      this.enumValues('enum', eb, er, 'enum-value-removed', 'enum-value-added');
    } else if (Array.isArray(eb) && !Array.isArray(er)) {
      this.add('enum-removed', 'enum', `enum restriction ${eb.map(show).join(', ')} removed`, eb, undefined);
    }
    const xb = this.bv('x-extensible-enum');
    const xr = this.rv('x-extensible-enum');
    if (Array.isArray(xb) && Array.isArray(xr)) this.enumValues('x-extensible-enum', xb, xr, 'x-extensible-enum-value-removed', 'x-extensible-enum-value-added');
  }

  private enumValues(key: string, eb: unknown[], er: unknown[], removed: string, added?: string): void {
    const inR = new Set(er.map(stableJson));
    const inB = new Set(eb.map(stableJson));
    // A null enum value is how a nullable enum is written with a type array; the other forms
    // (nullable: true, a oneOf null branch) are compared by types(), so null alone is no enum change.
    if (nullable(this.b) && nullable(this.r)) {
      inR.add('null');
      inB.add('null');
    }
    const bAt = this.b.kw.get(key) as Located;
    const rAt = this.r.kw.get(key) as Located;
    eb.forEach((v, i) => {
      if (!inR.has(stableJson(v))) this.addAt(removed, child(bAt, i), 'base', `${key} value ${show(v)} removed`, { before: v });
    });
    if (added) {
      er.forEach((v, i) => {
        if (!inB.has(stableJson(v))) this.addAt(added, child(rAt, i), 'revision', `${key} value ${show(v)} added`, { after: v });
      });
    }
  }

  private values(): void {
    for (const [key, name] of [['const', 'const'], ['default', 'default-value'], ['pattern', 'pattern']] as const) {
      const vb = key === 'pattern' ? realPattern(this.bv(key)) : this.bv(key);
      const vr = key === 'pattern' ? realPattern(this.rv(key)) : this.rv(key);
      if (vb === undefined && vr !== undefined) this.add(`${name}-added`, key, `${key} ${show(vr)} added`, vb, vr);
      else if (vb !== undefined && vr === undefined) this.add(`${name}-removed`, key, `${key} ${show(vb)} removed`, vb, vr);
      else if (vb !== undefined && !same(vb, vr)) this.add(`${name}-changed`, key, `${key} changed from ${show(vb)} to ${show(vr)}`, vb, vr);
    }
  }

  private bounds(): void {
    this.bound('maxLength', 'max-length', true);
    this.bound('minLength', 'min-length', false, 0);
    this.bound('maximum', 'max', true);
    this.bound('minimum', 'min', false);
    this.bound('maxItems', 'max-items', true);
    this.bound('minItems', 'min-items', false);
    this.bound('maxProperties', 'max-properties', true);
    this.bound('minProperties', 'min-properties', false, 0);
    for (const [key, name, upper] of [['exclusiveMaximum', 'exclusive-max', true], ['exclusiveMinimum', 'exclusive-min', false]] as const) {
      const vb = this.bv(key);
      const vr = this.rv(key);
      if (typeof vb === 'boolean' || typeof vr === 'boolean') {
        // OpenAPI 3.0: a boolean that makes `maximum`/`minimum` exclusive.
        if ((vb === true) !== (vr === true)) this.add(vr === true ? `${name}-set` : `${name}-unset`, key, `${key} changed from ${vb ?? false} to ${vr ?? false}`, vb, vr);
      } else {
        this.bound(key, name, upper);
      }
    }
  }

  /** `absent` is the value an omitted keyword means (0 for minLength); undefined means unbounded. */
  private bound(key: string, name: string, upper: boolean, absent?: number): void {
    const num = (v: unknown) => (typeof v === 'number' ? v : absent);
    let vb = num(this.bv(key));
    let vr = num(this.rv(key));
    if (name === 'min-items') {
      if (vb === 0) vb = undefined;
      if (vr === 0) vr = undefined;
    }
    // Object.is: `.nan` on both sides is the same bound, not a change.
    if (vb === vr || Object.is(vb, vr)) return;
    if (vb === undefined) this.add(`${name}-set`, key, `${key} set to ${vr}`, vb, vr);
    else if (vr === undefined) this.add(`${name}-unset`, key, `${key} ${vb} removed`, vb, vr);
    else {
      const up = vr > vb;
      this.add(`${name}-${up ? 'increased' : 'decreased'}`, key, `${key} ${up ? 'increased' : 'decreased'} from ${vb} to ${vr}`, vb, vr);
    }
    void upper;
  }

  private multipleOf(): void {
    const vb = this.bv('multipleOf');
    const vr = this.rv('multipleOf');
    if (vb === vr || Object.is(vb, vr)) return;
    if (typeof vb !== 'number') {
      if (typeof vr === 'number') this.add('multiple-of-set', 'multipleOf', `multipleOf set to ${vr}`, vb, vr);
      return;
    }
    if (typeof vr !== 'number') return this.add('multiple-of-unset', 'multipleOf', `multipleOf ${vb} removed`, vb, vr);
    const divides = (a: number, b: number) => Math.abs(a / b - Math.round(a / b)) < 1e-9;
    const kind = divides(vb, vr) ? 'multiple-of-generalized' : divides(vr, vb) ? 'multiple-of-specialized' : 'multiple-of-changed';
    this.add(kind, 'multipleOf', `multipleOf changed from ${vb} to ${vr}`, vb, vr);
  }

  private flags(): void {
    const ub = this.bv('uniqueItems') === true;
    const ur = this.rv('uniqueItems') === true;
    if (ub !== ur) this.add(ur ? 'unique-items-set' : 'unique-items-unset', 'uniqueItems', ur ? 'uniqueItems set' : 'uniqueItems removed', ub, ur);
  }

  private additionalProperties(): void {
    const shape = (v: Located | undefined): 'any' | 'none' | 'schema' => {
      if (!v || v.node === true || (isObject(v.node) && Object.keys(v.node).length === 0)) return 'any';
      return v.node === false ? 'none' : 'schema';
    };
    const bAt = this.b.kw.get('additionalProperties');
    const rAt = this.r.kw.get('additionalProperties');
    const sb = shape(bAt);
    const sr = shape(rAt);
    if (sb === 'schema' && sr === 'schema') return this.link('*', bAt as Located, rAt as Located);
    if (sb === sr) return;
    const narrowed = sr === 'none' || (sb === 'any' && sr === 'schema');
    this.add(
      narrowed ? 'additional-properties-narrowed' : 'additional-properties-widened',
      'additionalProperties',
      `additionalProperties changed from ${sb === 'schema' ? 'a schema' : sb === 'any' ? 'allowed' : 'false'} to ${sr === 'schema' ? 'a schema' : sr === 'any' ? 'allowed' : 'false'}`,
      bAt?.node,
      rAt?.node,
    );
  }

  private properties(): void {
    const { b, r } = this;
    for (const [name, bDecls] of b.props) {
      const rDecls = r.props.get(name);
      const bAt = bDecls[0];
      const bc = this.cmp.viewAll(0, bDecls);
      const bReq = b.required.has(name);
      if (!rDecls) {
        const flags = { property: name, required: bReq, readOnly: bc.kw.get('readOnly')?.node === true, writeOnly: bc.kw.get('writeOnly')?.node === true };
        this.addAt('property-removed', bAt, 'base', `property '${name}' removed`, flags);
        continue;
      }
      const rAt = rDecls[0];
      const rc = this.cmp.viewAll(1, rDecls);
      const rReq = r.required.has(name);
      const readOnly = rc.kw.get('readOnly')?.node === true;
      const writeOnly = rc.kw.get('writeOnly')?.node === true;
      const flags = { property: name, required: rReq, readOnly, writeOnly };
      if (bReq !== rReq) {
        const at = rReq ? (r.required.get(name) as Located) : rAt;
        this.addAt(rReq ? 'property-became-required' : 'property-became-optional', at, 'revision', `property '${name}' became ${rReq ? 'required' : 'optional'}`, {
          ...flags,
          before: bReq,
          after: rReq,
        });
      }
      for (const [key, on, off] of [['readOnly', 'became-read-only', 'became-not-read-only'], ['writeOnly', 'became-write-only', 'became-not-write-only'], ['deprecated', 'deprecated', 'reactivated']] as const) {
        const was = bc.kw.get(key)?.node === true;
        const is = rc.kw.get(key)?.node === true;
        if (was === is) continue;
        const at = rc.kw.get(key) ?? rAt;
        this.addAt(is ? on : off, at, 'revision', `property '${name}' ${is ? on.replace(/-/g, ' ') : off.replace(/-/g, ' ')}`, { ...flags, before: was, after: is });
      }
      if (!this.becameFalse(name, bAt, rAt)) this.link(name, bDecls, rDecls, readOnly || bc.kw.get('readOnly')?.node === true, writeOnly || bc.kw.get('writeOnly')?.node === true);
    }
    for (const [name, rDecls] of r.props) {
      if (b.props.has(name)) continue;
      const rAt = rDecls[0];
      const rc = this.cmp.viewAll(1, rDecls);
      const flags = {
        property: name,
        required: r.required.has(name),
        readOnly: rc.kw.get('readOnly')?.node === true,
        writeOnly: rc.kw.get('writeOnly')?.node === true,
      };
      this.addAt('property-added', rAt, 'revision', `property '${name}' added${flags.required ? ' as required' : ''}`, { ...flags, after: rc.kw.get('default')?.node });
    }
  }

  /**
   * An object schema replaced by a oneOf/anyOf of alternatives (and nothing else): one restructuring record,
   * `wrapped-in-one-of` / `wrapped-in-any-of`, whose `after` says whether an alternative is the old schema unchanged.
   */
  private wrapped(key: 'oneOf' | 'anyOf'): boolean {
    const members = this.r.kw.get(key);
    if (this.b.props.size === 0 || this.b.kw.has('oneOf') || this.b.kw.has('anyOf') || this.r.props.size > 0) return false;
    if (!members || !Array.isArray(members.node) || members.node.length === 0) return false;
    const preserved = members.node.some((_, i) => isEmptyDiff(this.cmp.compare(this.b.at, child(members, i))));
    const kind = key === 'oneOf' ? 'wrapped-in-one-of' : 'wrapped-in-any-of';
    this.addAt(kind, members, 'revision', `wrapped in a ${key} of ${members.node.length} alternatives${preserved ? ' (one of them is the old schema)' : ''}`, { after: preserved });
    return true;
  }

  private composition(key: 'oneOf' | 'anyOf', name: string): void {
    const bl = nonEmptyList(this.bv(key));
    const rl = nonEmptyList(this.rv(key));
    if (!bl || !rl) {
      // Only one side has the list. Next to content both sides keep, it is one more constraint on every value;
      // an object replaced by alternatives is wrapped(); anything else is not judged here.
      const kept = (v: View) => v.props.size > 0 || v.required.size > 0 || v.kw.has('type');
      if (!kept(this.b) || !kept(this.r) || !sameTypes(this.b, this.r)) return;
      if (rl) this.add(`${name}-list-added`, key, `${key} of ${rl.length} alternatives added next to the existing constraints`, undefined, rl.length);
      else if (bl) this.add(`${name}-list-removed`, key, `${key} of ${bl.length} alternatives removed`, bl.length, undefined);
      return;
    }
    const { pairs, added, removed } = this.match(key);
    for (const [bAt, rAt, label] of pairs) this.link(`${key}[${label}]`, bAt, rAt);
    for (const at of added) this.addAt(`${name}-added`, at, 'revision', `${describeMember(at)} added to ${key}`, { after: refName(at) });
    for (const at of removed) this.addAt(`${name}-removed`, at, 'base', `${describeMember(at)} removed from ${key}`, { before: refName(at) });
  }

  /**
   * allOf is flattened, so the effective constraints are compared above; a member added or removed is reported only
   * when it is not covered: something it constrains is not constrained identically on the other side. Inlining a
   * chain, wrapping a $ref in a one-element allOf, or an annotation-only member is therefore no change.
   */
  private allOf(): void {
    const { added, removed } = this.match('allOf');
    for (const at of added) if (!this.cmp.covers(this.cmp.view(1, at), 1, this.b, 0)) this.addAt('all-of-added', at, 'revision', `${describeMember(at)} added to allOf`, { after: refName(at) });
    for (const at of removed) if (!this.cmp.covers(this.cmp.view(0, at), 0, this.r, 1)) this.addAt('all-of-removed', at, 'base', `${describeMember(at)} removed from allOf`, { before: refName(at) });
  }

  /** Pairs subschemas by $ref name, then by identical shape, then by title, then by position. */
  private match(key: string): { pairs: Array<[Located, Located, string]>; added: Located[]; removed: Located[] } {
    const list = (v: View) => {
      const at = v.kw.get(key);
      return at && Array.isArray(at.node) ? at.node.map((_, i) => child(at, i)) : [];
    };
    let bs = list(this.b);
    let rs = list(this.r);
    const pairs: Array<[Located, Located, string]> = [];
    const take = (keyOf: (at: Located, side: 0 | 1) => string | undefined) => {
      const byKey = new Map<string, Located>();
      for (const at of rs) {
        const k = keyOf(at, 1);
        if (k !== undefined && !byKey.has(k)) byKey.set(k, at);
      }
      const restB: Located[] = [];
      for (const at of bs) {
        const k = keyOf(at, 0);
        const match = k === undefined ? undefined : byKey.get(k);
        if (match) {
          pairs.push([at, match, refName(match) ?? String(rs.indexOf(match))]);
          byKey.delete(k as string);
          rs = rs.filter((x) => x !== match);
        } else restB.push(at);
      }
      bs = restB;
    };
    take((at) => refName(at));
    take((at, side) => stableJson(this.cmp.view(side, at).at.node));
    take((at, side) => {
      const title = this.cmp.view(side, at).kw.get('title')?.node;
      return typeof title === 'string' ? title : undefined;
    });
    // Members written differently that compare equal (a $ref inlined or wrapped somewhere inside) are the same member.
    for (const at of [...bs]) {
      const match = rs.find((r) => isEmptyDiff(this.cmp.compare(at, r)));
      if (!match) continue;
      pairs.push([at, match, refName(match) ?? String(rs.indexOf(match))]);
      bs = bs.filter((x) => x !== at);
      rs = rs.filter((x) => x !== match);
    }
    if (bs.length === rs.length) {
      bs.forEach((at, i) => pairs.push([at, rs[i], String(i)]));
      return { pairs, added: [], removed: [] };
    }
    return { pairs, added: rs, removed: bs };
  }

  private discriminator(): void {
    const db = this.bv('discriminator');
    const dr = this.rv('discriminator');
    if (!isObject(db) && !isObject(dr)) return;
    if (!isObject(db)) return this.add('discriminator-added', 'discriminator', 'discriminator added', undefined, dr);
    if (!isObject(dr)) return this.add('discriminator-removed', 'discriminator', 'discriminator removed', db, undefined);
    const rAt = this.r.kw.get('discriminator') as Located;
    const bAt = this.b.kw.get('discriminator') as Located;
    if (db.propertyName !== dr.propertyName) {
      this.addAt('discriminator-property-name-changed', child(rAt, 'propertyName'), 'revision', `discriminator propertyName changed from ${show(db.propertyName)} to ${show(dr.propertyName)}`, {
        before: db.propertyName,
        after: dr.propertyName,
      });
    }
    const mb = isObject(db.mapping) ? db.mapping : {};
    const mr = isObject(dr.mapping) ? dr.mapping : {};
    for (const key of Object.keys(mb)) {
      if (!(key in mr)) this.addAt('discriminator-mapping-deleted', child(bAt, 'mapping', key), 'base', `discriminator mapping '${key}' removed`, { before: mb[key] });
      else if (mb[key] !== mr[key] && lastSegment(String(mb[key])) !== lastSegment(String(mr[key]))) {
        this.addAt('discriminator-mapping-changed', child(rAt, 'mapping', key), 'revision', `discriminator mapping '${key}' changed from ${show(mb[key])} to ${show(mr[key])}`, {
          before: mb[key],
          after: mr[key],
        });
      }
    }
    for (const key of Object.keys(mr)) {
      if (!(key in mb)) this.addAt('discriminator-mapping-added', child(rAt, 'mapping', key), 'revision', `discriminator mapping '${key}' added`, { after: mr[key] });
    }
  }
}

const nonEmptyList = (v: unknown): unknown[] | undefined => (Array.isArray(v) && v.length > 0 ? v : undefined);

function sameTypes(b: View, r: View): boolean {
  const tb = typeSet(b);
  const tr = typeSet(r);
  return tb.size === tr.size && [...tb].every((t) => tr.has(t));
}

function typeSet(v: View): Set<string> {
  const t = v.kw.get('type')?.node;
  const set = new Set<string>(typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : []);
  set.delete('null');
  if (set.size === 0 && t === undefined) {
    // Untyped schemas with properties or items are objects or arrays in practice.
    if (v.props.size > 0 || v.kw.has('additionalProperties')) set.add('object');
    else if (v.kw.has('items')) set.add('array');
  }
  return set;
}

 /** The index of X in a `[{type: 'null'}, X]` (or `[X, {type: 'null'}]`) oneOf/anyOf list, else undefined. */
function nullWrapMember(list: unknown): number | undefined {
  if (!Array.isArray(list) || list.length !== 2) return undefined;
  const isNull = (m: unknown) => isObject(m) && m.type === 'null' && Object.keys(m).every((k) => k === 'type' || k === 'description' || k === 'title');
  if (isNull(list[0]) && !isNull(list[1])) return 1;
  if (isNull(list[1]) && !isNull(list[0])) return 0;
  return undefined;
}

function nullable(v: View): boolean {
  const t = v.kw.get('type')?.node;
  if (v.nullWrap) return true;
  return v.kw.get('nullable')?.node === true || v.kw.get('x-nullable')?.node === true || t === 'null' || (Array.isArray(t) && t.includes('null'));
}

/** Patterns that match every string constrain nothing: they count as no pattern. */
const MATCH_EVERYTHING = new Set(['', '.*', '^.*$', '^.*', '.*$', '^(.*)$']);
const realPattern = (p: unknown): unknown => (typeof p === 'string' && MATCH_EVERYTHING.has(p) ? undefined : p);

const lastSegment = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

function refName(at: Located): string | undefined {
  const ref = isObject(at.node) ? at.node.$ref : undefined;
  return typeof ref === 'string' ? lastSegment(ref) : undefined;
}

function describeMember(at: Located): string {
  const name = refName(at);
  if (name) return `schema '${name}'`;
  const title = isObject(at.node) ? at.node.title : undefined;
  return typeof title === 'string' ? `schema '${title}'` : 'an inline schema';
}

/** True when two schemas compare equal all the way down (cycles count as equal). */
export function isEmptyDiff(diff: SchemaDiff, seen = new Set<SchemaDiff>()): boolean {
  if (seen.has(diff)) return true;
  seen.add(diff);
  return diff.records.length === 0 && diff.links.every((l) => isEmptyDiff(l.diff, seen));
}
