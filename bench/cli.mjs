// Runs a command-line linter once: wall time measured here, peak RSS from GNU time (%M).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
export const TOOLS = {
  specgate: join(ROOT, 'dist/cli.js'),
  spectral: join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js'),
  redocly: join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'),
};
const HAS_TIME = existsSync('/usr/bin/time');

/** Runs `node <script> ...args` in `cwd`, stdout to `outFile`; returns { seconds, peakRssBytes, status, stderr }. */
export function runNode(script, args, { cwd, outFile, env = {} }) {
  const timeFile = `${outFile}.time`;
  const fd = openSync(outFile, 'w');
  const cmd = HAS_TIME ? '/usr/bin/time' : process.execPath;
  const cmdArgs = HAS_TIME ? ['-f', '%M', '-o', timeFile, process.execPath, script, ...args] : [script, ...args];
  const start = performance.now();
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env }, maxBuffer: 64 << 20 });
  const seconds = (performance.now() - start) / 1000;
  closeSync(fd);
  let peakRssBytes = NaN;
  if (HAS_TIME && existsSync(timeFile)) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    peakRssBytes = kb * 1024;
    rmSync(timeFile);
  }
  return { seconds, peakRssBytes, status: r.status, stderr: String(r.stderr ?? '') };
}
