// esbuild plugin: node-fetch (with whatwg-url and tr46's mapping table) loaded when it is first
// called instead of when the engine loads (~9 ms of every `specgate lint` and server start).
// Two modules import it at their top: Spectral's runtime `fetch` and json-ref-readers' HTTP reader.
// Specgate fetches through its workspace (`fetchRemote`, global `fetch`, only when
// `specgate.allowRemoteReferences` allows), so neither is called in its runs; each still works,
// through a getter that requires node-fetch on first use. Used by the build and by
// test/unit/lazyNodeFetch.test.ts.
'use strict';

const PATCHES = [
  {
    file: /[\\/]@stoplight[\\/]spectral-runtime[\\/]dist[\\/]fetch\.js$/,
    from: 'const node_fetch_1 = (0, tslib_1.__importDefault)(require("node-fetch"));',
    to: 'const node_fetch_1 = { get default() { return (0, tslib_1.__importDefault)(require("node-fetch")).default; } };',
  },
  {
    file: /[\\/]@stoplight[\\/]json-ref-readers[\\/]http\.js$/,
    from: 'const node_fetch_1 = require("node-fetch");',
    to: 'const node_fetch_1 = { get default() { return require("node-fetch").default; } };',
  },
];

/** `source` of `file` with node-fetch required on first use; throws when the source moved. */
function patchNodeFetchImport(file, source) {
  const patch = PATCHES.find((p) => p.file.test(file));
  if (!patch) return source;
  // A dependency update that moves this code must fail the build, not load node-fetch eagerly again silently.
  if (source.split(patch.from).length !== 2) throw new Error(`lazy-node-fetch: ${file} changed; update scripts/lazyNodeFetch.cjs`);
  return source.replace(patch.from, patch.to);
}

const lazyNodeFetch = {
  name: 'lazy-node-fetch',
  setup(build) {
    for (const { file } of PATCHES) {
      build.onLoad({ filter: file }, async (args) => ({ contents: patchNodeFetchImport(args.path, await require('fs').promises.readFile(args.path, 'utf8')), loader: 'js' }));
    }
  },
};

module.exports = { lazyNodeFetch, patchNodeFetchImport };
