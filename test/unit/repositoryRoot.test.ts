// The CLI's workspace root: the git work tree, found by the `.git` entry, as git reports it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repositoryRoot } from '../../server/src/node/repositoryRoot';
import { git, initRepo } from '../helpers/git';

let tmp: string;
before(() => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'specgate-root-')));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const gitTop = (dir: string) => git(dir, 'rev-parse', '--show-toplevel').trim();

test('a folder deep in a repository: the work tree, as git says', () => {
  const repo = path.join(tmp, 'repo');
  const deep = path.join(repo, 'apis', 'billing', 'v1');
  mkdirSync(deep, { recursive: true });
  initRepo(repo);
  assert.equal(repositoryRoot(deep), repo);
  assert.equal(repositoryRoot(deep), gitTop(deep));
  assert.equal(repositoryRoot(repo), repo);
});

test('a linked worktree and a submodule-like nested repository: the nearest .git, as git says', () => {
  const main = path.join(tmp, 'main');
  mkdirSync(main);
  initRepo(main);
  writeFileSync(path.join(main, 'a.yaml'), 'a: 1\n');
  git(main, 'add', '.');
  git(main, 'commit', '-q', '-m', 'init');
  const linked = path.join(tmp, 'linked');
  git(main, 'worktree', 'add', '-q', linked);
  mkdirSync(path.join(linked, 'specs'));
  assert.equal(repositoryRoot(path.join(linked, 'specs')), linked);
  assert.equal(repositoryRoot(path.join(linked, 'specs')), gitTop(path.join(linked, 'specs')));
  const nested = path.join(main, 'vendor', 'other');
  mkdirSync(nested, { recursive: true });
  initRepo(nested);
  assert.equal(repositoryRoot(nested), nested);
  assert.equal(repositoryRoot(nested), gitTop(nested));
});

test('outside any repository: the folder itself', () => {
  const plain = path.join(tmp, 'plain', 'specs');
  mkdirSync(plain, { recursive: true });
  // tmp may itself sit in a repository on a developer's machine; here only the plain folder counts.
  const expected = repositoryRoot(tmp) === tmp ? plain : repositoryRoot(tmp);
  assert.equal(repositoryRoot(plain), expected);
});

test('GIT_DIR and GIT_WORK_TREE are honoured by asking git', () => {
  const store = path.join(tmp, 'store.git');
  const tree = path.join(tmp, 'tree');
  mkdirSync(path.join(tree, 'specs'), { recursive: true });
  git(tmp, 'init', '-q', '--bare', store);
  const saved = { dir: process.env.GIT_DIR, tree: process.env.GIT_WORK_TREE };
  process.env.GIT_DIR = store;
  process.env.GIT_WORK_TREE = tree;
  try {
    assert.equal(repositoryRoot(path.join(tree, 'specs')), tree);
  } finally {
    if (saved.dir === undefined) delete process.env.GIT_DIR; else process.env.GIT_DIR = saved.dir;
    if (saved.tree === undefined) delete process.env.GIT_WORK_TREE; else process.env.GIT_WORK_TREE = saved.tree;
  }
});
