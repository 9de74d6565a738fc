import * as path from 'path';

/** The Spectral worker's entry (next to every bundle in dist/), which loads dist/spectralWorker.js from the code cache. */
export const SPECTRAL_WORKER_SCRIPT = path.join(__dirname, 'spectralWorkerEntry.js');

/**
 * From this size on, `specgate lint` runs a file's Spectral in a worker thread (on the file's value
 * alone) while the main thread builds the positioned parse the style guide and the findings' ranges
 * need. Below it the worker's own load and parse cost more than the main thread's parse it overlaps
 * (LaunchDarkly, 155 KB: 1.45 s in-thread against 2.0–2.6 s through a worker, bench/results.md).
 * A separate module: dist/cli.js reads these without loading the engine.
 */
export const PARALLEL_SPECTRAL_BYTES = 2 * 1024 * 1024;

/** `SPECGATE_PARALLEL_SPECTRAL_BYTES` overrides it (0: every file; `Infinity`: never). */
export function parallelSpectralBytes(): number {
  return Number(process.env.SPECGATE_PARALLEL_SPECTRAL_BYTES || PARALLEL_SPECTRAL_BYTES);
}
