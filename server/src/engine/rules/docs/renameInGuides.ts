/**
 * Renames reach the guides: an operationId, a path or a schema property renamed in a spec also
 * updates the Markdown that names it, in the same workspace edit. Only mentions that match the
 * renamed element of this spec are touched (a guide narrowed to another API is left alone).
 */
import * as YAML from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../document/parsedDocument';
import { indexDocument, isObj, own, resolveLocalRef } from '../../openapi';
import type { NameSymbol } from '../../references/symbols';
import type { EditSet } from '../../references/textEdits';
import { describeApi, type ApiDescription } from './apiModel';
import type { SpecFormat } from '../../style/types';
import { analyzeGuide, type Guide } from './guideModel';

/** The workspace's Markdown guides whose text contains `needle`. */
export type GuideTexts = (needle: string) => Promise<Array<{ uri: string; text: string }>>;

function edit(text: string, offset: number, length: number, newText: string): TextEdit {
  const doc = TextDocument.create('', 'markdown', 0, text);
  return { range: { start: doc.positionAt(offset), end: doc.positionAt(offset + length) }, newText };
}

function operationIdEdits(guide: Guide, oldId: string, newId: string): TextEdit[] {
  return guide.scan.inlineCode.filter((c) => c.text === oldId).map((c) => edit(guide.text, c.offset, c.text.length, newId));
}

/** The written path with the renamed template's literal segments replaced (written parameter values kept). */
function rewritePath(written: string, basePath: string, oldPath: string, newPath: string): string {
  const oldSegs = oldPath.split('/');
  const newSegs = newPath.split('/');
  const rest = written.slice(basePath.length).split('/');
  if (oldSegs.length !== newSegs.length || rest.length !== oldSegs.length) return basePath + newPath;
  return basePath + rest.map((seg, i) => (oldSegs[i].includes('{') ? seg : newSegs[i])).join('/');
}

function pathEdits(guide: Guide, oldPath: string, newPath: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const m of guide.mentions) {
    const match = m.matches.find((x) => x.operation.path === oldPath);
    if (!match) continue;
    out.push(edit(guide.text, m.pathOffset, m.path.length, rewritePath(m.path, match.basePath, oldPath, newPath)));
  }
  return out;
}

/** Keys of example objects whose schema is the renamed property's parent (through $ref, allOf, items and properties). */
function propertyEdits(guide: Guide, api: ApiDescription, format: SpecFormat, parentPointer: string, oldName: string, newName: string): TextEdit[] {
  const pointers = new Map<object, string>();
  for (const s of indexDocument(api.root, format).schemas) pointers.set(s.schema, s.pointer);
  const out: TextEdit[] = [];
  const visit = (node: unknown, schema: unknown, depth: number) => {
    if (depth > 32) return;
    const s = isObj(schema) && own(schema, '$ref') !== undefined ? resolveLocalRef(api.root, schema)?.value : schema;
    if (!isObj(s)) return;
    const allOf = own(s, 'allOf');
    if (Array.isArray(allOf)) for (const part of allOf) visit(node, part, depth + 1);
    if (YAML.isSeq(node)) { for (const item of node.items) visit(item, own(s, 'items'), depth + 1); return; }
    if (!YAML.isMap(node)) return;
    const isParent = pointers.get(s) === parentPointer;
    for (const pair of node.items) {
      if (!YAML.isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (isParent && key === oldName && pair.key.range) {
        const [start, end] = pair.key.range;
        const raw = exampleText.slice(start, end);
        out.push(edit(guide.text, exampleOffset + start, end - start, raw.startsWith('"') ? JSON.stringify(newName) : raw.startsWith("'") ? `'${newName}'` : newName));
      }
      visit(pair.value, own(own(s, 'properties'), key), depth + 1);
    }
  };
  let exampleText = '';
  let exampleOffset = 0;
  for (const example of guide.examples) {
    const match = example.matches.find((m) => m.api === api);
    if (!match) continue;
    const schema = example.direction === 'request' ? match.operation.requestSchema : match.operation.responseSchema;
    const doc = YAML.parseDocument(example.fence.content, { uniqueKeys: false });
    if (doc.errors.length > 0) continue;
    exampleText = example.fence.content;
    exampleOffset = example.fence.contentOffset;
    visit(doc.contents, schema, 0);
  }
  return out;
}

const described = new WeakMap<ParsedDocument, ApiDescription | undefined>();

function apiOf(doc: ParsedDocument): ApiDescription | undefined {
  if (!described.has(doc)) described.set(doc, describeApi(doc.uri, doc.value, doc.format!));
  return described.get(doc);
}

/** Adds the guide edits of a rename to `edits`. */
export async function addGuideRenameEdits(doc: ParsedDocument, symbol: NameSymbol, newName: string, guides: GuideTexts | undefined, edits: EditSet): Promise<void> {
  if (!guides || !doc.format || doc.format === 'arazzo1' || doc.value === undefined) return;
  if (symbol.kind !== 'operationId' && symbol.kind !== 'path' && symbol.kind !== 'property') return;
  const needle = symbol.kind === 'path' ? symbol.name.split('/').filter((s) => s && !s.includes('{'))[0] ?? symbol.name : symbol.name;
  const files = await guides(needle);
  // Describing the API walks the whole document: only when a guide names the element, once per parse.
  const api = files.length > 0 ? apiOf(doc) : undefined;
  if (!api) return;
  for (const file of files) {
    const guide = analyzeGuide(file.uri, file.text, [api]);
    if (!guide.apis || guide.apis.length === 0) continue;
    const list = symbol.kind === 'operationId' ? operationIdEdits(guide, symbol.name, newName)
      : symbol.kind === 'path' ? pathEdits(guide, symbol.name, newName)
        : propertyEdits(guide, api, doc.format, symbol.parentPointer, symbol.name, newName);
    for (const e of list) edits.add(file.uri, e);
  }
}
