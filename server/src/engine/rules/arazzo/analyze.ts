/**
 * Checks an Arazzo document (1.0.x; 1.1 too, whose AsyncAPI sources are skipped) statically against
 * the descriptions it calls. Pure: files are read through the caller's `SourceReader`.
 */
import { isObject } from '../../refs';
import { joinPointer } from '../../jsonPointer';
import { checkCriteria } from './checks/criteria';
import { checkParameters } from './checks/parameters';
import { checkRequestBody } from './checks/requestBody';
import { checkInputExpression, checkStepOutputExpression } from './checks/referenceExpressions';
import { checkResponseExpression } from './checks/responseExpressions';
import type { ExpressionSite, WorkflowContext } from './context';
import { expressionsIn } from './expressions';
import { stringsUnder, workflowsOf, type ArazzoFinding, type StepView, type WorkflowView } from './model';
import { resolveSources, type ResolvedSource, type SourceOptions, type SourceReader } from './sources';
import { resolveStepTarget, type StepTarget } from './targets';

export interface ArazzoAnalysis {
  findings: ArazzoFinding[];
  sources: ResolvedSource[];
  workflows: WorkflowView[];
  targets: Map<StepView, StepTarget>;
}

/** Sources and step targets only: what navigation and impact tracing need. */
export async function resolveArazzo(uri: string, value: unknown, read: SourceReader, options: SourceOptions): Promise<ArazzoAnalysis> {
  const findings: ArazzoFinding[] = [];
  const sources = await resolveSources(uri, value, read, options, findings);
  const workflows = workflowsOf(value);
  const targets = new Map<StepView, StepTarget>();
  for (const workflow of workflows) {
    for (const step of workflow.steps) {
      const { target, problem } = resolveStepTarget(step, sources, workflows);
      targets.set(step, target);
      if (problem) findings.push({ ruleId: problem.ruleId, severity: 'error', pointer: joinPointer(step.pointer, problem.field), target: 'value', message: problem.message });
    }
  }
  return { findings, sources, workflows, targets };
}

export async function analyzeArazzo(uri: string, value: unknown, read: SourceReader, options: SourceOptions): Promise<ArazzoAnalysis> {
  const analysis = await resolveArazzo(uri, value, read, options);
  const components = isObject(value) ? value.components : undefined;
  for (const workflow of analysis.workflows) {
    const ctx: WorkflowContext = {
      arazzoDocs: new Map([[uri, value]]),
      arazzoUri: uri,
      workflow,
      targets: analysis.targets,
      report: (f) => analysis.findings.push(f),
    };
    for (const site of expressionSites(workflow)) {
      checkResponseExpression(ctx, site);
      checkStepOutputExpression(ctx, site);
      checkInputExpression(ctx, site);
    }
    for (const step of workflow.steps) {
      checkParameters(ctx, step, components);
      checkRequestBody(ctx, step);
      checkCriteria(ctx, step);
    }
  }
  return analysis;
}

/** Every runtime expression of a workflow: step outputs, criteria, parameter values, payloads; workflow outputs. */
export function expressionSites(workflow: WorkflowView): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (node: unknown, pointer: string, afterResponse: boolean, step: StepView | undefined, isCondition = false) =>
    stringsUnder(node, pointer, (text, at) => {
      for (const expression of expressionsIn(text, isCondition)) sites.push({ expression, pointer: at, afterResponse, step });
    });
  for (const step of workflow.steps) {
    add(step.node.outputs, joinPointer(step.pointer, 'outputs'), true, step);
    const criteria = step.node.successCriteria;
    if (Array.isArray(criteria)) {
      criteria.forEach((c, i) => {
        if (!isObject(c)) return;
        const at = joinPointer(step.pointer, 'successCriteria', i);
        if (c.type === undefined || c.type === 'simple') add(c.condition, joinPointer(at, 'condition'), true, step, true);
        add(c.context, joinPointer(at, 'context'), true, step);
      });
    }
    const parameters = step.node.parameters;
    if (Array.isArray(parameters)) parameters.forEach((p, i) => isObject(p) && add(p.value, joinPointer(step.pointer, 'parameters', i, 'value'), false, step));
    const body = step.node.requestBody;
    if (isObject(body)) add(body.payload, joinPointer(step.pointer, 'requestBody', 'payload'), false, step);
  }
  add(workflow.node.outputs, joinPointer(workflow.pointer, 'outputs'), false, undefined);
  return sites;
}
