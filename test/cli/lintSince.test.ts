import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { git, initRepo } from '../helpers/git';
import { writeGovernanceWorkspace } from '../helpers/governanceFixture';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const PUBLISHED = readFileSync(path.resolve(__dirname, '../../../test/fixtures/legacy/issues.yaml'), 'utf8');
/** The working copy adds `closed_at` next to the published `created_at`, in a camelCase schema. */
const EDITED = PUBLISHED.replace('        created_at: { type: string }\n', '        created_at: { type: string }\n        closed_at: { type: string }\n');
let dir: string;

function lint(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'lint', 'issues.yaml', '--no-spectral', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-since-'));
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'issues.yaml'), PUBLISHED);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'published');
  await fs.writeFile(path.join(dir, 'issues.yaml'), EDITED);
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('--since HEAD: the new closed_at gates, the published created_at is a legacy hint', () => {
  const r = lint('--since', 'HEAD', '--format', 'json', '--fail-severity', 'warn');
  assert.equal(r.code, 1, r.stderr);
  const { findings, summary } = JSON.parse(r.stdout);
  const at = (name: string) => findings.filter((f: { pointer?: string }) => f.pointer === `/components/schemas/Issue/properties/${name}`);
  assert.deepEqual(at('closed_at').map((f: any) => [f.code, f.severity, f.legacy]).sort(), [
    ['specgate-property-casing', 'warning', undefined],
    ['specgate-timestamp-format', 'warning', undefined],
  ]);
  assert.deepEqual(at('created_at').map((f: any) => [f.code, f.severity, f.legacy]).sort(), [
    ['specgate-property-casing', 'hint', true],
    ['specgate-timestamp-format', 'hint', true],
  ]);
  assert.match(at('created_at')[0].message, /published in HEAD; renaming breaks clients/);
  assert.deepEqual(summary.legacyDebt, [
    { code: 'specgate-property-casing', count: 1 },
    { code: 'specgate-timestamp-format', count: 1 },
  ]);
  assert.equal(summary.new, 2);
});

test('--since: legacy findings never fail the run, whatever --fail-severity says', async () => {
  await fs.writeFile(path.join(dir, 'issues.yaml'), PUBLISHED);
  try {
    const r = lint('--since', 'HEAD', '--fail-severity', 'hint');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /hint\s+specgate-timestamp-format/);
    const without = lint('--fail-severity', 'warn');
    assert.equal(without.code, 1, 'without --since the same findings gate');
  } finally {
    await fs.writeFile(path.join(dir, 'issues.yaml'), EDITED);
  }
});

test('--format markdown: new findings, then the legacy debt per rule', () => {
  const r = lint('--since', 'HEAD', '--format', 'markdown');
  assert.equal(r.code, 0, r.stderr);
  const [gate, debt] = r.stdout.split('## Legacy debt');
  assert.match(gate, /## New findings \(not in HEAD\): 2/);
  assert.match(gate, /closed_at/);
  assert.doesNotMatch(gate, /created_at/);
  assert.match(debt, /\(already published in HEAD\): 2/);
  assert.match(debt, /\| specgate-timestamp-format \| 1 \|/);
});

test('no baseline (missing ref, untracked file): everything is new, said once, exit as without --since', async () => {
  const missing = lint('--since', 'no-such-ref', '--format', 'json', '--fail-severity', 'warn');
  assert.equal(missing.code, 1);
  assert.equal(JSON.parse(missing.stdout).findings.filter((f: { legacy?: boolean }) => f.legacy).length, 0);
  assert.equal(missing.stderr.match(/no baseline at no-such-ref/g)?.length, 1, missing.stderr);
  await fs.copyFile(path.join(dir, 'issues.yaml'), path.join(dir, 'untracked.yaml'));
  const r = spawnSync(process.execPath, [CLI, 'lint', 'untracked.yaml', '--no-spectral', '--since', 'HEAD'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /no baseline at HEAD for untracked\.yaml \(untracked\)/);
  assert.doesNotMatch(r.stdout, /Legacy/);
});

test('--since: cross-API findings are classified too; the published inconsistency is legacy, the new one gates', async () => {
  const repo = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-since-apis-'));
  try {
    writeGovernanceWorkspace(repo);
    initRepo(repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'three APIs');
    const run = () => spawnSync(process.execPath, [CLI, 'lint', '.', '--no-spectral', '--since', 'HEAD', '--format', 'json', '--jobs', '1'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
    const crossApi = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout).findings as Array<{ code: string; legacy?: boolean; file: string; pointer?: string }>)
      .filter((f) => f.code.startsWith('specgate-cross-api'));
    const before = crossApi(run());
    assert.ok(before.length > 0, 'the fixture has cross-API inconsistencies');
    assert.ok(before.every((f) => f.legacy === true), JSON.stringify(before));
    // A new property named against the workspace's convention (`totalAmount` elsewhere).
    const orders = path.join(repo, 'orders/openapi.yaml');
    await fs.writeFile(orders, (await fs.readFile(orders, 'utf8')).replace('        totalAmount:\n', '        total_amount:\n'));
    const fresh = crossApi(run()).filter((f) => !f.legacy);
    assert.deepEqual(fresh.map((f) => [f.code, f.file, f.pointer?.endsWith('/total_amount')]), [['specgate-cross-api-naming', path.join('orders', 'openapi.yaml'), true]]);
  } finally {
    await fs.rm(repo, { recursive: true, force: true });
  }
});
