import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NodeGit, isSafeRef } from '../../server/src/node/nodeGit';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

let dir: string;
const nodeGit = new NodeGit();

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-nodegit-'));
  initRepo(dir);
  await fs.mkdir(path.join(dir, 'api'));
  await fs.writeFile(path.join(dir, 'api', 'spec.yaml'), 'openapi: 3.0.0\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'one');
  await fs.writeFile(path.join(dir, 'api', 'spec.yaml'), 'openapi: 3.1.0\n');
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('reads a file at HEAD from a subfolder, not the working tree', async () => {
  const r = await nodeGit.readFileAt(pathToUri(path.join(dir, 'api', 'spec.yaml')), 'HEAD');
  assert.equal(r.kind, 'ok');
  assert.equal(r.kind === 'ok' && r.text, 'openapi: 3.0.0\n');
  assert.equal(r.kind === 'ok' && r.revision, git(dir, 'rev-parse', 'HEAD').trim());
});

test('untracked files, missing refs and option-like refs give their own states', async () => {
  await fs.writeFile(path.join(dir, 'api', 'new.yaml'), 'openapi: 3.0.0\n');
  assert.equal((await nodeGit.readFileAt(pathToUri(path.join(dir, 'api', 'new.yaml')), 'HEAD')).kind, 'untracked');
  assert.equal((await nodeGit.readFileAt(pathToUri(path.join(dir, 'api', 'spec.yaml')), 'v9.9.9')).kind, 'missing-ref');
  const evil = await nodeGit.readFileAt(pathToUri(path.join(dir, 'api', 'spec.yaml')), '--output=/tmp/x');
  assert.equal(evil.kind, 'error');
  for (const ref of ['-x', '--upload-pack=sh', 'a..b', 'HEAD;rm -rf /', 'a b', '$(id)']) assert.equal(isSafeRef(ref), false, ref);
  for (const ref of ['HEAD', 'HEAD~1', 'origin/main', 'v1.2.3', 'release/2024-01', 'abc123def']) assert.equal(isSafeRef(ref), true, ref);
});

test('a folder outside any repository and a machine without git are told apart', async () => {
  const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-norepo-'));
  try {
    assert.equal((await nodeGit.readFileAt(pathToUri(path.join(outside, 's.yaml')), 'HEAD')).kind, 'not-a-repo');
    const savedPath = process.env.PATH;
    process.env.PATH = outside;
    try {
      const r = await nodeGit.readFileAt(pathToUri(path.join(dir, 'api', 'spec.yaml')), 'HEAD');
      assert.equal(r.kind, 'no-git');
      assert.match(r.kind === 'no-git' ? r.message : '', /git is not installed/);
    } finally {
      process.env.PATH = savedPath;
    }
  } finally {
    await fs.rm(outside, { recursive: true, force: true });
  }
});
