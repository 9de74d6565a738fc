/** A literal `requestBody.payload`: its properties exist in the request schema and the required ones are present. */
import { isObject, type Located } from '../../../refs';
import { joinPointer } from '../../../jsonPointer';
import { REQUEST_BODY } from '../ruleIds';
import { requiredMembers, resolveSchemaPointer } from '../schemaPointer';
import { str, type StepView } from '../model';
import type { WorkflowContext } from '../context';

const essence = (t: string) => t.split(';')[0].trim().toLowerCase();

export function checkRequestBody(ctx: WorkflowContext, step: StepView): void {
  const target = ctx.targets.get(step);
  const requestBody = step.node.requestBody;
  if (target?.kind !== 'operation' || !isObject(requestBody) || !isObject(requestBody.payload)) return;
  const body = target.op.body;
  if (!body) return;
  const contentType = str(requestBody, 'contentType');
  const media = [...body.content.entries()].filter(([type]) => (contentType ? essence(type) === essence(contentType) : /json/i.test(type)));
  const schemas: Located[] = [];
  for (const [, m] of media) {
    if (!m.schema) return;
    schemas.push(m.schema);
  }
  if (schemas.length === 0) return;
  const payload = requestBody.payload;
  const payloadPointer = joinPointer(step.pointer, 'requestBody', 'payload');
  const docs = target.spec.docs;
  for (const key of Object.keys(payload)) {
    const verdict = resolveSchemaPointer(docs, schemas, joinPointer('', key));
    if (verdict.kind !== 'missing') continue;
    ctx.report({ ruleId: REQUEST_BODY, severity: 'warn', pointer: joinPointer(payloadPointer, key), target: 'key', message: `The request body of ${target.op.label} has no property "${key}".` });
  }
  // Replacements may fill in properties; one schema only, so oneOf alternatives never make a property "required".
  if (Array.isArray(requestBody.replacements) && requestBody.replacements.length > 0) return;
  if (schemas.length !== 1) return;
  const missing = [...new Set(requiredMembers(docs, schemas[0]))].filter((name) => !Object.prototype.hasOwnProperty.call(payload, name));
  if (missing.length === 0) return;
  ctx.report({ ruleId: REQUEST_BODY, severity: 'warn', pointer: payloadPointer, target: 'key', message: `The payload lacks required propert${missing.length > 1 ? 'ies' : 'y'} ${missing.map((m) => `"${m}"`).join(', ')} of the request body of ${target.op.label}.` });
}
