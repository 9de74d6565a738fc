// Swaps immer's proxies out of json-ref-resolver's inlining of local $refs (runner.js): the recipe
// keeps its steps and gets `produce`, `original` and lodash's `get`/`set` from
// server/src/engine/spectral/inlineDrafts.ts, which follow immer's and lodash's semantics on
// plain draft objects (see there). Used by the esbuild build and by the differential test.
'use strict';
const path = require('path');
const { patchOnLoad, replaceExactlyOnce } = require('./sourcePatch.cjs');

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
  [
    // Each pointer's stems, their paths and its own pointer string are computed once instead of once
    // per dependant (GitHub: ~0.2 s); the same pure functions, read in the same order.
    `                                for (const dependant of dependants) {
                                    let isCircular;
                                    const dependantPath = (0, json_1.pointerToPath)(dependant);
                                    const dependantStems = crawler.pointerStemGraph.dependenciesOf(pointer);
                                    for (const stem of dependantStems) {
                                        if ((0, json_1.startsWith)(dependantPath, (0, json_1.pointerToPath)(stem))) {
                                            isCircular = true;
                                            break;
                                        }
                                    }
                                    if (isCircular)
                                        continue;
                                    resolved.refMap[(0, json_1.pathToPointer)(dependantPath)] = (0, json_1.pathToPointer)(pointerPath);
                                    this._setGraphNodeEdge(this.root, (0, json_1.pathToPointer)(dependantPath), (0, json_1.pathToPointer)(pointerPath));
                                    if (val !== void 0) {
                                        set(draft, dependantPath, val);
                                        this._setGraphNodeData((0, json_1.pathToPointer)(pointerPath), val);
                                    }`,
    `                                let dependantStems;
                                const stemPaths = new Map();
                                let targetPointer;
                                for (const dependant of dependants) {
                                    let isCircular;
                                    const dependantPath = (0, json_1.pointerToPath)(dependant);
                                    dependantStems ??= crawler.pointerStemGraph.dependenciesOf(pointer);
                                    for (const stem of dependantStems) {
                                        if (!stemPaths.has(stem)) stemPaths.set(stem, (0, json_1.pointerToPath)(stem));
                                        if ((0, json_1.startsWith)(dependantPath, stemPaths.get(stem))) {
                                            isCircular = true;
                                            break;
                                        }
                                    }
                                    if (isCircular)
                                        continue;
                                    const dependantPointer = (0, json_1.pathToPointer)(dependantPath);
                                    targetPointer ??= (0, json_1.pathToPointer)(pointerPath);
                                    resolved.refMap[dependantPointer] = targetPointer;
                                    this._setGraphNodeEdge(this.root, dependantPointer, targetPointer);
                                    if (val !== void 0) {
                                        (0, __inlineDrafts.set)(draft, dependantPath, val);
                                        this._setGraphNodeData(targetPointer, val);
                                    }`,
  ],
];

/** runner.js with the swap; `modulePath` is where `require` finds inlineDrafts. Throws when the source moved. */
function patchRunner(source, modulePath = MODULE) {
  const contents = replaceExactlyOnce(source, REPLACEMENTS, { name: 'inline-ref-drafts', where: 'json-ref-resolver/runner.js', script: 'scripts/inlineRefDrafts.cjs' });
  return contents.replace('"use strict";', `"use strict";\nconst __inlineDrafts = require(${JSON.stringify(modulePath)});`);
}

const inlineRefDrafts = patchOnLoad('inline-ref-drafts', FILE, (source) => patchRunner(source));

module.exports = { inlineRefDrafts, patchRunner, RUNNER_FILE: FILE };
