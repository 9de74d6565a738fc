/**
 * `specgate-docs-example-mismatch`: a JSON/YAML example tied to an operation that does not fit
 * the request body or success-response schema: undeclared properties, wrong types, missing
 * required properties, values outside an enum.
 */
import type { DocsFinding, DocsRule } from './docsRule';
import { checkExample } from './exampleCheck';
import { exampleSchema } from './guideModel';

export const EXAMPLE_MISMATCH = 'specgate-docs-example-mismatch';

export const exampleMismatch: DocsRule = ({ guide }) => {
  const findings: DocsFinding[] = [];
  for (const example of guide.examples) {
    const target = exampleSchema(example);
    if (!target) continue;
    const problems = checkExample(example.fence.content, target.schema, target.match.api.root, example.direction, example.fence.lang) ?? [];
    const op = `${target.match.operation.method} ${target.match.operation.path}`;
    for (const p of problems) {
      findings.push({
        code: EXAMPLE_MISMATCH,
        offset: example.fence.contentOffset + p.offset,
        length: p.length,
        severity: 'warn',
        message: `${op} ${example.direction}: ${p.message}`,
      });
    }
  }
  return findings;
};
