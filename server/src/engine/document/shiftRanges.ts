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
