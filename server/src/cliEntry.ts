/**
 * `specgate` binary (dist/cli.js). Help and version answer from this small bundle; everything else
 * loads the engine bundle (dist/cliMain.js) first, which takes about a second on its own.
 */
import * as path from 'path';
import { quickAnswer } from './cliHelp';
import { requireWithCodeCache } from './node/codeCache';
import { availableParallelism } from 'os';
import { statSync } from 'fs';
import { parallelSpectralBytes, SPECTRAL_WORKER_SCRIPT } from './node/parallelSpectral';
import { Worker } from 'worker_threads';
import type { PrestartedWorker } from './node/spectralWorkerHost';

// A reader that stops early (`specgate lint | head`) is not an error: the rest of the output is
// dropped and the command ends with its own exit code, instead of a stack trace for EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== undefined) {
  process.stdout.write(quick);
} else {
  // A runtime path, so esbuild keeps this bundle free of the engine; its compiled code is cached between runs.
  const prestarted = argv[0] === 'lint' ? prestartSpectralWorker(argv) : undefined;
  const engine = requireWithCodeCache(path.join(__dirname, 'cliMain.js'));
  (engine.exports as typeof import('./cli')).main(argv, process.stdout, process.stderr, prestarted).then(
    (code) => { engine.save(); process.exitCode = code; },
    (e) => { process.stderr.write(`specgate: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; },
  );
}

/**
 * On a large file `lint` runs Spectral in a worker thread while this one parses
 * (server/src/node/parallelSpectral.ts). Started before the engine bundle loads, the worker loads its
 * own bundle at the same time, on the other core. The lint command adopts it, or terminates it
 * when it has no use for it (`--no-spectral`, a directory spread over the lint pool).
 */
function prestartSpectralWorker(args: string[]): PrestartedWorker | undefined {
  if (availableParallelism() < 2 || args.includes('--no-spectral') || !args.some(isLargeFile)) return undefined;
  let exited = false;
  try {
    const worker = new Worker(SPECTRAL_WORKER_SCRIPT);
    worker.unref();
    // Until the lint command adopts it; one that failed to load is replaced by a fresh worker then.
    worker.on('error', () => undefined);
    worker.once('exit', () => (exited = true));
    return { worker, alive: () => !exited };
  } catch {
    return undefined;
  }
}

function isLargeFile(arg: string): boolean {
  try {
    const stat = statSync(arg);
    return stat.isFile() && stat.size >= parallelSpectralBytes();
  } catch {
    return false;
  }
}
