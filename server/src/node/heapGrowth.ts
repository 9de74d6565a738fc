import * as v8 from 'v8';

/**
 * How far V8 lets the heap grow past its live size before the next full collection, in percent.
 * V8's default grows it up to 2-4x on a machine with memory to spare: on GitHub's spec the server
 * held ~470 MB live but reached 1.1 GB of RSS after a few edits and a Spectral run. At 50% the
 * peak stays near the live size (bench/results-edit.md) for a few more collections, each mostly
 * concurrent with the main thread.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Applies `HEAP_GROWING_PERCENT` to this process (V8 reads the flag at each collection).
 * `SPECGATE_HEAP_GROWING_PERCENT` overrides it; 0 keeps V8's default.
 */
export function keepHeapNearLiveSize(percent = Number(process.env.SPECGATE_HEAP_GROWING_PERCENT ?? HEAP_GROWING_PERCENT)): void {
  if (Number.isFinite(percent) && percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
