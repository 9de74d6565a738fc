/**
 * Drafts without proxies for json-ref-resolver's inlining of local `$ref`s (Spectral's resolver).
 *
 * The resolver replaces every local `$ref` object with its target inside an immer `produce`,
 * through lodash `get`/`set` on proxies: ~80 ms of a 155 KB spec's lint and ~1.6 s of GitHub's.
 * This module gives that recipe the same operations on plain draft objects:
 * `produce`, `original`, and lodash's `get` and `set` (`scripts/inlineRefDrafts.cjs` swaps them in
 * at build time). Each step follows immer 9's traps and finalization (copy on first read of a
 * child, modified flags up the creating parents, one finalized object per draft wherever it was
 * inserted, originals kept where nothing changed, everything deep-frozen) and lodash's path
 * walks, so the resolved document is the same tree, with the same shared objects, as before.
 * `test/unit/inlineDrafts.test.ts` compares both on real specs and crafted reference graphs.
 */

type Container = Record<PropertyKey, unknown> | unknown[];
type Key = string | symbol;

class Draft {
  copy: Container | undefined;
  modified = false;
  finalized = false;
  constructor(
    readonly base: Container,
    readonly parent: Draft | undefined,
  ) {}
}

/** What immer drafts among the values a parser gives: plain objects and arrays. */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.hasOwnProperty.call(proto, 'constructor') && proto.constructor;
  if (Ctor === Object) return true;
  return typeof Ctor === 'function' && Function.toString.call(Ctor) === OBJECT_CTOR_STRING;
}
const OBJECT_CTOR_STRING = Object.prototype.constructor.toString();

function isDraftable(value: unknown): value is Container {
  if (!value || typeof value !== 'object') return false;
  if (Array.isArray(value) || isPlainObject(value)) return true;
  // Maps, Sets and immerable classes never come out of a JSON or YAML parse; immer would draft them.
  if (value instanceof Map || value instanceof Set || (value as Record<symbol, unknown>)[IMMERABLE] || (value.constructor as unknown as Record<symbol, unknown> | undefined)?.[IMMERABLE]) {
    throw new Error('inlineDrafts: a Map, Set or immerable value in a resolved document');
  }
  return false;
}
const IMMERABLE = Symbol.for('immer-draftable');

const has = (target: object, key: Key) => Object.prototype.hasOwnProperty.call(target, key);
const latest = (draft: Draft) => draft.copy ?? draft.base;

/** immer's `shallowCopy`: own properties, all writable, same prototype and key order. */
function shallowCopy(base: Container): Container {
  if (Array.isArray(base)) return Array.prototype.slice.call(base);
  const proto = Object.getPrototypeOf(base);
  const descriptors = Object.getOwnPropertyDescriptors(base);
  let plain = proto === Object.prototype;
  for (const key of Reflect.ownKeys(descriptors)) {
    const desc = descriptors[key as string];
    if (desc.get || desc.set || !desc.enumerable || typeof key === 'symbol') plain = false;
    if (desc.writable === false) {
      desc.writable = true;
      desc.configurable = true;
    }
    if (desc.get || desc.set) descriptors[key as string] = { configurable: true, writable: true, enumerable: desc.enumerable, value: (base as Record<Key, unknown>)[key] };
  }
  // Spread is the same object when every property is a plain enumerable one (and far cheaper).
  return plain ? { ...base } : Object.create(proto, descriptors);
}

function prepareCopy(draft: Draft): Container {
  return (draft.copy ??= shallowCopy(draft.base));
}

function markChanged(draft: Draft): void {
  for (let d: Draft | undefined = draft; d && !d.modified; d = d.parent) d.modified = true;
}

/** immer's get trap: a child still equal to the base's is drafted (once) in the copy. */
function readDraft(draft: Draft, key: Key): unknown {
  const source = latest(draft) as Record<Key, unknown>;
  if (!has(source, key)) return source[key];
  const value = source[key];
  if (draft.finalized || !isDraftable(value)) return value;
  if (value === (draft.base as Record<Key, unknown>)[key]) {
    return ((prepareCopy(draft) as Record<Key, unknown>)[key] = new Draft(value, draft));
  }
  return value;
}

/** immer's set trap (arrays take index and length keys only, as immer's array trap demands). */
function writeDraft(draft: Draft, key: Key, value: unknown): void {
  if (Array.isArray(draft.base) && key !== 'length' && Number.isNaN(parseInt(key as string))) {
    throw new Error('[Immer] Immer only supports setting array indices and the \'length\' property');
  }
  if (!draft.modified) {
    const current = (latest(draft) as Record<Key, unknown>)[key];
    if (current instanceof Draft && current.base === value) {
      (draft.copy as Record<Key, unknown>)[key] = value;
      return;
    }
    if (Object.is(value, current) && (value !== undefined || has(draft.base, key))) return;
    prepareCopy(draft);
    markChanged(draft);
  }
  const copy = draft.copy as Record<Key, unknown>;
  if ((copy[key] === value && (value !== undefined || key in copy)) || (Number.isNaN(value) && Number.isNaN(copy[key]))) return;
  copy[key] = value;
}

const read = (container: unknown, key: Key): unknown => (container instanceof Draft ? readDraft(container, key) : (container as Record<Key, unknown>)[key]);
const hasOwn = (container: object, key: Key) => has(container instanceof Draft ? latest(container) : container, key);
const hasIn = (container: object, key: Key) => key in (container instanceof Draft ? latest(container) : container);
function write(container: object, key: Key, value: unknown): void {
  if (container instanceof Draft) writeDraft(container, key, value);
  else (container as Record<Key, unknown>)[key] = value;
}

/** lodash's `toKey`. */
function toKey(segment: unknown): Key {
  if (typeof segment === 'string' || typeof segment === 'symbol') return segment;
  const result = `${segment}`;
  return result === '0' && 1 / (segment as number) === -Infinity ? '-0' : result;
}

const isObject = (value: unknown): value is object => value !== null && (typeof value === 'object' || typeof value === 'function');
const INDEX = /^(?:0|[1-9]\d*)$/;
function isIndex(value: unknown): boolean {
  const isNumberLike = typeof value === 'number' || (typeof value !== 'symbol' && INDEX.test(String(value)));
  return isNumberLike && (value as number) > -1 && (value as number) % 1 === 0 && (value as number) < Number.MAX_SAFE_INTEGER;
}

/** lodash `get` (an array path) over drafts. */
export function get(object: unknown, path: readonly unknown[]): unknown {
  if (object === null || object === undefined) return undefined;
  let index = 0;
  while (object !== null && object !== undefined && index < path.length) object = read(object, toKey(path[index++]));
  return index && index === path.length ? object : undefined;
}

/** lodash `set` (an array path) over drafts: `assignValue` at each step, `__proto__`-like keys refused. */
export function set(object: unknown, path: readonly unknown[], value: unknown): unknown {
  if (!isObject(object)) return object;
  let nested: unknown = object;
  for (let index = 0; nested !== null && nested !== undefined && index < path.length; index++) {
    const key = toKey(path[index]);
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return object;
    let newValue = value;
    if (index !== path.length - 1) {
      const objValue = read(nested, key);
      newValue = isObject(objValue) ? objValue : isIndex(path[index + 1]) ? [] : {};
    }
    assignValue(nested as object, key, newValue);
    nested = read(nested, key);
  }
  return object;
}

function assignValue(object: object, key: Key, value: unknown): void {
  const objValue = read(object, key);
  const same = objValue === value || (objValue !== objValue && value !== value);
  if (!(hasOwn(object, key) && same) || (value === undefined && !hasIn(object, key))) write(object, key, value);
}

/** immer's `original`. */
export function original(draft: unknown): unknown {
  if (!(draft instanceof Draft)) throw new Error('[Immer] \'original\' expects a draft');
  return draft.base;
}

/** immer's `produce` for a recipe that returns nothing, with auto-freeze on (immer's default). */
export function produce<T>(base: T, recipe: (draft: unknown) => void): T {
  if (!isDraftable(base)) {
    const result = recipe(base) ?? base;
    return freeze(result, true) as T;
  }
  const root = new Draft(base, undefined);
  recipe(root);
  return finalize(root) as T;
}

function isFrozen(value: unknown): boolean {
  return value === null || typeof value !== 'object' || Object.isFrozen(value);
}

function freeze(value: unknown, deep: boolean): unknown {
  if (isFrozen(value) || value instanceof Draft || !isDraftable(value)) return value;
  Object.freeze(value);
  if (deep) eachEnumerable(value, (_key, child) => freeze(child, true));
  return value;
}

function eachEnumerable(value: Container, visit: (key: Key | number, child: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((child, i) => visit(i, child));
  else for (const key of Object.keys(value)) visit(key, value[key]);
}

function eachOwn(value: Container, visit: (key: Key | number, child: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((child, i) => visit(i, child));
  else for (const key of Reflect.ownKeys(value)) visit(key, (value as Record<Key, unknown>)[key]);
}

function finalize(value: unknown): unknown {
  if (value instanceof Draft) {
    if (!value.modified) return freeze(value.base, true);
    if (!value.finalized) {
      value.finalized = true;
      const result = value.copy!;
      eachOwn(result, (key, child) => finalizeProperty(result, key, child));
      freeze(result, false);
    }
    return value.copy;
  }
  if (isFrozen(value)) return value;
  const container = value as Container;
  eachEnumerable(container, (key, child) => finalizeProperty(container, key, child));
  return value;
}

function finalizeProperty(target: Container, key: Key | number, child: unknown): void {
  if (child === target) throw new Error('[Immer] Immer forbids circular references');
  if (child instanceof Draft) {
    (target as Record<Key | number, unknown>)[key] = finalize(child);
    return;
  }
  if (isDraftable(child) && !isFrozen(child)) {
    finalize(child);
    freeze(child, false);
  }
}
