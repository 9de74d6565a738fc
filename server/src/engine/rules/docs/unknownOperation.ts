/**
 * `specgate-docs-unknown-operation`: a `METHOD /path` mention (inline code or plain text) that
 * matches no operation of the APIs the guide describes, with the closest existing one suggested.
 */
import { apiLabel, type DocsFinding, type DocsRule } from './docsRule';
import { closestOperation, pathExists } from './operationMatch';

export const UNKNOWN_OPERATION = 'specgate-docs-unknown-operation';

export const unknownOperation: DocsRule = ({ guide }) => {
  const apis = guide.apis ?? [];
  if (apis.length === 0 || apis.every((a) => a.operations.length === 0)) return [];
  const findings: DocsFinding[] = [];
  const check = (method: string, path: string, offset: number, length: number, origin: string, separator = ' ') => {
    const suggestion = closestOperation({ method, path }, apis);
    const what = pathExists(path, apis) ? `${path} has no ${method} operation` : `no operation matches ${method} ${path}`;
    findings.push({
      code: UNKNOWN_OPERATION,
      offset,
      length,
      severity: 'warn',
      message: `${what} in ${apiLabel(apis)}${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
      fix: suggestion ? { title: `Replace with ${suggestion}`, newText: suggestion.replace(' ', `${separator}${origin}`) } : undefined,
    });
  };
  for (const m of guide.mentions) if (m.matches.length === 0) check(m.method, m.path, m.offset, m.length, m.origin, m.separator);
  for (const d of guide.directives) {
    if (d.matches.length > 0) continue;
    const at = guide.text.indexOf(`${d.method} ${d.path}`, d.comment.offset);
    const exact = at >= 0 && at < d.comment.end;
    check(d.method, d.path, exact ? at : d.comment.offset, exact ? d.method.length + 1 + d.path.length : d.comment.end - d.comment.offset, '');
  }
  return findings;
};
