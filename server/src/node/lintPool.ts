import { existsSync, statSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { LintFilesOutcome } from '../cliLintFiles';

const WORKER_SCRIPT = path.join(__dirname, 'lintWorker.js');
/** Below this many files a worker's start-up (loading the engine) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 4;

export function lintWorkersAvailable(): boolean {
  return existsSync(WORKER_SCRIPT);
}

/**
 * Splits files over `jobs` worker threads, largest first onto the least loaded (by bytes), and
 * merges their outcomes in the original file order, so the result does not depend on `jobs`.
 */
export async function lintInWorkers(argv: readonly string[], cwd: string, files: readonly string[], jobs: number): Promise<LintFilesOutcome> {
  const shares = splitBySize(files, Math.min(jobs, Math.ceil(files.length / MIN_FILES_PER_WORKER)));
  const outcomes = await Promise.all(shares.map((share) => runWorker(argv, cwd, share)));
  const order = new Map(files.map((f, i) => [path.relative(cwd, f) || f, i]));
  const merged: LintFilesOutcome = { entries: [], linted: 0, notices: [], missingBaselines: [] };
  for (const o of outcomes) {
    merged.entries.push(...o.entries);
    merged.linted += o.linted;
    merged.notices.push(...o.notices);
    merged.missingBaselines.push(...o.missingBaselines);
    merged.fatal ??= o.fatal;
  }
  merged.missingBaselines.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return merged;
}

function splitBySize(files: readonly string[], count: number): string[][] {
  const shares = Array.from({ length: count }, () => ({ bytes: 0, files: [] as string[] }));
  const sized = files.map((f) => ({ f, bytes: statSync(f, { throwIfNoEntry: false })?.size ?? 0 })).sort((a, b) => b.bytes - a.bytes);
  for (const { f, bytes } of sized) {
    const lightest = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    lightest.bytes += bytes;
    lightest.files.push(f);
  }
  // Each worker keeps the command line's order within its share.
  const position = new Map(files.map((f, i) => [f, i]));
  return shares.filter((s) => s.files.length > 0).map((s) => s.files.sort((a, b) => position.get(a)! - position.get(b)!));
}

function runWorker(argv: readonly string[], cwd: string, files: string[]): Promise<LintFilesOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: { argv, cwd, files } });
    let answered = false;
    worker.once('message', (outcome: LintFilesOutcome) => {
      answered = true;
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`a lint worker stopped (exit code ${code}) before answering`));
    });
  });
}
