/** Responses: status codes, media types, headers and schemas, judged from the reader's side. */
import { inBase, inRevision, type DiffContext } from '../context';
import { child, pairMediaTypes, type ResponseView } from '../model';
import { B, N, P, rule } from '../rule';
import { labels, type MatchedPair } from './pair';
import { emitSchemaChanges } from './schema';
import { ID } from '../changeIds';

export const RESPONSE_RULES = [
  rule(ID.responseSuccessStatusRemoved, B, 'A success response status was removed', 'response', 'Keep returning the status clients expect; announce and version a change of status code.'),
  rule(ID.responseNonSuccessStatusRemoved, N, 'A non-success (error or default) response status was removed', 'response'),
  rule(ID.responseSuccessStatusAdded, N, 'A success response status was added', 'response'),
  rule(ID.responseNonSuccessStatusAdded, N, 'A non-success (error) response status was added', 'response'),
  rule(ID.responseMediaTypeRemoved, B, 'A media type was removed from a response', 'response', 'Keep serving the media type; deprecate it first if it must go.'),
  rule(ID.responseMediaTypeAdded, N, 'A media type was added to a response', 'response'),
  rule(ID.responseMediaTypeNameSpecialized, N, 'A response media type was replaced by a more specific one (e.g. application/json by application/problem+json)', 'response'),
  rule(ID.responseMediaTypeNameGeneralized, B, 'A response media type was replaced by a more general one (e.g. application/problem+json by application/json)', 'response', 'Keep the specific media type clients negotiate for; add the general one alongside it.'),
  rule(ID.responseMediaTypeNameChanged, P, 'A response media type changed its name and parameters at once, or its parameters in more than one direction: whether clients still accept it cannot be ordered', 'response'),
  rule(ID.responseMediaTypeParameterAdded, N, 'A parameter (e.g. charset) was added to a response media type: the server promises more', 'response'),
  rule(ID.responseMediaTypeParameterRemoved, B, 'A parameter (e.g. charset) was removed from a response media type: clients relying on it can receive other values', 'response'),
  rule(ID.responseMediaTypeParameterChanged, B, 'The value of a response media type parameter (e.g. charset) changed', 'response'),
  rule(ID.responseBodyMediaTypeSchemaAdded, N, 'A schema was added to a response media type', 'response'),
  rule(ID.responseBodyMediaTypeSchemaRemoved, B, 'The schema of a response media type was removed (anything may be returned)', 'response'),
  rule(ID.responseHeaderAdded, N, 'A response header was added', 'response'),
  rule(ID.requiredResponseHeaderRemoved, B, 'A required response header was removed', 'response', 'Keep sending the header; deprecate it first if it must go.'),
  rule(ID.optionalResponseHeaderRemoved, P, 'An optional response header was removed', 'response'),
  rule(ID.responseHeaderBecameOptional, B, 'A response header is no longer required (it may be missing)', 'response'),
  rule(ID.responseHeaderBecameRequired, N, 'A response header became required', 'response'),
];

const isSuccess = (code: string) => /^[23]/.test(code);

export function checkResponses(ctx: DiffContext, pair: MatchedPair): void {
  const op = labels(pair);
  const direction = 'response' as const;
  for (const [code, b] of pair.base.responses) {
    const r = pair.revision.responses.get(code);
    if (r) {
      ctx.pairing.record(b.at, r.at);
      compareResponse(ctx, pair, b, r);
    }
    else {
      const id = isSuccess(code) ? ID.responseSuccessStatusRemoved : ID.responseNonSuccessStatusRemoved;
      ctx.emit(id, inBase(b.at), `response ${b.code} removed`, { operation: op.base, before: b.code, direction });
    }
  }
  for (const [code, r] of pair.revision.responses) {
    if (pair.base.responses.has(code)) continue;
    const id = isSuccess(code) ? ID.responseSuccessStatusAdded : ID.responseNonSuccessStatusAdded;
    ctx.emit(id, inRevision(r.at), `response ${r.code} added`, { operation: op.revision, after: r.code, direction });
  }
}

function compareResponse(ctx: DiffContext, pair: MatchedPair, b: ResponseView, r: ResponseView): void {
  const op = labels(pair);
  const direction = 'response' as const;
  const media = pairMediaTypes(b.content, r.content);
  // A removed media type replaced by a more specific or more general one is one rename, not a removal.
  for (const bt of [...media.removed]) {
    const rt = media.added.find((t) => mediaOrder(bt, t) !== undefined);
    if (rt === undefined) continue;
    media.removed.splice(media.removed.indexOf(bt), 1);
    media.added.splice(media.added.indexOf(rt), 1);
    media.pairs.push([bt, b.content.get(bt)!, rt, r.content.get(rt)!]);
  }
  for (const [bt, , rt, rm] of media.pairs) {
    if (bt === rt) continue;
    for (const [id, text] of mediaTypeRename(bt, rt)) ctx.emit(id, inRevision(rm.at), `response ${r.code}: ${text}`, { operation: op.revision, before: bt, after: rt, direction });
  }
  for (const type of media.removed) ctx.emit(ID.responseMediaTypeRemoved, inBase(b.content.get(type)!.at), `response ${b.code}: media type ${type} removed`, { operation: op.base, before: type, direction });
  for (const type of media.added) ctx.emit(ID.responseMediaTypeAdded, inRevision(r.content.get(type)!.at), `response ${r.code}: media type ${type} added`, { operation: op.revision, after: type, direction });
  for (const [, bm, type, rm] of media.pairs) {
    ctx.pairing.record(bm.at, rm.at);
    // `schema: true` accepts what no schema accepts: adding or removing it changes nothing.
    if ((!bm.schema && rm.schema?.node === true) || (bm.schema?.node === true && !rm.schema)) continue;
    if (!bm.schema && rm.schema && rm.schema.node === false) ctx.emit(ID.responseBodySchemaBecameFalse, inRevision(rm.schema), `${type}: schema added as false (nothing is valid)`, { operation: op.revision, after: false, direction });
    else if (!bm.schema && rm.schema) ctx.emit(ID.responseBodyMediaTypeSchemaAdded, inRevision(rm.schema), `response ${r.code} (${type}): schema added`, { operation: op.revision, direction });
    else if (bm.schema && !rm.schema) ctx.emit(ID.responseBodyMediaTypeSchemaRemoved, inBase(bm.schema), `response ${b.code} (${type}): schema removed`, { operation: op.base, direction });
    else if (bm.schema && rm.schema) emitSchemaChanges(ctx, bm.schema, rm.schema, { direction, location: 'body', operation: op, subject: `response ${r.code} body (${type})` });
    if (bm.itemSchema && rm.itemSchema) emitSchemaChanges(ctx, bm.itemSchema, rm.itemSchema, { direction, location: 'body', operation: op, subject: `response ${r.code} body (${type}) item schema` });
  }
  for (const [key, bh] of b.headers) {
    const rh = r.headers.get(key);
    if (rh) ctx.pairing.record(bh.at, rh.at);
    if (!rh) {
      const id = bh.required ? ID.requiredResponseHeaderRemoved : ID.optionalResponseHeaderRemoved;
      ctx.emit(id, inBase(bh.at), `response ${b.code}: header '${bh.name}' removed`, { operation: op.base, direction });
      continue;
    }
    if (bh.required && !rh.required) ctx.emit(ID.responseHeaderBecameOptional, inRevision(rh.at), `response ${r.code}: header '${rh.name}' became optional`, { operation: op.revision, before: true, after: false, direction });
    if (!bh.required && rh.required) ctx.emit(ID.responseHeaderBecameRequired, inRevision(child(rh.at, 'required')), `response ${r.code}: header '${rh.name}' became required`, { operation: op.revision, before: false, after: true, direction });
    if (bh.schema && rh.schema) emitSchemaChanges(ctx, bh.schema, rh.schema, { direction, location: 'header', operation: op, subject: `response ${r.code} header '${rh.name}'` });
  }
  for (const [key, rh] of r.headers) {
    if (!b.headers.has(key)) ctx.emit(ID.responseHeaderAdded, inRevision(rh.at), `response ${r.code}: header '${rh.name}' added`, { operation: op.revision, direction });
  }
}

interface MediaType {
  essence: string;
  params: Map<string, string>;
}

function parseMediaType(t: string): MediaType {
  const [essence, ...rest] = t.split(';');
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  return { essence: essence.trim().toLowerCase(), params };
}

/** 1: `to` is more specific than `from` (application/json -> application/problem+json, *\/* -> text/plain); -1: more general. */
function mediaOrder(from: string, to: string): 1 | -1 | undefined {
  const a = parseMediaType(from).essence;
  const b = parseMediaType(to).essence;
  const narrower = (general: string, specific: string): boolean => {
    if (general === specific) return false;
    if (general === '*/*') return true;
    const [gt, gs] = general.split('/');
    const [st, ss] = specific.split('/');
    if (gt !== st || gs === undefined || ss === undefined) return false;
    if (gs === '*') return true;
    const plus = ss.lastIndexOf('+');
    return plus > 0 && ss.slice(plus + 1) === gs; // application/problem+json is application/json with a structured syntax suffix
  };
  return narrower(a, b) ? 1 : narrower(b, a) ? -1 : undefined;
}

/** The changes between two media types that pair up (same essence with other parameters, or a specialization). */
function mediaTypeRename(from: string, to: string): Array<[string, string]> {
  const a = parseMediaType(from);
  const b = parseMediaType(to);
  const added = [...b.params.keys()].filter((k) => !a.params.has(k));
  const removed = [...a.params.keys()].filter((k) => !b.params.has(k));
  const changed = [...a.params.keys()].filter((k) => b.params.has(k) && a.params.get(k) !== b.params.get(k));
  const paramsChanged = added.length + removed.length + changed.length > 0;
  if (a.essence !== b.essence) {
    if (paramsChanged) return [[ID.responseMediaTypeNameChanged, `media type ${from} changed to ${to}`]];
    return mediaOrder(from, to) === 1
      ? [[ID.responseMediaTypeNameSpecialized, `media type ${from} changed to the more specific ${to}`]]
      : [[ID.responseMediaTypeNameGeneralized, `media type ${from} changed to the more general ${to}`]];
  }
  if (added.length > 0 && removed.length + changed.length > 0) {
    return [[ID.responseMediaTypeNameChanged, `media type ${from} changed to ${to}`]];
  }
  return [
    ...added.map((k): [string, string] => [ID.responseMediaTypeParameterAdded, `media type parameter '${k}' added to ${b.essence}`]),
    ...removed.map((k): [string, string] => [ID.responseMediaTypeParameterRemoved, `media type parameter '${k}' removed from ${a.essence}`]),
    ...changed.map((k): [string, string] => [ID.responseMediaTypeParameterChanged, `media type parameter '${k}' of ${a.essence} changed from ${a.params.get(k)} to ${b.params.get(k)}`]),
  ];
}
