import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeGovernanceWorkspace } from '../helpers/governanceFixture';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
let dir: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-shard-'));
  writeGovernanceWorkspace(dir);
});
after(() => fs.rm(dir, { recursive: true, force: true }));

type Finding = { file: string; code: string; range: { start: { line: number } } };
const key = (f: Finding) => `${f.file}:${f.range.start.line}:${f.code}`;

test('lint --shard i/n: the shards are disjoint and together report exactly what one run reports, cross-API findings included', () => {
  const all = JSON.parse(run(['lint', '.', '--no-spectral', '--format', 'json']).stdout) as Finding[];
  const shards = [1, 2].map((i) => JSON.parse(run(['lint', '.', '--no-spectral', '--format', 'json', '--shard', `${i}/2`]).stdout) as Finding[]);
  assert.ok(shards.every((s) => s.length > 0 && s.length < all.length), shards.map((s) => s.length).join(','));
  const files = shards.map((s) => new Set(s.map((f) => f.file)));
  assert.ok(![...files[0]].some((f) => files[1].has(f)), 'no file in both shards');
  assert.deepEqual(shards.flat().map(key).sort(), all.map(key).sort());
  assert.ok(shards.flat().some((f) => f.code === 'specgate-cross-api-naming'));
});

test('catalog --shard i/n lists a slice of the APIs, with owners and consumers from all of them', () => {
  const names = [1, 2, 3].map((i) => (JSON.parse(run(['catalog', '--no-spectral', '--shard', `${i}/3`]).stdout) as { apis: Array<{ name: string; consumers: unknown[] }> }).apis);
  assert.deepEqual(names.map((apis) => apis.map((a) => a.name)), [['billing-api'], ['orders-api'], ['shipping']]);
  assert.equal(names[1][0].consumers.length, 2);
});

test('an invalid shard is a usage error', () => {
  for (const shard of ['3/2', '0/2', 'a/b', '1/0']) {
    assert.equal(run(['catalog', '--shard', shard]).code, 2, shard);
    assert.equal(run(['lint', '.', '--shard', shard]).code, 2, shard);
  }
});
