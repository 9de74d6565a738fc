import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';
import { writeGovernanceWorkspace } from '../helpers/governanceFixture';
import { lintInWorkers, lintWorkersAvailable } from '../../server/src/node/lintPool';
import { lintContext, lintFiles } from '../../server/src/cliLintFiles';
import { parseLintArgs } from '../../server/src/cliLintArgs';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
let dir: string;
let specs: string[];

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-jobs-'));
  writeGovernanceWorkspace(dir);
  // Twelve real specs of different sizes and versions beside the governance fixture's APIs.
  const real = sample(listSpecs(openapiDirectory()).filter((f) => !/\/(stripe|github|azure|amazonaws|microsoft)/i.test(f)), 12);
  for (const [i, file] of real.entries()) await fs.copyFile(file, path.join(dir, `real-${i}${path.extname(file)}`));
  specs = (await fs.readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join(dir, f)).sort();
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('the worker pool gives exactly the in-thread outcome: same entries in the same order, same counts', async () => {
  assert.ok(lintWorkersAvailable(), 'lintWorker.js sits next to the pool');
  const argv = ['.', '--no-spectral'];
  const serial = await lintFiles(lintContext(parseLintArgs(argv), dir), specs);
  const pooled = await lintInWorkers(argv, dir, specs, 3);
  assert.ok(serial.entries.length > 50, `${serial.entries.length} findings`);
  const sorted = (o: typeof serial) => o.entries.map((e) => JSON.stringify(e)).sort();
  assert.deepEqual(sorted(pooled), sorted(serial));
  assert.equal(pooled.linted, serial.linted);
  assert.equal(pooled.fatal, undefined);
});

test('specgate lint --jobs 1 and --jobs 2 print the same JSON, Spectral and cross-API findings included', () => {
  const run = (jobs: string) => spawnSync(process.execPath, [CLI, 'lint', '.', '--format', 'json', '--jobs', jobs], { cwd: dir, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
  const one = run('1');
  const two = run('2');
  assert.equal(one.status, two.status);
  assert.equal(two.stdout, one.stdout);
  const findings = JSON.parse(two.stdout) as Array<{ code: string }>;
  assert.ok(findings.some((f) => f.code === 'specgate-cross-api-naming'));
  assert.ok(findings.some((f) => !String(f.code).startsWith('specgate-')), 'Spectral findings');
});

test('--jobs takes a whole number', () => {
  const r = spawnSync(process.execPath, [CLI, 'lint', '.', '--jobs', 'many'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--jobs needs a whole number/);
});
