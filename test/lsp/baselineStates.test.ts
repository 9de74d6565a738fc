import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as path from 'path';
import { startServer } from '../helpers/lspClient';
import { scratch } from '../helpers/scratch';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

const SPEC = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n';
const { tempDir, keep } = scratch();

async function openIn(dir: string, file: string, settings: Record<string, unknown> = {}) {
  const server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 10, spectralEnabled: false, ...settings } });
  keep(server);
  const uri = pathToUri(path.join(dir, file));
  const diagnostics = server.waitForDiagnostics(uri);
  server.open(uri, SPEC.replace('/pets', '/cats'));
  await diagnostics;
  for (let i = 0; i < 100 && !server.notifications.some((n) => n.method === 'specgate/baseline'); i++) await new Promise((r) => setTimeout(r, 50));
  const status = server.notifications.filter((n) => n.method === 'specgate/baseline').map((n) => n.params as { state: string; message?: string });
  return { server, uri, status };
}

test('a folder that is not a git repository gives a quiet status, no errors, no crash', async () => {
  const dir = await tempDir('specgate-bl-');
  const { server, status } = await openIn(dir, 'spec.yaml');
  assert.equal(status[0]?.state, 'not-a-repo');
  assert.match(status[0].message!, /not a git repository/);
  assert.ok(!server.published.some((p) => p.diagnostics.some((d) => d.severity === 1)));
  assert.equal(server.process.exitCode, null);
});

test('an untracked file says there is no baseline yet', async () => {
  const dir = await tempDir('specgate-bl-');
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'README.md'), 'x');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'init');
  const { status } = await openIn(dir, 'new.yaml');
  assert.equal(status[0]?.state, 'untracked');
  assert.match(status[0].message!, /new/);
});

test('a shallow clone without the baseline ref says so', async () => {
  const origin = await tempDir('specgate-bl-');
  initRepo(origin);
  await fs.writeFile(path.join(origin, 'spec.yaml'), SPEC);
  git(origin, 'add', '.');
  git(origin, 'commit', '-qm', 'one');
  await fs.writeFile(path.join(origin, 'spec.yaml'), SPEC + '# two\n');
  git(origin, 'commit', '-qam', 'two');
  const parent = await tempDir('specgate-bl-');
  git(parent, 'clone', '-q', '--depth', '1', pathToUri(origin), 'clone');
  const { status } = await openIn(path.join(parent, 'clone'), 'spec.yaml', { baseline: 'HEAD~1' });
  assert.equal(status[0]?.state, 'shallow-missing-ref');
  assert.match(status[0].message!, /shallow/);
});

test('a baseline that looks like an option is refused', async () => {
  const dir = await tempDir('specgate-bl-');
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'spec.yaml'), SPEC);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'one');
  const { status } = await openIn(dir, 'spec.yaml', { baseline: '--output=/tmp/pwned' });
  assert.equal(status[0]?.state, 'error');
  assert.match(status[0].message!, /Refusing/);
});
