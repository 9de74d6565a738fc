/**
 * Parameter serialisation judged by the values it can carry: a single value is written the same way whatever
 * `explode` says (and whatever form-like style), and an optional form/explode query parameter that becomes an
 * array of its old type still accepts every request sent today (`?tag=a` is an array of one).
 */
import type { Located } from '../../refs';
import type { DiffContext } from '../context';
import type { ParamView } from '../model';
import { isEmptyDiff } from '../schemaDiff';

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

/** True when the schema only allows single values (a scalar type, possibly nullable). */
export function isSingleValue(ctx: DiffContext, side: 0 | 1, schema: Located | undefined): boolean {
  if (!schema) return false;
  const type = ctx.schemas.view(side, schema).kw.get('type')?.node;
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => t !== 'null') : [];
  return types.length > 0 && types.every((t) => typeof t === 'string' && SCALARS.has(t));
}

/** label and matrix prefix even single values (`.5`, `;id=5`); every other style writes a single value as itself. */
const PREFIXING = new Set(['label', 'matrix']);

/** A style or explode change that cannot change how the values of these schemas are written. */
export function serialisationUnchanged(ctx: DiffContext, bp: ParamView, rp: ParamView): boolean {
  if (!isSingleValue(ctx, 0, bp.schema) || !isSingleValue(ctx, 1, rp.schema)) return false;
  return bp.style === rp.style || (!PREFIXING.has(bp.style) && !PREFIXING.has(rp.style));
}

/** An optional form/explode query parameter whose scalar schema became an array of exactly that scalar. */
export function scalarBecameArray(ctx: DiffContext, bp: ParamView, rp: ParamView): boolean {
  if (rp.in !== 'query' || rp.required || rp.style !== 'form' || !rp.explode || !bp.schema || !rp.schema) return false;
  if (!isSingleValue(ctx, 0, bp.schema)) return false;
  const view = ctx.schemas.view(1, rp.schema);
  const items = view.kw.get('items');
  if (view.kw.get('type')?.node !== 'array' || !items) return false;
  // One value is an array of one: only a minimum above one rejects what clients send today.
  const minItems = view.kw.get('minItems')?.node;
  return (typeof minItems !== 'number' || minItems <= 1) && isEmptyDiff(ctx.schemas.compare(bp.schema, items));
}
