/**
 * Backstage descriptors (`catalog-info.yaml`, possibly several `---` documents): the API and
 * Component entities Specgate needs, and one diagnostic per problem on the offending node.
 */
import * as YAML from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../languageFeatures/diagnostics';

export const CATALOG_SYNTAX_RULE = 'specgate-catalog-syntax';
export const CATALOG_ENTITY_RULE = 'specgate-catalog-entity';

/** Kinds of the Backstage catalog model; anything else is reported. */
const KNOWN_KINDS = ['API', 'Component', 'Group', 'User', 'System', 'Domain', 'Resource', 'Location', 'Template'];

export type Definition =
  | { kind: 'file'; path: string; range: Range }
  | { kind: 'url'; url: string; range: Range }
  | { kind: 'inline'; text: string; range: Range };

export interface ApiEntity {
  kind: 'API';
  name: string;
  namespace: string;
  title?: string;
  owner?: string;
  lifecycle?: string;
  system?: string;
  definition?: Definition;
  /** The `metadata.name` node, where duplicate-name findings sit. */
  nameRange: Range;
}

export interface ComponentEntity {
  kind: 'Component';
  name: string;
  namespace: string;
  owner?: string;
  providesApis: EntityRefAt[];
  consumesApis: EntityRefAt[];
  nameRange: Range;
}

export interface EntityRefAt { ref: string; range: Range }

export interface CatalogFile {
  uri: string;
  entities: Array<ApiEntity | ComponentEntity>;
  diagnostics: Diagnostic[];
}

export function catalogDiagnostic(code: string, range: Range, message: string, severity: 1 | 2 | 3 = 2): Diagnostic {
  return { range, severity, code, codeDescription: { href: ruleDocUrl(code) }, source: 'specgate', message };
}

/** `api:default/orders`, `api:orders`, `orders` → `default/orders`; other kinds → undefined. */
export function apiRefKey(ref: string): string | undefined {
  const m = /^(?:([\w-]+):)?(?:([\w.-]+)\/)?([\w.-]+)$/.exec(ref.trim());
  if (!m || (m[1] && m[1].toLowerCase() !== 'api')) return undefined;
  return `${(m[2] ?? 'default').toLowerCase()}/${m[3].toLowerCase()}`;
}

/** `group:default/payments` or `payments` → `payments` (the form people recognise in reviews). */
export function ownerName(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const m = /^(?:[\w-]+:)?(?:[\w.-]+\/)?(.+)$/.exec(ref.trim());
  return m ? m[1] : ref;
}

export function parseCatalogFile(uri: string, text: string): CatalogFile {
  const textDocument = TextDocument.create(uri, 'yaml', 0, text);
  const rangeOf = (node: YAML.Node | null | undefined, fallback?: Range): Range => {
    const r = node?.range;
    if (!r) return fallback ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: textDocument.positionAt(r[0]), end: textDocument.positionAt(r[1]) };
  };
  const out: CatalogFile = { uri, entities: [], diagnostics: [] };
  let docs: YAML.Document.Parsed[];
  try {
    docs = YAML.parseAllDocuments(text, { prettyErrors: false }) as YAML.Document.Parsed[];
  } catch (e) {
    out.diagnostics.push(catalogDiagnostic(CATALOG_SYNTAX_RULE, rangeOf(undefined), `Not valid YAML: ${(e as Error).message}`, 1));
    return out;
  }
  if (!Array.isArray(docs)) docs = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const start = textDocument.positionAt(e.pos[0]);
      out.diagnostics.push(catalogDiagnostic(CATALOG_SYNTAX_RULE, { start, end: start }, `Not valid YAML: ${e.message.split('\n')[0]}; this document is skipped.`, 1));
      continue;
    }
    if (doc.contents === null) continue;
    const docRange = rangeOf(doc.contents);
    const value = safeJs(doc);
    if (!isRecord(value)) {
      out.diagnostics.push(catalogDiagnostic(CATALOG_ENTITY_RULE, docRange, 'A catalog entity is a mapping with apiVersion, kind, metadata and spec; this document is skipped.'));
      continue;
    }
    const node = (path: Array<string | number>) => doc.getIn(path, true) as YAML.Node | undefined;
    const kind = value.kind;
    if (typeof kind !== 'string' || !KNOWN_KINDS.includes(kind)) {
      out.diagnostics.push(catalogDiagnostic(CATALOG_ENTITY_RULE, rangeOf(node(['kind']), docRange),
        typeof kind === 'string' ? `Unknown kind "${kind}" (Backstage kinds: ${KNOWN_KINDS.join(', ')}); this entity is skipped.` : 'The entity has no kind; it is skipped.'));
      continue;
    }
    if (kind !== 'API' && kind !== 'Component') continue;
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    const name = typeof metadata.name === 'string' && metadata.name.trim() !== '' ? metadata.name.trim() : undefined;
    if (!name) {
      out.diagnostics.push(catalogDiagnostic(CATALOG_ENTITY_RULE, rangeOf(node(['metadata']), docRange), `This ${kind} has no metadata.name; it is skipped.`));
      continue;
    }
    const spec = value.spec;
    const nameRange = rangeOf(node(['metadata', 'name']), docRange);
    if (!isRecord(spec)) {
      out.diagnostics.push(catalogDiagnostic(CATALOG_ENTITY_RULE, nameRange, `${kind} "${name}" has no spec (owner, lifecycle${kind === 'API' ? ', definition' : ''}); it is skipped.`));
      continue;
    }
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
    const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
    if (kind === 'API') {
      out.entities.push({
        kind, name, namespace, nameRange,
        title: str(metadata.title),
        owner: str(spec.owner),
        lifecycle: str(spec.lifecycle),
        system: str(spec.system),
        definition: readDefinition(spec.definition, rangeOf(node(['spec', 'definition']), nameRange)),
      });
    } else {
      const refs = (field: string): EntityRefAt[] => {
        const list = spec[field];
        if (!Array.isArray(list)) return [];
        return list.flatMap((ref, i) => (typeof ref === 'string' ? [{ ref, range: rangeOf(node(['spec', field, i]), nameRange) }] : []));
      };
      out.entities.push({ kind, name, namespace, nameRange, owner: str(spec.owner), providesApis: refs('providesApis'), consumesApis: refs('consumesApis') });
    }
  }
  return out;
}

function readDefinition(value: unknown, range: Range): Definition | undefined {
  if (typeof value === 'string') return { kind: 'inline', text: value, range };
  if (!isRecord(value)) return undefined;
  const target = value.$text ?? value.$yaml ?? value.$json ?? value.$openapi;
  if (typeof target !== 'string') return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return { kind: 'url', url: target, range };
  return { kind: 'file', path: target, range };
}

function safeJs(doc: YAML.Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
