/**
 * The workspace's declared conventions (`.specgate/conventions.yaml`) and the decision of which
 * variant is the convention: configuration first, then the majority of APIs, then the glossary.
 */
import * as YAML from 'yaml';
import { isCasingName, type CasingName } from '../../style/casing';
import { isObj } from '../../openapi';

export const CONVENTIONS_FILE = '.specgate/conventions.yaml';

/** Schema names compared across APIs unless the conventions file lists others. */
export const DEFAULT_SHARED_SCHEMAS = [
  'Error', 'Errors', 'ErrorResponse', 'ErrorDetail', 'Problem', 'ProblemDetails', 'Money', 'Amount', 'Price',
  'Address', 'PostalAddress', 'Pagination', 'PageInfo', 'PageMetadata', 'PaginationLinks', 'Links',
];

export interface CrossApiConventions {
  /** Casing that decides casing variants of one name. */
  propertyCasing?: CasingName;
  /** Preferred spellings (`customerId`): each decides its concept. */
  names: string[];
  /** Property spelling (any variant) → expected `type`/`format`. */
  types: Map<string, { type: string; format?: string }>;
  /** Schema name → the API whose definition is the reference. */
  schemas: Map<string, string>;
  /** Schema names compared across APIs. */
  sharedSchemas: string[];
}

export const NO_CONVENTIONS: CrossApiConventions = { names: [], types: new Map(), schemas: new Map(), sharedSchemas: DEFAULT_SHARED_SCHEMAS };

/** Reads the conventions file; unknown or malformed entries are ignored (listed in `problems`). */
export function parseConventions(text: string | undefined): { conventions: CrossApiConventions; problems: string[] } {
  const problems: string[] = [];
  if (text === undefined) return { conventions: NO_CONVENTIONS, problems };
  let value: unknown;
  try {
    value = YAML.parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return { conventions: NO_CONVENTIONS, problems: [`${CONVENTIONS_FILE} is not valid YAML: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (value === null || value === undefined) return { conventions: NO_CONVENTIONS, problems };
  if (!isObj(value)) return { conventions: NO_CONVENTIONS, problems: [`${CONVENTIONS_FILE} must be a mapping`] };
  const out: CrossApiConventions = { names: [], types: new Map(), schemas: new Map(), sharedSchemas: DEFAULT_SHARED_SCHEMAS };
  if (value.propertyCasing !== undefined) {
    if (isCasingName(value.propertyCasing)) out.propertyCasing = value.propertyCasing;
    else problems.push(`propertyCasing "${String(value.propertyCasing)}" is not a casing name`);
  }
  if (Array.isArray(value.names)) out.names = value.names.filter((n): n is string => typeof n === 'string');
  if (isObj(value.types)) {
    for (const [name, t] of Object.entries(value.types)) {
      if (isObj(t) && typeof t.type === 'string') out.types.set(name, { type: t.type, format: typeof t.format === 'string' ? t.format : undefined });
      else problems.push(`types.${name} needs a "type"`);
    }
  }
  if (isObj(value.schemas)) {
    for (const [name, api] of Object.entries(value.schemas)) if (typeof api === 'string') out.schemas.set(name, api);
  }
  if (Array.isArray(value.sharedSchemas)) {
    out.sharedSchemas = [...DEFAULT_SHARED_SCHEMAS, ...value.sharedSchemas.filter((n): n is string => typeof n === 'string')];
  }
  return { conventions: out, problems };
}

export type DecidedBy = 'configuration' | 'majority' | 'glossary';

/** The winning variant and why, or undefined when nothing decides (a tie with no tie-breaker). */
export function decide<V>(
  votes: ReadonlyMap<V, number>,
  configured: V | undefined,
  glossaryPreferred: (candidates: V[]) => V | undefined,
): { winner: V; by: DecidedBy } | undefined {
  if (configured !== undefined) return { winner: configured, by: 'configuration' };
  const top = Math.max(...votes.values());
  const leaders = [...votes.keys()].filter((v) => votes.get(v) === top);
  if (leaders.length === 1) return { winner: leaders[0], by: 'majority' };
  const preferred = glossaryPreferred(leaders);
  return preferred === undefined ? undefined : { winner: preferred, by: 'glossary' };
}

export function describeDecision(by: DecidedBy, count: number, total: number): string {
  if (by === 'configuration') return `the convention set in ${CONVENTIONS_FILE}`;
  if (by === 'majority') return count * 2 > total ? `the majority convention (${count} of ${total} APIs)` : `the most common form (${count} of ${total} APIs)`;
  return `the glossary's preferred form (the APIs are split ${count} to ${count})`;
}
