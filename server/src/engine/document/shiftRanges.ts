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
    copy = Object.assign(new YAML.Pair(null), item, { key: shiftedCopy(item.key, delta), value: shiftedCopy(item.value, delta) });
    return copy as T;
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
