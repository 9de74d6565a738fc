/**
 * The reference machinery: a rename of one named element and of every place that depends on its
 * name, as minimal text edits across files. Used by quick fixes, fix-all and F2 alike.
 */
import type { ParsedDocument } from '../document/parsedDocument';
import { getAtPointer, indexDocument, isObj, own, ownString } from '../openapi';
import { resolveRefUri } from '../refs';
import { encodePointerSegment, joinPointer, splitPointer, type JsonPointer } from '../jsonPointer';
import { decodeFragment, schemaPointer, type NameSymbol } from './symbols';
import { EditSet, replaceAt } from './textEdits';
import { sitesOf, walk } from './documentSites';
import { addGuideRenameEdits, type GuideTexts } from '../rules/docs/renameInGuides';

/** Other parsed workspace files whose text contains `needle` (never the document itself); `guides`: Markdown guides too. */
export type OtherFiles = ((needle: string) => Promise<ParsedDocument[]>) & { guides?: GuideTexts };

/** Rewrites a ref string whose target is `fromPointer` (or below it) in `targetUri`; undefined when it points elsewhere. */
function rewriteRef(ref: string, refFileUri: string, targetUri: string, fromPointer: JsonPointer, toPointer: JsonPointer): string | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  const resolved = resolveRefUri(ref, refFileUri);
  if (resolved.uri !== targetUri) return undefined;
  const pointer = resolved.pointer;
  if (pointer !== fromPointer && !pointer.startsWith(fromPointer + '/')) return undefined;
  const rest = pointer.slice(fromPointer.length);
  const raw = ref.slice(hash + 1);
  const encoded = raw !== decodeFragment(raw);
  const newPointer = toPointer + rest;
  return ref.slice(0, hash + 1) + (encoded ? encodeURI(newPointer) : newPointer);
}

/** Every `$ref` (and discriminator mapping value) of a file that targets `fromPointer` in `targetUri`, renamed. */
function renameRefsIn(file: ParsedDocument, targetUri: string, fromPointer: JsonPointer, toPointer: JsonPointer, edits: EditSet, bareName?: [string, string]): void {
  for (const { pointer, value, mapping } of sitesOf(file).refs) {
    if (mapping && bareName && file.uri === targetUri && value === bareName[0]) {
      edits.add(file.uri, replaceAt(file, pointer, 'value', bareName[1]));
      continue;
    }
    const next = rewriteRef(value, file.uri, targetUri, fromPointer, toPointer);
    if (next !== undefined && next !== value) edits.add(file.uri, replaceAt(file, pointer, 'value', next));
  }
}

function localRefTo(value: unknown, pointer: JsonPointer): boolean {
  const ref = ownString(value, '$ref');
  return ref !== undefined && ref.startsWith('#') && decodeFragment(ref.slice(1)) === pointer;
}

/** The schemas that share a property through composition: the parent, its allOf family, and schemas composing it by `$ref`. */
function propertyFamily(doc: ParsedDocument, parent: JsonPointer): JsonPointer[] {
  const root = doc.value;
  const out = new Set<JsonPointer>([parent]);
  const addAllOf = (base: JsonPointer) => {
    out.add(base);
    const list = own(getAtPointer(root, base), 'allOf');
    if (Array.isArray(list)) list.forEach((_, i) => out.add(joinPointer(base, 'allOf', i)));
  };
  const m = /^(.*)\/allOf\/\d+$/.exec(parent);
  if (m) addAllOf(m[1]);
  addAllOf(parent);
  // Schemas that compose this one by $ref: `allOf: [{$ref: parent}, {required: [...]}]`, or a oneOf with a discriminator.
  const targets = [...out];
  for (const { pointer, value } of sitesOf(doc).composers) {
    for (const k of ['allOf', 'oneOf', 'anyOf']) {
      const list = own(value, k);
      if (Array.isArray(list) && list.some((s) => targets.some((t) => localRefTo(s, t)))) {
        if (k === 'allOf') addAllOf(pointer);
        else out.add(pointer);
      }
    }
  }
  return [...out];
}

/** Whether a schema is (or is an array of, or refs) one of `family`. */
function schemaIsOneOf(root: unknown, schema: unknown, schemaPtr: JsonPointer, family: JsonPointer[]): boolean {
  if (family.includes(schemaPtr) || family.some((f) => localRefTo(schema, f))) return true;
  const items = own(schema, 'items');
  return isObj(items) && (family.includes(`${schemaPtr}/items`) || family.some((f) => localRefTo(items, f)));
}

function renamePropertyEdits(doc: ParsedDocument, symbol: Extract<NameSymbol, { kind: 'property' }>, newName: string, edits: EditSet): void {
  const root = doc.value;
  const { name } = symbol;
  edits.add(doc.uri, replaceAt(doc, symbol.pointer, 'key', newName));
  const family = propertyFamily(doc, symbol.parentPointer);
  const renameKeyIn = (objPointer: JsonPointer) => {
    const obj = getAtPointer(root, objPointer);
    if (isObj(obj) && own(obj, name) !== undefined && own(obj, newName) === undefined) {
      edits.add(doc.uri, replaceAt(doc, joinPointer(objPointer, name), 'key', newName));
    }
  };
  const renameExampleKeys = (examplePtr: JsonPointer) => {
    const ex = getAtPointer(root, examplePtr);
    if (Array.isArray(ex)) ex.forEach((_, i) => renameKeyIn(joinPointer(examplePtr, i)));
    else renameKeyIn(examplePtr);
  };
  for (const s of family) {
    const schema = getAtPointer(root, s);
    const required = own(schema, 'required');
    if (Array.isArray(required)) required.forEach((r, i) => r === name && edits.add(doc.uri, replaceAt(doc, joinPointer(s, 'required', i), 'value', newName)));
    if (ownString(own(schema, 'discriminator'), 'propertyName') === name) {
      edits.add(doc.uri, replaceAt(doc, joinPointer(s, 'discriminator', 'propertyName'), 'value', newName));
    }
    if (own(schema, 'example') !== undefined) renameExampleKeys(joinPointer(s, 'example'));
    const examples = own(schema, 'examples');
    if (Array.isArray(examples)) examples.forEach((_, i) => renameKeyIn(joinPointer(s, 'examples', i)));
  }
  // Media types whose schema is this one: their example / examples.*.value; responses' links.
  for (const { pointer, value } of sitesOf(doc).schemaHolders) {
    const schema = own(value, 'schema');
    if (isObj(schema) && schemaIsOneOf(root, schema, joinPointer(pointer, 'schema'), family)) {
      if (own(value, 'example') !== undefined) renameExampleKeys(joinPointer(pointer, 'example'));
      for (const [k, ex] of Object.entries(isObj(own(value, 'examples')) ? (own(value, 'examples') as object) : {})) {
        if (own(ex, 'value') !== undefined) renameExampleKeys(joinPointer(pointer, 'examples', k, 'value'));
      }
    }
    const links = own(value, 'links');
    const content = own(value, 'content');
    if (isObj(links) && isObj(content)) {
      const returnsIt = Object.entries(content).some(([mt, media]) => {
        const sc = own(media, 'schema');
        return isObj(sc) && schemaIsOneOf(root, sc, joinPointer(pointer, 'content', mt, 'schema'), family);
      });
      if (returnsIt) renameLinkExpressions(doc, joinPointer(pointer, 'links'), '$response.body#', name, newName, edits);
    }
  }
}

/** `$response.body#/created_at` → `$response.body#/createdAt` in a links object's parameters and requestBody. */
function renameLinkExpressions(doc: ParsedDocument, linksPtr: JsonPointer, prefix: string, name: string, newName: string, edits: EditSet): void {
  walk(getAtPointer(doc.value, linksPtr), (value, rel) => {
    if (typeof value !== 'string' || !value.includes(prefix)) return;
    const next = value.replace(new RegExp(`(${prefix.replace(/[$.#]/g, '\\$&')}/)${escapeRe(encodePointerSegment(name))}(?=/|$|\\})`, 'g'), `$1${encodePointerSegment(newName)}`);
    if (next !== value) edits.add(doc.uri, replaceAt(doc, linksPtr + rel, 'value', next));
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function renameOperationIdEdits(doc: ParsedDocument, symbol: NameSymbol, newName: string, edits: EditSet): void {
  edits.add(doc.uri, replaceAt(doc, symbol.pointer, 'value', newName));
  for (const { pointer, value } of sitesOf(doc).operationIds) {
    if (value === symbol.name && pointer !== symbol.pointer && /\/links\/[^/]+\/operationId$/.test(pointer)) {
      edits.add(doc.uri, replaceAt(doc, pointer, 'value', newName));
    }
  }
}

/** Arazzo steps that call the operation: `operationId: old` or `operationId: $sourceDescriptions.<name>.old`. */
function renameArazzoEdits(doc: ParsedDocument, arazzo: ParsedDocument, oldId: string, newName: string, edits: EditSet, mentioning: ReadonlySet<string>): void {
  const sources = own(arazzo.value, 'sourceDescriptions');
  const ours = new Set<string>();
  // A plain id is ours when no other OpenAPI source can define it (its text does not even mention it).
  let othersMayDefine = false;
  if (Array.isArray(sources)) {
    for (const s of sources) {
      const url = ownString(s, 'url');
      const name = ownString(s, 'name');
      if (url === undefined || name === undefined) continue;
      const uri = resolveRefUri(url, arazzo.uri).uri;
      if (uri === doc.uri) ours.add(name);
      else if (ownString(s, 'type') !== 'arazzo' && (mentioning.has(uri) || /^https?:/i.test(uri))) othersMayDefine = true;
    }
  }
  if (ours.size === 0) return;
  walk(own(arazzo.value, 'workflows'), (value, rel, _p, key) => {
    if (key !== 'operationId' || typeof value !== 'string') return;
    const m = /^\$sourceDescriptions\.([^.]+)\.(.+)$/.exec(value);
    let next: string | undefined;
    if (m && ours.has(m[1]) && m[2] === oldId) next = `$sourceDescriptions.${m[1]}.${newName}`;
    else if (!m && value === oldId && !othersMayDefine) next = newName;
    if (next !== undefined) edits.add(arazzo.uri, replaceAt(arazzo, '/workflows' + rel, 'value', next));
  });
}

const PATH_PARAM = /\{([^{}]*)\}/g;

function templateParams(path: string): string[] {
  return [...path.matchAll(PATH_PARAM)].map((m) => m[1]);
}

/** Inline `in: path` parameters named `name` in a path item and its operations. */
function pathParamPointers(root: unknown, pathItemPtr: JsonPointer, name: string): JsonPointer[] {
  const out: JsonPointer[] = [];
  const item = getAtPointer(root, pathItemPtr);
  const scan = (listPtr: JsonPointer) => {
    const list = getAtPointer(root, listPtr);
    if (Array.isArray(list)) list.forEach((p, i) => isObj(p) && p.in === 'path' && p.name === name && out.push(joinPointer(listPtr, i, 'name')));
  };
  scan(joinPointer(pathItemPtr, 'parameters'));
  if (isObj(item)) for (const k of Object.keys(item)) scan(joinPointer(pathItemPtr, k, 'parameters'));
  return out;
}

function renamePathEdits(doc: ParsedDocument, oldPath: string, newPath: string, edits: EditSet): void {
  const root = doc.value;
  const itemPtr = joinPointer('/paths', oldPath);
  edits.add(doc.uri, replaceAt(doc, itemPtr, 'key', newPath));
  const before = templateParams(oldPath);
  const after = templateParams(newPath);
  if (before.length === after.length) {
    before.forEach((p, i) => {
      if (p !== after[i]) for (const ptr of pathParamPointers(root, itemPtr, p)) edits.add(doc.uri, replaceAt(doc, ptr, 'value', after[i]));
    });
  }
  // links.operationRef: '#/paths/~1old/get'
  const fromPtr = itemPtr;
  for (const { pointer, value } of sitesOf(doc).operationRefs) {
    const next = rewriteRef(value, doc.uri, doc.uri, fromPtr, joinPointer('/paths', newPath));
    if (next !== undefined && next !== value) edits.add(doc.uri, replaceAt(doc, pointer, 'value', next));
  }
}

function renameParameterEdits(doc: ParsedDocument, symbol: Extract<NameSymbol, { kind: 'parameter' }>, newName: string, edits: EditSet): void {
  const root = doc.value;
  edits.add(doc.uri, replaceAt(doc, symbol.pointer, 'value', newName));
  if (symbol.in !== 'path') return;
  const segs = splitPointer(symbol.pointer);
  const paths: string[] = [];
  if (segs[0] === 'paths') paths.push(segs[1]);
  else {
    const componentPtr = joinPointer('', ...segs.slice(0, -1));
    for (const [path, item] of Object.entries(isObj(own(root, 'paths')) ? (own(root, 'paths') as object) : {})) {
      let uses = false;
      walk(item, (value) => (uses ||= localRefTo(value, componentPtr)));
      if (uses) paths.push(path);
    }
  }
  for (const path of paths) {
    const renamed = path.replace(PATH_PARAM, (whole, p: string) => (p === symbol.name ? `{${newName}}` : whole));
    if (renamed === path) continue;
    renamePathEdits(doc, path, renamed, edits);
  }
}

function renameEnumEdits(doc: ParsedDocument, symbol: NameSymbol, newName: string, edits: EditSet): void {
  edits.add(doc.uri, replaceAt(doc, symbol.pointer, 'value', newName));
  const schemaPtr = symbol.pointer.replace(/\/enum\/\d+$/, '');
  const schema = getAtPointer(doc.value, schemaPtr);
  for (const k of ['default', 'example', 'const']) {
    if (own(schema, k) === symbol.name) edits.add(doc.uri, replaceAt(doc, joinPointer(schemaPtr, k), 'value', newName));
  }
}

/**
 * Edits renaming `symbol` to `newName` and every dependent place. `otherFiles` gives the workspace
 * files that may reference the document (`$ref`s to a schema, Arazzo steps naming an operationId).
 */
export async function renameEdits(doc: ParsedDocument, symbol: NameSymbol, newName: string, otherFiles?: OtherFiles): Promise<EditSet> {
  const edits = new EditSet();
  switch (symbol.kind) {
    case 'schema': {
      edits.add(doc.uri, replaceAt(doc, symbol.pointer, 'key', newName));
      const from = schemaPointer(doc, symbol.name);
      const to = schemaPointer(doc, newName);
      renameRefsIn(doc, doc.uri, from, to, edits, [symbol.name, newName]);
      for (const file of (await otherFiles?.(symbol.name)) ?? []) renameRefsIn(file, doc.uri, from, to, edits);
      break;
    }
    case 'property':
      renamePropertyEdits(doc, symbol, newName, edits);
      break;
    case 'operationId':
      renameOperationIdEdits(doc, symbol, newName, edits);
      const files = (await otherFiles?.(symbol.name)) ?? [];
      const mentioning = new Set(files.map((f) => f.uri));
      for (const file of files) {
        if (file.format === 'arazzo1') renameArazzoEdits(doc, file, symbol.name, newName, edits, mentioning);
      }
      break;
    case 'parameter':
      renameParameterEdits(doc, symbol, newName, edits);
      break;
    case 'path':
      renamePathEdits(doc, symbol.name, newName, edits);
      break;
    case 'enum':
      renameEnumEdits(doc, symbol, newName, edits);
      break;
  }
  await addGuideRenameEdits(doc, symbol, newName, otherFiles?.guides, edits);
  return edits;
}

/** Whether the element existed under its current name in a baseline document (so renaming it breaks consumers). */
export function isPublished(doc: ParsedDocument, symbol: NameSymbol, baselineRoot: unknown): boolean {
  if (baselineRoot === undefined) return false;
  switch (symbol.kind) {
    case 'schema':
    case 'property':
    case 'path':
      return getAtPointer(baselineRoot, symbol.pointer) !== undefined;
    case 'operationId':
      return indexDocument(baselineRoot, doc.format!).operations.some((o) => ownString(o.operation, 'operationId') === symbol.name);
    case 'parameter':
      return getAtPointer(baselineRoot, symbol.pointer) === symbol.name;
    case 'enum': {
      const list = getAtPointer(baselineRoot, symbol.pointer.replace(/\/\d+$/, ''));
      return Array.isArray(list) && list.includes(symbol.name);
    }
  }
}
