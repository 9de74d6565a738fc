/** Parameters added, removed, made required, moved (`in`), re-serialised (style/explode), and their schemas. */
import { inBase, inRevision, type DiffContext } from '../context';
import { child, type ParamView } from '../model';
import { B, N, P, rule } from '../rule';
import type { MatchedPair } from './pair';
import { labels } from './pair';
import { scalarBecameArray, serialisationUnchanged } from './parameterShape';
import { emitSchemaChanges } from './schema';
import type { Located } from '../../refs';
import { ID } from '../changeIds';

const SERIALISATION =
  'Style and explode only decide how arrays and objects are written. For parameters whose schemas allow single values only (string, number, integer, boolean), every form-like style and both explode settings write the same text, so those changes are not reported; label and matrix prefix even a single value and stay reported. oasdiff and OpenAPITools/openapi-diff report every style or explode change.';

export const PARAMETER_RULES = [
  rule(ID.newRequiredRequestParameter, B, 'A new required request parameter was added (a schema default does not help: clients that omit a required parameter send an invalid request; oasdiff and OpenAPITools/openapi-diff agree)', 'request', 'Add the parameter as optional with a server-side default, or require it only in a new API version.'),
  rule(ID.newOptionalRequestParameter, N, 'A new optional request parameter was added', 'request'),
  rule(ID.newRequestPathParameter, B, 'A new path parameter was added to an existing operation', 'request'),
  rule(ID.newRequiredRequestDefaultParameterToExistingPath, B, 'A new required parameter was added at path level, to every operation of an existing path', 'request'),
  rule(ID.newOptionalRequestDefaultParameterToExistingPath, N, 'A new optional parameter was added at path level, to every operation of an existing path', 'request'),
  rule(ID.requestParameterRemoved, P, 'A request parameter was removed (clients that still send it may be rejected, or silently lose its effect)', 'request', 'Deprecate the parameter first (`deprecated: true`), keep accepting it for a release, then remove it.'),
  rule(ID.requestParameterRemovedWithDeprecation, N, 'A deprecated request parameter was removed', 'request'),
  rule(ID.requestParameterBecameRequired, B, 'A request parameter became required', 'request', 'Keep the parameter optional and apply a server-side default when it is missing.'),
  rule(ID.requestParameterBecameOptional, N, 'A request parameter became optional', 'request'),
  rule(ID.requestParameterInChanged, B, 'A request parameter moved to another location (`in`), e.g. from query to header', 'request', 'Accept the parameter in both locations for a deprecation period, or move it in a new API version.'),
  rule(ID.requestParameterStyleChanged, B, 'The serialisation style of a request parameter that carries arrays or objects changed (or a single value moved to or from label/matrix prefixing)', 'request', 'Keep the old style; add a new parameter if another serialisation is needed.', SERIALISATION),
  rule(ID.requestParameterExplodeChanged, B, 'The explode setting of a request parameter that carries arrays or objects changed, so they are serialised differently', 'request', 'Keep the old explode setting; add a new parameter if another serialisation is needed.', SERIALISATION),
  rule(ID.requestParameterBecameArray, N, 'An optional form/explode query parameter went from a single value to an array of that value: every request sent today is still valid', 'request', undefined,
    '`?tag=a` is an array of one under form/explode serialisation, so no client has to change; only a minItems above one would reject old requests (then the items change is reported instead). oasdiff reports the type change as breaking (request-parameter-type-changed); OpenAPITools/openapi-diff too.'),
  // Only OpenAPITools/openapi-diff checks allowEmptyValue (REQUEST_PARAM_ALLOWEMPTY_DECREASED, incompatible); oasdiff ignores it.
  rule(ID.requestParameterAllowEmptyValueRemoved, B, 'A request parameter no longer allows an empty value (allowEmptyValue was removed or set to false), so requests that send it empty can be rejected', 'request', 'Keep allowEmptyValue: true and treat an empty value as absent on the server.'),
  rule(ID.requestParameterAllowEmptyValueAdded, N, 'A request parameter now allows an empty value', 'request'),
  rule(ID.requestParameterDeprecated, N, 'A request parameter was deprecated', 'request'),
  rule(ID.requestParameterReactivated, N, 'A deprecated request parameter is no longer deprecated', 'request'),
];

const describe = (p: ParamView) => `${p.in} parameter '${p.name}'`;

export function checkParameters(ctx: DiffContext, pair: MatchedPair): void {
  const { base, revision } = pair;
  const op = labels(pair);
  const movedNames = new Set<string>();
  for (const [key, bp] of base.params) {
    const rp = revision.params.get(key);
    if (rp) {
      ctx.pairing.record(bp.at, rp.at);
      compareParam(ctx, pair, bp, rp);
      continue;
    }
    const moved = [...revision.params.values()].find((p) => p.name === bp.name && p.in !== bp.in && !base.params.has(p.key));
    if (moved) {
      movedNames.add(moved.key);
      ctx.emit(ID.requestParameterInChanged, inRevision(child(moved.at, 'in')), `${describe(bp)} moved to ${moved.in}`, { operation: op.revision, before: bp.in, after: moved.in, direction: 'request' });
      continue;
    }
    const id = bp.deprecated ? ID.requestParameterRemovedWithDeprecation : ID.requestParameterRemoved;
    ctx.emit(id, inBase(bp.at), `${describe(bp)} removed${bp.deprecated ? ' after deprecation' : ''}`, { operation: op.base, direction: 'request' });
  }
  for (const [key, rp] of revision.params) {
    if (base.params.has(key) || movedNames.has(key)) continue;
    let id: string;
    if (rp.in === 'path') id = ID.newRequestPathParameter;
    else if (rp.fromPathItem) id = rp.required ? ID.newRequiredRequestDefaultParameterToExistingPath : ID.newOptionalRequestDefaultParameterToExistingPath;
    else id = rp.required ? ID.newRequiredRequestParameter : ID.newOptionalRequestParameter;
    ctx.emit(id, inRevision(rp.at), `${rp.required ? 'required' : 'optional'} ${describe(rp)} added`, { operation: op.revision, direction: 'request' });
  }
}

function compareParam(ctx: DiffContext, pair: MatchedPair, bp: ParamView, rp: ParamView): void {
  const operation = pair.revision.label;
  const extra = (before: unknown, after: unknown) => ({ operation, before, after, direction: 'request' as const });
  if (!bp.required && rp.required) ctx.emit(ID.requestParameterBecameRequired, inRevision(child(rp.at, 'required')), `${describe(rp)} became required`, extra(false, true));
  if (bp.required && !rp.required) ctx.emit(ID.requestParameterBecameOptional, inRevision(rp.at), `${describe(rp)} became optional`, extra(true, false));
  if (serialisationUnchanged(ctx, bp, rp)) {
    // single values are written the same way whatever the explode setting or form-like style
  } else if (bp.style !== rp.style) ctx.emit(ID.requestParameterStyleChanged, inRevision(rp.at), `${describe(rp)}: style changed from ${bp.style} to ${rp.style}`, extra(bp.style, rp.style));
  else if (bp.explode !== rp.explode) ctx.emit(ID.requestParameterExplodeChanged, inRevision(rp.at), `${describe(rp)}: explode changed from ${bp.explode} to ${rp.explode}`, extra(bp.explode, rp.explode));
  if (bp.allowEmptyValue && !rp.allowEmptyValue) ctx.emit(ID.requestParameterAllowEmptyValueRemoved, inRevision(rp.at), `${describe(rp)} no longer allows an empty value`, extra(true, false));
  if (!bp.allowEmptyValue && rp.allowEmptyValue) ctx.emit(ID.requestParameterAllowEmptyValueAdded, inRevision(child(rp.at, 'allowEmptyValue')), `${describe(rp)} now allows an empty value`, extra(false, true));
  if (!bp.deprecated && rp.deprecated) ctx.emit(ID.requestParameterDeprecated, inRevision(child(rp.at, 'deprecated')), `${describe(rp)} deprecated`, extra(false, true));
  if (bp.deprecated && !rp.deprecated) ctx.emit(ID.requestParameterReactivated, inRevision(rp.at), `${describe(rp)} is no longer deprecated`, extra(true, false));
  if (scalarBecameArray(ctx, bp, rp)) {
    ctx.emit(ID.requestParameterBecameArray, inRevision(rp.schema as Located), `${describe(rp)} now accepts several values (an array of its old type); a single value is still valid`, extra(undefined, 'array'));
  } else if (bp.schema && rp.schema) {
    emitSchemaChanges(ctx, bp.schema, rp.schema, { direction: 'request', location: 'parameter', operation: labels(pair), subject: describe(rp), pathParameter: rp.in === 'path' });
  }
}
