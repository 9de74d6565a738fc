/** `specgate-docs-unknown-api`: front matter `api: <name>` naming no API in the workspace. */
import type { DocsRule } from './docsRule';

export const UNKNOWN_API = 'specgate-docs-unknown-api';

export const unknownApi: DocsRule = ({ guide }) => {
  const fm = guide.scan.frontMatter;
  if (guide.apis !== undefined || !fm.api || fm.apiOffset === undefined) return [];
  return [{
    code: UNKNOWN_API,
    offset: fm.apiOffset,
    length: fm.apiLength ?? fm.api.length,
    severity: 'warn',
    message: `No API in the workspace is named "${fm.api}" (names are the info.title slug or the spec file's base name); this guide is not checked.`,
  }];
};
