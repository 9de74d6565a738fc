/** Seeded edits of the kinds typing produces mid-way (issue 18's sweep): same seed, same edits. */

const GARBAGE = ['{', '}', '[', ']', ':', '"', "'", '- ', '\t', '&a ', '*a', '!!binary ', '#', '\\', '$ref: ', '\u0000', '\uFEFF', '\n  ', '%YAML 1.1\n'];

export function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  switch (Math.floor(random() * 6)) {
    case 0: // truncated (a paste cut short, a file half-written)
      return text.slice(0, at);
    case 1: // garbage typed in
      return text.slice(0, at) + pick(GARBAGE) + pick(GARBAGE) + text.slice(at);
    case 2: { // a block re-indented by one space
      const lines = text.split('\n');
      const from = Math.floor(random() * lines.length);
      const to = Math.min(lines.length, from + 1 + Math.floor(random() * 20));
      const shift = random() < 0.5 ? (l: string) => ' ' + l : (l: string) => l.replace(/^ /, '');
      return [...lines.slice(0, from), ...lines.slice(from, to).map(shift), ...lines.slice(to)].join('\n');
    }
    case 3: { // a string cut open: from a quote to somewhere later
      const quote = text.indexOf('"', at) >= 0 ? text.indexOf('"', at) : text.indexOf("'", at);
      if (quote < 0) return text.slice(0, at);
      return text.slice(0, quote + 1) + text.slice(quote + 1 + Math.floor(random() * 200));
    }
    case 4: { // lines deleted
      const lines = text.split('\n');
      const from = Math.floor(random() * lines.length);
      return [...lines.slice(0, from), ...lines.slice(from + 1 + Math.floor(random() * 10))].join('\n');
    }
    default: // a chunk duplicated (duplicate keys, repeated paths)
      return text.slice(0, at) + text.slice(Math.max(0, at - 300), at) + text.slice(at);
  }
}
