// Installing Specgate into another repository: the npm tarball, the GitHub Action and the pre-commit hooks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { git, initRepo } from '../helpers/git';
import { withoutContact } from '../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures');
let tmp: string;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-install-'));
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

/** A consumer repository: a committed v1 spec changed to v2 (breaking), a spec with warnings, a non-spec YAML. */
async function consumerRepo(name: string): Promise<string> {
  const repo = path.join(tmp, name);
  await fs.mkdir(path.join(repo, 'specs'), { recursive: true });
  initRepo(repo);
  await fs.copyFile(path.join(FIXTURES, 'breaking/orders-v1.yaml'), path.join(repo, 'specs/openapi.yaml'));
  await fs.copyFile(path.join(FIXTURES, 'specs/mixed-naming.yaml'), path.join(repo, 'specs/naming.yaml'));
  await fs.writeFile(path.join(repo, 'docker-compose.yaml'), 'services: {}\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'v1');
  await fs.copyFile(path.join(FIXTURES, 'breaking/orders-v2.yaml'), path.join(repo, 'specs/openapi.yaml'));
  return repo;
}

test('the npm tarball installs offline into a fresh project and `npx specgate lint` runs there', async () => {
  // dist/ is built by `npm test`; --ignore-scripts keeps the prepack build from rewriting it under running tests.
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const tarball = path.join(tmp, packed);
  const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  assert.ok(listing.includes('package/dist/cli.js') && listing.includes('package/dist/cliMain.js'), listing.join(', '));
  assert.ok(!listing.some((f) => f.includes('node_modules') || f.endsWith('.ts') || f.endsWith('.map')), 'only the bundles and docs are shipped');
  const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'every runtime dependency is bundled, so installing fetches nothing');

  const project = path.join(tmp, 'consumer');
  await fs.mkdir(project);
  await fs.writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '-D', tarball], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  await fs.writeFile(path.join(project, 'openapi.yaml'), withoutContact(readFileSync(path.join(FIXTURES, 'specs/mixed-naming.yaml'), 'utf8')));
  await fs.writeFile(path.join(project, '.spectral.yaml'), 'extends: [[spectral:oas, recommended]]\nrules:\n  specgate-property-casing: error\n');
  const r = spawnSync('npx', ['--offline', 'specgate', 'lint', 'openapi.yaml', '--format', 'json'], { cwd: project, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 1, r.stderr);
  const findings = JSON.parse(r.stdout) as Array<{ code: string; severity: string; source: string }>;
  assert.equal(findings.find((f) => f.code === 'specgate-property-casing')?.severity, 'error', 'the project ruleset configures the built-in rules');
  assert.ok(findings.some((f) => f.source === 'spectral'), 'Spectral runs from the installed bundle');
  const help = spawnSync('npx', ['--offline', 'specgate', 'diff', '--help'], { cwd: project, encoding: 'utf8' });
  assert.equal(help.status, 0);
});

/** Runs the action's step as GitHub would: its env block with inputs substituted, GITHUB_* files. */
async function runAction(repo: string, inputs: Record<string, string>) {
  const action = YAML.parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs as Record<string, { default?: string }>)) values[name] = inputs[name] ?? spec.default ?? '';
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `action.yml declares input ${name}`);
  const [step] = action.runs.steps as Array<{ env: Record<string, string>; run: string; shell: string }>;
  assert.equal(action.runs.using, 'composite');
  const env: Record<string, string> = {};
  for (const [key, expr] of Object.entries(step.env)) env[key] = expr.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name) => values[name]);
  const summary = path.join(repo, '.summary.md');
  const output = path.join(repo, '.output');
  await fs.writeFile(summary, '');
  await fs.writeFile(output, '');
  const r = spawnSync(step.shell, ['-c', step.run], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env, GITHUB_ACTION_PATH: ROOT, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: await fs.readFile(summary, 'utf8'), output: await fs.readFile(output, 'utf8') };
}

test('action.yml: annotations, a job summary with the breaking-change report, and the gate', async () => {
  const repo = await consumerRepo('action');
  const gated = await runAction(repo, { files: 'specs', base: 'HEAD' });
  assert.equal(gated.code, 1, gated.stderr);
  assert.match(gated.stdout, /^::warning file=specs\/naming\.yaml,line=\d+/m, 'lint annotations');
  assert.match(gated.stdout, /^::error file=specs\/openapi\.yaml,line=\d+.*title=[\w-]+/m, 'breaking-change annotations');
  assert.match(gated.summary, /## Specgate/);
  assert.match(gated.summary, /\| warnings \| [1-9]\d* \|/);
  assert.match(gated.summary, /Breaking changes/, 'the Markdown diff report');
  assert.doesNotMatch(gated.stderr, /docker-compose/, 'non-spec YAML in a directory is not diffed');

  const open = await runAction(repo, { files: 'specs', base: 'HEAD', 'fail-on': 'none' });
  assert.equal(open.code, 0, open.stderr);

  const sarif = await runAction(repo, { files: 'specs/naming.yaml', format: 'sarif' });
  assert.equal(sarif.code, 0, sarif.stderr);
  assert.match(sarif.output, /^sarif-file=specgate\.sarif$/m);
  assert.equal(JSON.parse(await fs.readFile(path.join(repo, 'specgate.sarif'), 'utf8')).version, '2.1.0');

  const bad = await runAction(repo, { format: 'xml' });
  assert.equal(bad.code, 2);
});

test('.pre-commit-hooks.yaml: each hook entry runs on the files pre-commit would pass', async () => {
  const repo = await consumerRepo('precommit');
  const hooks = YAML.parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files?: string; types_or?: string[] }>;
  // `specgate` on PATH as the installed package's bin.
  const bin = path.join(tmp, 'bin');
  await fs.mkdir(bin, { recursive: true });
  await fs.writeFile(path.join(bin, 'specgate'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
  const staged = ['specs/openapi.yaml', 'specs/naming.yaml', 'docker-compose.yaml'];
  const hook = (id: string) => hooks.find((h) => h.id === id)!;
  const runHook = (id: string, files: string[]) => {
    const h = hook(id);
    const passed = files.filter((f) => !h.files || new RegExp(h.files).test(f));
    const [cmd, ...args] = h.entry.split(' ');
    return spawnSync(cmd, [...args, ...passed], { cwd: repo, encoding: 'utf8', env, timeout: 120_000 });
  };
  assert.deepEqual(hook('specgate-lint').types_or, ['yaml', 'json']);
  const lint = runHook('specgate-lint', staged);
  assert.equal(lint.status, 0, lint.stderr);
  assert.match(lint.stdout, /specgate-property-casing/);
  const onlyConfig = runHook('specgate-lint', ['docker-compose.yaml']);
  assert.equal(onlyConfig.status, 0, 'a commit that touches no spec passes');
  const diff = runHook('specgate-diff', staged);
  assert.equal(diff.status, 1, 'the breaking change against HEAD fails the commit');
  assert.match(diff.stdout, /request-parameter-became-required/);
  assert.ok(!new RegExp(hook('specgate-diff').files!).test('docker-compose.yaml'));
});
