/**
 * Casing utilities: split a name into words, detect which casings it satisfies, convert it.
 *
 * Word splitting rules (documented in docs/rules/README.md):
 * - Leading and trailing characters that are neither letters nor digits (`_links`, `@type`, `$self`)
 *   are a prefix/suffix; they are kept by conversions and ignored by detection.
 * - Any other non letter/digit character (`_`, `-`, `.`, space, ...) separates words.
 * - A lowercase→uppercase change starts a word (`userId` → user|Id).
 * - In an uppercase run followed by lowercase, the last capital starts the next word
 *   (`HTTPServer` → HTTP|Server), except a plural `s` (`userIDs` → user|IDs).
 * - Digits stick to the word before them (`v1`, `oauth2`, `user2FAEnabled` → user2|FA|Enabled);
 *   a capital after a digit starts a word (`v2Items` → v2|Items).
 * - Letters without case (CJK, ...) behave like lowercase letters.
 */

export type CasingName = 'camelCase' | 'PascalCase' | 'snake_case' | 'kebab-case' | 'UPPER_SNAKE_CASE' | 'Train-Case';

export const CASING_NAMES: readonly CasingName[] = [
  'camelCase',
  'PascalCase',
  'snake_case',
  'kebab-case',
  'UPPER_SNAKE_CASE',
  'Train-Case',
];

export function isCasingName(value: unknown): value is CasingName {
  return typeof value === 'string' && (CASING_NAMES as readonly string[]).includes(value);
}

export interface Word {
  text: string;
  /** UTF-16 offsets in the original name. */
  start: number;
  end: number;
}

export interface NameParts {
  prefix: string;
  /** The name without prefix and suffix. */
  core: string;
  suffix: string;
  words: Word[];
}

type CharClass = 'U' | 'L' | 'D' | 'S';

function classify(ch: string): CharClass {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 97 && code <= 122) return 'L';
    if (code >= 65 && code <= 90) return 'U';
    if (code >= 48 && code <= 57) return 'D';
    return 'S';
  }
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return 'U';
  if (/\p{L}|\p{M}/u.test(ch)) return 'L';
  if (/\p{N}/u.test(ch)) return 'D';
  return 'S';
}

const EMPTY: NameParts = Object.freeze({ prefix: '', core: '', suffix: '', words: Object.freeze([]) as unknown as Word[] });
/** Names repeat a lot across a spec: tokenizing is memoized (bounded; results are frozen). */
const tokenCache = new Map<string, NameParts>();
const TOKEN_CACHE_LIMIT = 20000;

/** Split a name into prefix, words and suffix. Never throws; non-strings give no words. The result is shared: do not mutate it. */
export function tokenize(name: string): NameParts {
  if (typeof name !== 'string' || name === '') return EMPTY;
  let parts = tokenCache.get(name);
  if (parts) return parts;
  parts = tokenizeUncached(name);
  parts.words.forEach((w) => Object.freeze(w));
  Object.freeze(parts.words);
  Object.freeze(parts);
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(name, parts);
  return parts;
}

function tokenizeUncached(name: string): NameParts {
  const chars: Array<{ ch: string; cls: CharClass; start: number }> = [];
  let offset = 0;
  for (const ch of name) {
    chars.push({ ch, cls: classify(ch), start: offset });
    offset += ch.length;
  }
  let first = 0;
  while (first < chars.length && chars[first].cls === 'S') first++;
  let last = chars.length - 1;
  while (last >= first && chars[last].cls === 'S') last--;
  if (first > last) return { prefix: name, core: '', suffix: '', words: [] };
  const coreStart = chars[first].start;
  const coreEnd = chars[last].start + chars[last].ch.length;
  const words: Word[] = [];
  let wordStart = -1;
  const flush = (endIndex: number) => {
    if (wordStart < 0) return;
    const start = chars[wordStart].start;
    const end = endIndex < chars.length ? chars[endIndex].start : name.length;
    words.push({ text: name.slice(start, end), start, end });
    wordStart = -1;
  };
  for (let i = first; i <= last; i++) {
    const { cls } = chars[i];
    if (cls === 'S') {
      flush(i);
      continue;
    }
    if (wordStart < 0) {
      wordStart = i;
      continue;
    }
    const prev = chars[i - 1].cls;
    const next = i + 1 <= last ? chars[i + 1].cls : 'S';
    let boundary = false;
    if (cls === 'U' && (prev === 'L' || prev === 'D')) boundary = true;
    else if (cls === 'U' && prev === 'U' && next === 'L') {
      // `IDs` keeps its plural s: no boundary when the lowercase is a lone trailing `s`.
      const afterNext = i + 2 <= last ? chars[i + 2].cls : 'S';
      const pluralS = chars[i + 1].ch === 's' && afterNext !== 'L';
      boundary = !pluralS;
    }
    if (boundary) {
      flush(i);
      wordStart = i;
    }
  }
  flush(last + 1);
  return {
    prefix: name.slice(0, coreStart),
    core: name.slice(coreStart, coreEnd),
    suffix: name.slice(coreEnd),
    words,
  };
}

/** The words of a name, e.g. `getHTTPResponse` → ['get', 'HTTP', 'Response']. */
export function splitWords(name: string): string[] {
  return tokenize(name).words.map((w) => w.text);
}

const L = '\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}';
const PATTERNS: Record<CasingName, RegExp> = {
  camelCase: new RegExp(`^[${L}][\\p{L}\\p{M}\\p{N}]*$`, 'u'),
  PascalCase: new RegExp(`^[\\p{Lu}\\p{Lt}][\\p{L}\\p{M}\\p{N}]*$`, 'u'),
  snake_case: new RegExp(`^[${L}][${L}\\p{N}]*(?:_[${L}\\p{N}]+)*$`, 'u'),
  'kebab-case': new RegExp(`^[${L}][${L}\\p{N}]*(?:-[${L}\\p{N}]+)*$`, 'u'),
  UPPER_SNAKE_CASE: /^\p{Lu}[\p{Lu}\p{N}]*(?:_[\p{Lu}\p{N}]+)*$/u,
  'Train-Case': /^[\p{Lu}\p{Lt}][\p{L}\p{M}\p{N}]*(?:-[\p{Lu}\p{Lt}\p{N}][\p{L}\p{M}\p{N}]*)*$/u,
};

/**
 * Whether `name` satisfies a casing. Prefix/suffix punctuation (`_links`, `$self`) is ignored.
 * camelCase, PascalCase and Train-Case accept uppercase acronyms (`userID`); the acronym rule judges those.
 */
export function matchesCasing(name: string, casing: CasingName): boolean {
  const { core } = tokenize(name);
  if (core === '') return true;
  return PATTERNS[casing].test(core);
}

/** Every casing the name satisfies (prefix/suffix ignored). A lone lowercase word satisfies several. */
export function detectCasings(name: string, candidates: readonly CasingName[] = CASING_NAMES): CasingName[] {
  const { core } = tokenize(name);
  if (core === '') return [];
  return candidates.filter((c) => PATTERNS[c].test(core));
}

/**
 * The one casing a name votes for among `candidates`, or undefined when it is ambiguous (`name` is
 * camelCase, snake_case and kebab-case at once) or fits none. An all-caps name (`ACTIVE`) votes
 * UPPER_SNAKE_CASE when that is a candidate, rather than being ambiguous with PascalCase.
 */
export function distinctCasing(name: string, candidates: readonly CasingName[]): CasingName | undefined {
  let found = detectCasings(name, candidates);
  if (found.length > 1 && found.includes('UPPER_SNAKE_CASE')) found = ['UPPER_SNAKE_CASE'];
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Pick the dominant casing from vote counts. Ties break in the order of `candidates`.
 * Returns undefined when nobody voted.
 */
export function dominantCasing(votes: Map<CasingName, number>, candidates: readonly CasingName[]): CasingName | undefined {
  let best: CasingName | undefined;
  let bestCount = 0;
  for (const c of candidates) {
    const n = votes.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** How conversions write acronyms in camelCase, PascalCase and Train-Case. */
export interface AcronymPolicy {
  /** 'capitalize': `HTTP` → `Http`; 'preserve': keep all-caps words as they are. */
  mode: 'capitalize' | 'preserve';
  /** Words kept as written even in 'capitalize' mode (compared without a plural `s`). */
  allow?: ReadonlySet<string>;
}

export const CAPITALIZE_ACRONYMS: AcronymPolicy = { mode: 'capitalize' };

/** An all-caps word of two letters or more, optionally with a plural `s`: `ID`, `HTTP`, `IDs`, `2FA`. */
export function isShoutedWord(word: string): boolean {
  const stem = acronymStem(word);
  const letters = stem.match(/\p{L}/gu) ?? [];
  if (letters.length < 2) return false;
  return letters.every((ch) => /\p{Lu}/u.test(ch));
}

/** The word without a plural `s` after capitals: `IDs` → `ID`. */
export function acronymStem(word: string): string {
  return /\p{Lu}s$/u.test(word) ? word.slice(0, -1) : word;
}

function upperFirst(word: string): string {
  const [first = '', ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join('');
}

export function capitalize(word: string): string {
  return upperFirst(word.toLowerCase());
}

function keepAcronym(word: string, policy: AcronymPolicy): boolean {
  if (!isShoutedWord(word)) return false;
  if (policy.mode === 'preserve') return true;
  return policy.allow?.has(acronymStem(word)) ?? false;
}

/** Join words in a casing. */
export function joinWords(words: readonly string[], casing: CasingName, policy: AcronymPolicy = CAPITALIZE_ACRONYMS): string {
  const capital = (w: string) => (keepAcronym(w, policy) ? w : capitalize(w));
  switch (casing) {
    case 'camelCase':
      return words.map((w, i) => (i === 0 ? w.toLowerCase() : capital(w))).join('');
    case 'PascalCase':
      return words.map(capital).join('');
    case 'snake_case':
      return words.map((w) => w.toLowerCase()).join('_');
    case 'kebab-case':
      return words.map((w) => w.toLowerCase()).join('-');
    case 'UPPER_SNAKE_CASE':
      return words.map((w) => w.toUpperCase()).join('_');
    case 'Train-Case':
      return words.map(capital).join('-');
  }
}

/** Convert a name to a casing, keeping its prefix and suffix (`_links`, `$self`). */
export function convertCasing(name: string, casing: CasingName, policy: AcronymPolicy = CAPITALIZE_ACRONYMS): string {
  const parts = tokenize(name);
  if (parts.words.length === 0) return name;
  return parts.prefix + joinWords(parts.words.map((w) => w.text), casing, policy) + parts.suffix;
}

/** Lowercase words joined by spaces: the key names are compared on (`created_at` ≡ `createdAt`). */
export function normalizeName(name: string): string {
  return splitWords(name)
    .map((w) => w.toLowerCase())
    .join(' ');
}
