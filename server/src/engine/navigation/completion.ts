/**
 * Completion while authoring OpenAPI: `$ref` targets (pointers in this or another file, relative
 * paths), status codes, media types, security scheme names, tag names, `format`/`type`/`in`
 * values, and the keys valid at the cursor for the document's version, with their descriptions.
 *
 * The cursor's place is read from the live text; names (schemas, tags, schemes) come from the
 * latest parse the caller has, which may be a version behind while the user types.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { entries, getAtPointer, indexDocument, isObj, own, ownString } from '../openapi';
import { encodePointerSegment, joinPointer } from '../jsonPointer';
import { resolveRefUri } from '../refs';
import { throwIfCancelled, type Cancellation } from '../references/cancellation';
import { cursorContext, type CursorContext } from './cursorContext';
import { fieldsOf, FORMATS, kindAt, MEDIA_TYPES, PARAMETER_LOCATIONS, STATUS_CODES, TYPES } from './openapiKeys';
import { securitySchemesPointer, type NavigationFiles } from './targets';

export interface CompletionInput {
  uri: string;
  /** The live text and the cursor in it. */
  text: string;
  offset: number;
  position: Position;
  /** The latest parse of the document (possibly of an earlier version). */
  names: ParsedDocument;
  files: NavigationFiles;
  token?: Cancellation;
}

const SPEC_FILE = /\.(ya?ml|json)$/i;

function item(label: string, kind: CompletionItemKind, range: Range, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, textEdit: { range, newText: label }, filterText: label, ...extra };
}

export async function completionsAt(input: CompletionInput): Promise<CompletionItem[]> {
  const { names } = input;
  if (!names.format || names.format === 'arazzo1') return [];
  const ctx = cursorContext(input.text, input.offset, input.position);
  if (!ctx) return [];
  throwIfCancelled(input.token);
  if (ctx.mode === 'value') return valueCompletions(ctx, input);
  if (!ctx.path) return [];
  const kind = kindAt(ctx.path);
  if (ctx.mode === 'item') {
    const list = kindAt(ctx.path.slice(0, -1));
    if (list === 'tagNames') return tagNames(names).map((t) => item(t, CompletionItemKind.EnumMember, ctx.range));
    if (kind === 'securityRequirement') return schemeNames(names).map((s) => item(s, CompletionItemKind.Reference, ctx.range, { textEdit: { range: ctx.range, newText: `${s}: []` } }));
    return kind ? keyCompletions(kind, ctx, names) : [];
  }
  if (kind === 'responses') return [...STATUS_CODES.map(([code, reason]) => item(code, CompletionItemKind.Value, ctx.range, { detail: reason, textEdit: { range: ctx.range, newText: `'${code}':` }, filterText: code })), ...keyCompletions(kind, ctx, names)];
  if (kind === 'contentMap') return MEDIA_TYPES.map((m) => item(m, CompletionItemKind.Value, ctx.range, { textEdit: { range: ctx.range, newText: `${m}:` } }));
  if (kind === 'securityRequirement') return schemeNames(names).map((s) => item(s, CompletionItemKind.Reference, ctx.range, { textEdit: { range: ctx.range, newText: `${s}: []` } }));
  return kind ? keyCompletions(kind, ctx, names) : [];
}

function keyCompletions(kind: string, ctx: CursorContext, names: ParsedDocument): CompletionItem[] {
  const present = getAtPointer(names.value, joinPointer('', ...(ctx.path ?? [])));
  return fieldsOf(kind, names.format)
    .filter(([key]) => !(isObj(present) && key in present && key !== ctx.typed))
    .map(([key, description]) => item(key, CompletionItemKind.Property, ctx.range, {
      detail: `${kind} field`,
      documentation: { kind: MarkupKind.Markdown, value: description },
      textEdit: { range: ctx.range, newText: `${key}: ` },
    }));
}

async function valueCompletions(ctx: CursorContext, input: CompletionInput): Promise<CompletionItem[]> {
  const { names } = input;
  const kind = ctx.path ? kindAt(ctx.path) : undefined;
  const values = (list: readonly string[], k: CompletionItemKind = CompletionItemKind.EnumMember) => list.map((v) => item(v, k, ctx.range));
  switch (ctx.key) {
    case '$ref':
      return refCompletions(ctx, input);
    case 'format':
      return values(FORMATS);
    case 'type':
      return kind === 'securityScheme' ? [] : values(TYPES);
    case 'in':
      return kind === 'parameter' ? values(PARAMETER_LOCATIONS[names.format === 'oas2' ? '2' : '3']) : [];
    case 'tags':
      return kind === 'operation' ? values(tagNames(names)) : [];
    case 'operationId':
      return kind === 'link' ? values(indexDocument(names.value, names.format!).operations.map((o) => ownString(o.operation, 'operationId')).filter((id): id is string => !!id), CompletionItemKind.Function) : [];
    default:
      return [];
  }
}

/** Declared tags first, then tags only used by operations. */
function tagNames(doc: ParsedDocument): string[] {
  const out = new Set<string>();
  const declared = own(doc.value, 'tags');
  if (Array.isArray(declared)) for (const t of declared) if (typeof own(t, 'name') === 'string') out.add(own(t, 'name') as string);
  for (const op of indexDocument(doc.value, doc.format!).operations) {
    const tags = own(op.operation, 'tags');
    if (Array.isArray(tags)) for (const t of tags) if (typeof t === 'string') out.add(t);
  }
  return [...out];
}

function schemeNames(doc: ParsedDocument): string[] {
  return entries(getAtPointer(doc.value, securitySchemesPointer(doc))).map(([name]) => name);
}

/** The range of the last `len` characters before the cursor. */
function tail(position: Position, len: number): Range {
  return { start: { line: position.line, character: position.character - len }, end: position };
}

async function refCompletions(ctx: CursorContext, input: CompletionInput): Promise<CompletionItem[]> {
  const typed = ctx.typed;
  const hash = typed.indexOf('#');
  if (hash < 0) return [...(await fileCompletions(typed, input)), ...(typed === '' ? localComponents(input.names, ctx.range) : [])];
  const filePart = typed.slice(0, hash);
  const pointer = typed.slice(hash + 1);
  const target = filePart === '' ? input.names : await input.files.parse(resolveRefUri(filePart, input.uri).uri);
  throwIfCancelled(input.token);
  if (target?.value === undefined) return [];
  const slash = pointer.lastIndexOf('/');
  const parent = slash < 0 ? '' : pointer.slice(0, slash);
  const segment = slash < 0 ? pointer : pointer.slice(slash + 1);
  const node = getAtPointer(target.value, parent);
  const range = tail(input.position, segment.length);
  const prefix = slash < 0 ? '/' : '';
  // Lean items: a spec's schemas are hundreds (GitHub: 900), and each byte is serialized on every request.
  return entries(node).map(([key]) => {
    const label = encodePointerSegment(key);
    return prefix ? { label, kind: CompletionItemKind.Reference, textEdit: { range, newText: prefix + label }, filterText: prefix + label } : { label, kind: CompletionItemKind.Reference, textEdit: { range, newText: label } };
  });
}

/** Every local component as a full pointer (`#/components/schemas/Pet`). */
function localComponents(doc: ParsedDocument, range: Range): CompletionItem[] {
  const groups: Array<[string, unknown]> = doc.format === 'oas2'
    ? ['definitions', 'parameters', 'responses'].map((k) => ['/' + k, own(doc.value, k)])
    : entries(own(doc.value, 'components'), true).map(([k, v]) => [joinPointer('/components', k), v]);
  return groups.flatMap(([group, members]) => entries(members).map(([name]) => item(`#${joinPointer(group, name)}`, CompletionItemKind.Reference, range)));
}

/** Directories and YAML/JSON files next to the document, for relative `$ref`s. */
async function fileCompletions(typed: string, input: CompletionInput): Promise<CompletionItem[]> {
  if (!input.files.listDirectory || /^[a-z][a-z0-9+.-]*:/i.test(typed)) return [];
  const slash = typed.lastIndexOf('/');
  const dirPart = typed.slice(0, slash + 1);
  const probe = resolveRefUri(dirPart + '_', input.uri).uri;
  const dirUri = probe.slice(0, -1).replace(/\/$/, '');
  const listing = await input.files.listDirectory(dirUri);
  const range = tail(input.position, typed.length - slash - 1);
  return (listing ?? [])
    .filter((e) => !e.name.startsWith('.') && (e.type === 'directory' ? e.name !== 'node_modules' : SPEC_FILE.test(e.name) && `${dirUri}/${encodeURIComponent(e.name)}` !== input.uri))
    .map((e) => (e.type === 'directory'
      ? item(e.name + '/', CompletionItemKind.Folder, range, { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } })
      : item(e.name, CompletionItemKind.File, range)));
}
