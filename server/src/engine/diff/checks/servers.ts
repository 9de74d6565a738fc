/** Servers: base URLs clients are configured with, and their variables. */
import { isObject, type Located } from '../../refs';
import { inBase, inRevision, type DiffContext } from '../context';
import { child, type OperationView, type Spec } from '../model';
import { labels, type MatchedPair } from './pair';
import { N, P, rule } from '../rule';
import { plain, show } from '../show';
import { ID } from '../changeIds';

export const SERVER_RULES = [
  rule(ID.apiServerRemoved, P, 'A server URL was removed, at the root or from the servers an operation or path item declares (clients configured with it must move)', 'caller', 'Keep the old server URL working (redirect or alias) for a deprecation period and announce the move.',
    'Operation-level and path-level `servers` override the root list, so removing one moves those operations just as a root removal moves all of them; both are reported. A server listed on the operation that is also in the effective root list is no removal. oasdiff reports root, path and operation server removals alike; OpenAPITools/openapi-diff ignores servers.'),
  rule(ID.apiServerAdded, N, 'A server URL was added', 'none'),
  rule(ID.apiServerVariableEnumValueRemoved, P, 'A value was removed from the enum of a server variable', 'caller'),
  rule(ID.apiServerVariableEnumValueAdded, N, 'A value was added to the enum of a server variable', 'none'),
  rule(ID.apiServerVariableDefaultChanged, N, 'The default value of a server variable changed', 'caller'),
];

interface Server {
  url: string;
  at: Located;
}

const normalise = (url: string) => url.replace(/\/+$/, '').replace(/\{[^}]*\}/g, '{}').toLowerCase();

/** OpenAPI 3 `servers`, or Swagger 2 `schemes` + `host` + `basePath`. */
function serversOf(spec: Spec): Server[] {
  if (spec.swagger2) {
    const host = spec.root.host;
    if (typeof host !== 'string') return [];
    const schemes = Array.isArray(spec.root.schemes) ? spec.root.schemes : ['https'];
    const base = typeof spec.root.basePath === 'string' ? spec.root.basePath : '';
    return schemes.map((s) => ({ url: `${plain(s)}://${host}${base}`, at: spec.at('/host') }));
  }
  return listed(spec.at('/servers'));
}

function listed(list: Located): Server[] {
  if (!Array.isArray(list.node)) return [];
  return list.node.flatMap((s, i) => (isObject(s) && typeof s.url === 'string' ? [{ url: s.url, at: child(list, i) }] : []));
}

export function checkServers(ctx: DiffContext): void {
  compareServers(ctx, serversOf(ctx.base), serversOf(ctx.revision));
}

/**
 * Servers an operation declares itself (or its path item does) override the root list; they are compared when
 * either side declares them, against the effective list of the other side. Inherited root changes are reported once,
 * at the root.
 */
export function checkOperationServers(ctx: DiffContext, pair: MatchedPair): void {
  const own = (op: OperationView): Located | undefined => {
    for (const at of [child(op.at, 'servers'), child(op.pathItem, 'servers')]) if (Array.isArray(at.node)) return at;
    return undefined;
  };
  const bo = own(pair.base);
  const ro = own(pair.revision);
  if (!bo && !ro) return;
  const effective = (o: Located | undefined, spec: Spec) => (o ? listed(o) : serversOf(spec));
  compareServers(ctx, effective(bo, ctx.base), effective(ro, ctx.revision), labels(pair));
}

function compareServers(ctx: DiffContext, bs: Server[], rs: Server[], operation?: { base: string; revision: string }): void {
  const on = operation ? ` for ${operation.revision}` : '';
  for (const b of bs) {
    const r = rs.find((x) => normalise(x.url) === normalise(b.url));
    if (!r) ctx.emit(ID.apiServerRemoved, inBase(b.at), `server ${b.url} removed${on}`, { before: b.url, operation: operation?.base });
    else compareVariables(ctx, b, r);
  }
  for (const r of rs) if (!bs.some((b) => normalise(b.url) === normalise(r.url))) ctx.emit(ID.apiServerAdded, inRevision(r.at), `server ${r.url} added${on}`, { after: r.url, operation: operation?.revision });
}

function compareVariables(ctx: DiffContext, b: Server, r: Server): void {
  const bv = child(b.at, 'variables');
  const rv = child(r.at, 'variables');
  if (!isObject(bv.node) || !isObject(rv.node)) return;
  for (const name of Object.keys(bv.node)) {
    const x = child(bv, name);
    const y = child(rv, name);
    if (!isObject(x.node) || !isObject(y.node)) continue;
    const ex = Array.isArray(x.node.enum) ? x.node.enum : [];
    const ey = Array.isArray(y.node.enum) ? y.node.enum : [];
    ex.forEach((v, i) => {
      if (!ey.includes(v)) ctx.emit(ID.apiServerVariableEnumValueRemoved, inBase(child(x, 'enum', i)), `server ${r.url}: variable '${name}' value ${show(v)} removed`, { before: v });
    });
    ey.forEach((v, i) => {
      if (!ex.includes(v)) ctx.emit(ID.apiServerVariableEnumValueAdded, inRevision(child(y, 'enum', i)), `server ${r.url}: variable '${name}' value ${show(v)} added`, { after: v });
    });
    if (x.node.default !== y.node.default) {
      ctx.emit(ID.apiServerVariableDefaultChanged, inRevision(child(y, 'default')), `server ${r.url}: variable '${name}' default changed from ${show(x.node.default)} to ${show(y.node.default)}`, { before: x.node.default, after: y.node.default });
    }
  }
}
