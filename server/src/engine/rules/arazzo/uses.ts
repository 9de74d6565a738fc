/**
 * What each workflow step uses of the spec it calls, as locations in that spec: the operation, the
 * parameters it sends, the request properties it sends, the response fields its outputs and criteria
 * read, and the enum values its criteria compare. Impact tracing matches changes against these.
 */
import { isObject, type Located } from '../../refs';
import { joinPointer, splitPointer } from '../../jsonPointer';
import { expectedResponses, responseSchemas, testedStatusCodes } from './context';
import { comparisonsIn, jsonPathComparisons, parseExpression } from './expressions';
import { expressionSites, type ArazzoAnalysis } from './analyze';
import { resolveSchemaPointer } from './schemaPointer';
import type { StepView, WorkflowView } from './model';

export type UseKind = 'operation' | 'parameter' | 'request-property' | 'response-read' | 'enum-compare';

export interface StepUse {
  kind: UseKind;
  /** Where the used element lives in the spec. */
  uri: string;
  pointer: string;
  /** "calls `POST /orders`", "reads `$response.body#/total`", ... */
  reason: string;
  /** The Arazzo file and the step. */
  arazzoUri: string;
  workflowId: string;
  stepId: string;
  /** Pointer of the step node in the Arazzo file, and of the field that uses the element. */
  stepPointer: string;
  fieldPointer: string;
  /** The called operation's label (`POST /orders`): a change to a shared schema is reported per operation. */
  operation: string;
  /** enum-compare: the compared literal. */
  literal?: unknown;
}

/** Every use, by the steps of `analysis`, of the spec whose root is `specUri`. */
export function stepUses(analysis: ArazzoAnalysis, arazzoUri: string, specUri: string): StepUse[] {
  const out: StepUse[] = [];
  for (const workflow of analysis.workflows) {
    const readsByStep = new Map<StepView, Array<{ text: string; pointer: string; bodyPointer: string }>>();
    for (const site of expressionSites(workflow)) {
      const e = site.expression;
      if (site.step && site.afterResponse && e.kind === 'response' && e.part === 'body' && e.pointer) {
        const list = readsByStep.get(site.step) ?? [];
        list.push({ text: e.text, pointer: site.pointer, bodyPointer: e.pointer });
        readsByStep.set(site.step, list);
      }
    }
    for (const step of workflow.steps) {
      const target = analysis.targets.get(step);
      if (target?.kind !== 'operation' || target.source.uri !== specUri) continue;
      const base = { arazzoUri, workflowId: workflow.id, stepId: step.id, stepPointer: step.pointer, operation: target.op.label };
      const add = (kind: UseKind, at: Located, reason: string, fieldPointer: string, literal?: unknown) =>
        out.push({ kind, uri: at.uri, pointer: at.pointer, reason, fieldPointer, literal, ...base });
      const { op, spec } = target;
      add('operation', op.at, `calls \`${op.label}\``, joinPointer(step.pointer, target.field));
      add('operation', op.pathItem, `calls \`${op.label}\``, joinPointer(step.pointer, target.field));
      addParameterUses(step, workflow, op.params, add);
      const payload = isObject(step.node.requestBody) ? step.node.requestBody.payload : undefined;
      if (isObject(payload) && op.body) {
        const schemas = [...op.body.content.values()].flatMap((m) => (m.schema ? [m.schema] : []));
        for (const key of Object.keys(payload)) {
          const verdict = resolveSchemaPointer(spec.docs, schemas, joinPointer('', key));
          if (verdict.kind === 'found') for (const at of verdict.schemas) add('request-property', at, `sends \`${key}\` in the request body`, joinPointer(step.pointer, 'requestBody', 'payload', key));
        }
      }
      const responses = expectedResponses(op, testedStatusCodes(step));
      const schemas = responseSchemas(responses) ?? [];
      for (const read of readsByStep.get(step) ?? []) {
        for (const r of responses) add('response-read', r.at, `reads \`${read.text}\``, read.pointer);
        const segments = splitPointer(read.bodyPointer);
        for (let i = 1; i <= segments.length; i++) {
          const verdict = resolveSchemaPointer(spec.docs, schemas, joinPointer('', ...segments.slice(0, i)));
          if (verdict.kind === 'found') for (const at of verdict.schemas) add('response-read', at, `reads \`${read.text}\``, read.pointer);
        }
      }
      for (const c of comparedLiterals(step)) {
        const verdict = resolveSchemaPointer(spec.docs, schemas, c.bodyPointer);
        if (verdict.kind !== 'found') continue;
        for (const at of verdict.schemas) add('enum-compare', at, `waits for \`$response.body#${c.bodyPointer}\` == ${JSON.stringify(c.literal)}`, c.pointer, c.literal);
      }
    }
  }
  return out;
}

function addParameterUses(step: StepView, workflow: WorkflowView, params: Map<string, { name: string; in: string; at: Located }>, add: (kind: UseKind, at: Located, reason: string, fieldPointer: string) => void): void {
  for (const [owner, list] of [[step, step.node.parameters], [workflow, workflow.node.parameters]] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.name !== 'string') return;
      const p = [...params.values()].find((x) => x.name.toLowerCase() === String(entry.name).toLowerCase() && (entry.in === undefined || entry.in === x.in));
      if (p) add('parameter', p.at, `sends ${p.in} parameter \`${p.name}\``, joinPointer(owner.pointer, 'parameters', i));
    });
  }
}

/** `$response.body#/x == literal` comparisons of a step's criteria (simple and JSONPath). */
function comparedLiterals(step: StepView): Array<{ bodyPointer: string; literal: unknown; pointer: string }> {
  const out: Array<{ bodyPointer: string; literal: unknown; pointer: string }> = [];
  const criteria = step.node.successCriteria;
  if (!Array.isArray(criteria)) return out;
  criteria.forEach((c, i) => {
    if (!isObject(c) || typeof c.condition !== 'string') return;
    const pointer = joinPointer(step.pointer, 'successCriteria', i, 'condition');
    if (c.type === 'jsonpath' && typeof c.context === 'string') {
      const context = parseExpression(c.context);
      if (context.kind === 'response' && context.part === 'body') {
        for (const j of jsonPathComparisons(c.condition)) out.push({ bodyPointer: context.pointer + j.pointer, literal: j.literal, pointer });
      }
    } else if (c.type === undefined || c.type === 'simple') {
      for (const { expression, operator, literal } of comparisonsIn(c.condition)) {
        if (operator === '==' && expression.kind === 'response' && expression.part === 'body' && expression.pointer) out.push({ bodyPointer: expression.pointer, literal, pointer });
      }
    }
  });
  return out;
}


