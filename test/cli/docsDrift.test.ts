import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const WORKSPACE = path.resolve(__dirname, '../../../test/fixtures/docs/workspace');
let dir: string;

function lint(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args, '--no-spectral', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, findings: JSON.parse(r.stdout || '[]') as Array<{ file: string; code: string; range: { start: { line: number } } }>, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-docs-cli-'));
  await fs.cp(WORKSPACE, dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'CHANGELOG.md'), 'Removed `GET /legacy/orders`.\n');
  await fs.mkdir(path.join(dir, 'notes'));
  await fs.writeFile(path.join(dir, 'notes', 'scratch.md'), 'Try `GET /nowhere`.\n');
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('a .md file named on the command line gets its findings on the drifted lines', () => {
  const r = lint(['docs/orders.md']);
  assert.equal(r.code, 0, r.stderr); // warnings only
  const byLine = r.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.code}`);
  assert.ok(byLine.includes(`${path.join('docs', 'orders.md')}:9 specgate-docs-unknown-operation`), byLine.join('\n'));
  assert.ok(byLine.includes(`${path.join('docs', 'orders.md')}:21 specgate-docs-example-mismatch`));
  assert.ok(!r.findings.some((f) => f.range.start.line + 1 === 7), 'correct mentions on line 7 get nothing');
});

test('a directory includes its guides only: docs/**, README.md; not changelogs or other Markdown', () => {
  const r = lint(['.', '--no-style-guide']);
  const files = [...new Set(r.findings.map((f) => f.file))].sort();
  assert.deepEqual(files, [path.join('docs', 'billing.md'), path.join('docs', 'orders.md')]);
});

test('named explicitly, any Markdown file is checked; --fail-severity warn fails on drift', () => {
  const r = lint(['notes/scratch.md', '--fail-severity', 'warn']);
  assert.equal(r.code, 1);
  assert.deepEqual(r.findings.map((f) => f.code), ['specgate-docs-unknown-operation']);
  assert.equal(lint(['README.md', '--fail-severity', 'warn']).code, 0);
});
