/**
 * `specgate-docs-unknown-operation-id`: an identifier in inline code that is clearly meant as an
 * operationId and matches none. "Clearly" means one of: it was an operationId in the git
 * baseline, it is within a small edit distance of an existing one, or its sentence calls it an
 * operation. Everything else in backticks is an ordinary code word and is left alone.
 */
import { apiLabel, type DocsFinding, type DocsRule } from './docsRule';
import { editDistance } from './editDistance';

export const UNKNOWN_OPERATION_ID = 'specgate-docs-unknown-operation-id';

/** camelCase, PascalCase with a hump, or snake_case: the shapes operationIds take. */
const IDENTIFIER = /^(?:[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)$/;
/** "the operation `x`", "operationId `x`" before the code; "`x` operation" after it. */
const OPERATION_BEFORE = /\boperation(?:\s*id|Id)?\s*[:=]?\s*$/i;
const OPERATION_AFTER = /^\s*operation\b/i;

function maxDistance(length: number): number {
  return length >= 12 ? 2 : length >= 6 ? 1 : 0;
}

export const unknownOperationId: DocsRule = ({ guide, baselineOperationIds }) => {
  const apis = guide.apis ?? [];
  const ids = [...new Set(apis.flatMap((a) => a.operations.map((o) => o.operationId).filter((x): x is string => !!x)))];
  if (ids.length === 0) return [];
  const known = new Set(ids);
  const codeWords = new Set<string>();
  for (const api of apis) for (const name of api.knownNames) codeWords.add(name);
  // Identifiers used in the guide's own code samples (SDK methods, variables) are code words.
  const codeSamples = guide.scan.fences.filter((f) => !['json', 'jsonc', 'yaml', 'yml'].includes(f.lang)).map((f) => f.content).join('\n');
  const findings: DocsFinding[] = [];
  for (const code of guide.scan.inlineCode) {
    const token = code.text;
    if (!IDENTIFIER.test(token) || known.has(token) || codeWords.has(token)) continue;
    if (new RegExp(`\\b${token}\\b`).test(codeSamples)) continue;
    let closest: { id: string; distance: number } | undefined;
    for (const id of ids) {
      const distance = editDistance(token, id, 2);
      if (!closest || distance < closest.distance) closest = { id, distance };
    }
    const line = guide.scan.textLines.find((l) => code.offset >= l.offset && code.offset <= l.offset + l.text.length);
    const at = line ? code.offset - line.offset : 0;
    const before = line ? line.text.slice(Math.max(0, at - 30), at).replace(/\s+$/, ' ').replace(/`\s*$/, '') : '';
    const after = line ? line.text.slice(at + token.length).replace(/^`/, '') : '';
    const calledAnOperation = OPERATION_BEFORE.test(before.trimEnd()) || OPERATION_AFTER.test(after);
    const reason = baselineOperationIds.has(token) ? 'was an operationId in the baseline'
      : closest && closest.distance <= maxDistance(token.length) ? 'is one edit away from an operationId'
        : calledAnOperation ? 'is called an operation here' : undefined;
    if (!reason) continue;
    const suggestion = closest && closest.distance <= 2 ? closest.id : undefined;
    findings.push({
      code: UNKNOWN_OPERATION_ID,
      offset: code.offset,
      length: token.length,
      severity: 'warn',
      message: `\`${token}\` is not an operationId of ${apiLabel(apis)} (it ${reason})${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`,
      fix: suggestion ? { title: `Replace with ${suggestion}`, newText: suggestion } : undefined,
    });
  }
  return findings;
};
