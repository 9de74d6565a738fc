// esbuild plugin: node-fetch (with whatwg-url and tr46's mapping table) loaded when it is first
// called instead of when the engine loads (~9 ms of every `specgate lint` and server start).
// Two modules import it at their top: Spectral's runtime `fetch` and json-ref-readers' HTTP reader.
// Specgate fetches through its workspace (`fetchRemote`, global `fetch`, only when
// `specgate.allowRemoteReferences` allows), so neither is called in its runs; each still works,
// through a getter that requires node-fetch on first use. Used by the build and by
// test/unit/lazyNodeFetch.test.ts.
'use strict';
const { patchOnLoad, replaceExactlyOnce } = require('./sourcePatch.cjs');

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
  return replaceExactlyOnce(source, [[patch.from, patch.to]], { name: 'lazy-node-fetch', where: file, script: 'scripts/lazyNodeFetch.cjs' });
}

const lazyNodeFetch = patchOnLoad('lazy-node-fetch', new RegExp(PATCHES.map((p) => p.file.source).join('|')), (source, file) => patchNodeFetchImport(file, source));

module.exports = { lazyNodeFetch, patchNodeFetchImport };
