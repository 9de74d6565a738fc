/** A tolerant view of an Arazzo document: workflows and steps with their pointers (any field may be missing). */
import { isObject } from '../../refs';
import { joinPointer } from '../../jsonPointer';
import type { SeverityName } from '../../types';

export type Obj = Record<string, unknown>;

export interface StepView {
  id: string;
  index: number;
  pointer: string;
  node: Obj;
}

export interface WorkflowView {
  id: string;
  pointer: string;
  node: Obj;
  steps: StepView[];
}

/** One finding in the Arazzo document: a rule, a message and the node it sits on. */
export interface ArazzoFinding {
  ruleId: string;
  severity: SeverityName;
  message: string;
  pointer: string;
  target: 'key' | 'value';
  /** Text inside the node to narrow the range to (e.g. one expression in a longer string). */
  needle?: string;
}

export const str = (obj: unknown, key: string): string | undefined => {
  const v = isObject(obj) && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

export function workflowsOf(value: unknown): WorkflowView[] {
  const list = isObject(value) ? value.workflows : undefined;
  if (!Array.isArray(list)) return [];
  const out: WorkflowView[] = [];
  list.forEach((wf, i) => {
    if (!isObject(wf)) return;
    const pointer = joinPointer('/workflows', i);
    const steps: StepView[] = [];
    if (Array.isArray(wf.steps)) {
      wf.steps.forEach((step, j) => {
        if (isObject(step)) steps.push({ id: str(step, 'stepId') ?? '', index: j, pointer: joinPointer(pointer, 'steps', j), node: step });
      });
    }
    out.push({ id: str(wf, 'workflowId') ?? '', pointer, node: wf, steps });
  });
  return out;
}

/** Every string under `node` with its pointer (outputs, criteria, parameter values, payloads). */
export function stringsUnder(node: unknown, pointer: string, visit: (text: string, pointer: string) => void, depth = 0): void {
  if (depth > 64) return;
  if (typeof node === 'string') visit(node, pointer);
  else if (Array.isArray(node)) node.forEach((v, i) => stringsUnder(v, joinPointer(pointer, i), visit, depth + 1));
  else if (isObject(node)) for (const [k, v] of Object.entries(node)) stringsUnder(v, joinPointer(pointer, k), visit, depth + 1);
}
