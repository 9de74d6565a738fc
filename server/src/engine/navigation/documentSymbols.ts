/** The outline of an OpenAPI document: paths → operations, components by kind, webhooks, tags. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { entries, HTTP_METHODS, isObj, own, ownString } from '../openapi';
import { joinPointer, type JsonPointer } from '../jsonPointer';
import { spanOf } from './targets';

const COMPONENT_KIND: Record<string, SymbolKind> = {
  schemas: SymbolKind.Class,
  definitions: SymbolKind.Class,
  parameters: SymbolKind.Variable,
  securitySchemes: SymbolKind.Key,
  securityDefinitions: SymbolKind.Key,
};

/** `GET createPet`: the method and, when there is one, the operationId. */
export function operationLabel(method: string, operation: unknown): string {
  const id = ownString(operation, 'operationId');
  return id ? `${method.toUpperCase()} ${id}` : method.toUpperCase();
}

function symbol(doc: ParsedDocument, pointer: JsonPointer, name: string, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]): DocumentSymbol | undefined {
  const span = spanOf(doc, pointer);
  if (!span) return undefined;
  return { name: name === '' ? '""' : name, kind, detail, range: span.range, selectionRange: span.selection, ...(children ? { children } : {}) };
}

const defined = <T>(list: Array<T | undefined>): T[] => list.filter((x): x is T => x !== undefined);

function pathItems(doc: ParsedDocument, section: 'paths' | 'webhooks'): DocumentSymbol | undefined {
  const items = own(doc.value, section);
  if (!isObj(items)) return undefined;
  const children = defined(entries(items, true).map(([path, item]) => {
    const itemPointer = joinPointer('/' + section, path);
    const operations = defined(HTTP_METHODS.filter((m) => isObj(own(item, m))).map((m) =>
      symbol(doc, joinPointer(itemPointer, m), operationLabel(m, own(item, m)), SymbolKind.Method, ownString(own(item, m), 'summary'))));
    return symbol(doc, itemPointer, path, section === 'paths' ? SymbolKind.Namespace : SymbolKind.Event, undefined, operations);
  }));
  return symbol(doc, '/' + section, section, SymbolKind.Module, undefined, children);
}

function componentGroup(doc: ParsedDocument, pointer: JsonPointer, kind: string): DocumentSymbol | undefined {
  const group = own(pointer === '' ? doc.value : own(doc.value, 'components'), kind);
  if (!isObj(group)) return undefined;
  const groupPointer = joinPointer(pointer, kind);
  const members = defined(entries(group, true).map(([name]) => symbol(doc, joinPointer(groupPointer, name), name, COMPONENT_KIND[kind] ?? SymbolKind.Object)));
  return symbol(doc, groupPointer, kind, SymbolKind.Package, undefined, members);
}

function components(doc: ParsedDocument): DocumentSymbol[] {
  if (doc.format === 'oas2') return defined(['definitions', 'parameters', 'responses', 'securityDefinitions'].map((kind) => componentGroup(doc, '', kind)));
  const comps = own(doc.value, 'components');
  if (!isObj(comps)) return [];
  const groups = defined(Object.keys(comps).filter((k) => !k.startsWith('x-')).map((kind) => componentGroup(doc, '/components', kind)));
  return defined([symbol(doc, '/components', 'components', SymbolKind.Module, undefined, groups)]);
}

function tags(doc: ParsedDocument): DocumentSymbol | undefined {
  const list = own(doc.value, 'tags');
  if (!Array.isArray(list)) return undefined;
  const children = defined(list.map((tag, i) => (typeof own(tag, 'name') === 'string' ? symbol(doc, joinPointer('/tags', i), String(own(tag, 'name')), SymbolKind.EnumMember, ownString(tag, 'description')) : undefined)));
  return symbol(doc, '/tags', 'tags', SymbolKind.Enum, undefined, children);
}

export function documentSymbols(doc: ParsedDocument): DocumentSymbol[] {
  if (!doc.format || doc.format === 'arazzo1' || !isObj(doc.value)) return [];
  return defined([pathItems(doc, 'paths'), pathItems(doc, 'webhooks'), ...components(doc), tags(doc)]);
}
