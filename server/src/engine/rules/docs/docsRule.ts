/** The shape every docs rule shares: a guide in, findings on exact spans of its text out. */
import type { SeverityName } from '../../types';
import type { Guide } from './guideModel';

export interface DocsFinding {
  code: string;
  offset: number;
  length: number;
  message: string;
  severity: SeverityName;
  /** A quick fix that replaces the span. */
  fix?: { title: string; newText: string };
}

export interface DocsRuleContext {
  guide: Guide;
  /** operationIds the APIs had in the git baseline (renamed or removed ones are clearly operation ids). */
  baselineOperationIds: ReadonlySet<string>;
}

export type DocsRule = (ctx: DocsRuleContext) => DocsFinding[];

/** How a finding names the APIs it checked: by title when there are one or two. */
export function apiLabel(apis: readonly { title: string; names: string[] }[]): string {
  const names = [...new Set(apis.map((a) => a.title || a.names[0]))];
  return names.length <= 2 ? names.join(' or ') : `any of the ${apis.length} APIs in the workspace`;
}
