/** `$response.body#/<pointer>` and `$response.header.<name>` against the called operation's responses. */
import { RESPONSE_BODY_POINTER, RESPONSE_HEADER } from '../ruleIds';
import { resolveSchemaPointer } from '../schemaPointer';
import { expectedResponses, responseSchemas, testedStatusCodes, type ExpressionSite, type WorkflowContext } from '../context';

export function checkResponseExpression(ctx: WorkflowContext, site: ExpressionSite): void {
  const { expression, step } = site;
  if (expression.kind !== 'response' || !site.afterResponse || !step) return;
  const target = ctx.targets.get(step);
  if (target?.kind !== 'operation') return;
  const responses = expectedResponses(target.op, testedStatusCodes(step));
  if (responses.length === 0) return;
  const statuses = responses.map((r) => r.code).join(', ');
  if (expression.part === 'body') {
    if (expression.pointer === '') return;
    const schemas = responseSchemas(responses);
    if (!schemas) return;
    const verdict = resolveSchemaPointer(target.spec.docs, schemas, expression.pointer);
    if (verdict.kind !== 'missing') return;
    ctx.report({
      ruleId: RESPONSE_BODY_POINTER,
      severity: 'warn',
      pointer: site.pointer,
      target: 'value',
      needle: expression.text,
      message: `${expression.text}: the ${statuses} response of ${target.op.label} has no "${verdict.segment}"${verdict.depth > 0 ? ` at ${'/' + expression.pointer.split('/').slice(1, verdict.depth + 1).join('/')}` : ''}.`,
    });
  } else if (expression.part === 'header') {
    const name = expression.name.toLowerCase();
    if (name === 'content-type' || name === 'content-length') return;
    if (responses.some((r) => r.headers.has(name))) return;
    ctx.report({
      ruleId: RESPONSE_HEADER,
      severity: 'warn',
      pointer: site.pointer,
      target: 'value',
      needle: expression.text,
      message: `${expression.text}: header "${expression.name}" is not documented on the ${statuses} response of ${target.op.label}.`,
    });
  }
}
