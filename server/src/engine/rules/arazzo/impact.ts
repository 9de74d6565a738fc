/**
 * Impact of a spec's changes on the workflows that call it (pure). A change is traced to a step when
 * it touches an element the step uses (see `uses.ts`): the element itself or something inside it, or
 * (for removals) a parent of it. A change that breaks a workflow is raised to breaking, with the reason.
 */
import type { Change } from '../../diff/types';
import type { StepUse } from './uses';

export interface WorkflowImpact {
  arazzoUri: string;
  workflowId: string;
  stepId: string;
  /** "workflow `buyPet` step `order` reads `$response.body#/id`" */
  reason: string;
  /** Where the Arazzo file shows it: the field that uses the element. */
  fieldPointer: string;
}

/** Uses computed against the base and against the revision of the spec (changes point into either). */
export interface UsesBySide {
  base: readonly StepUse[];
  revision: readonly StepUse[];
}

const within = (pointer: string, parent: string) => pointer === parent || pointer.startsWith(parent + '/');

/** How well a change matches a use: undefined when it does not; higher is more specific. */
function matchScore(change: Change, use: StepUse): number | undefined {
  if (change.uri !== use.uri || (change.operation !== undefined && change.operation !== use.operation)) return undefined;
  // A schema shared by requests and responses changes once per direction: a step sending it is not hurt by the response side.
  const direction = change.direction ?? (/^request-/.test(change.id) ? 'request' : /^response-/.test(change.id) ? 'response' : undefined);
  if (direction === 'response' && (use.kind === 'request-property' || use.kind === 'parameter')) return undefined;
  if (direction === 'request' && (use.kind === 'response-read' || use.kind === 'enum-compare')) return undefined;
  const p = change.pointer;
  if (use.kind === 'enum-compare') {
    if (!within(p, use.pointer + '/enum') && p !== use.pointer + '/const') return undefined;
    const before = change.before;
    const removed = Array.isArray(before) ? before.includes(use.literal) : before === use.literal;
    return removed && !(Array.isArray(change.after) && change.after.includes(use.literal)) ? 3000 : undefined;
  }
  // An operation is broken only by its removal (or its path's); an operation added where the step now points is not.
  if (use.kind === 'operation') return p === use.pointer && change.side === 'base' ? 2000 : undefined;
  if (p === use.pointer) return 2000;
  if (within(p, use.pointer)) {
    const rest = p.slice(use.pointer.length);
    if (/^\/(enum|description|example|examples|title|x-[^/]*)(\/|$)/.test(rest)) return undefined;
    return 1000 + p.length;
  }
  if (change.side === 'base' && within(use.pointer, p)) return p.length;
  return undefined;
}

/** Per change, the workflow steps it affects (one entry per step, with the most specific reason). */
export function traceWorkflowImpact(changes: readonly Change[], uses: UsesBySide): Map<Change, WorkflowImpact[]> {
  const out = new Map<Change, WorkflowImpact[]>();
  for (const change of changes) {
    const best = new Map<string, { score: number; use: StepUse }>();
    for (const use of change.side === 'base' ? uses.base : uses.revision) {
      const score = matchScore(change, use);
      if (score === undefined) continue;
      const key = `${use.arazzoUri}\u0000${use.stepPointer}`;
      const current = best.get(key);
      if (!current || score > current.score) best.set(key, { score, use });
    }
    if (best.size === 0) continue;
    out.set(change, [...best.values()].map(({ use }) => ({
      arazzoUri: use.arazzoUri,
      workflowId: use.workflowId,
      stepId: use.stepId,
      reason: `workflow \`${use.workflowId}\` step \`${use.stepId}\` ${use.reason}`,
      fieldPointer: use.fieldPointer,
    })));
  }
  return out;
}

/** The changes with their workflows attached; a change that breaks a workflow becomes breaking. */
export function withWorkflowImpact(changes: readonly Change[], impact: Map<Change, WorkflowImpact[]>): Change[] {
  return changes.map((change) => {
    const workflows = impact.get(change);
    if (!workflows) return change;
    if (change.level === 'breaking') return { ...change, workflows };
    return { ...change, workflows, escalatedFrom: change.level, level: 'breaking', message: `${change.message} (breaking here: ${workflows[0].reason}${workflows.length > 1 ? ` and ${workflows.length - 1} more step(s)` : ''})` };
  });
}
