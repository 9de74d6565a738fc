/**
 * What one API contributes to cross-API checks: its property names grouped by concept (the
 * same words, or glossary synonyms of them) with their types, and its named schemas' shapes.
 * Computed once per parsed value (the workspace index keeps parses while the text is unchanged).
 */
import { indexDocument, isObj, own, schemaTypes, getAtPointer } from '../../openapi';
import { tokenize } from '../../style/casing';
import { compileGlossary, matchGlossary, type PreferredTermsOptions } from '../../style/rules/naming';
import type { SpecFormat } from '../../style/types';
import type { JsonPointer } from '../../jsonPointer';

export interface ApiDocumentInput {
  uri: string;
  /** The API's name (catalog, else the path). */
  name: string;
  value: unknown;
  format: SpecFormat;
}

export interface PropertyOccurrence {
  name: string;
  pointer: JsonPointer;
  /** `string/date-time`, `integer`, `integer/int64`; undefined for `$ref` or untyped schemas. */
  signature?: string;
}

export interface SchemaShape {
  name: string;
  pointer: JsonPointer;
  /** property → signature (`$ref:Money` for references). */
  properties: Map<string, string>;
  required: string[];
}

export interface ApiFacts {
  /** concept key (lowercase words, glossary synonyms folded onto the preferred term) → occurrences. */
  concepts: Map<string, PropertyOccurrence[]>;
  schemas: Map<string, SchemaShape>;
}

type Glossary = ReturnType<typeof compileGlossary>;

/** The concept a property name stands for: its words, with a glossary synonym replaced by the preferred term. */
export function conceptKey(name: string, glossary: Glossary): string {
  const match = matchGlossary(name, glossary, 'snake_case', { mode: 'preserve' });
  return words(match ? match.newName : name).join(' ');
}

export function words(name: string): string[] {
  return tokenize(name).words.map((w) => w.text.toLowerCase());
}

export function signatureOf(schema: unknown): string | undefined {
  if (!isObj(schema)) return undefined;
  const ref = own(schema, '$ref');
  if (typeof ref === 'string') return `$ref:${ref.slice(ref.lastIndexOf('/') + 1)}`;
  const types = schemaTypes(schema).filter((t) => t !== 'null');
  if (types.length === 0) return undefined;
  const format = own(schema, 'format');
  return types.sort().join('|') + (typeof format === 'string' ? `/${format}` : '');
}

const FORM_MEDIA = /\/(application~1x-www-form-urlencoded|multipart~1form-data)\//;

const memo = new WeakMap<object, { glossaryKey: string; facts: ApiFacts }>();

export function glossaryFor(terms: PreferredTermsOptions | undefined): { glossary: Glossary; key: string } {
  const options = terms ?? { terms: {}, useDefaults: true };
  return { glossary: compileGlossary(options), key: JSON.stringify(options) };
}

export function apiFacts(api: ApiDocumentInput, glossary: { glossary: Glossary; key: string }): ApiFacts {
  const cached = isObj(api.value) ? memo.get(api.value) : undefined;
  if (cached && cached.glossaryKey === glossary.key) return cached.facts;
  const index = indexDocument(api.value, api.format);
  const concepts = new Map<string, PropertyOccurrence[]>();
  for (const p of index.properties) {
    // Form fields are not JSON properties: APIs name them by another convention (Twilio: PascalCase forms, snake_case JSON).
    if (p.name.startsWith('x-') || !/\p{L}/u.test(p.name) || FORM_MEDIA.test(p.pointer)) continue;
    const key = conceptKey(p.name, glossary.glossary);
    if (key === '') continue;
    const schema = p.schema;
    const signature = isObj(schema) && own(schema, '$ref') === undefined ? signatureOf(schema) : undefined;
    let list = concepts.get(key);
    if (!list) concepts.set(key, (list = []));
    list.push({ name: p.name, pointer: p.pointer, signature });
  }
  const schemas = new Map<string, SchemaShape>();
  for (const { name, pointer } of index.schemaNames) {
    const schema = getAtPointer(api.value, pointer);
    const properties = own(schema, 'properties');
    if (!isObj(properties)) continue;
    const shape: SchemaShape = { name, pointer, properties: new Map(), required: [] };
    for (const [prop, sub] of Object.entries(properties)) shape.properties.set(prop, signatureOf(sub) ?? 'any');
    const required = own(schema, 'required');
    if (Array.isArray(required)) shape.required = required.filter((r): r is string => typeof r === 'string').sort();
    schemas.set(name, shape);
  }
  const facts = { concepts, schemas };
  if (isObj(api.value)) memo.set(api.value, { glossaryKey: glossary.key, facts });
  return facts;
}
