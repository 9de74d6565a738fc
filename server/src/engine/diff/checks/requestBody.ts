/** Request bodies: added, removed, required, media types and their schemas. */
import { inBase, inRevision, type DiffContext } from '../context';
import { child, pairMediaTypes } from '../model';
import { B, N, P, rule } from '../rule';
import { labels, type MatchedPair } from './pair';
import { emitSchemaChanges } from './schema';
import { ID } from '../changeIds';
import type { Located } from '../../refs';

export const REQUEST_BODY_RULES = [
  rule(ID.requestBodyAddedRequired, B, 'A required request body was added to an existing operation', 'request', 'Make the new body optional, or add it in a new operation or API version.'),
  rule(ID.requestBodyAddedOptional, N, 'An optional request body was added to an existing operation', 'request'),
  rule(ID.requestBodyRemoved, B, 'The request body was removed (what clients send is now ignored or rejected)', 'request'),
  rule(ID.requestBodyBecameRequired, B, 'The request body became required', 'request', 'Keep the body optional and apply defaults when it is missing.'),
  rule(ID.requestBodyBecameOptional, N, 'The request body became optional', 'request'),
  rule(ID.requestBodyMediaTypeAdded, N, 'A media type was added to the request body', 'request'),
  rule(ID.requestBodyMediaTypeRemoved, B, 'A media type was removed from the request body', 'request', 'Keep accepting the media type; deprecate it first if it must go.'),
  rule(ID.requestBodyMediaTypeSchemaAdded, B, 'A schema was added to a request media type that accepted anything', 'request'),
  rule(ID.requestBodyMediaTypeSchemaRemoved, N, 'The schema of a request media type was removed (anything is accepted)', 'request'),
];

export function checkRequestBody(ctx: DiffContext, pair: MatchedPair): void {
  const b = pair.base.body;
  const r = pair.revision.body;
  const op = labels(pair);
  const direction = 'request' as const;
  if (!b && !r) return;
  if (!b && r) {
    ctx.emit(r.required ? ID.requestBodyAddedRequired : ID.requestBodyAddedOptional, inRevision(r.at), `${r.required ? 'required' : 'optional'} request body added`, { operation: op.revision, direction });
    return;
  }
  if (b && !r) {
    ctx.emit(ID.requestBodyRemoved, inBase(b.at), 'request body removed', { operation: op.base, direction });
    return;
  }
  if (!b || !r) return;
  ctx.pairing.record(b.at, r.at);
  if (!b.required && r.required) ctx.emit(ID.requestBodyBecameRequired, inRevision(child(r.at, 'required')), 'request body became required', { operation: op.revision, before: false, after: true, direction });
  if (b.required && !r.required) ctx.emit(ID.requestBodyBecameOptional, inRevision(r.at), 'request body became optional', { operation: op.revision, before: true, after: false, direction });
  const media = pairMediaTypes(b.content, r.content);
  for (const type of media.removed) ctx.emit(ID.requestBodyMediaTypeRemoved, inBase((b.content.get(type) as { at: typeof b.at }).at), `request media type ${type} removed`, { operation: op.base, before: type, direction });
  for (const type of media.added) ctx.emit(ID.requestBodyMediaTypeAdded, inRevision((r.content.get(type) as { at: typeof r.at }).at), `request media type ${type} added`, { operation: op.revision, after: type, direction });
  for (const [, bm, type, rm] of media.pairs) {
    ctx.pairing.record((bm as { at: Located }).at, (rm as { at: Located }).at);
    // `schema: true` accepts what no schema accepts: adding or removing it changes nothing.
    if ((!bm.schema && rm.schema?.node === true) || (bm.schema?.node === true && !rm.schema)) continue;
    if (!bm.schema && rm.schema && rm.schema.node === false) ctx.emit(ID.requestBodySchemaBecameFalse, inRevision(rm.schema), `${type}: schema added as false (nothing is valid)`, { operation: op.revision, after: false, direction });
    else if (!bm.schema && rm.schema) ctx.emit(ID.requestBodyMediaTypeSchemaAdded, inRevision(rm.schema), `request body (${type}): schema added`, { operation: op.revision, direction });
    else if (bm.schema && !rm.schema) ctx.emit(ID.requestBodyMediaTypeSchemaRemoved, inBase(bm.schema), `request body (${type}): schema removed`, { operation: op.base, direction });
    else if (bm.schema && rm.schema) emitSchemaChanges(ctx, bm.schema, rm.schema, { direction, location: 'body', operation: op, subject: `request body (${type})` });
    if (bm.itemSchema && rm.itemSchema) emitSchemaChanges(ctx, bm.itemSchema, rm.itemSchema, { direction, location: 'body', operation: op, subject: `request body (${type}) item schema` });
  }
}
