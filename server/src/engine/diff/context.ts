/** State shared by the checks of one diff: both specs, the schema comparator, and the change sink. */
import type { Located } from '../refs';
import type { Spec } from './model';
import type { SchemaComparator } from './schemaDiff';
import type { Change, ChangeRule, Direction, Side } from './types';
import { Pairing } from './pairing';

export interface Where {
  side: Side;
  uri: string;
  pointer: string;
}

export interface EmitExtra {
  operation?: string;
  before?: unknown;
  after?: unknown;
  direction?: Direction;
}

export class DiffContext {
  readonly changes: Change[] = [];
  readonly pairing: Pairing;
  private readonly seen = new Set<string>();

  constructor(
    readonly base: Spec,
    readonly revision: Spec,
    readonly schemas: SchemaComparator,
    private readonly rules: ReadonlyMap<string, ChangeRule>,
    readonly maxDepth: number,
    readonly now: number,
    /** Minimum deprecation windows in days (0: none), see checks/deprecation.ts. */
    readonly deprecationDays: { stable: number; beta: number } = { stable: 0, beta: 0 },
  ) {
    this.pairing = schemas.pairing;
  }

  has(id: string): boolean {
    return this.rules.has(id);
  }

  /** Records a change; the same id at the same node for the same operation is kept once. */
  emit(id: string, where: Where, message: string, extra: EmitExtra = {}): void {
    const rule = this.rules.get(id);
    if (!rule) throw new Error(`specgate diff: unregistered change id '${id}'`);
    const key = `${id}\u0000${extra.operation ?? ''}\u0000${where.side}\u0000${where.uri}\u0000${where.pointer}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const change: Change = { id, level: rule.level, pointer: where.pointer, side: where.side, uri: where.uri, message };
    if (extra.operation !== undefined) change.operation = extra.operation;
    if (extra.before !== undefined) change.before = extra.before;
    if (extra.after !== undefined) change.after = extra.after;
    if (extra.direction !== undefined) change.direction = extra.direction;
    if (where.side === 'base') {
      const anchor = this.pairing.anchorOf(where.uri, where.pointer);
      if (anchor) change.revisionAnchor = { uri: anchor.uri, pointer: anchor.pointer, removed: anchor.rest };
    }
    this.changes.push(change);
  }
}

export const inBase = (at: Located): Where => ({ side: 'base', uri: at.uri, pointer: at.pointer });
export const inRevision = (at: Located): Where => ({ side: 'revision', uri: at.uri, pointer: at.pointer });
