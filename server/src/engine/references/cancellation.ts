/**
 * Cancellation and cooperative yielding for long engine work (renames, fix-all): the LSP layer
 * passes its CancellationToken (it has this shape), the engine checks it between units of work.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Thrown where a cancelled request stops; the LSP layer answers it with RequestCancelled. */
export class CancelledError extends Error {
  constructor() {
    super('The request was cancelled.');
  }
}

export function throwIfCancelled(token: Cancellation | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}

/** Lets queued events (other documents' diagnostics, cancellations) run; a macrotask, not a microtask. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Work in slices: `tick()` yields once `sliceMs` have passed since the last yield, and checks the token. */
export function slicer(token: Cancellation | undefined, sliceMs = 20): () => Promise<void> {
  let last = Date.now();
  return async () => {
    throwIfCancelled(token);
    if (Date.now() - last < sliceMs) return;
    await yieldToEventLoop();
    throwIfCancelled(token);
    last = Date.now();
  };
}
