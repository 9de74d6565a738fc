/** Responses: status codes, media types, headers and schemas, judged from the reader's side. */
import { inBase, inRevision, type DiffContext } from '../context';
import { child, pairMediaTypes, type ResponseView } from '../model';
import { B, N, P, rule } from '../rule';
import { labels, type MatchedPair } from './pair';
import { emitSchemaChanges } from './schema';

export const RESPONSE_RULES = [
  rule('response-success-status-removed', B, 'A success response status was removed', 'response', 'Keep returning the status clients expect; announce and version a change of status code.'),
  rule('response-non-success-status-removed', N, 'A non-success (error or default) response status was removed', 'response'),
  rule('response-success-status-added', N, 'A success response status was added', 'response'),
  rule('response-non-success-status-added', N, 'A non-success (error) response status was added', 'response'),
  rule('response-media-type-removed', B, 'A media type was removed from a response', 'response', 'Keep serving the media type; deprecate it first if it must go.'),
  rule('response-media-type-added', N, 'A media type was added to a response', 'response'),
  rule('response-body-media-type-schema-added', N, 'A schema was added to a response media type', 'response'),
  rule('response-body-media-type-schema-removed', B, 'The schema of a response media type was removed (anything may be returned)', 'response'),
  rule('response-header-added', N, 'A response header was added', 'response'),
  rule('required-response-header-removed', B, 'A required response header was removed', 'response', 'Keep sending the header; deprecate it first if it must go.'),
  rule('optional-response-header-removed', P, 'An optional response header was removed', 'response'),
  rule('response-header-became-optional', B, 'A response header is no longer required (it may be missing)', 'response'),
  rule('response-header-became-required', N, 'A response header became required', 'response'),
];

const isSuccess = (code: string) => /^[23]/.test(code);

export function checkResponses(ctx: DiffContext, pair: MatchedPair): void {
  const op = labels(pair);
  const direction = 'response' as const;
  for (const [code, b] of pair.base.responses) {
    const r = pair.revision.responses.get(code);
    if (r) compareResponse(ctx, pair, b, r);
    else {
      const id = isSuccess(code) ? 'response-success-status-removed' : 'response-non-success-status-removed';
      ctx.emit(id, inBase(b.at), `response ${b.code} removed`, { operation: op.base, before: b.code, direction });
    }
  }
  for (const [code, r] of pair.revision.responses) {
    if (pair.base.responses.has(code)) continue;
    const id = isSuccess(code) ? 'response-success-status-added' : 'response-non-success-status-added';
    ctx.emit(id, inRevision(r.at), `response ${r.code} added`, { operation: op.revision, after: r.code, direction });
  }
}

function compareResponse(ctx: DiffContext, pair: MatchedPair, b: ResponseView, r: ResponseView): void {
  const op = labels(pair);
  const direction = 'response' as const;
  const media = pairMediaTypes(b.content, r.content);
  for (const type of media.removed) ctx.emit('response-media-type-removed', inBase(b.content.get(type)!.at), `response ${b.code}: media type ${type} removed`, { operation: op.base, before: type, direction });
  for (const type of media.added) ctx.emit('response-media-type-added', inRevision(r.content.get(type)!.at), `response ${r.code}: media type ${type} added`, { operation: op.revision, after: type, direction });
  for (const [, bm, type, rm] of media.pairs) {
    // `schema: true` accepts what no schema accepts: adding or removing it changes nothing.
    if ((!bm.schema && rm.schema?.node === true) || (bm.schema?.node === true && !rm.schema)) continue;
    if (!bm.schema && rm.schema && rm.schema.node === false) ctx.emit('response-body-schema-became-false', inRevision(rm.schema), `${type}: schema added as false (nothing is valid)`, { operation: op.revision, after: false, direction });
    else if (!bm.schema && rm.schema) ctx.emit('response-body-media-type-schema-added', inRevision(rm.schema), `response ${r.code} (${type}): schema added`, { operation: op.revision, direction });
    else if (bm.schema && !rm.schema) ctx.emit('response-body-media-type-schema-removed', inBase(bm.schema), `response ${b.code} (${type}): schema removed`, { operation: op.base, direction });
    else if (bm.schema && rm.schema) emitSchemaChanges(ctx, bm.schema, rm.schema, { direction, location: 'body', operation: op, subject: `response ${r.code} body (${type})` });
  }
  for (const [key, bh] of b.headers) {
    const rh = r.headers.get(key);
    if (!rh) {
      const id = bh.required ? 'required-response-header-removed' : 'optional-response-header-removed';
      ctx.emit(id, inBase(bh.at), `response ${b.code}: header '${bh.name}' removed`, { operation: op.base, direction });
      continue;
    }
    if (bh.required && !rh.required) ctx.emit('response-header-became-optional', inRevision(rh.at), `response ${r.code}: header '${rh.name}' became optional`, { operation: op.revision, before: true, after: false, direction });
    if (!bh.required && rh.required) ctx.emit('response-header-became-required', inRevision(child(rh.at, 'required')), `response ${r.code}: header '${rh.name}' became required`, { operation: op.revision, before: false, after: true, direction });
    if (bh.schema && rh.schema) emitSchemaChanges(ctx, bh.schema, rh.schema, { direction, location: 'header', operation: op, subject: `response ${r.code} header '${rh.name}'` });
  }
  for (const [key, rh] of r.headers) {
    if (!b.headers.has(key)) ctx.emit('response-header-added', inRevision(rh.at), `response ${r.code}: header '${rh.name}' added`, { operation: op.revision, direction });
  }
}
