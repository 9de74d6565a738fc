/** Component schemas removed (unless renamed with the same shape) and webhooks. */
import { isObject } from '../../refs';
import { inBase, inRevision, type DiffContext } from '../context';
import { child, type Spec } from '../model';
import { B, N, rule } from '../rule';
import { stableJson } from '../schemaDiff';
import { ID } from '../changeIds';

export const COMPONENT_RULES = [
  rule(ID.apiSchemaRemoved, N, 'A schema was removed from components (and no component with the same shape replaces it)', 'none', 'Nothing is required unless clients reference the schema by name (code generators, external $refs); then keep it until the next major version.'),
  rule(ID.webhookAdded, N, 'A webhook was added', 'none'),
  rule(ID.webhookRemoved, B, 'A webhook was removed: subscribers stop receiving its calls', 'caller', 'Deprecate the webhook first and announce when it stops firing.'),
];

const schemasOf = (spec: Spec) => (spec.swagger2 ? spec.at('/definitions') : spec.at('/components/schemas'));

export function checkComponents(ctx: DiffContext): void {
  const b = schemasOf(ctx.base);
  const r = schemasOf(ctx.revision);
  const bn = isObject(b.node) ? b.node : {};
  const rn = isObject(r.node) ? r.node : {};
  const removed = Object.keys(bn).filter((name) => !(name in rn));
  if (removed.length > 0) {
    const shapes = new Set(Object.keys(rn).filter((name) => !(name in bn)).map((name) => stableJson(rn[name])));
    for (const name of removed) {
      if (!shapes.has(stableJson(bn[name]))) ctx.emit(ID.apiSchemaRemoved, inBase(child(b, name)), `schema '${name}' removed from components`, { before: name });
    }
  }
  const bw = ctx.base.at('/webhooks');
  const rw = ctx.revision.at('/webhooks');
  const bwn = isObject(bw.node) ? bw.node : {};
  const rwn = isObject(rw.node) ? rw.node : {};
  for (const name of Object.keys(bwn)) if (!(name in rwn)) ctx.emit(ID.webhookRemoved, inBase(child(bw, name)), `webhook '${name}' removed`, { before: name });
  for (const name of Object.keys(rwn)) if (!(name in bwn)) ctx.emit(ID.webhookAdded, inRevision(child(rw, name)), `webhook '${name}' added`, { after: name });
}
