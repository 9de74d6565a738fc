// The build's lazy node-fetch (scripts/lazyNodeFetch.cjs): Spectral's runtime `fetch` and
// json-ref-readers' HTTP reader, patched as the bundles build them, load without requiring
// node-fetch, and require it (and call it as before) on first use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import Module from 'module';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { patchNodeFetchImport } = require('../../../scripts/lazyNodeFetch.cjs') as { patchNodeFetchImport(file: string, source: string): string };

type Loader = { _load(request: string, parent: unknown, isMain: boolean): unknown };

/** Loads `file` patched, with node-fetch replaced by a recorder; returns its exports and the requests seen. */
function loadPatched(file: string) {
  const requested: string[] = [];
  const calls: unknown[][] = [];
  const fakeFetch = async (...args: unknown[]) => {
    calls.push(args);
    return { ok: true, status: 200, text: async () => 'body' };
  };
  const loader = Module as unknown as Loader;
  const load = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'node-fetch') {
      requested.push(request);
      return { __esModule: true, default: fakeFetch };
    }
    return load.call(this, request, parent, isMain);
  };
  try {
    const m = new Module(file, module) as Module & { _compile(code: string, file: string): void };
    m.filename = file;
    m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
    m._compile(patchNodeFetchImport(file, readFileSync(file, 'utf8')), file);
    return { exports: m.exports as Record<string, (...args: unknown[]) => Promise<unknown>>, requested, calls, restore: () => (loader._load = load) };
  } catch (e) {
    loader._load = load;
    throw e;
  }
}

test("Spectral's runtime fetch: node-fetch is required on the first call, which it receives as before", async () => {
  const loaded = loadPatched(require.resolve('@stoplight/spectral-runtime/dist/fetch.js'));
  try {
    assert.deepEqual(loaded.requested, [], 'not required when the module loads');
    await loaded.exports.default('https://example.com/a.yaml', { method: 'GET' });
    assert.deepEqual(loaded.requested, ['node-fetch']);
    assert.deepEqual(loaded.calls, [['https://example.com/a.yaml', { method: 'GET' }]]);
  } finally {
    loaded.restore();
  }
});

test("json-ref-readers' HTTP reader: node-fetch is required on the first read", async () => {
  const loaded = loadPatched(require.resolve('@stoplight/json-ref-readers/http.js'));
  try {
    assert.deepEqual(loaded.requested, []);
    assert.equal(await loaded.exports.resolveHttp({ href: () => 'https://example.com/b.yaml' } as never), 'body');
    assert.deepEqual(loaded.requested, ['node-fetch']);
    assert.equal(loaded.calls[0][0], 'https://example.com/b.yaml');
  } finally {
    loaded.restore();
  }
});

test('a source that moved fails the build instead of loading node-fetch eagerly again', () => {
  const file = require.resolve('@stoplight/spectral-runtime/dist/fetch.js');
  assert.throws(() => patchNodeFetchImport(file, 'module.exports = require("node-fetch");'), /changed; update scripts\/lazyNodeFetch\.cjs/);
});
