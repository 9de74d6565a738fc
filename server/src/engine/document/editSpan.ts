/** The span an edit replaced: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface EditSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
  delta: number;
}

/** The edit between two texts, as the span between their common prefix and common suffix. */
export function editSpan(oldText: string, newText: string): EditSpan {
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let suffix = 0;
  const limit = max - start;
  while (suffix < limit && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix, delta: newText.length - oldText.length };
}
