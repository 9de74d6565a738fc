/** Step `parameters`: each `name` + `in` exists on the operation; the operation's required parameters are all given. */
import { isObject } from '../../../refs';
import type { OperationView } from '../../../diff/model';
import { joinPointer } from '../../../jsonPointer';
import { REQUIRED_PARAMETER, STEP_PARAMETER } from '../ruleIds';
import { str, type StepView } from '../model';
import type { WorkflowContext } from '../context';

interface GivenParameter { name: string; in?: string; pointer?: string }

const sameIn = (a: string, b: string) => a === b;
const sameName = (where: string, a: string, b: string) => (where === 'header' ? a.toLowerCase() === b.toLowerCase() : a === b);

/** Parameters given by a list (step or workflow); undefined when one of them cannot be read (unresolved reference). */
function givenParameters(list: unknown, listPointer: string, components: unknown): GivenParameter[] | undefined {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return undefined;
  const out: GivenParameter[] = [];
  for (let i = 0; i < list.length; i++) {
    let entry = list[i];
    const reference = str(entry, 'reference');
    if (reference !== undefined) {
      const m = /^\$components\.parameters\.(.+)$/.exec(reference);
      const params = isObject(components) ? components.parameters : undefined;
      entry = m && isObject(params) ? params[m[1]] : undefined;
      if (!isObject(entry)) return undefined;
      const name = str(entry, 'name');
      if (name === undefined) return undefined;
      out.push({ name, in: str(entry, 'in') });
      continue;
    }
    const name = str(entry, 'name');
    if (name === undefined) continue;
    out.push({ name, in: str(entry, 'in'), pointer: joinPointer(listPointer, i) });
  }
  return out;
}

function matches(op: OperationView, given: GivenParameter): boolean {
  return [...op.params.values()].some((p) => (given.in === undefined || sameIn(p.in, given.in)) && sameName(p.in, p.name, given.name));
}

export function checkParameters(ctx: WorkflowContext, step: StepView, components: unknown): void {
  const target = ctx.targets.get(step);
  if (target?.kind !== 'operation') return;
  const op = target.op;
  const own = givenParameters(step.node.parameters, joinPointer(step.pointer, 'parameters'), components);
  const inherited = givenParameters(ctx.workflow.node.parameters, joinPointer(ctx.workflow.pointer, 'parameters'), components);
  for (const given of own ?? []) {
    if (!given.pointer || matches(op, given)) continue;
    const sameNameElsewhere = [...op.params.values()].find((p) => sameName(p.in, p.name, given.name));
    ctx.report({
      ruleId: STEP_PARAMETER,
      severity: 'warn',
      pointer: joinPointer(given.pointer, sameNameElsewhere ? 'in' : 'name'),
      target: 'value',
      message: sameNameElsewhere
        ? `${op.label} has parameter "${given.name}" in ${sameNameElsewhere.in}, not in ${given.in}.`
        : `${op.label} has no ${given.in ? `${given.in} ` : ''}parameter "${given.name}" (parameters: ${[...op.params.values()].map((p) => `${p.name} (${p.in})`).join(', ') || 'none'}).`,
    });
  }
  if (!own || !inherited) return;
  const given = [...own, ...inherited];
  const field = 'operationId' in step.node ? 'operationId' : 'operationPath';
  for (const p of op.params.values()) {
    if (!p.required || p.in === 'formData') continue;
    // By name only: a parameter given in the wrong place is reported once, as such.
    if (given.some((g) => sameName(p.in, g.name, p.name))) continue;
    ctx.report({
      ruleId: REQUIRED_PARAMETER,
      severity: 'warn',
      pointer: joinPointer(step.pointer, 'parameters' in step.node ? 'parameters' : field),
      target: 'key',
      message: `Step "${step.id}" does not give the required ${p.in} parameter "${p.name}" of ${op.label}.`,
    });
  }
}
