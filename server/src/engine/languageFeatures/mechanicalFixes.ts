/**
 * Mechanical quick fixes: add `format: date-time|date` to a timestamp property, add a missing
 * operationId (camelCase from method and path, unique), add 401/403/429 responses (referencing
 * `components.responses` when a suitable one exists).
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { getAtPointer, HTTP_METHODS, indexDocument, isObj, own, ownString } from '../openapi';
import { joinWords, tokenize } from '../style/casing';
import { joinPointer, splitPointer, type JsonPointer } from '../jsonPointer';
import { EditSet, insertMember, isJsonDoc, offsetRange, replaceAt, writeScalar } from '../references/textEdits';
import { currentFinding, styleData, versionsOf } from './namingFixes';

/** Spectral's rule for a missing operationId. */
export const MISSING_OPERATION_ID_RULE = 'operation-operationId';

function action(doc: ParsedDocument, title: string, d: Diagnostic, edits: EditSet): CodeAction | undefined {
  if (edits.size === 0) return undefined;
  return { title, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: edits.toWorkspaceEdit(versionsOf(doc)) };
}

function addFormat(doc: ParsedDocument, pointer: JsonPointer, format: string, type: string | undefined): EditSet {
  const edits = new EditSet();
  const schema = getAtPointer(doc.value, pointer);
  if (!isObj(schema)) return edits;
  const node = doc.nodeAt(pointer)?.value;
  if (Object.keys(schema).length === 0 && node?.range) {
    // `createdAt: {}`: write the whole (flow) mapping at once.
    const members = { ...(type !== undefined ? { type } : {}), format };
    const json = isJsonDoc(doc);
    const body = Object.entries(members).map(([k, v]) => `${writeScalar(k, json)}: ${writeScalar(v, json)}`).join(', ');
    edits.add(doc.uri, { range: offsetRange(doc, node.range[0], node.range[1]), newText: `{ ${body} }` });
    return edits;
  }
  if (type !== undefined) {
    const current = own(schema, 'type');
    if (current === undefined) edits.add(doc.uri, insertMember(doc, pointer, 'type', type, { first: true }));
    else if (typeof current === 'string') edits.add(doc.uri, replaceAt(doc, joinPointer(pointer, 'type'), 'value', type));
    else return new EditSet();
  }
  if (own(schema, 'format') !== undefined) edits.add(doc.uri, replaceAt(doc, joinPointer(pointer, 'format'), 'value', format));
  else edits.add(doc.uri, insertMember(doc, pointer, 'format', format, { after: 'type' }));
  return edits;
}

/** camelCase operationId from method and path: `GET /orders/{orderId}/items` → `getOrdersByOrderIdItems`; unique in the document. */
export function deriveOperationId(doc: ParsedDocument, method: string, path: string): string {
  const words = [method];
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const param = /^\{(.+)\}$/.exec(segment);
    if (param) words.push('by', ...tokenize(param[1]).words.map((w) => w.text));
    else words.push(...tokenize(segment).words.map((w) => w.text));
  }
  const base = joinWords(words, 'camelCase');
  const taken = new Set(indexDocument(doc.value, doc.format!).operations.map((o) => ownString(o.operation, 'operationId')));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  return id;
}

function addOperationId(doc: ParsedDocument, opPointer: JsonPointer): { edits: EditSet; id?: string } {
  const segs = splitPointer(opPointer);
  const edits = new EditSet();
  if (segs.length !== 3 || segs[0] !== 'paths' || !(HTTP_METHODS as readonly string[]).includes(segs[2])) return { edits };
  const op = getAtPointer(doc.value, opPointer);
  if (!isObj(op) || own(op, 'operationId') !== undefined) return { edits };
  const id = deriveOperationId(doc, segs[2], segs[1]);
  edits.add(doc.uri, insertMember(doc, opPointer, 'operationId', id, { first: true }));
  return { edits, id };
}

const RESPONSE_NAMES: Record<string, { words: string[]; description: string }> = {
  '401': { words: ['unauthorized', 'unauthorised', 'unauthenticated', 'notauthenticated', 'authenticationrequired', '401'], description: 'Unauthorized' },
  '403': { words: ['forbidden', 'accessdenied', 'notallowed', 'permissiondenied', '403'], description: 'Forbidden' },
  '429': { words: ['toomanyrequests', 'ratelimited', 'ratelimit', 'ratelimitexceeded', 'throttled', '429'], description: 'Too Many Requests' },
};

/** A `components.responses` (2.0: `responses`) entry suitable for a status, as a `$ref`. */
export function suitableResponseRef(doc: ParsedDocument, status: string): string | undefined {
  const oas2 = doc.format === 'oas2';
  const responses = oas2 ? own(doc.value, 'responses') : own(own(doc.value, 'components'), 'responses');
  if (!isObj(responses)) return undefined;
  const words = RESPONSE_NAMES[status]?.words ?? [status];
  const name = Object.keys(responses).find((n) => words.includes(n.toLowerCase().replace(/[^a-z0-9]/g, '')));
  if (name === undefined) return undefined;
  return '#' + (oas2 ? joinPointer('/responses', name) : joinPointer('/components/responses', name));
}

function addResponses(doc: ParsedDocument, opPointer: JsonPointer, statuses: string[]): EditSet {
  const edits = new EditSet();
  const op = getAtPointer(doc.value, opPointer);
  if (!isObj(op)) return edits;
  const value = (status: string) => {
    const ref = suitableResponseRef(doc, status);
    return ref ? { $ref: ref } : { description: RESPONSE_NAMES[status]?.description ?? status };
  };
  const responses = own(op, 'responses');
  if (responses === undefined) {
    edits.add(doc.uri, insertMember(doc, opPointer, 'responses', Object.fromEntries(statuses.map((s) => [s, value(s)]))));
    return edits;
  }
  if (!isObj(responses)) return edits;
  // One insertion carrying every status, so the result keeps the given order.
  for (const status of statuses) {
    if (own(responses, status) !== undefined) continue;
    const edit = insertMember(doc, joinPointer(opPointer, 'responses'), status, value(status));
    if (!edit) return new EditSet();
    const list = edits.byUri.get(doc.uri);
    if (list && list.length > 0) list[0].newText += edit.newText;
    else edits.add(doc.uri, edit);
  }
  return edits;
}

/** The operation a Spectral finding on an operation sits on. */
function operationPointerAt(doc: ParsedDocument, d: Diagnostic): JsonPointer | undefined {
  const path = (d.data as { path?: unknown } | undefined)?.path;
  const pointer = Array.isArray(path) ? joinPointer('', ...path.map(String)) : doc.pointerAt(doc.textDocument.offsetAt(d.range.start))?.pointer;
  if (pointer === undefined) return undefined;
  const segs = splitPointer(pointer);
  if (segs.length < 3 || segs[0] !== 'paths') return undefined;
  return joinPointer('', ...segs.slice(0, 3));
}

export function mechanicalActions(doc: ParsedDocument, diagnostics: Diagnostic[], current: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const push = (a: CodeAction | undefined) => a && actions.push(a);
  for (const d of diagnostics) {
    const code = String(d.code);
    if (code === MISSING_OPERATION_ID_RULE) {
      const pointer = operationPointerAt(doc, d);
      const { edits, id } = pointer ? addOperationId(doc, pointer) : { edits: new EditSet(), id: undefined };
      push(action(doc, `Add operationId: ${id}`, d, edits));
      continue;
    }
    const finding = d.source === 'specgate' ? currentFinding(d, current) : undefined;
    const data = finding && styleData(finding);
    const fix = data?.fix;
    if (!data || !fix) continue;
    if (fix.kind === 'add-format' && typeof fix.format === 'string') {
      const type = typeof fix.type === 'string' ? fix.type : undefined;
      const name = splitPointer(data.pointer).pop();
      push(action(doc, `Add ${type ? `type: ${type} and ` : ''}format: ${fix.format} to ${name}`, d, addFormat(doc, data.pointer, fix.format, type)));
    } else if (fix.kind === 'add-operation-id') {
      const { edits, id } = addOperationId(doc, data.pointer);
      push(action(doc, `Add operationId: ${typeof fix.operationId === 'string' ? fix.operationId : id}`, d, edits));
    } else if (fix.kind === 'add-responses' && Array.isArray(fix.statuses)) {
      const statuses = fix.statuses.filter((s): s is string => typeof s === 'string');
      const refs = statuses.filter((s) => suitableResponseRef(doc, s));
      const how = refs.length ? ` (referencing components.responses for ${refs.join(', ')})` : '';
      push(action(doc, `Add ${statuses.join(', ')} ${statuses.length > 1 ? 'responses' : 'response'}${how}`, d, addResponses(doc, data.pointer, statuses)));
    }
  }
  return actions;
}
