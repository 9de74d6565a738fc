/** Success criteria: `$statusCode == N` tests a documented status; a compared response field allows the literal. */
import { comparisonsIn, jsonPathComparisons, parseExpression, type Literal } from '../expressions';
import { ENUM_VALUE, STATUS_CODE } from '../ruleIds';
import { allowedValues, resolveSchemaPointer } from '../schemaPointer';
import { expectedResponses, responseSchemas, statusMatches, testedStatusCodes, type WorkflowContext } from '../context';
import { joinPointer } from '../../../jsonPointer';
import type { StepView } from '../model';

export function checkCriteria(ctx: WorkflowContext, step: StepView): void {
  const target = ctx.targets.get(step);
  const criteria = step.node.successCriteria;
  if (target?.kind !== 'operation' || !Array.isArray(criteria)) return;
  const op = target.op;
  criteria.forEach((criterion, i) => {
    if (!criterion || typeof criterion !== 'object') return;
    const c = criterion as Record<string, unknown>;
    const condition = c.condition;
    if (typeof condition !== 'string') return;
    const pointer = joinPointer(step.pointer, 'successCriteria', i, 'condition');
    const type = typeof c.type === 'string' ? c.type : isObjectType(c.type) ? String((c.type as Record<string, unknown>).type) : 'simple';
    if (type === 'simple') {
      for (const { expression, literal } of comparisonsIn(condition)) {
        if (expression.kind === 'statusCode' && typeof literal === 'number') {
          if ([...op.responses.keys()].some((code) => code === 'DEFAULT' || statusMatches(code, literal))) continue;
          ctx.report({ ruleId: STATUS_CODE, severity: 'warn', pointer, target: 'value', needle: String(literal), message: `${op.label} does not document status ${literal} (documented: ${[...op.responses.values()].map((r) => r.code).join(', ')}).` });
        } else if (expression.kind === 'response' && expression.part === 'body' && expression.pointer) {
          checkEnum(ctx, step, pointer, expression.text, expression.pointer, literal);
        }
      }
    } else if (type === 'jsonpath' && typeof c.context === 'string') {
      const context = parseExpression(c.context);
      if (context.kind !== 'response' || context.part !== 'body') return;
      for (const { pointer: rel, literal } of jsonPathComparisons(condition)) {
        checkEnum(ctx, step, pointer, condition, (context.pointer ?? '') + rel, literal);
      }
    }
  });
}

const isObjectType = (v: unknown) => v !== null && typeof v === 'object';

function checkEnum(ctx: WorkflowContext, step: StepView, pointer: string, needle: string, bodyPointer: string, literal: Literal): void {
  const target = ctx.targets.get(step);
  if (target?.kind !== 'operation') return;
  const schemas = responseSchemas(expectedResponses(target.op, testedStatusCodes(step)));
  if (!schemas) return;
  const verdict = resolveSchemaPointer(target.spec.docs, schemas, bodyPointer);
  if (verdict.kind !== 'found') return;
  const allowed = allowedValues(target.spec.docs, verdict.schemas);
  if (!allowed || allowed.some((v) => v === literal)) return;
  ctx.report({
    ruleId: ENUM_VALUE,
    severity: 'warn',
    pointer,
    target: 'value',
    needle,
    message: `${JSON.stringify(literal)} is not a value of $response.body#${bodyPointer} in ${target.op.label} (allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}).`,
  });
}
