// Fast paths in @stoplight/json's JSON pointer helpers (json-ref-resolver and Spectral convert
// paths and pointers for every $ref and every finding: ~7% of LaunchDarkly's lint). Each returns what
// the original returns, without the work, where the input needs none:
// - encoding a segment: the original replaces every character outside a class with
//   encodeURIComponent of it, and its class is written with en dashes (`A–Z`, `0–9`), so every
//   uppercase letter and digit took a callback that returned it unchanged; a segment of characters
//   encodeURIComponent keeps is returned as it is;
// - decoding a segment with no `%` and no `~`: decodeURIComponent and the `~1`/`~0` replacements
//   leave it as it is;
// - `startsWith` on paths: equal segments compare equal under its parseInt rule too, so they skip it.
// Used by the esbuild build and by test/unit/jsonPointerFastPaths.test.ts.
'use strict';

const FILE = /[\\/]@stoplight[\\/]json[\\/]index\.es\.js$/;

const REPLACEMENTS = [
  ['function N(e){return e.replace(_,encodeURIComponent)}', 'function N(e){return"string"==typeof e&&__keptByEncodeURIComponent.test(e)?e:e.replace(_,encodeURIComponent)}'],
  ['U=e=>{let t;try{t=decodeURIComponent(e)}', 'U=e=>{if("string"==typeof e&&-1===e.indexOf("%")&&-1===e.indexOf("~"))return e;let t;try{t=decodeURIComponent(e)}'],
  ['const n=parseInt(e[r]),o=parseInt(t[r]);', 'if(e[r]===t[r])continue;const n=parseInt(e[r]),o=parseInt(t[r]);'],
];

/** index.es.js with the fast paths. Throws when the source moved. */
function patchStoplightJson(source) {
  let contents = source;
  for (const [from, to] of REPLACEMENTS) {
    // A @stoplight/json update that moves this code must fail the build, not drop the patch silently.
    if (contents.split(from).length !== 2) throw new Error('json-pointer-fast-paths: @stoplight/json/index.es.js changed; update scripts/jsonPointerFastPaths.cjs');
    contents = contents.replace(from, to);
  }
  // The characters encodeURIComponent returns as they are, and `/`, which the class keeps.
  return `const __keptByEncodeURIComponent = /^[A-Za-z0-9_.!~*'()\\/-]*$/;\n${contents}`;
}

const jsonPointerFastPaths = {
  name: 'json-pointer-fast-paths',
  setup(build) {
    build.onLoad({ filter: FILE }, async (args) => ({ contents: patchStoplightJson(await require('fs').promises.readFile(args.path, 'utf8')), loader: 'js' }));
  },
};

module.exports = { jsonPointerFastPaths, patchStoplightJson, STOPLIGHT_JSON_FILE: FILE };
