/**
 * A `specgate lint` worker thread (dist/lintWorker.js): lints its share of a directory's files with its
 * own language service, exactly as the main thread would, and posts the plain-data outcome back.
 */
import { parentPort, workerData } from 'worker_threads';
import { parseLintArgs } from '../cliLintArgs';
import { lintContext, lintFiles } from '../cliLintFiles';

if (!parentPort) throw new Error('lintWorker must run in a worker thread');
const { argv, cwd, files } = workerData as { argv: string[]; cwd: string; files: string[] };
const port = parentPort;
lintFiles({ ...lintContext(parseLintArgs(argv), cwd), forgetAfterLint: true }, files).then(
  (outcome) => port.postMessage(outcome),
  (e) => port.postMessage({ entries: [], linted: 0, notices: [], missingBaselines: [], fatal: (e as Error).stack ?? String(e) }),
);
