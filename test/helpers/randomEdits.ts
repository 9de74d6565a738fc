/** A small seeded PRNG (mulberry32): the same seed gives the same edit sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomEdit {
  kind: string;
  offset: number;
  text: string;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Line starts of `text` (cheap enough for the specs the tests use). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Edits as an editor user makes them: typing in a value, deleting a few characters, pasting a
 * block of lines elsewhere, adding a member line, breaking the syntax; a broken text is usually
 * undone back to the last valid one (as a user fixes what they broke), sometimes edited further.
 */
export class RandomEditor {
  private lastValid: string;
  private pendingRevert = false;

  constructor(private text: string, private readonly random: () => number) {
    this.lastValid = text;
  }

  /** The next text; `broken`: whether the current text has syntax errors. */
  next(broken: boolean): RandomEdit {
    if (!broken) this.lastValid = this.text;
    const edit = (broken && this.random() < 0.7) || this.pendingRevert ? { kind: 'undo', offset: 0, text: this.lastValid } : randomEdit(this.text, this.random);
    this.pendingRevert = edit.kind === 'break';
    this.text = edit.text;
    return edit;
  }
}

function randomEdit(text: string, random: () => number): RandomEdit {
  const starts = lineStarts(text);
  const line = Math.floor(random() * (starts.length - 1));
  const from = starts[line];
  const to = starts[line + 1] - 1;
  const roll = random();
  const insert = (offset: number, s: string, kind: string) => ({ kind, offset, text: text.slice(0, offset) + s + text.slice(offset) });
  if (roll < 0.35) {
    // Typing at the end of a line, or somewhere inside it.
    const offset = random() < 0.7 ? to : from + Math.floor(random() * (to - from + 1));
    return insert(offset, pick(random, ['a', 'Z', 'e', 'x', ' ', '1', 'é', '-', ':', '#', "'"]), 'type');
  }
  if (roll < 0.55) {
    const offset = from + Math.floor(random() * (to - from + 1));
    const length = 1 + Math.floor(random() * 5);
    return { kind: 'delete', offset, text: text.slice(0, offset) + text.slice(Math.min(offset + length, text.length)) };
  }
  if (roll < 0.7) {
    // Paste a block of lines copied from elsewhere (duplicate keys, wrong indentation: often broken).
    const first = Math.floor(random() * (starts.length - 1));
    const last = Math.min(first + 1 + Math.floor(random() * 12), starts.length - 1);
    return insert(from, text.slice(starts[first], starts[last]), 'paste');
  }
  if (roll < 0.85) {
    // A new member line under the current one, at its indentation.
    const indent = /^ */.exec(text.slice(from, to))![0];
    return insert(to, `\n${indent}x-note${Math.floor(random() * 1000)}: added`, 'add-line');
  }
  // Break the syntax; the next edit restores the text.
  const offset = from + Math.floor(random() * (to - from + 1));
  return insert(offset, pick(random, ['"', '[', '{', '\t', ': :', '&a ', '*a', '\n---\n', '\n  ? x']), 'break');
}
