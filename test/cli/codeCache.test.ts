// The CLI keeps V8's compiled code of its engine bundle between runs (Node 20; Node 22+ has its own).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Module = require('module');

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const nodeHasItsOwn = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
let tmp: string;
let specDir: string;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-cc-'));
  specDir = path.join(tmp, 'ws');
  await fs.mkdir(specDir);
  await fs.writeFile(path.join(specDir, 'api.yaml'), 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": { description: ok }\n');
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

const lint = () => {
  const r = spawnSync(process.execPath, [CLI, 'lint', 'api.yaml', '--format', 'json'], { cwd: specDir, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return r.stdout;
};
const cacheDir = () => path.join(tmp, readdirSync(tmp).find((n) => n.startsWith('specgate-code-cache-'))!);
const cacheFile = () => path.join(cacheDir(), readdirSync(cacheDir()).find((n) => n.startsWith('cliMain.js-'))!);

test('the first run writes the cache, later runs use it, a corrupt cache is replaced, output unchanged', { skip: nodeHasItsOwn && 'Node has its own compile cache' }, () => {
  const first = lint();
  assert.ok(JSON.parse(first).length > 0);
  const file = cacheFile();
  assert.equal(statSync(cacheDir()).mode & 0o077, 0, 'a private directory');
  const written = readFileSync(file);
  assert.ok(written.length > 100_000, `${written.length} bytes of compiled code`);
  assert.equal(lint(), first);
  assert.ok(readFileSync(file).equals(written), 'an accepted cache is not rewritten');
  writeFileSync(file, 'not V8 code');
  assert.equal(lint(), first, 'V8 rejects the corrupt data; the bundle compiles as usual');
  assert.ok(readFileSync(file).length > 100_000, 'and the cache is written again');
});

test('a cache directory others can write is not used', { skip: nodeHasItsOwn && 'Node has its own compile cache' }, async () => {
  lint();
  const file = cacheFile();
  await fs.chmod(cacheDir(), 0o777);
  writeFileSync(file, 'planted');
  const out = lint();
  assert.ok(JSON.parse(out).length > 0);
  assert.equal(readFileSync(file, 'utf8'), 'planted', 'not rewritten: the directory is skipped');
  await fs.chmod(cacheDir(), 0o700);
});

test('caches of other builds are removed after a week unwritten, recent ones and other files stay', { skip: nodeHasItsOwn && 'Node has its own compile cache' }, async () => {
  lint();
  const dir = cacheDir();
  const own = cacheFile();
  const week = 7 * 24 * 3600;
  const old = path.join(dir, 'cliMain.js-0123456789abcdef0123456789abcdef.bin');
  const recent = path.join(dir, 'cliMain.js-fedcba9876543210fedcba9876543210.bin');
  const unrelated = path.join(dir, 'notes.txt');
  for (const f of [old, recent, unrelated]) writeFileSync(f, 'x');
  const longAgo = Date.now() / 1000 - week - 3600;
  await fs.utimes(old, longAgo, longAgo);
  await fs.utimes(unrelated, longAgo, longAgo);
  writeFileSync(own, 'stale'); // this build's cache is rejected, so the run writes and prunes
  lint();
  const names = readdirSync(dir);
  assert.ok(!names.includes(path.basename(old)), names.join(', '));
  assert.ok(names.includes(path.basename(recent)) && names.includes('notes.txt'), names.join(', '));
  assert.ok(readFileSync(own).length > 100_000, 'this build\'s cache is rewritten');
});

test('the Spectral worker keeps its compiled code too, written after its first run', { skip: nodeHasItsOwn && 'Node has its own compile cache' }, () => {
  const inWorker = () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', 'api.yaml', '--format', 'json'], {
      cwd: specDir, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, SPECGATE_PARALLEL_SPECTRAL_BYTES: '0' },
    });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return r.stdout;
  };
  const first = inWorker();
  assert.equal(first, lint(), 'the worker path prints what the main thread prints');
  const worker = readdirSync(cacheDir()).filter((n) => n.startsWith('spectralWorker.js-') && n.endsWith('.bin'));
  assert.equal(worker.length, 1, readdirSync(cacheDir()).join(', '));
  const written = readFileSync(path.join(cacheDir(), worker[0]));
  assert.ok(written.length > 100_000, `${written.length} bytes of compiled code`);
  assert.equal(inWorker(), first);
  assert.ok(readFileSync(path.join(cacheDir(), worker[0])).equals(written), 'an accepted cache is not rewritten');
});
