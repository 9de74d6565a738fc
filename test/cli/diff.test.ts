import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { git, initRepo } from '../helpers/git';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/breaking');
let dir: string;

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-diff-'));
  for (const f of ['orders-v1.yaml', 'orders-v2.yaml']) await fs.copyFile(path.join(FIXTURES, f), path.join(dir, f));
  initRepo(dir);
  await fs.copyFile(path.join(FIXTURES, 'orders-v1.yaml'), path.join(dir, 'orders.yaml'));
  git(dir, 'add', 'orders.yaml');
  git(dir, 'commit', '-qm', 'v1');
  await fs.copyFile(path.join(FIXTURES, 'orders-v2.yaml'), path.join(dir, 'orders.yaml'));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

const EXPECTED_IDS = [
  'api-path-removed-without-deprecation',
  'request-parameter-became-required',
  'request-property-became-required',
  'request-property-enum-value-removed',
  'request-property-max-length-decreased',
  'response-optional-property-removed',
  'response-property-enum-value-added',
];

test('diff --base HEAD exits 1 with every change and semver major (json)', () => {
  const r = run(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.semver, 'major');
  assert.deepEqual([...new Set(out.changes.map((c: { id: string }) => c.id))].sort(), EXPECTED_IDS);
  for (const c of out.changes) {
    assert.deepEqual(Object.keys(c).filter((k) => k !== 'operation').sort(), ['file', 'id', 'level', 'message', 'pointer', 'side', 'workflows']);
    assert.equal(c.file, 'orders.yaml');
    assert.ok(['base', 'revision'].includes(c.side));
  }
  const maxLength = out.changes.find((c: { id: string }) => c.id === 'request-property-max-length-decreased');
  assert.equal(maxLength.operation, 'POST /orders');
  assert.equal(maxLength.pointer, '/components/schemas/NewOrder/properties/customerName/maxLength');
  assert.equal(maxLength.side, 'revision');
  assert.match(maxLength.message, /255.*100/);
  assert.deepEqual(out.summary, { breaking: 5, potentiallyBreaking: 4, nonBreaking: 0 });
});

test('two-file diff gives the same changes as the git baseline', () => {
  const files = JSON.parse(run(['diff', 'orders-v1.yaml', 'orders-v2.yaml', '--format', 'json']).stdout);
  const git = JSON.parse(run(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'json']).stdout);
  const key = (c: { id: string; pointer: string; operation?: string }) => `${c.id} ${c.pointer} ${c.operation}`;
  assert.deepEqual(files.changes.map(key).sort(), git.changes.map(key).sort());
});

test('--fail-on decides the exit code', () => {
  assert.equal(run(['diff', 'orders-v1.yaml', 'orders-v2.yaml', '--fail-on', 'none']).code, 0);
  assert.equal(run(['diff', 'orders-v1.yaml', 'orders-v1.yaml']).code, 0, 'no changes');
  assert.equal(run(['diff', 'orders-v1.yaml', 'orders-v2.yaml', '--fail-on', 'potentially-breaking']).code, 1);
});

test('an only-potentially-breaking change passes --fail-on breaking and fails --fail-on potentially-breaking', async () => {
  const v1 = await fs.readFile(path.join(dir, 'orders-v1.yaml'), 'utf8');
  await fs.writeFile(path.join(dir, 'enum-added.yaml'), v1.replace('enum: [open, shipped]', 'enum: [open, shipped, cancelled]'));
  assert.equal(run(['diff', 'orders-v1.yaml', 'enum-added.yaml']).code, 0);
  assert.equal(run(['diff', 'orders-v1.yaml', 'enum-added.yaml', '--fail-on', 'potentially-breaking']).code, 1);
});

test('usage errors and unreadable input exit 2 with a clear message', async () => {
  await fs.writeFile(path.join(dir, 'broken.yaml'), 'openapi: 3.0.0\ninfo: [\n');
  const cases: Array<[string[], RegExp]> = [
    [['diff'], /needs <base-file> <revision-file>/],
    [['diff', 'orders-v1.yaml'], /needs <base-file> <revision-file>/],
    [['diff', 'orders-v1.yaml', 'missing.yaml'], /cannot read missing\.yaml/],
    [['diff', 'orders-v1.yaml', 'broken.yaml'], /broken\.yaml:\d+/],
    [['diff', '--base', '--upload-pack=x', 'orders.yaml'], /looks like an option|needs a value/],
    [['diff', '--base', 'no-such-ref', 'orders.yaml'], /does not exist/],
    [['diff', 'orders-v1.yaml', 'orders-v2.yaml', '--format', 'yaml'], /unknown format/],
    [['diff', 'orders-v1.yaml', 'orders-v2.yaml', '--fail-on', 'everything'], /unknown --fail-on/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('markdown groups by level and operation; sarif and github carry locations', () => {
  const md = run(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'markdown']).stdout;
  assert.match(md, /## Breaking changes \(5\)/);
  assert.match(md, /### `POST \/orders`/);
  assert.ok(md.indexOf('## Breaking changes') < md.indexOf('## Potentially breaking changes'));
  const sarif = JSON.parse(run(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'sarif']).stdout);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'request-property-max-length-decreased');
  assert.equal(result.level, 'error');
  const text = require('fs').readFileSync(path.join(dir, 'orders.yaml'), 'utf8') as string;
  const line = text.split('\n').findIndex((l) => l.includes('maxLength: 100')) + 1;
  assert.equal(result.locations[0].physicalLocation.region.startLine, line);
  const gh = run(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'github']).stdout;
  assert.match(gh, new RegExp(`^::error file=orders\\.yaml,line=${line}.*request-property-max-length-decreased`, 'm'));
  const plain = run(['diff', '--base', 'HEAD', 'orders.yaml']).stdout;
  assert.match(plain, /Required version bump: major/);
});

test('changes accepted in .specgate/accepted.yaml are not reported by the CLI either', async () => {
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  await fs.mkdir(path.join(dir, '.specgate'), { recursive: true });
  await fs.writeFile(path.join(dir, '.specgate/accepted.yaml'), `accepted:\n  - id: request-property-max-length-decreased\n    file: orders.yaml\n    pointer: /components/schemas/NewOrder/properties/customerName/maxLength\n    baseline: ${head}\n    reason: agreed with the two known clients\n`);
  const out = JSON.parse(run(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'json']).stdout);
  assert.ok(!out.changes.some((c: { id: string }) => c.id === 'request-property-max-length-decreased'));
  assert.ok(out.changes.some((c: { id: string }) => c.id === 'request-property-enum-value-removed'));
  await fs.rm(path.join(dir, '.specgate'), { recursive: true });
});
