import { cancelledAsError } from './codeActionHandlers';

/** Runs a request's work; a `CancelledError` from the engine answers RequestCancelled (the client dropped the request). */
export async function answerOrCancelled<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    return cancelledAsError(e);
  }
}
