/**
 * Security requirements (global and per operation) and security schemes.
 * A `security` list is a set of alternatives: removing one, or adding a scope
 * to one, locks out clients that used it. No requirement means anonymous access.
 */
import { isObject, type Located } from '../../refs';
import { inBase, inRevision, type DiffContext, type Where } from '../context';
import { child, type Spec } from '../model';
import { B, N, P, rule } from '../rule';
import { isMatched, labels, type MatchedPair, type OperationPair } from './pair';
import { plain } from '../show';
import { ID } from '../changeIds';

export const SECURITY_RULES = [
  rule(ID.apiGlobalSecurityRemoved, B, 'A global security requirement (alternative) was removed, or authentication became required', 'caller', 'Keep accepting the old way of authenticating alongside the new one, and deprecate it before removal.'),
  rule(ID.apiGlobalSecurityRemovedNowAnonymous, N, 'A global security requirement was removed and anonymous access is now allowed, so no client is locked out', 'caller'),
  rule(ID.apiGlobalSecurityRequirementRelaxed, N, 'A global security requirement was relaxed: replaced by a subset of its schemes or scopes', 'caller', undefined, 'A security requirement (an alternative) was replaced by a subset of its schemes or scopes, or is removed while a remaining alternative asks for a subset of it: every client that sent the old credentials still satisfies the new requirement. This generalises anonymous access (the empty subset). oasdiff reports the requirement as removed (error) and OpenAPITools/openapi-diff as a security change (incompatible); both compare requirement names, not what a client must present.'),
  rule(ID.apiGlobalSecurityAdded, N, 'A global security requirement alternative was added', 'caller'),
  rule(ID.apiGlobalSecurityScopeAdded, B, 'A scope was added to a global security requirement', 'caller', 'Do not require extra scopes from existing tokens; add a new alternative instead.'),
  rule(ID.apiGlobalSecurityScopeRemoved, N, 'A scope was removed from a global security requirement', 'caller'),
  rule(ID.apiSecurityRemoved, B, 'A security requirement (alternative) of an operation was removed, or the operation now requires authentication', 'caller', 'Keep accepting the old way of authenticating alongside the new one, and deprecate it before removal.'),
  rule(ID.apiSecurityRemovedNowAnonymous, N, 'A security requirement of an operation was removed and the operation now allows anonymous access, so no client is locked out', 'caller'),
  rule(ID.apiSecurityRequirementRelaxed, N, "An operation's security requirement was relaxed: replaced by a subset of its schemes or scopes", 'caller', undefined, 'A security requirement (an alternative) was replaced by a subset of its schemes or scopes, or is removed while a remaining alternative asks for a subset of it: every client that sent the old credentials still satisfies the new requirement. This generalises anonymous access (the empty subset). oasdiff reports the requirement as removed (error) and OpenAPITools/openapi-diff as a security change (incompatible); both compare requirement names, not what a client must present.'),
  rule(ID.apiSecurityAdded, N, 'A security requirement alternative was added to an operation', 'caller'),
  rule(ID.apiSecurityScopeAdded, B, "A scope was added to an operation's security requirement", 'caller', 'Do not require extra scopes from existing tokens; add a new alternative instead.'),
  rule(ID.apiSecurityScopeRemoved, N, "A scope was removed from an operation's security requirement", 'caller'),
  rule(ID.apiSecurityComponentAdded, N, 'A security scheme was added to components', 'none'),
  rule(ID.apiSecurityComponentRemoved, N, 'A security scheme was removed from components', 'none'),
  // oasdiff reports security-scheme changes as info; OpenAPITools/openapi-diff calls any change to a used scheme incompatible.
  // A client must change how it obtains or sends credentials for these, so they are breaking here.
  rule(ID.apiSecurityComponentTypeChanged, B, 'The type of a security scheme changed (e.g. from http to apiKey): clients must authenticate another way', 'caller', 'Add the new scheme as an alternative security requirement and keep the old one for a deprecation period.'),
  rule(ID.apiSecurityComponentHttpSchemeChanged, B, 'The HTTP authentication scheme of a security scheme changed (e.g. basic to bearer)', 'caller', 'Add a new security scheme with the new HTTP scheme as an alternative, and keep the old one for a deprecation period.'),
  rule(ID.apiSecurityComponentBearerFormatChanged, P, 'The bearerFormat hint of an HTTP bearer security scheme changed (OpenAPITools/openapi-diff calls it incompatible; the specification says it is mainly documentation, so it is only potentially breaking here)', 'caller', 'Check whether clients inspect the token; announce the new token format.'),
  rule(ID.apiSecurityComponentOpenidConnectUrlChanged, B, 'The OpenID Connect discovery URL of a security scheme changed', 'caller', 'Keep the old discovery URL working (redirect it) for a deprecation period.'),
  rule(ID.apiSecurityComponentApiKeyChanged, B, 'The name or location of an API key changed', 'caller', 'Accept the key under both the old and the new name or location for a deprecation period.'),
  rule(ID.apiSecurityComponentOauthUrlChanged, B, 'The authorization URL of an OAuth flow changed: clients configured with the old URL cannot obtain tokens (oasdiff reports it as info, OpenAPITools/openapi-diff as incompatible)', 'caller', 'Keep the old URL working (redirect it) for a deprecation period.'),
  rule(ID.apiSecurityComponentOauthTokenUrlChanged, B, 'The token URL of an OAuth flow changed: clients configured with the old URL cannot obtain tokens (oasdiff reports it as info, OpenAPITools/openapi-diff as incompatible)', 'caller', 'Keep the old URL working (redirect it) for a deprecation period.'),
  rule(ID.apiSecurityComponentOauthRefreshUrlChanged, B, 'The refresh URL of an OAuth flow changed: clients configured with the old URL cannot refresh tokens', 'caller', 'Keep the old URL working (redirect it) for a deprecation period.'),
  rule(ID.apiSecurityComponentOauthScopeAdded, N, 'A scope was added to an OAuth flow', 'none'),
  rule(ID.apiSecurityComponentOauthScopeRemoved, N, 'A scope was removed from an OAuth flow', 'caller'),
  rule(ID.apiSecurityComponentOauthScopeChanged, N, 'The description of an OAuth scope changed', 'none'),
];

/** The ids of each scope, literal so that grep finds where they are emitted. */
const GLOBAL_IDS = {
  removed: ID.apiGlobalSecurityRemoved,
  nowAnonymous: ID.apiGlobalSecurityRemovedNowAnonymous,
  relaxed: ID.apiGlobalSecurityRequirementRelaxed,
  added: ID.apiGlobalSecurityAdded,
  scopeAdded: ID.apiGlobalSecurityScopeAdded,
  scopeRemoved: ID.apiGlobalSecurityScopeRemoved,
} as const;
const OPERATION_IDS = {
  removed: ID.apiSecurityRemoved,
  nowAnonymous: ID.apiSecurityRemovedNowAnonymous,
  relaxed: ID.apiSecurityRequirementRelaxed,
  added: ID.apiSecurityAdded,
  scopeAdded: ID.apiSecurityScopeAdded,
  scopeRemoved: ID.apiSecurityScopeRemoved,
} as const;

interface Requirement {
  key: string;
  at?: Located;
  scopes: Map<string, string[]>;
}

const ANONYMOUS: Requirement = { key: '', scopes: new Map() };

function requirements(list: Located): Requirement[] {
  if (!Array.isArray(list.node) || list.node.length === 0) return [ANONYMOUS];
  return list.node.map((req, i) => {
    const scopes = new Map<string, string[]>();
    if (isObject(req)) for (const [name, s] of Object.entries(req)) scopes.set(name, Array.isArray(s) ? s.map(String) : []);
    return { key: [...scopes.keys()].sort().join(' + '), at: child(list, i), scopes };
  });
}

const nameOf = (r: Requirement) => (r.key === '' ? 'anonymous access' : r.key);

function compareRequirements(ctx: DiffContext, b: Located, r: Located, prefix: 'api-global-security' | 'api-security', operation?: { base: string; revision: string }, inherited = true): void {
  // Global requirements no operation inherits lock nobody out: anonymous access ending there is not reported.
  const br = requirements(b).filter((x) => inherited || x !== ANONYMOUS);
  const rr = requirements(r).filter((x) => inherited || x !== ANONYMOUS);
  const where = (req: Requirement, side: 'base' | 'revision'): Where => (req.at ? (side === 'base' ? inBase(req.at) : inRevision(req.at)) : side === 'base' ? inRevision(r) : inBase(b));
  const scope = prefix === 'api-global-security' ? 'global security' : 'security';
  // Alternatives can repeat a scheme with different scopes: pair identical ones first, then by scheme.
  const pairs = pairRequirements(br, rr);
  const ids = prefix === 'api-global-security' ? GLOBAL_IDS : OPERATION_IDS;
  const relaxedTo = new Set<Requirement>();
  for (const req of br) {
    const match = pairs.get(req);
    if (!match) {
      const w = where(req, 'base');
      const op = operation && (w.side === 'base' ? operation.base : operation.revision);
      // Clients that sent these credentials keep working when some revision alternative asks for no more.
      const weaker = rr.find((x) => x.key === '') ?? rr.find((x) => satisfiedBy(x, req));
      if (weaker?.key === '') ctx.emit(ids.nowAnonymous, w, `${scope} requirement ${nameOf(req)} removed; anonymous access is allowed`, { operation: op, before: req.key });
      else if (weaker) {
        relaxedTo.add(weaker);
        ctx.emit(ids.relaxed, w, `${scope} requirement ${describeRequirement(req)} relaxed to ${describeRequirement(weaker)}: credentials clients send today still satisfy it`, { operation: op, before: req.key, after: weaker.key });
      } else ctx.emit(ids.removed, w, `${scope} requirement ${nameOf(req)} removed`, { operation: op, before: req.key });
      continue;
    }
    for (const [scheme, scopes] of match.scopes) {
      const old = req.scopes.get(scheme) ?? [];
      for (const s of scopes.filter((x) => !old.includes(x))) ctx.emit(ids.scopeAdded, inRevision(match.at as Located), `${scope} requirement ${scheme}: scope '${s}' added`, { operation: operation?.revision, after: s });
      for (const s of old.filter((x) => !scopes.includes(x))) ctx.emit(ids.scopeRemoved, inRevision(match.at as Located), `${scope} requirement ${scheme}: scope '${s}' removed`, { operation: operation?.revision, before: s });
    }
  }
  const matched = new Set(pairs.values());
  for (const req of rr) {
    if (matched.has(req) || relaxedTo.has(req)) continue;
    const w = where(req, 'revision');
    ctx.emit(ids.added, w, `${scope} requirement ${nameOf(req)} added`, { operation: operation && (w.side === 'base' ? operation.base : operation.revision), after: req.key });
  }
}

/** True when every scheme and scope `weaker` asks for is also in `stronger`: a client satisfying `stronger` satisfies it. */
function satisfiedBy(weaker: Requirement, stronger: Requirement): boolean {
  if (weaker.key === '' || stronger.key === '') return false;
  return [...weaker.scopes].every(([scheme, scopes]) => stronger.scopes.has(scheme) && scopes.every((s) => stronger.scopes.get(scheme)!.includes(s)));
}

const describeRequirement = (r: Requirement) =>
  [...r.scopes].map(([scheme, scopes]) => (scopes.length ? `${scheme} [${scopes.join(', ')}]` : scheme)).join(' + ') || 'anonymous access';

const scopeSignature = (r: Requirement) => [...r.scopes].map(([k, v]) => `${k}:${[...v].sort().join(',')}`).sort().join(';');

function pairRequirements(base: Requirement[], revision: Requirement[]): Map<Requirement, Requirement> {
  const pairs = new Map<Requirement, Requirement>();
  const free = new Set(revision);
  for (const exact of [true, false]) {
    for (const req of base) {
      if (pairs.has(req)) continue;
      const match = [...free].find((x) => x.key === req.key && (!exact || scopeSignature(x) === scopeSignature(req)));
      if (match) {
        pairs.set(req, match);
        free.delete(match);
      }
    }
  }
  return pairs;
}

export function checkGlobalSecurity(ctx: DiffContext, pairs: readonly OperationPair[]): void {
  // Does any operation present on both sides inherit the global requirements (on either side)?
  const inherited = pairs.some((pair) => isMatched(pair) && (child(pair.base.at, 'security').node === undefined || child(pair.revision.at, 'security').node === undefined));
  compareRequirements(ctx, ctx.base.at('/security'), ctx.revision.at('/security'), 'api-global-security', undefined, inherited);
  checkSchemes(ctx);
}

/** Only when an operation declares its own security; inherited changes are reported once, globally. */
export function checkOperationSecurity(ctx: DiffContext, pair: MatchedPair): void {
  const bs = child(pair.base.at, 'security');
  const rs = child(pair.revision.at, 'security');
  if (bs.node === undefined && rs.node === undefined) return;
  const effective = (own: Located, spec: Spec) => (own.node !== undefined ? own : spec.at('/security'));
  compareRequirements(ctx, effective(bs, ctx.base), effective(rs, ctx.revision), 'api-security', labels(pair));
}

function schemesOf(spec: Spec): Located {
  return spec.swagger2 ? spec.at('/securityDefinitions') : spec.at('/components/securitySchemes');
}

function checkSchemes(ctx: DiffContext): void {
  const b = schemesOf(ctx.base);
  const r = schemesOf(ctx.revision);
  const bn = isObject(b.node) ? b.node : {};
  const rn = isObject(r.node) ? r.node : {};
  for (const name of Object.keys(bn)) {
    if (!(name in rn)) ctx.emit(ID.apiSecurityComponentRemoved, inBase(child(b, name)), `security scheme '${name}' removed`);
    else compareScheme(ctx, name, ctx.base.resolve(child(b, name)), ctx.revision.resolve(child(r, name)));
  }
  for (const name of Object.keys(rn)) if (!(name in bn)) ctx.emit(ID.apiSecurityComponentAdded, inRevision(child(r, name)), `security scheme '${name}' added`);
}

function compareScheme(ctx: DiffContext, name: string, b: Located, r: Located): void {
  const bn = (isObject(b.node) ? b.node : {}) as Record<string, unknown>;
  const rn = (isObject(r.node) ? r.node : {}) as Record<string, unknown>;
  if (bn.type !== rn.type) {
    ctx.emit(ID.apiSecurityComponentTypeChanged, inRevision(child(r, 'type')), `security scheme '${name}': type changed from ${plain(bn.type)} to ${plain(rn.type)}`, { before: bn.type, after: rn.type });
    return;
  }
  if (bn.type === 'apiKey' && (bn.name !== rn.name || bn.in !== rn.in)) {
    ctx.emit(ID.apiSecurityComponentApiKeyChanged, inRevision(r), `security scheme '${name}': API key moved from ${plain(bn.in)} '${plain(bn.name)}' to ${plain(rn.in)} '${plain(rn.name)}'`, { before: `${plain(bn.in)}:${plain(bn.name)}`, after: `${plain(rn.in)}:${plain(rn.name)}` });
  }
  if (bn.type === 'http') {
    const scheme = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);
    if (scheme(bn.scheme) !== scheme(rn.scheme)) ctx.emit(ID.apiSecurityComponentHttpSchemeChanged, rn.scheme === undefined ? inBase(child(b, 'scheme')) : inRevision(child(r, 'scheme')), `security scheme '${name}': HTTP scheme changed from ${plain(bn.scheme)} to ${plain(rn.scheme)}`, { before: bn.scheme, after: rn.scheme });
    else if (bn.bearerFormat !== rn.bearerFormat) ctx.emit(ID.apiSecurityComponentBearerFormatChanged, rn.bearerFormat === undefined ? inBase(child(b, 'bearerFormat')) : inRevision(child(r, 'bearerFormat')), `security scheme '${name}': bearerFormat changed from ${plain(bn.bearerFormat)} to ${plain(rn.bearerFormat)}`, { before: bn.bearerFormat, after: rn.bearerFormat });
  }
  if (bn.type === 'openIdConnect' && bn.openIdConnectUrl !== rn.openIdConnectUrl) {
    ctx.emit(ID.apiSecurityComponentOpenidConnectUrlChanged, rn.openIdConnectUrl === undefined ? inBase(child(b, 'openIdConnectUrl')) : inRevision(child(r, 'openIdConnectUrl')), `security scheme '${name}': openIdConnectUrl changed from ${plain(bn.openIdConnectUrl)} to ${plain(rn.openIdConnectUrl)}`, { before: bn.openIdConnectUrl, after: rn.openIdConnectUrl });
  }
  // OpenAPI 3 lists flows; a Swagger 2 oauth2 scheme is itself one flow.
  const flows = (at: Located, n: Record<string, unknown>): Map<string, Located> =>
    isObject(n.flows) ? new Map(Object.keys(n.flows).map((f) => [f, child(at, 'flows', f)])) : new Map([[String(n.flow ?? ''), at]]);
  const bf = flows(b, bn);
  for (const [flow, rf] of flows(r, rn)) {
    const bfl = bf.get(flow);
    if (!bfl) continue;
    const x = (bfl.node ?? {}) as Record<string, unknown>;
    const y = (rf.node ?? {}) as Record<string, unknown>;
    for (const [key, id] of [['authorizationUrl', ID.apiSecurityComponentOauthUrlChanged], ['tokenUrl', ID.apiSecurityComponentOauthTokenUrlChanged], ['refreshUrl', ID.apiSecurityComponentOauthRefreshUrlChanged]] as const) {
      if (x[key] !== y[key]) ctx.emit(id, y[key] === undefined ? inBase(child(bfl, key)) : inRevision(child(rf, key)), `security scheme '${name}': ${key} changed from ${plain(x[key])} to ${plain(y[key])}`, { before: x[key], after: y[key] });
    }
    const sx = (isObject(x.scopes) ? x.scopes : {}) as Record<string, unknown>;
    const sy = (isObject(y.scopes) ? y.scopes : {}) as Record<string, unknown>;
    for (const s of Object.keys(sx)) {
      if (!(s in sy)) ctx.emit(ID.apiSecurityComponentOauthScopeRemoved, inBase(child(bfl, 'scopes', s)), `security scheme '${name}': scope '${s}' removed`, { before: s });
      else if (sx[s] !== sy[s]) ctx.emit(ID.apiSecurityComponentOauthScopeChanged, inRevision(child(rf, 'scopes', s)), `security scheme '${name}': scope '${s}' description changed`, { before: sx[s], after: sy[s] });
    }
    for (const s of Object.keys(sy)) if (!(s in sx)) ctx.emit(ID.apiSecurityComponentOauthScopeAdded, inRevision(child(rf, 'scopes', s)), `security scheme '${name}': scope '${s}' added`, { after: s });
  }
}
