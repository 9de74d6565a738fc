/**
 * What a step calls: an operation (by `operationId`, plain or `$sourceDescriptions.<name>.<id>`, or by
 * `operationPath`) or a workflow (local or `$sourceDescriptions.<name>.<id>`). When the answer is
 * unknowable (a source could not be loaded or is remote) the result is `unknown`: nothing is reported.
 */
import type { OperationView, Spec } from '../../diff/model';
import { splitPointer } from '../../jsonPointer';
import { OPERATION_ID, OPERATION_PATH, WORKFLOW_ID } from './ruleIds';
import { str, workflowsOf, type StepView, type WorkflowView } from './model';
import { operationIdOf, type ResolvedSource } from './sources';

export type StepTarget =
  | { kind: 'operation'; source: ResolvedSource; spec: Spec; op: OperationView; field: 'operationId' | 'operationPath' }
  | { kind: 'workflow'; workflow: WorkflowView; source?: ResolvedSource }
  | { kind: 'unknown' };

export interface TargetProblem {
  ruleId: string;
  field: string;
  message: string;
}

const SOURCE_REF = /^\$sourceDescriptions\.([^.]+)\.(.+)$/;
const OPERATION_PATH_PATTERN = /^\{\$sourceDescriptions\.([^.}]+)\.url\}#(.*)$/;

export function resolveStepTarget(step: StepView, sources: ResolvedSource[], localWorkflows: WorkflowView[]): { target: StepTarget; problem?: TargetProblem } {
  const operationId = str(step.node, 'operationId');
  const operationPath = str(step.node, 'operationPath');
  const workflowId = str(step.node, 'workflowId');
  if (operationId !== undefined) return byOperationId(operationId, sources);
  if (operationPath !== undefined) return byOperationPath(operationPath, sources);
  if (workflowId !== undefined) return byWorkflowId(workflowId, sources, localWorkflows);
  return { target: { kind: 'unknown' } };
}

function sourceNamed(name: string, sources: ResolvedSource[]): ResolvedSource | undefined {
  return sources.find((s) => s.name === name);
}

function byOperationId(value: string, sources: ResolvedSource[]): { target: StepTarget; problem?: TargetProblem } {
  const unknown = { target: { kind: 'unknown' } as StepTarget };
  const m = SOURCE_REF.exec(value);
  // A plain id may live in any non-Arazzo source, so one that was not checked (remote, AsyncAPI) makes it unknowable.
  const candidates = m ? sources.filter((s) => s.name === m[1]) : sources.filter((s) => s.type !== 'arazzo');
  const id = m ? m[2] : value;
  if (m && candidates.length === 0) {
    return { ...unknown, problem: { ruleId: OPERATION_ID, field: 'operationId', message: `No source description named "${m[1]}" (known: ${sources.map((s) => s.name).join(', ') || 'none'}).` } };
  }
  if (candidates.some((s) => s.status !== 'ok')) return unknown;
  const found = candidates.flatMap((s) => (s.openapi?.operations ?? []).filter((op) => operationIdOf(op) === id).map((op) => ({ s, op })));
  if (found.length === 0) {
    const where = m || candidates.length === 1 ? `source "${candidates[0].name}"` : `any of the sources ${candidates.map((s) => `"${s.name}"`).join(', ')}`;
    return { ...unknown, problem: { ruleId: OPERATION_ID, field: 'operationId', message: `Operation "${id}" does not exist in ${where}.` } };
  }
  if (found.length > 1) {
    const hint = m ? '' : ' Qualify it as `$sourceDescriptions.<name>.' + id + '`.';
    const places = found.map((f) => `${f.op.label} in "${f.s.name}"`).join(', ');
    return { ...unknown, problem: { ruleId: OPERATION_ID, field: 'operationId', message: `Operation "${id}" is ambiguous: ${places}.${hint}` } };
  }
  const { s, op } = found[0];
  return { target: { kind: 'operation', source: s, spec: s.openapi!.spec, op, field: 'operationId' } };
}

function byOperationPath(value: string, sources: ResolvedSource[]): { target: StepTarget; problem?: TargetProblem } {
  const unknown = { target: { kind: 'unknown' } as StepTarget };
  const m = OPERATION_PATH_PATTERN.exec(value);
  if (!m) return unknown;
  const source = sourceNamed(m[1], sources);
  if (!source) return { ...unknown, problem: { ruleId: OPERATION_PATH, field: 'operationPath', message: `No source description named "${m[1]}".` } };
  if (source.status !== 'ok' || !source.openapi) return unknown;
  let pointer = m[2];
  try {
    pointer = decodeURIComponent(pointer);
  } catch {
    /* keep it raw */
  }
  const segments = splitPointer(pointer);
  if (segments[0] !== 'paths' || segments.length !== 3) return unknown;
  const [, path, method] = segments;
  const op = source.openapi.operations.find((o) => o.path === path && o.method === method.toLowerCase());
  if (!op) {
    const pathExists = source.openapi.operations.some((o) => o.path === path);
    const why = pathExists ? `path "${path}" has no ${method.toUpperCase()} operation` : `path "${path}" does not exist`;
    return { ...unknown, problem: { ruleId: OPERATION_PATH, field: 'operationPath', message: `operationPath does not resolve in source "${source.name}": ${why}.` } };
  }
  return { target: { kind: 'operation', source, spec: source.openapi.spec, op, field: 'operationPath' } };
}

function byWorkflowId(value: string, sources: ResolvedSource[], local: WorkflowView[]): { target: StepTarget; problem?: TargetProblem } {
  const unknown = { target: { kind: 'unknown' } as StepTarget };
  const m = SOURCE_REF.exec(value);
  if (!m) {
    const workflow = local.find((w) => w.id === value);
    if (workflow) return { target: { kind: 'workflow', workflow } };
    return { ...unknown, problem: { ruleId: WORKFLOW_ID, field: 'workflowId', message: `Workflow "${value}" does not exist in this document (workflows: ${local.map((w) => w.id).join(', ') || 'none'}).` } };
  }
  const source = sourceNamed(m[1], sources);
  if (!source) return { ...unknown, problem: { ruleId: WORKFLOW_ID, field: 'workflowId', message: `No source description named "${m[1]}".` } };
  if (source.status !== 'ok') return unknown;
  if (!source.arazzo) return { ...unknown, problem: { ruleId: WORKFLOW_ID, field: 'workflowId', message: `Source "${m[1]}" is not an Arazzo document, so it has no workflows.` } };
  const workflow = workflowsOf(source.arazzo.value).find((w) => w.id === m[2]);
  if (workflow) return { target: { kind: 'workflow', workflow, source } };
  return { ...unknown, problem: { ruleId: WORKFLOW_ID, field: 'workflowId', message: `Workflow "${m[2]}" does not exist in source "${m[1]}".` } };
}
