/** `specgate diff` with the team's policy: .specgate/changes.yaml overrides and oasdiff's deprecation-window flags. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/breaking');
let dir: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A date `days` from today, as YYYY-MM-DD. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const ordersOp = (extra: string) => `openapi: 3.0.3
info: { title: t, version: '1.0.0' }
paths:
  /orders:
    get:
${extra}
      responses:
        '200': { description: ok }
`;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-diff-policy-'));
  const v1 = await fs.readFile(path.join(FIXTURES, 'orders-v1.yaml'), 'utf8');
  await fs.writeFile(path.join(dir, 'v1.yaml'), v1);
  await fs.writeFile(path.join(dir, 'enum-added.yaml'), v1.replace('enum: [open, shipped]', 'enum: [open, shipped, cancelled]'));
  await fs.writeFile(path.join(dir, 'live.yaml'), ordersOp(''));
  await fs.writeFile(path.join(dir, 'deprecated-soon.yaml'), ordersOp(`      deprecated: true\n      x-sunset: '${inDays(30)}'`));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('.specgate/changes.yaml raises an id to breaking for the exit code, the summary and semver; bad entries are named', async () => {
  const before = JSON.parse(run(['diff', 'v1.yaml', 'enum-added.yaml', '--format', 'json']).stdout);
  assert.equal(before.semver, 'minor');
  await fs.mkdir(path.join(dir, '.specgate'), { recursive: true });
  await fs.writeFile(path.join(dir, '.specgate', 'changes.yaml'), 'levels:\n  response-property-enum-value-added: breaking\n  not-a-change: breaking\n');
  try {
    const r = run(['diff', 'v1.yaml', 'enum-added.yaml', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.semver, 'major');
    assert.ok(out.changes.every((c: { id: string; level: string }) => c.id !== 'response-property-enum-value-added' || c.level === 'breaking'));
    assert.match(r.stderr, /unknown change id 'not-a-change'/);
  } finally {
    await fs.rm(path.join(dir, '.specgate'), { recursive: true, force: true });
  }
});

test('--deprecation-days-stable: a sunset 30 days away is too small for a 90-day window, fine without one', () => {
  const strict = run(['diff', 'live.yaml', 'deprecated-soon.yaml', '--deprecation-days-stable', '90', '--format', 'json']);
  assert.equal(strict.code, 1, strict.stderr);
  const change = JSON.parse(strict.stdout).changes[0];
  assert.equal(change.id, 'api-sunset-date-too-small');
  assert.match(change.message, /stable operations need a deprecation window of at least 90 days/);
  assert.equal(run(['diff', 'live.yaml', 'deprecated-soon.yaml', '--deprecation-days-beta=90']).code, 0, 'the beta window does not apply to a stable operation');
  assert.equal(run(['diff', 'live.yaml', 'deprecated-soon.yaml']).code, 0);
  const bad = run(['diff', 'live.yaml', 'deprecated-soon.yaml', '--deprecation-days-stable', 'soon']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--deprecation-days-stable needs a whole number of days/);
});
