import { parseDocument } from '../document/parsedDocument';
import type { ParseLimits } from '../document/limits';
import { collectExternalRefs, isRemoteUri, resolveRefUri } from '../refs';

/** After a `$ref` key: a string value naming a local file (not `#/...`, not a URL, not a `$ref` property's schema). */
const REF_VALUE = /^["']?\s*:\s*["']?(?!#|[a-z][a-z0-9+.-]*:\/\/)([^"'\s,{}[\]]+)/i;
const [DOLLAR, QUOTE, APOSTROPHE, SPACE, TAB, COLON, HASH] = [0x24, 0x22, 0x27, 0x20, 0x09, 0x3a, 0x23];
const REF = [0x72, 0x65, 0x66];
/** Bytes decoded after a `$ref` key to read its value. */
const VALUE_WINDOW = 512;

/** Above this size a text is not parsed to find its `$ref`s; they are read from the text instead. */
const MAX_PARSED_FOR_REFS = 2 * 1024 * 1024;

/**
 * The local files `text` references with `$ref` (remote URLs left out: they never change under
 * the workspace). Texts without an external-looking `$ref` cost one search; the others are
 * parsed and walked (`collectExternalRefs`), except very large ones, read textually.
 */
export function externalRefsOf(uri: string, text: string, limits: ParseLimits, parse = parseDocument): string[] {
  const textual = textualRefs(text);
  if (textual.length === 0) return [];
  let found: string[];
  if (text.length > MAX_PARSED_FOR_REFS) {
    found = textual.map((ref) => resolveRefUri(ref, uri).uri).filter((u) => u !== uri);
  } else {
    const doc = parse(uri, text, 0, limits);
    found = doc.value === undefined ? [] : collectExternalRefs(doc.value, uri);
  }
  return [...new Set(found)].filter((u) => !isRemoteUri(u));
}

/**
 * The same from a file's bytes: searched without decoding, decoded only when an external-looking
 * `$ref` is there (decoding every spec of a big repository is what makes a scan slow).
 */
export function externalRefsOfBytes(uri: string, bytes: Uint8Array, limits: ParseLimits, parse = parseDocument): string[] {
  if (!hasExternalRef(bytes)) return [];
  return externalRefsOf(uri, new TextDecoder().decode(bytes), limits, parse);
}

function hasExternalRef(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(DOLLAR); i >= 0; i = bytes.indexOf(DOLLAR, i + 1)) {
    if (bytes[i + 1] !== REF[0] || bytes[i + 2] !== REF[1] || bytes[i + 3] !== REF[2]) continue;
    // Most `$ref`s are local (`"#/...`): rejected on the bytes, without decoding.
    let j = i + 4;
    if (bytes[j] === QUOTE || bytes[j] === APOSTROPHE) j++;
    while (bytes[j] === SPACE || bytes[j] === TAB) j++;
    if (bytes[j] !== COLON) continue;
    j++;
    while (bytes[j] === SPACE || bytes[j] === TAB) j++;
    if (bytes[j] === QUOTE || bytes[j] === APOSTROPHE) j++;
    if (bytes[j] === HASH) continue;
    if (REF_VALUE.test(new TextDecoder().decode(bytes.subarray(i + 4, i + 4 + VALUE_WINDOW)))) return true;
  }
  return false;
}

/** Every external-looking `$ref` value in the text. */
function textualRefs(text: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf('$ref'); i >= 0; i = text.indexOf('$ref', i + 4)) {
    const m = REF_VALUE.exec(text.slice(i + 4, i + 4 + VALUE_WINDOW));
    if (m) out.push(m[1]);
  }
  return out;
}
