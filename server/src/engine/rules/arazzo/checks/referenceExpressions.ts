/** `$steps.<id>.outputs.<name>` (an earlier step's output) and `$inputs.<name>` (the workflow's inputs schema). */
import { childOf, deref, isObject } from '../../../refs';
import { STEP_OUTPUT, WORKFLOW_INPUT } from '../ruleIds';
import { resolveSchemaPointer } from '../schemaPointer';
import type { ExpressionSite, WorkflowContext } from '../context';

export function checkStepOutputExpression(ctx: WorkflowContext, site: ExpressionSite): void {
  const { expression } = site;
  if (expression.kind !== 'steps' || expression.field !== 'outputs' || expression.name === undefined) return;
  const steps = ctx.workflow.steps;
  const referenced = steps.find((s) => s.id === expression.id);
  const report = (message: string) =>
    ctx.report({ ruleId: STEP_OUTPUT, severity: 'warn', pointer: site.pointer, target: 'value', needle: expression.text, message });
  if (!referenced) return report(`${expression.text}: workflow "${ctx.workflow.id}" has no step "${expression.id}".`);
  if (site.step && referenced.index >= site.step.index) {
    return report(`${expression.text}: step "${expression.id}" runs ${referenced === site.step ? 'as this step, so its outputs are not set yet' : 'after this step'}.`);
  }
  const outputs = referenced.node.outputs;
  if (!isObject(outputs)) return report(`${expression.text}: step "${expression.id}" declares no outputs.`);
  // Output names may contain dots: `a.b` is an output named `a.b` or output `a` with more after it.
  const parts = expression.name.split('.');
  for (let i = parts.length; i > 0; i--) if (Object.prototype.hasOwnProperty.call(outputs, parts.slice(0, i).join('.'))) return;
  report(`${expression.text}: step "${expression.id}" has no output "${expression.name}" (outputs: ${Object.keys(outputs).join(', ')}).`);
}

export function checkInputExpression(ctx: WorkflowContext, site: ExpressionSite): void {
  const { expression } = site;
  if (expression.kind !== 'inputs') return;
  if (!('inputs' in ctx.workflow.node)) {
    return ctx.report({ ruleId: WORKFLOW_INPUT, severity: 'warn', pointer: site.pointer, target: 'value', needle: expression.text, message: `${expression.text}: workflow "${ctx.workflow.id}" declares no inputs.` });
  }
  const at = deref(ctx.arazzoDocs, childOf({ uri: ctx.arazzoUri, pointer: ctx.workflow.pointer, node: ctx.workflow.node }, 'inputs'));
  const verdict = resolveSchemaPointer(ctx.arazzoDocs, [at], '/' + expression.name);
  if (verdict.kind !== 'missing') return;
  ctx.report({ ruleId: WORKFLOW_INPUT, severity: 'warn', pointer: site.pointer, target: 'value', needle: expression.text, message: `${expression.text}: the inputs schema of workflow "${ctx.workflow.id}" has no property "${expression.name}".` });
}
