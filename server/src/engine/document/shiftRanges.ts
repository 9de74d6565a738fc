import * as YAML from 'yaml';

/** Moves every offset in a `yaml` node (or pair) and everything below it by `delta`, in place. */
export function shiftNode(node: unknown, delta: number): void {
  if (delta === 0 || node === null || node === undefined) return;
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (YAML.isPair(current)) {
      if (current.key !== null && current.key !== undefined) stack.push(current.key);
      if (current.value !== null && current.value !== undefined) stack.push(current.value);
      continue;
    }
    if (!YAML.isNode(current)) continue;
    const range = current.range;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (YAML.isCollection(current)) for (const item of current.items) stack.push(item);
  }
}

/**
 * A deep copy of a node or pair with every offset moved by `delta`; the original is untouched.
 * Faster than `yaml`'s own `clone()` (which copies property descriptors) on large trees.
 */
export function shiftedCopy<T>(item: T, delta: number): T {
  if (item === null || item === undefined || delta === 0) return item;
  let copy: unknown;
  if (YAML.isPair(item)) {
    // A pair has no other state; copying its own properties would copy a ShiftedPair's bookkeeping.
    return new YAML.Pair(shiftedCopy(item.key, delta), shiftedCopy(item.value, delta)) as T;
  }
  if (YAML.isScalar(item)) copy = Object.assign(new YAML.Scalar(item.value), item);
  else if (YAML.isMap(item)) copy = Object.assign(new YAML.YAMLMap(), item, { items: item.items.map((i) => shiftedCopy(i, delta)) });
  else if (YAML.isSeq(item)) copy = Object.assign(new YAML.YAMLSeq(), item, { items: item.items.map((i) => shiftedCopy(i, delta)) });
  else if (YAML.isAlias(item)) copy = Object.assign(new YAML.Alias(item.source), item);
  else return item;
  const node = copy as YAML.Node;
  const range = (item as unknown as YAML.Node).range;
  if (range) node.range = [range[0] + delta, range[1] + delta, range[2] + delta];
  return copy as T;
}

/**
 * A pair whose value is `source`'s moved by `delta`, copied only when first read. An edit's
 * re-parse moves every entry after it; most of them are never read in that version (the style
 * guide reads values, and findings outside the re-parsed region keep their place), so the copy of
 * the rest of the tree (~35 ms per keystroke on Twilio, several hundred on GitHub) is deferred.
 * The key is copied at once (section starts and key lookups read it). `source` is never changed.
 */
class ShiftedPair extends YAML.Pair<unknown, unknown> {
  // Declared only: a class field would be set after super(), whose `this.value = ...` runs the setter.
  declare private pending: { source: YAML.Pair<unknown, unknown>; delta: number } | undefined;
  declare private current: unknown;

  constructor(source: YAML.Pair<unknown, unknown>, delta: number) {
    super(shiftedCopy(source.key, delta));
    // A pair still pending is moved again from its own source: moves add up without copying.
    this.pending = source instanceof ShiftedPair && source.pending ? { source: source.pending.source, delta: source.pending.delta + delta } : { source, delta };
  }

  // @ts-expect-error: an accessor in place of Pair's field, so that reading it copies on demand.
  override get value(): unknown {
    if (this.pending) {
      this.current = shiftedCopy(this.pending.source.value, this.pending.delta);
      this.pending = undefined;
    }
    return this.current;
  }

  override set value(value: unknown) {
    this.current = value;
    this.pending = undefined;
  }
}

/** `pair` moved by `delta`, its value copied on first read (see ShiftedPair). */
export function lazilyShifted<T>(pair: T, delta: number): T {
  if (delta === 0 || !YAML.isPair(pair)) return shiftedCopy(pair, delta);
  return new ShiftedPair(pair as YAML.Pair<unknown, unknown>, delta) as T;
}
