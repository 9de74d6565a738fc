/**
 * `specgate-docs-deprecated-operation` (information): a guide recommends an operation the API
 * marks `deprecated: true`, and nothing in that section says so.
 */
import type { DocsFinding, DocsRule } from './docsRule';

export const DEPRECATED_OPERATION = 'specgate-docs-deprecated-operation';

const DEPRECATION_NOTE = /deprecat|legacy|sunset|obsolete|no longer|superseded|will be removed/i;

export const deprecatedOperation: DocsRule = ({ guide }) => {
  const findings: DocsFinding[] = [];
  const starts = guide.scan.sectionStarts;
  for (const m of guide.mentions) {
    if (m.matches.length === 0 || !m.matches.every((x) => x.operation.deprecated)) continue;
    const section = guide.text.slice(starts[m.section], starts[m.section + 1] ?? guide.text.length);
    if (DEPRECATION_NOTE.test(section)) continue;
    const replacement = m.matches[0].operation;
    findings.push({
      code: DEPRECATED_OPERATION,
      offset: m.offset,
      length: m.length,
      severity: 'info',
      message: `${replacement.method} ${replacement.path}${replacement.operationId ? ` (${replacement.operationId})` : ''} is deprecated in ${m.matches[0].api.title || m.matches[0].api.names[0]}, and this section does not say so.`,
    });
  }
  return findings;
};
