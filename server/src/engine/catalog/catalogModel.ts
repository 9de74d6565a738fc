/**
 * The repository's API catalog: every OpenAPI description with its name, owner, lifecycle,
 * system and consuming components, from Backstage descriptors first, then CODEOWNERS and the path.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { apiRefKey, ApiEntity, catalogDiagnostic, ComponentEntity, ownerName, parseCatalogFile } from './backstage';
import { CODEOWNERS_LOCATIONS, CodeOwners, parseCodeOwners } from './codeowners';
import { basenameUri, dirnameUri, isUnder, joinUri } from '../uri';
import { isObj, own } from '../openapi';

export const CATALOG_DEFINITION_RULE = 'specgate-catalog-definition';
export const CATALOG_DUPLICATE_RULE = 'specgate-catalog-duplicate-name';
export const CATALOG_UNKNOWN_API_RULE = 'specgate-catalog-unknown-api';

export interface Party { name: string; owner?: string }

export interface CatalogApi {
  name: string;
  title?: string;
  /** The description's URI; undefined for inline or remote definitions. */
  file?: string;
  version?: string;
  owner?: string;
  ownerSource: 'catalog' | 'codeowners' | 'none';
  /** CODEOWNERS handles for the description file (review approvers). */
  codeowners: string[];
  lifecycle?: string;
  system?: string;
  consumers: Party[];
  providers: Party[];
  /** The descriptor that declares it, when there is one. */
  catalogFile?: string;
}

export interface Catalog {
  apis: CatalogApi[];
  /** Diagnostics per catalog or CODEOWNERS file. */
  diagnostics: Map<string, Diagnostic[]>;
  apiForFile(uri: string): CatalogApi | undefined;
}

export interface CatalogInput {
  folders: readonly string[];
  /** `catalog-info.yaml` files and their text. */
  catalogFiles: ReadonlyArray<{ uri: string; text: string }>;
  /** OpenAPI descriptions: uri and parsed root value (for title and version). */
  specs: ReadonlyArray<{ uri: string; value: unknown }>;
  /** Reads a file (CODEOWNERS locations); undefined when absent. */
  readText(uri: string): Promise<string | undefined>;
}

const GENERIC_FILE_NAMES = /^(openapi|swagger|api|spec|index|oas|definition|schema)$/i;

/** `specs/orders/openapi.yaml` → `orders`; `specs/billing.openapi.yaml` → `billing`. */
export function nameFromPath(uri: string): string {
  const stem = basenameUri(uri).replace(/\.(ya?ml|json)$/i, '').replace(/[.-](openapi|swagger|oas)$/i, '');
  if (!GENERIC_FILE_NAMES.test(stem)) return stem;
  const parent = basenameUri(dirnameUri(uri));
  return parent && parent !== uri ? parent : stem;
}

/** The CODEOWNERS file of a folder (GitHub's order) and its parse. */
export async function readCodeOwners(folder: string, readText: (uri: string) => Promise<string | undefined>): Promise<{ uri: string; owners: CodeOwners } | undefined> {
  for (const location of CODEOWNERS_LOCATIONS) {
    const uri = joinUri(folder, location);
    const text = await readText(uri);
    if (text !== undefined) return { uri, owners: parseCodeOwners(text) };
  }
  return undefined;
}

export async function buildCatalog(input: CatalogInput): Promise<Catalog> {
  const diagnostics = new Map<string, Diagnostic[]>();
  const report = (uri: string, d: Diagnostic) => diagnostics.set(uri, [...(diagnostics.get(uri) ?? []), d]);
  const folderOf = (uri: string) => input.folders.find((f) => isUnder(uri, f)) ?? dirnameUri(uri);

  const codeowners = new Map<string, CodeOwners | undefined>();
  for (const folder of input.folders) {
    const found = await readCodeOwners(folder, input.readText);
    codeowners.set(folder, found?.owners);
    if (found) diagnostics.set(found.uri, [...found.owners.diagnostics]);
  }
  const ownersOfFile = (uri: string): string[] => {
    const folder = folderOf(uri);
    const owners = codeowners.get(folder);
    return owners ? owners.ownersOf(decodeURIComponent(uri.slice(folder.replace(/\/$/, '').length + 1))) : [];
  };

  const apiEntities = new Map<string, { entity: ApiEntity; uri: string }>();
  const components: Array<{ entity: ComponentEntity; uri: string }> = [];
  const componentKeys = new Set<string>();
  for (const file of input.catalogFiles) {
    const parsed = parseCatalogFile(file.uri, file.text);
    diagnostics.set(file.uri, parsed.diagnostics);
    for (const entity of parsed.entities) {
      const key = `${entity.namespace}/${entity.name}`.toLowerCase();
      const seen = entity.kind === 'API' ? apiEntities.has(key) : componentKeys.has(key);
      if (seen) {
        report(file.uri, catalogDiagnostic(CATALOG_DUPLICATE_RULE, entity.nameRange, `Another ${entity.kind} is already named "${entity.name}"${entity.namespace !== 'default' ? ` in namespace ${entity.namespace}` : ''}; this one is skipped.`));
        continue;
      }
      if (entity.kind === 'API') apiEntities.set(key, { entity, uri: file.uri });
      else {
        componentKeys.add(key);
        components.push({ entity, uri: file.uri });
      }
    }
  }

  const specValues = new Map(input.specs.map((s) => [s.uri, s.value]));
  const apis = new Map<string, CatalogApi>();
  const claimed = new Set<string>();
  for (const [key, { entity, uri }] of apiEntities) {
    let file: string | undefined;
    const def = entity.definition;
    if (def?.kind === 'url') {
      report(uri, catalogDiagnostic(CATALOG_DEFINITION_RULE, def.range, `The definition of "${entity.name}" is a URL (${def.url}); Specgate does not fetch it, so this API has no description to check.`, 3));
    } else if (def?.kind === 'file') {
      const target = resolveRelative(def.path, uri);
      if (!target || !isUnder(target, folderOf(uri))) {
        report(uri, catalogDiagnostic(CATALOG_DEFINITION_RULE, def.range, `The definition of "${entity.name}" (${def.path}) is outside the workspace; it is not read.`));
      } else if (!specValues.has(target)) {
        report(uri, catalogDiagnostic(CATALOG_DEFINITION_RULE, def.range, `The definition of "${entity.name}" (${def.path}) is not an OpenAPI description in this workspace (missing, unreadable or not OpenAPI).`));
      } else file = target;
    }
    if (file) claimed.add(file);
    const fileOwners = file ? ownersOfFile(file) : ownersOfFile(uri);
    apis.set(key, {
      ...describeSpec(file ? specValues.get(file) : undefined),
      name: entity.name,
      title: entity.title ?? describeSpec(file ? specValues.get(file) : undefined).title,
      file,
      owner: ownerName(entity.owner) ?? fileOwners[0],
      ownerSource: entity.owner ? 'catalog' : fileOwners.length > 0 ? 'codeowners' : 'none',
      codeowners: fileOwners,
      lifecycle: entity.lifecycle,
      system: entity.system,
      consumers: [],
      providers: [],
      catalogFile: uri,
    });
  }
  for (const spec of input.specs) {
    if (claimed.has(spec.uri)) continue;
    const owners = ownersOfFile(spec.uri);
    let name = nameFromPath(spec.uri);
    if (apis.has(`default/${name.toLowerCase()}`)) name = `${name} (${basenameUri(spec.uri)})`;
    apis.set(`default/${name.toLowerCase()}`, {
      ...describeSpec(spec.value),
      name,
      file: spec.uri,
      owner: owners[0],
      ownerSource: owners.length > 0 ? 'codeowners' : 'none',
      codeowners: owners,
      consumers: [],
      providers: [],
    });
  }

  for (const { entity, uri } of components) {
    const party = { name: entity.name, owner: ownerName(entity.owner) };
    for (const [field, list] of [['consumesApis', entity.consumesApis], ['providesApis', entity.providesApis]] as const) {
      for (const { ref, range } of list) {
        const key = apiRefKey(ref);
        const api = key ? apis.get(key) : undefined;
        if (!api) {
          report(uri, catalogDiagnostic(CATALOG_UNKNOWN_API_RULE, range, `${field}: no API named "${ref}" in this workspace's catalog${key ? '' : ' (not an API entity reference)'}.`));
          continue;
        }
        (field === 'consumesApis' ? api.consumers : api.providers).push(party);
      }
    }
  }

  const list = [...apis.values()].sort((a, b) => a.name.localeCompare(b.name));
  const byFile = new Map(list.filter((a) => a.file).map((a) => [a.file!, a]));
  return { apis: list, diagnostics, apiForFile: (uri) => byFile.get(uri) };
}

function describeSpec(value: unknown): { title?: string; version?: string } {
  const info = isObj(value) ? own(value, 'info') : undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  return { title: str(own(info, 'title')), version: str(own(info, 'version')) };
}

function resolveRelative(path: string, from: string): string | undefined {
  try {
    return new URL(path, from).href;
  } catch {
    return undefined;
  }
}
