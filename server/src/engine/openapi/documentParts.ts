/**
 * A document cut into parts that an edit changes independently: its *entries* (each path item under
 * `paths`, each named schema under `components.schemas` / Swagger 2.0 `definitions`) and its *rest*
 * (every other top-level member, every other `components` member). The incremental parse shares an
 * untouched part's value with the previous version, so identity says which parts an edit changed.
 *
 * `assembleDocument` builds a document from some of the entries plus the whole rest, and
 * `partsIndex` assembles the index of a document from per-part indexes cached by identity (valid
 * only for a value that is a tree: an object reached twice, as YAML aliases make, is walked once
 * by `buildIndex` but once per part here).
 */
import { buildIndex, isObj, type Obj, type OpenApiIndex } from './index';
import { encodePointerSegment, type JsonPointer } from '../jsonPointer';
import type { SpecFormat } from '../style/types';

export interface Entry {
  group: 'paths' | 'schemas';
  key: string;
  value: unknown;
  /** `/paths/{key}`, `/components/schemas/{key}` or `/definitions/{key}`. */
  pointer: JsonPointer;
}

export interface RestMember {
  pointer: JsonPointer;
  /** The member's value; for the entries' maps a placeholder (`ENTRIES`), their entries are in `entries`. */
  value: unknown;
}

export interface DocumentParts {
  format: SpecFormat;
  root: Obj;
  entries: Entry[];
  /** Every other member, in document order (top level, then `components` members in place of `components`). */
  rest: RestMember[];
  /** The schemas' map is `components.schemas` (OpenAPI 3) or `definitions` (Swagger 2.0). */
  schemasUnder: 'components' | 'definitions';
}

/** Stands for the `paths` map or the schemas' map in `DocumentParts.rest`. */
export const ENTRIES: unique symbol = Symbol('entries');

const isMap = (v: unknown): v is Obj => isObj(v);

/** Encoded keys (path templates all need escaping; the same keys come back on every version). */
const encoded = new Map<string, string>();
function joinPointer(base: JsonPointer, key: string): JsonPointer {
  if (!key.includes('/') && !key.includes('~')) return `${base}/${key}`;
  let segment = encoded.get(key);
  if (segment === undefined) {
    if (encoded.size > 50_000) encoded.clear();
    encoded.set(key, (segment = encodePointerSegment(key)));
  }
  return `${base}/${segment}`;
}

/** The parts of `document`, or undefined when it is not an object or a key would not survive a copy (`__proto__`). */
export function documentParts(document: unknown, format: SpecFormat): DocumentParts | undefined {
  if (!isMap(document)) return undefined;
  const schemasUnder = format === 'oas2' ? 'definitions' : 'components';
  const entries: Entry[] = [];
  const rest: RestMember[] = [];
  const addEntries = (group: Entry['group'], map: Obj, base: JsonPointer): boolean => {
    for (const key of Object.keys(map)) {
      if (key === '__proto__') return false;
      entries.push({ group, key, value: map[key], pointer: joinPointer(base, key) });
    }
    return true;
  };
  for (const key of Object.keys(document)) {
    if (key === '__proto__') return undefined;
    const value = document[key];
    const pointer = joinPointer('', key);
    if (key === 'paths' && isMap(value)) {
      rest.push({ pointer, value: ENTRIES });
      if (!addEntries('paths', value, pointer)) return undefined;
    } else if (key === 'definitions' && schemasUnder === 'definitions' && isMap(value)) {
      rest.push({ pointer, value: ENTRIES });
      if (!addEntries('schemas', value, pointer)) return undefined;
    } else if (key === 'components' && schemasUnder === 'components' && isMap(value)) {
      rest.push({ pointer, value: ENTRIES });
      for (const member of Object.keys(value)) {
        if (member === '__proto__') return undefined;
        const memberPointer = joinPointer(pointer, member);
        const memberValue = value[member];
        if (member === 'schemas' && isMap(memberValue)) {
          rest.push({ pointer: memberPointer, value: ENTRIES });
          if (!addEntries('schemas', memberValue, memberPointer)) return undefined;
        } else rest.push({ pointer: memberPointer, value: memberValue });
      }
    } else rest.push({ pointer, value });
  }
  return { format, root: document, entries, rest, schemasUnder };
}

/** The rest of two documents is the same: same members in the same order, the same objects. */
export function sameRest(a: DocumentParts, b: DocumentParts): boolean {
  if (a.format !== b.format || a.rest.length !== b.rest.length) return false;
  return a.rest.every((m, i) => m.pointer === b.rest[i].pointer && m.value === b.rest[i].value);
}

/**
 * The rest members that differ between two versions (added, removed or another object), or undefined when
 * the documents are not cut the same way (another format, `paths` or a schemas' map appearing or going).
 */
export function changedRest(before: DocumentParts, after: DocumentParts): Set<JsonPointer> | undefined {
  if (before.format !== after.format) return undefined;
  const old = new Map(before.rest.map((m) => [m.pointer, m.value]));
  const now = new Map(after.rest.map((m) => [m.pointer, m.value]));
  const changed = new Set<JsonPointer>();
  for (const pointer of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(pointer);
    const b = now.get(pointer);
    if (a === b && old.has(pointer) === now.has(pointer)) continue;
    if (a === ENTRIES || b === ENTRIES) return undefined;
    changed.add(pointer);
  }
  return changed;
}

/**
 * The document with only the entries `keep` accepts (in their order) and the rest members `withRest`
 * accepts (all when true); `replace` gives a member's or entry's value in the new document.
 */
export function assembleDocument(
  parts: DocumentParts,
  keep: (entry: Entry) => boolean,
  withRest: boolean | ((pointer: JsonPointer) => boolean) = true,
  replace: (pointer: JsonPointer, value: unknown) => unknown = (_, v) => v,
): Obj {
  const restKept = typeof withRest === 'function' ? withRest : () => withRest;
  const root: Obj = {};
  const paths: Obj = {};
  const schemas: Obj = {};
  for (const e of parts.entries) if (keep(e)) (e.group === 'paths' ? paths : schemas)[e.key] = replace(e.pointer, e.value);
  const components = parts.schemasUnder === 'components' && isMap(parts.root.components) ? ({} as Obj) : undefined;
  for (const key of Object.keys(parts.root)) {
    if (key === 'paths' && isMap(parts.root.paths)) root.paths = paths;
    else if (key === 'definitions' && parts.schemasUnder === 'definitions' && isMap(parts.root.definitions)) root.definitions = schemas;
    else if (key === 'components' && components) root.components = components;
    else if (restKept(joinPointer('', key))) root[key] = replace(joinPointer('', key), parts.root[key]);
  }
  if (components) {
    const original = parts.root.components as Obj;
    for (const member of Object.keys(original)) {
      if (member === 'schemas' && isMap(original.schemas)) components.schemas = schemas;
      else if (restKept(joinPointer('/components', member))) components[member] = replace(joinPointer('/components', member), original[member]);
    }
  }
  return root;
}

/** A document holding only `entry`, where it is in `parts`. */
function entryDocument(parts: DocumentParts, entry: Entry): Obj {
  const map = { [entry.key]: entry.value };
  if (entry.group === 'paths') return { paths: map };
  return parts.schemasUnder === 'definitions' ? { definitions: map } : { components: { schemas: map } };
}

/** Per-part indexes, kept by the caller across versions (keyed by the parts' objects). */
export class PartIndexCache {
  /** By entry value, then by `format pointer` (a renamed copy of the document holds the same value under another key). */
  private readonly entries = new WeakMap<object, Map<string, OpenApiIndex>>();
  private recentRest: Array<{ inputs: unknown[]; format: SpecFormat; index: OpenApiIndex }> = [];

  entry(parts: DocumentParts, entry: Entry): OpenApiIndex {
    if (!isObj(entry.value)) return buildIndex(entryDocument(parts, entry), parts.format);
    const where = `${parts.format} ${entry.pointer}`;
    let byPointer = this.entries.get(entry.value);
    let index = byPointer?.get(where);
    if (index) return index;
    index = buildIndex(entryDocument(parts, entry), parts.format);
    if (!byPointer) this.entries.set(entry.value, (byPointer = new Map()));
    byPointer.set(where, index);
    return index;
  }

  /** The index of the rest members `inputs` name (a document holding only them). */
  rest(parts: DocumentParts, inputs: readonly string[]): OpenApiIndex {
    const doc: Obj = {};
    const values: unknown[] = [];
    for (const pointer of inputs) {
      const member = parts.rest.find((m) => m.pointer === pointer);
      values.push(member?.value);
      if (member === undefined || member.value === ENTRIES) continue;
      const segs = pointer.split('/').slice(1);
      if (segs.length === 1) doc[segs[0]] = member.value;
      else ((doc[segs[0]] ??= {}) as Obj)[segs[1]] = member.value;
    }
    const hit = this.recentRest.find((r) => r.format === parts.format && r.inputs.length === values.length && r.inputs.every((v, i) => v === values[i]));
    if (hit) return hit.index;
    const index = buildIndex(doc, parts.format);
    this.recentRest = [{ inputs: values, format: parts.format, index }, ...this.recentRest].slice(0, 6);
    return index;
  }
}

/** What `buildIndex` reads outside the entries, in the order it reads it: before the schemas and after them. */
const REST_BEFORE_SCHEMAS = ['/webhooks'];
const REST_AFTER_SCHEMAS: Record<DocumentParts['schemasUnder'], string[]> = {
  definitions: ['/parameters', '/responses'],
  components: ['parameters', 'headers', 'requestBodies', 'responses', 'callbacks', 'pathItems'].map((m) => `/components/${m}`),
};

/** The index of the parts' document (equal to `buildIndex` of it when its value is a tree), from cached part indexes. */
export function partsIndex(parts: DocumentParts, cache: PartIndexCache): OpenApiIndex {
  const pieces: OpenApiIndex[] = [];
  for (const e of parts.entries) if (e.group === 'paths') pieces.push(cache.entry(parts, e));
  pieces.push(cache.rest(parts, REST_BEFORE_SCHEMAS));
  for (const e of parts.entries) if (e.group === 'schemas') pieces.push(cache.entry(parts, e));
  pieces.push(cache.rest(parts, REST_AFTER_SCHEMAS[parts.schemasUnder]));
  // Each list is concatenated when a rule first reads it (the document rules read the operations only).
  const list = <K extends 'operations' | 'parameters' | 'schemas' | 'properties' | 'schemaNames'>(key: K) => {
    let value: OpenApiIndex[K] | undefined;
    return () => {
      if (value === undefined) {
        const out = [] as unknown as OpenApiIndex[K];
        for (const p of pieces) append(out as unknown[], p[key]);
        value = out;
      }
      return value;
    };
  };
  const lists = { operations: list('operations'), parameters: list('parameters'), schemas: list('schemas'), properties: list('properties'), schemaNames: list('schemaNames') };
  return {
    format: parts.format,
    root: parts.root,
    get operations() {
      return lists.operations();
    },
    get parameters() {
      return lists.parameters();
    },
    get schemas() {
      return lists.schemas();
    },
    get properties() {
      return lists.properties();
    },
    get schemaNames() {
      return lists.schemaNames();
    },
    memo: new Map(),
  };
}

function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}
