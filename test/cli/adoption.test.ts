// The CLI as another repository's CI meets it: help, usage errors, exit codes, sources and paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { git, initRepo } from '../helpers/git';
import { withoutContact } from '../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
let dir: string;

function run(args: string[], options: { cwd?: string; nodeArgs?: string[] } = {}) {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { cwd: options.cwd ?? dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-adopt-'));
  await fs.mkdir(path.join(dir, 'specs'));
  // No info.contact and an operation without a description: spectral:oas findings next to the built-in ones.
  const spec = readFileSync(path.join(ROOT, 'test/fixtures/specs/mixed-naming.yaml'), 'utf8');
  await fs.writeFile(path.join(dir, 'specs/orders.yaml'), withoutContact(spec));
  await fs.writeFile(path.join(dir, 'config.yaml'), 'name: not a spec\n');
  await fs.mkdir(path.join(dir, 'plain'));
  await fs.writeFile(path.join(dir, 'plain/settings.json'), '{"a": 1}\n');
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('--help of every subcommand and --version exit 0 with the right text', () => {
  for (const [args, heading] of [[['--help'], /^Usage: specgate <command>/], [['-h'], /^Usage: specgate <command>/], [['lint', '--help'], /^Usage: specgate lint/],
    [['lint', 'x.yaml', '-h'], /^Usage: specgate lint/], [['diff', '--help'], /^Usage: specgate diff/], [['help', 'diff'], /^Usage: specgate diff/]] as const) {
    const r = run([...args]);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, heading, args.join(' '));
    assert.equal(r.stderr, '');
  }
  assert.equal(run(['--version']).stdout, `${PKG.version}\n`);
});

test('--help and --version answer without loading the engine bundle', async () => {
  // Records every module file the CLI loads (required, or read for the code cache's vm.Script); the engine is dist/cliMain.js.
  const probe = path.join(dir, 'probe.js');
  await fs.writeFile(probe, `const M = require('module'); const load = M._load; const fs = require('fs'); const read = fs.readFileSync;
M._load = function (request, ...rest) { if (/cliMain/.test(request)) process.stderr.write('ENGINE LOADED\\n'); return load.call(this, request, ...rest); };
fs.readFileSync = function (file, ...rest) { if (/cliMain\\.js$/.test(String(file))) process.stderr.write('ENGINE LOADED\\n'); return read.call(this, file, ...rest); };`);
  for (const args of [['--help'], ['lint', '--help'], ['diff', '--help'], ['--version']]) {
    const r = run(args, { nodeArgs: ['--require', probe] });
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stderr, /ENGINE LOADED/, args.join(' '));
  }
  const lint = run(['lint', 'specs/orders.yaml', '--no-spectral'], { nodeArgs: ['--require', probe] });
  assert.match(lint.stderr, /ENGINE LOADED/, 'the probe sees the engine when it is needed');
});

test('a usage error is one line plus where to find help, exit 2', () => {
  for (const [args, help] of [[['lint', 'specs/orders.yaml', '--bogus'], 'specgate lint --help'], [['lint'], 'specgate lint --help'],
    [['diff', 'only-one.yaml'], 'specgate diff --help'], [['frobnicate'], 'specgate --help'], [[], 'specgate --help']] as const) {
    const r = run([...args]);
    assert.equal(r.code, 2, args.join(' '));
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0], /^specgate: /);
    assert.equal(lines[1], `see '${help}'`);
    assert.equal(r.stdout, '');
  }
});

test('explicit inputs without any API description exit 2; directories without any exit 0 with a note', () => {
  const explicit = run(['lint', 'config.yaml']);
  assert.equal(explicit.code, 2);
  assert.match(explicit.stderr, /nothing to lint: no OpenAPI or Arazzo document among the given files/);
  assert.doesNotMatch(explicit.stdout, /No problems/);
  const glob = run(['lint', 'plain/*.json']);
  assert.equal(glob.code, 2, 'a glob is an explicit input too');
  const allowed = run(['lint', 'config.yaml', '--allow-empty']);
  assert.equal(allowed.code, 0);
  assert.match(allowed.stderr, /note: no OpenAPI or Arazzo documents/);
  const directory = run(['lint', 'plain']);
  assert.equal(directory.code, 0);
  assert.match(directory.stderr, /note: no OpenAPI or Arazzo documents/);
  const mixed = run(['lint', 'config.yaml', 'specs/orders.yaml', '--no-spectral']);
  assert.equal(mixed.code, 0, 'one description among the inputs is enough');
});

test('Spectral findings carry source "spectral", built-in ones "specgate", in JSON and SARIF', () => {
  const json = JSON.parse(run(['lint', 'specs/orders.yaml', '--format', 'json']).stdout) as Array<{ code: string; source: string }>;
  const spectral = json.filter((f) => !f.code.startsWith('specgate-'));
  assert.ok(spectral.length > 0, 'the fixture has Spectral findings (spectral:oas)');
  assert.ok(spectral.every((f) => f.source === 'spectral'), JSON.stringify(spectral));
  assert.ok(json.filter((f) => f.code.startsWith('specgate-')).every((f) => f.source === 'specgate'));
  const sarif = JSON.parse(run(['lint', 'specs/orders.yaml', '--format', 'sarif']).stdout);
  const rules = sarif.runs[0].tool.driver.rules as Array<{ id: string; properties: { origin: string } }>;
  assert.equal(sarif.runs[0].tool.driver.name, 'specgate');
  for (const rule of rules) assert.equal(rule.properties.origin, rule.id.startsWith('specgate-') ? 'specgate' : 'spectral', rule.id);
  for (const result of sarif.runs[0].results) {
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'specs/orders.yaml', uriBaseId: '%SRCROOT%' });
  }
});

test('lint and diff report paths relative to the working directory in every format', async () => {
  const repo = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-paths-'));
  try {
    initRepo(repo);
    await fs.mkdir(path.join(repo, 'api dir'));
    const spec = path.join(repo, 'api dir/orders.yaml');
    await fs.copyFile(path.join(ROOT, 'test/fixtures/breaking/orders-v1.yaml'), spec);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'v1');
    await fs.copyFile(path.join(ROOT, 'test/fixtures/breaking/orders-v2.yaml'), spec);
    const rel = 'api dir/orders.yaml';
    const json = JSON.parse(run(['diff', '--base', 'HEAD', rel, '--format', 'json'], { cwd: repo }).stdout);
    assert.ok(json.changes.length > 0);
    for (const change of json.changes) {
      assert.equal(change.file, rel);
      assert.equal(change.uri, undefined, 'no absolute file:// URIs in CLI output');
    }
    const sarif = JSON.parse(run(['diff', '--base', 'HEAD', rel, '--format', 'sarif'], { cwd: repo }).stdout);
    for (const result of sarif.runs[0].results) {
      assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'api%20dir/orders.yaml', uriBaseId: '%SRCROOT%' });
    }
    const github = run(['diff', '--base', 'HEAD', rel, '--format', 'github'], { cwd: repo }).stdout;
    assert.match(github, /file=api dir\/orders\.yaml,line=\d+/);
    const lint = JSON.parse(run(['lint', rel, '--format', 'json', '--no-spectral'], { cwd: repo }).stdout) as Array<{ file: string }>;
    assert.ok(lint.length > 0 && lint.every((f) => f.file === rel));
    // From a subfolder the same file is named relative to it.
    const sub = JSON.parse(run(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'json'], { cwd: path.join(repo, 'api dir') }).stdout);
    assert.ok(sub.changes.every((c: { file: string }) => c.file === 'orders.yaml'));
  } finally {
    await fs.rm(repo, { recursive: true, force: true });
  }
});
