import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initRepo } from '../helpers/git';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const SPEC = readFileSync(path.resolve(__dirname, '../../../test/fixtures/specs/mixed-naming.yaml'), 'utf8');
let root: string;
let repo: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-cli-robust-'));
  repo = path.join(root, 'repo');
  await fs.mkdir(repo);
  initRepo(repo);
  await fs.writeFile(path.join(root, 'outside.yaml'), 'Order: { type: object, properties: { leaked_field: { type: string } } }\n');
});
after(() => fs.rm(root, { recursive: true, force: true }));

test('a spec with a byte-order mark is linted like any other', async () => {
  await fs.writeFile(path.join(repo, 'bom.yaml'), '\uFEFF' + SPEC);
  const r = run(['lint', 'bom.yaml', '--format', 'json', '--no-spectral']);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /not an OpenAPI/);
  assert.ok((JSON.parse(r.stdout) as Array<{ code: string }>).some((f) => f.code === 'specgate-property-casing'));
});

test('$refs that leave the repository are not read unless --allow-outside-refs', async () => {
  const text = SPEC.replace(/^  schemas:\n/m, "  schemas:\n    Leak:\n      $ref: '../outside.yaml#/Order'\n    Secret:\n      $ref: '/etc/passwd#/root'\n");
  assert.notEqual(text, SPEC);
  await fs.writeFile(path.join(repo, 'escape.yaml'), text);
  const r = run(['lint', 'escape.yaml', '--format', 'json']);
  const findings = JSON.parse(r.stdout) as Array<{ code: string; message: string }>;
  const refusals = findings.filter((f) => /leaves the workspace/.test(f.message));
  assert.equal(refusals.length, 1, JSON.stringify(findings.map((f) => f.message)));
  assert.match(refusals[0].message, /outside\.yaml leaves the workspace/);
  // Spectral's resolver reads a root-relative `/etc/passwd` inside the repository, and the message says so.
  assert.ok(findings.some((f) => /^\$ref \/etc\/passwd: Spectral reads absolute paths from the referencing file's folder/.test(f.message)));
  assert.ok(!findings.some((f) => /leaked_field/.test(f.message)), 'nothing from the outside file is analysed');
  const allowed = JSON.parse(run(['lint', 'escape.yaml', '--format', 'json', '--allow-outside-refs']).stdout) as Array<{ message: string }>;
  assert.ok(!allowed.some((f) => /leaves the workspace.*outside\.yaml/.test(f.message)), 'the flag allows it');
});

test('diff on a document nested past the limit names the limit, not a stack overflow', async () => {
  const deep = SPEC + `x-deep: &a ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  await fs.writeFile(path.join(repo, 'deep.yaml'), deep);
  const r = run(['diff', 'deep.yaml', 'bom.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Nesting deeper than 256 levels/);
  assert.doesNotMatch(r.stderr, /call stack|Usage:/);
});
