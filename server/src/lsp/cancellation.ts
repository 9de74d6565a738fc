import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { CancelledError } from '../engine/references/cancellation';

/** A cancelled request answers RequestCancelled; anything else propagates. */
export function cancelledAsError(e: unknown): never {
  if (e instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, e.message);
  throw e;
}

/** Runs a request's work; a `CancelledError` from the engine answers RequestCancelled (the client dropped the request). */
export async function answerOrCancelled<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    return cancelledAsError(e);
  }
}
