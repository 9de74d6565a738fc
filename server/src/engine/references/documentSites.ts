/**
 * The places of a parsed document that renames look at (`$ref`s, discriminator mappings,
 * compositions, media types, operationIds, operationRefs), found by one walk per parse and
 * reused by every rename against that snapshot: fix-all over N findings walks the document
 * once, not N times.
 */
import type { ParsedDocument } from '../document/parsedDocument';
import { isObj, own } from '../openapi';
import { encodePointerSegment, type JsonPointer } from '../jsonPointer';

type Visit = (value: unknown, pointer: JsonPointer, parent: unknown, key: string) => void;

/** Depth-first walk over a document value (objects shared by YAML aliases are visited once). */
export function walk(root: unknown, visit: Visit): void {
  const seen = new Set<object>();
  const stack: Array<[unknown, JsonPointer, unknown, string]> = [[root, '', undefined, '']];
  while (stack.length > 0) {
    const [value, pointer, parent, key] = stack.pop()!;
    visit(value, pointer, parent, key);
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, `${pointer}/${i}`, value, String(i)]));
    else for (const [k, v] of Object.entries(value)) stack.push([v, `${pointer}/${encodePointerSegment(k)}`, value, k]);
  }
}

export interface Site<T> {
  readonly pointer: JsonPointer;
  readonly value: T;
}

export interface DocumentSites {
  /** `$ref` strings, and discriminator mapping values (`mapping: true`). */
  readonly refs: ReadonlyArray<Site<string> & { readonly mapping: boolean }>;
  /** Objects with `allOf`, `oneOf` or `anyOf`. */
  readonly composers: ReadonlyArray<Site<object>>;
  /** Objects with a `schema` object (media types, parameters) or with `links` and `content` (responses). */
  readonly schemaHolders: ReadonlyArray<Site<object>>;
  readonly operationIds: ReadonlyArray<Site<string>>;
  readonly operationRefs: ReadonlyArray<Site<string>>;
}

const memo = new WeakMap<ParsedDocument, DocumentSites>();

export function sitesOf(doc: ParsedDocument): DocumentSites {
  let sites = memo.get(doc);
  if (sites) return sites;
  const refs: Array<Site<string> & { mapping: boolean }> = [];
  const composers: Array<Site<object>> = [];
  const schemaHolders: Array<Site<object>> = [];
  const operationIds: Array<Site<string>> = [];
  const operationRefs: Array<Site<string>> = [];
  walk(doc.value, (value, pointer, _parent, key) => {
    if (typeof value === 'string') {
      if (key === '$ref') refs.push({ pointer, value, mapping: false });
      else if (pointer.includes('/discriminator/mapping/')) refs.push({ pointer, value, mapping: true });
      else if (key === 'operationId') operationIds.push({ pointer, value });
      else if (key === 'operationRef') operationRefs.push({ pointer, value });
      return;
    }
    if (!isObj(value)) return;
    if (['allOf', 'oneOf', 'anyOf'].some((k) => Array.isArray(own(value, k)))) composers.push({ pointer, value });
    if (isObj(own(value, 'schema')) || (isObj(own(value, 'links')) && isObj(own(value, 'content')))) schemaHolders.push({ pointer, value });
  });
  sites = { refs, composers, schemaHolders, operationIds, operationRefs };
  memo.set(doc, sites);
  return sites;
}
