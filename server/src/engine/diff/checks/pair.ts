/** Base and revision operations paired by method and path shape. */
import type { OperationView } from '../model';

export interface OperationPair {
  key: string;
  base?: OperationView;
  revision?: OperationView;
}

/** Both sides present: the operation survived and its parts can be compared. */
export type MatchedPair = Required<OperationPair>;

export const labels = (pair: MatchedPair) => ({ base: pair.base.label, revision: pair.revision.label });

export const isMatched = (pair: OperationPair): pair is MatchedPair => pair.base !== undefined && pair.revision !== undefined;
