/** What every step check sees. */
import type { Located } from '../../refs';
import type { OperationView, ResponseView } from '../../diff/model';
import type { RuntimeExpression } from './expressions';
import type { ArazzoFinding, StepView, WorkflowView } from './model';
import type { StepTarget } from './targets';

/** One place a runtime expression is written, and whether `$response` means this step's response there. */
export interface ExpressionSite {
  expression: RuntimeExpression;
  pointer: string;
  /** `$response.*` refers to the step's response (outputs, criteria); false in parameters and payloads. */
  afterResponse: boolean;
  /** The step itself, or undefined for workflow-level outputs (which may read every step). */
  step?: StepView;
}

export interface WorkflowContext {
  /** The Arazzo document and the files it `$ref`s (for the inputs schema). */
  arazzoDocs: ReadonlyMap<string, unknown>;
  arazzoUri: string;
  workflow: WorkflowView;
  targets: Map<StepView, StepTarget>;
  report(finding: ArazzoFinding): void;
}

/** The responses a step expects: the statuses its criteria test, else 2xx (else `default`). */
export function expectedResponses(op: OperationView, testedCodes: number[]): ResponseView[] {
  const all = [...op.responses.values()];
  if (testedCodes.length > 0) {
    const tested = all.filter((r) => testedCodes.some((c) => statusMatches(r.code, c)));
    if (tested.length > 0) return tested;
  }
  const success = all.filter((r) => /^2/.test(r.code));
  return success.length > 0 ? success : all.filter((r) => r.code === 'default');
}

export function statusMatches(documented: string, status: number): boolean {
  const code = documented.toUpperCase();
  if (code === String(status)) return true;
  return /^[1-5]XX$/.test(code) && code[0] === String(status)[0];
}

/** Response body schemas of the expected responses (JSON-like media types first, else any). */
export function responseSchemas(responses: ResponseView[]): Located[] | undefined {
  const out: Located[] = [];
  for (const r of responses) {
    if (r.content.size === 0) return undefined; // an undocumented body: nothing to check against
    for (const media of r.content.values()) {
      if (!media.schema) return undefined;
      out.push(media.schema);
    }
  }
  return out.length > 0 ? out : undefined;
}

/** The statuses a step's `successCriteria` test with `$statusCode == N`. */
export function testedStatusCodes(step: StepView): number[] {
  const criteria = step.node.successCriteria;
  if (!Array.isArray(criteria)) return [];
  const out: number[] = [];
  for (const c of criteria) {
    const condition = c && typeof c === 'object' ? (c as Record<string, unknown>).condition : undefined;
    if (typeof condition !== 'string') continue;
    for (const m of condition.matchAll(/\$statusCode\s*==\s*(\d{3})/g)) out.push(Number(m[1]));
  }
  return out;
}
