/**
 * Resolves an Arazzo document's `sourceDescriptions`: relative paths and `file:` URLs against the
 * document, OpenAPI (2.0, 3.0, 3.1; multi-file through the `$ref` graph loader) and Arazzo targets.
 * Remote URLs are read only when allowed; AsyncAPI sources (Arazzo 1.1) are skipped with a note.
 */
import { isObject, isRemoteUri, loadSpecGraph, resolveRefUri, type SpecInput } from '../../refs';
import { makeSpec, operationsOf, type OperationView, type Spec } from '../../diff/model';
import { joinPointer } from '../../jsonPointer';
import { SOURCE_NOT_CHECKED, SOURCE_UNRESOLVED } from './ruleIds';
import { str, type ArazzoFinding } from './model';

/** Reads and parses one file; `error` when it exists but does not parse. */
export type SourceReader = (uri: string) => Promise<{ value?: unknown; error?: string } | undefined>;

export interface SourceOptions {
  allowRemote: boolean;
  maxFiles?: number;
}

export interface ResolvedSource {
  name: string;
  url: string;
  /** Pointer of the sourceDescription entry. */
  pointer: string;
  type: string;
  uri?: string;
  status: 'ok' | 'unresolved' | 'not-checked';
  openapi?: { spec: Spec; input: SpecInput; operations: OperationView[] };
  arazzo?: { value: unknown };
}

export async function resolveSources(
  docUri: string,
  value: unknown,
  read: SourceReader,
  options: SourceOptions,
  findings: ArazzoFinding[],
): Promise<ResolvedSource[]> {
  const list = isObject(value) ? value.sourceDescriptions : undefined;
  if (!Array.isArray(list)) return [];
  const out: ResolvedSource[] = [];
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    const pointer = joinPointer('/sourceDescriptions', i);
    const name = str(entry, 'name');
    const url = str(entry, 'url');
    if (name === undefined || url === undefined) continue;
    const type = str(entry, 'type') ?? 'openapi';
    const source: ResolvedSource = { name, url, pointer, type, status: 'unresolved' };
    out.push(source);
    const urlPointer = joinPointer(pointer, 'url');
    if (type === 'asyncapi') {
      source.status = 'not-checked';
      findings.push({ ruleId: SOURCE_NOT_CHECKED, severity: 'info', pointer: urlPointer, target: 'value', message: `AsyncAPI source "${name}" is not checked: Specgate checks steps against OpenAPI and Arazzo sources only.` });
      continue;
    }
    const uri = resolveRefUri(url, docUri).uri;
    source.uri = uri;
    if (isRemoteUri(uri) && !options.allowRemote) {
      source.status = 'not-checked';
      findings.push({ ruleId: SOURCE_NOT_CHECKED, severity: 'info', pointer: urlPointer, target: 'value', message: `Source "${name}" is remote and not fetched (specgate.allowRemoteReferences is off); its steps are not checked.` });
      continue;
    }
    const read1: { value?: unknown; error?: string } | undefined = await read(uri).catch((e) => ({ error: String(e) }));
    const problem = !read1 ? `file not found (${url})` : read1.error ?? (isObject(read1.value) ? undefined : 'not a YAML/JSON object');
    if (problem || !read1) {
      findings.push({ ruleId: SOURCE_UNRESOLVED, severity: 'error', pointer: urlPointer, target: 'value', message: `Source "${name}" cannot be loaded: ${problem}.` });
      continue;
    }
    const root = read1.value as Record<string, unknown>;
    const isOpenApi = typeof root.openapi === 'string' || typeof root.swagger === 'string';
    const isArazzo = typeof root.arazzo === 'string';
    if (type === 'arazzo' ? !isArazzo : !isOpenApi) {
      findings.push({ ruleId: SOURCE_UNRESOLVED, severity: 'error', pointer: urlPointer, target: 'value', message: `Source "${name}" is declared as ${type} but ${url} is ${isArazzo ? 'an Arazzo' : isOpenApi ? 'an OpenAPI' : 'neither an OpenAPI nor an Arazzo'} document.` });
      continue;
    }
    source.status = 'ok';
    if (isArazzo) {
      source.arazzo = { value: root };
      continue;
    }
    const graph = await loadSpecGraph(uri, root, async (u) => (await read(u).catch(() => undefined))?.value, { allowRemote: options.allowRemote, maxFiles: options.maxFiles });
    const input: SpecInput = { uri, documents: graph.documents };
    const spec = makeSpec(input);
    source.openapi = { spec, input, operations: [...operationsOf(spec).values()] };
  }
  return out;
}

/** The operationId of an operation view, when it has one. */
export const operationIdOf = (op: OperationView): string | undefined => str(op.at.node, 'operationId');
