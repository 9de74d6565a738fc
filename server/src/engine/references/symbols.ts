/**
 * Named elements of an OpenAPI document that can be renamed, and what their names must satisfy.
 */
import type { ParsedDocument } from '../document/parsedDocument';
import { getAtPointer, HTTP_METHODS, indexDocument, isObj, own, ownString } from '../openapi';
import { joinPointer, splitPointer, type JsonPointer } from '../jsonPointer';

export type NameSymbol =
  /** A component schema (`/components/schemas/X`, Swagger 2.0 `/definitions/X`); pointer of the member. */
  | { kind: 'schema'; name: string; pointer: JsonPointer }
  /** A schema property; pointer of the member under `properties`. */
  | { kind: 'property'; name: string; pointer: JsonPointer; parentPointer: JsonPointer }
  /** An operationId; pointer of the `operationId` member. */
  | { kind: 'operationId'; name: string; pointer: JsonPointer }
  /** A parameter name; pointer of the `name` member. */
  | { kind: 'parameter'; name: string; pointer: JsonPointer; in?: string }
  /** A path template; pointer `/paths/<template>`. */
  | { kind: 'path'; name: string; pointer: JsonPointer }
  /** A string enum value; pointer of the array item. */
  | { kind: 'enum'; name: string; pointer: JsonPointer };

export const SYMBOL_LABEL: Record<NameSymbol['kind'], string> = {
  schema: 'schema',
  property: 'property',
  operationId: 'operationId',
  parameter: 'parameter',
  path: 'path',
  enum: 'enum value',
};

function parentPointer(segments: string[], drop: number): JsonPointer {
  return joinPointer('', ...segments.slice(0, segments.length - drop));
}

/** Where a schema named `name` lives in this document's dialect. */
export function schemaPointer(doc: ParsedDocument, name: string): JsonPointer {
  return doc.format === 'oas2' ? joinPointer('/definitions', name) : joinPointer('/components/schemas', name);
}

function isSchemaMember(segments: string[], format: ParsedDocument['format']): boolean {
  return format === 'oas2'
    ? segments.length === 2 && segments[0] === 'definitions'
    : segments.length === 3 && segments[0] === 'components' && segments[1] === 'schemas';
}

/** The symbol whose name is the key or value at `pointer`, or undefined when it is not renameable. */
export function symbolAt(doc: ParsedDocument, pointer: JsonPointer, target: 'key' | 'value'): NameSymbol | undefined {
  if (!doc.format || doc.format === 'arazzo1' || doc.value === undefined) return undefined;
  const segs = splitPointer(pointer);
  const last = segs[segs.length - 1];
  const value = getAtPointer(doc.value, pointer);
  if (target === 'key') {
    if (segs.length === 2 && segs[0] === 'paths' && last.startsWith('/')) return { kind: 'path', name: last, pointer };
    if (isSchemaMember(segs, doc.format)) return { kind: 'schema', name: last, pointer };
    if (segs.length >= 2 && segs[segs.length - 2] === 'properties' && !segs.includes('examples') && !segs.includes('example')) {
      return { kind: 'property', name: last, pointer, parentPointer: parentPointer(segs, 2) };
    }
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const prev = segs[segs.length - 2];
  if (last === 'operationId') {
    if ((HTTP_METHODS as readonly string[]).includes(prev)) return { kind: 'operationId', name: value, pointer };
    // `links.<name>.operationId`: the operation it names.
    if (segs[segs.length - 3] === 'links') {
      const op = indexDocument(doc.value, doc.format).operations.find((o) => ownString(o.operation, 'operationId') === value);
      return op ? { kind: 'operationId', name: value, pointer: joinPointer(op.pointer, 'operationId') } : undefined;
    }
  }
  if (last === 'name' && segs.length >= 3) {
    const inline = segs[segs.length - 3] === 'parameters' && /^\d+$/.test(prev);
    const component = (segs.length === 4 && segs[0] === 'components' && segs[1] === 'parameters') || (segs.length === 3 && segs[0] === 'parameters' && doc.format === 'oas2');
    if (inline || component) {
      const param = getAtPointer(doc.value, parentPointer(segs, 1));
      return { kind: 'parameter', name: value, pointer, in: ownString(param, 'in') };
    }
  }
  if (prev === 'enum' && /^\d+$/.test(last)) return { kind: 'enum', name: value, pointer };
  if (last === '$ref' && value.startsWith('#/')) {
    const refSegs = splitPointer(decodeFragment(value.slice(1)));
    if (isSchemaMember(refSegs, doc.format) && getAtPointer(doc.value, joinPointer('', ...refSegs)) !== undefined) {
      return { kind: 'schema', name: refSegs[refSegs.length - 1], pointer: joinPointer('', ...refSegs) };
    }
  }
  if (prev === 'required' && /^\d+$/.test(last)) {
    const schema = parentPointer(segs, 2);
    const propPointer = joinPointer(schema, 'properties', value);
    if (getAtPointer(doc.value, propPointer) !== undefined) return { kind: 'property', name: value, pointer: propPointer, parentPointer: schema };
  }
  return undefined;
}

export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Why `newName` cannot be the new name of `symbol` in `doc`, or undefined when it can. */
export function renameProblem(doc: ParsedDocument, symbol: NameSymbol, newName: string): string | undefined {
  if (newName === '' || newName.trim() !== newName) return 'The new name is empty or starts or ends with whitespace.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(newName)) return 'The new name contains control characters.';
  if (newName === symbol.name) return 'The new name is the current name.';
  const root = doc.value;
  switch (symbol.kind) {
    case 'schema':
      if (!/^[A-Za-z0-9._-]+$/.test(newName)) return `"${newName}" is not a valid schema name: component names may only contain letters, digits, ".", "_" and "-".`;
      if (getAtPointer(root, schemaPointer(doc, newName)) !== undefined) return `A schema named "${newName}" already exists.`;
      return undefined;
    case 'property':
      if (own(own(getAtPointer(root, symbol.parentPointer), 'properties'), newName) !== undefined) return `This schema already has a property named "${newName}".`;
      return undefined;
    case 'operationId': {
      if (/\s/.test(newName)) return `"${newName}" is not a valid operationId: it contains whitespace.`;
      const taken = indexDocument(root, doc.format!).operations.some((o) => ownString(o.operation, 'operationId') === newName);
      return taken ? `The operationId "${newName}" is already used by another operation.` : undefined;
    }
    case 'parameter': {
      if (symbol.in === 'path' && /[{}/]/.test(newName)) return `"${newName}" is not a valid path parameter name.`;
      const list = getAtPointer(root, parentPointer(splitPointer(symbol.pointer), 2));
      if (Array.isArray(list) && list.some((p) => isObj(p) && p.name === newName && p.in === symbol.in)) {
        return `A ${symbol.in ?? ''} parameter named "${newName}" already exists here.`.replace('  ', ' ');
      }
      return undefined;
    }
    case 'path':
      if (!newName.startsWith('/')) return 'A path must start with "/".';
      return own(own(root, 'paths'), newName) !== undefined ? `The path "${newName}" already exists.` : undefined;
    case 'enum': {
      const list = getAtPointer(root, parentPointer(splitPointer(symbol.pointer), 1));
      return Array.isArray(list) && list.includes(newName) ? `The enum already has the value "${newName}".` : undefined;
    }
  }
}
