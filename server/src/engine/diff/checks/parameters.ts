/** Parameters added, removed, made required, moved (`in`), re-serialised (style/explode), and their schemas. */
import { inBase, inRevision, type DiffContext } from '../context';
import { child, type ParamView } from '../model';
import { B, N, P, rule } from '../rule';
import type { MatchedPair } from './pair';
import { labels } from './pair';
import { emitSchemaChanges } from './schema';

export const PARAMETER_RULES = [
  rule('new-required-request-parameter', B, 'A new required request parameter was added (a schema default does not help: clients that omit a required parameter send an invalid request; oasdiff and OpenAPITools/openapi-diff agree)', 'request', 'Add the parameter as optional with a server-side default, or require it only in a new API version.'),
  rule('new-optional-request-parameter', N, 'A new optional request parameter was added', 'request'),
  rule('new-request-path-parameter', B, 'A new path parameter was added to an existing operation', 'request'),
  rule('new-required-request-default-parameter-to-existing-path', B, 'A new required parameter was added at path level, to every operation of an existing path', 'request'),
  rule('new-optional-request-default-parameter-to-existing-path', N, 'A new optional parameter was added at path level, to every operation of an existing path', 'request'),
  rule('request-parameter-removed', P, 'A request parameter was removed (clients that still send it may be rejected, or silently lose its effect)', 'request', 'Deprecate the parameter first (`deprecated: true`), keep accepting it for a release, then remove it.'),
  rule('request-parameter-removed-with-deprecation', N, 'A deprecated request parameter was removed', 'request'),
  rule('request-parameter-became-required', B, 'A request parameter became required', 'request', 'Keep the parameter optional and apply a server-side default when it is missing.'),
  rule('request-parameter-became-optional', N, 'A request parameter became optional', 'request'),
  rule('request-parameter-in-changed', B, 'A request parameter moved to another location (`in`), e.g. from query to header', 'request', 'Accept the parameter in both locations for a deprecation period, or move it in a new API version.'),
  rule('request-parameter-style-changed', B, 'The serialisation style of a request parameter changed', 'request', 'Keep the old style; add a new parameter if another serialisation is needed.'),
  rule('request-parameter-explode-changed', B, 'The explode setting of a request parameter changed, so arrays and objects are serialised differently', 'request', 'Keep the old explode setting; add a new parameter if another serialisation is needed.'),
  // Only OpenAPITools/openapi-diff checks allowEmptyValue (REQUEST_PARAM_ALLOWEMPTY_DECREASED, incompatible); oasdiff ignores it.
  rule('request-parameter-allow-empty-value-removed', B, 'A request parameter no longer allows an empty value (allowEmptyValue was removed or set to false), so requests that send it empty can be rejected', 'request', 'Keep allowEmptyValue: true and treat an empty value as absent on the server.'),
  rule('request-parameter-allow-empty-value-added', N, 'A request parameter now allows an empty value', 'request'),
  rule('request-parameter-deprecated', N, 'A request parameter was deprecated', 'request'),
  rule('request-parameter-reactivated', N, 'A deprecated request parameter is no longer deprecated', 'request'),
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
      ctx.emit('request-parameter-in-changed', inRevision(child(moved.at, 'in')), `${describe(bp)} moved to ${moved.in}`, { operation: op.revision, before: bp.in, after: moved.in, direction: 'request' });
      continue;
    }
    const id = bp.deprecated ? 'request-parameter-removed-with-deprecation' : 'request-parameter-removed';
    ctx.emit(id, inBase(bp.at), `${describe(bp)} removed${bp.deprecated ? ' after deprecation' : ''}`, { operation: op.base, direction: 'request' });
  }
  for (const [key, rp] of revision.params) {
    if (base.params.has(key) || movedNames.has(key)) continue;
    let id: string;
    if (rp.in === 'path') id = 'new-request-path-parameter';
    else if (rp.fromPathItem) id = rp.required ? 'new-required-request-default-parameter-to-existing-path' : 'new-optional-request-default-parameter-to-existing-path';
    else id = rp.required ? 'new-required-request-parameter' : 'new-optional-request-parameter';
    ctx.emit(id, inRevision(rp.at), `${rp.required ? 'required' : 'optional'} ${describe(rp)} added`, { operation: op.revision, direction: 'request' });
  }
}

function compareParam(ctx: DiffContext, pair: MatchedPair, bp: ParamView, rp: ParamView): void {
  const operation = pair.revision.label;
  const extra = (before: unknown, after: unknown) => ({ operation, before, after, direction: 'request' as const });
  if (!bp.required && rp.required) ctx.emit('request-parameter-became-required', inRevision(child(rp.at, 'required')), `${describe(rp)} became required`, extra(false, true));
  if (bp.required && !rp.required) ctx.emit('request-parameter-became-optional', inRevision(rp.at), `${describe(rp)} became optional`, extra(true, false));
  if (bp.style !== rp.style) ctx.emit('request-parameter-style-changed', inRevision(rp.at), `${describe(rp)}: style changed from ${bp.style} to ${rp.style}`, extra(bp.style, rp.style));
  else if (bp.explode !== rp.explode) ctx.emit('request-parameter-explode-changed', inRevision(rp.at), `${describe(rp)}: explode changed from ${bp.explode} to ${rp.explode}`, extra(bp.explode, rp.explode));
  if (bp.allowEmptyValue && !rp.allowEmptyValue) ctx.emit('request-parameter-allow-empty-value-removed', inRevision(rp.at), `${describe(rp)} no longer allows an empty value`, extra(true, false));
  if (!bp.allowEmptyValue && rp.allowEmptyValue) ctx.emit('request-parameter-allow-empty-value-added', inRevision(child(rp.at, 'allowEmptyValue')), `${describe(rp)} now allows an empty value`, extra(false, true));
  if (!bp.deprecated && rp.deprecated) ctx.emit('request-parameter-deprecated', inRevision(child(rp.at, 'deprecated')), `${describe(rp)} deprecated`, extra(false, true));
  if (bp.deprecated && !rp.deprecated) ctx.emit('request-parameter-reactivated', inRevision(rp.at), `${describe(rp)} is no longer deprecated`, extra(true, false));
  if (bp.schema && rp.schema) {
    emitSchemaChanges(ctx, bp.schema, rp.schema, { direction: 'request', location: 'parameter', operation: labels(pair), subject: describe(rp) });
  }
}
