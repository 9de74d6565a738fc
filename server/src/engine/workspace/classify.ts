import { sniffFormat } from '../document/sniff';
import { RULESET_FILE_NAMES } from '../spectral/rulesetFiles';
import type { IndexedKind } from './workspaceIndex';

/** Where GitHub and GitLab look for CODEOWNERS, relative to the repository root. */
const CODEOWNERS_PATHS = new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS']);
const CATALOG_NAMES = new Set(['catalog-info.yaml', 'catalog-info.yml']);
const BACKSTAGE_API_VERSION = /^apiVersion\s*:\s*["']?backstage\.io\//m;
const MARKDOWN = /\.(md|markdown)$/i;
const STRUCTURED = /\.(ya?ml|json)$/i;

/** How many bytes of a YAML/JSON file are read to classify it: the root keys sit at the top. */
export const SNIFF_BYTES = 16 * 1024;

export type Classification = IndexedKind | 'sniff' | undefined;

/**
 * The kind a file has by its name alone; `'sniff'` when its first bytes decide (YAML/JSON);
 * undefined when the index does not care about it. `relative` is '/'-separated from the folder root.
 */
export function classifyByName(relative: string): Classification {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  if (name === 'CODEOWNERS') return CODEOWNERS_PATHS.has(relative) ? 'codeowners' : undefined;
  if (RULESET_FILE_NAMES.includes(name)) return 'ruleset';
  if (CATALOG_NAMES.has(name)) return 'catalog';
  if (MARKDOWN.test(name)) return 'markdown';
  if (STRUCTURED.test(name)) return 'sniff';
  return undefined;
}

/** The kind of a YAML/JSON file from its first bytes (the regex sniff, no parse). */
export function classifyByPrefix(prefix: string): IndexedKind | undefined {
  const format = sniffFormat(prefix);
  if (format === 'arazzo1') return 'arazzo';
  if (format) return 'openapi';
  if (BACKSTAGE_API_VERSION.test(prefix)) return 'catalog';
  return undefined;
}
