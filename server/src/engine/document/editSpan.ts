/** The span an edit replaced: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface EditSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
  delta: number;
}

/** Compared a block at a time first (a string comparison is a memory compare), then by character. */
const BLOCK = 4096;

/** The edit between two texts, as the span between their common prefix and common suffix. */
export function editSpan(oldText: string, newText: string): EditSpan {
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + BLOCK <= max && oldText.substring(start, start + BLOCK) === newText.substring(start, start + BLOCK)) start += BLOCK;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const limit = max - start;
  let suffix = 0;
  const tail = (text: string, n: number) => text.substring(text.length - suffix - n, text.length - suffix);
  while (suffix + BLOCK <= limit && tail(oldText, BLOCK) === tail(newText, BLOCK)) suffix += BLOCK;
  while (suffix < limit && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix, delta: newText.length - oldText.length };
}
