// Swaps immer's proxies out of json-ref-resolver's inlining of local $refs (runner.js): the recipe
// keeps its steps and gets `produce`, `original` and lodash's `get`/`set` from
// server/src/engine/spectral/inlineDrafts.ts, which follow immer's and lodash's semantics on
// plain draft objects (see there). Used by the esbuild build and by the differential test.
'use strict';
const path = require('path');

const FILE = /[\\/]@stoplight[\\/]json-ref-resolver[\\/]runner\.js$/;
const MODULE = path.join(__dirname, '..', 'server', 'src', 'engine', 'spectral', 'inlineDrafts.ts');

const REPLACEMENTS = [
  [
    `if (this.dereferenceInline) {
                    this._source = (0, immer_1.default)(this._source, (draft) => {`,
    `if (this.dereferenceInline) {
                    this._source = (0, __inlineDrafts.produce)(this._source, (draft) => {`,
  ],
  [
    'const val = pointerPath.length === 0 ? (0, immer_1.original)(draft) : get(draft, pointerPath);',
    'const val = pointerPath.length === 0 ? (0, __inlineDrafts.original)(draft) : (0, __inlineDrafts.get)(draft, pointerPath);',
  ],
  ['set(draft, dependantPath, val);', '(0, __inlineDrafts.set)(draft, dependantPath, val);'],
];

/** runner.js with the swap; `modulePath` is where `require` finds inlineDrafts. Throws when the source moved. */
function patchRunner(source, modulePath = MODULE) {
  let contents = source;
  for (const [from, to] of REPLACEMENTS) {
    // A json-ref-resolver update that moves this code must fail the build, not drop the patch silently.
    if (contents.split(from).length !== 2) throw new Error('inline-ref-drafts: json-ref-resolver/runner.js changed; update scripts/inlineRefDrafts.cjs');
    contents = contents.replace(from, to);
  }
  return contents.replace('"use strict";', `"use strict";\nconst __inlineDrafts = require(${JSON.stringify(modulePath)});`);
}

const inlineRefDrafts = {
  name: 'inline-ref-drafts',
  setup(build) {
    build.onLoad({ filter: FILE }, async (args) => ({ contents: patchRunner(await require('fs').promises.readFile(args.path, 'utf8')), loader: 'js' }));
  },
};

module.exports = { inlineRefDrafts, patchRunner, RUNNER_FILE: FILE };
