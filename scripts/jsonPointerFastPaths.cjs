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
const { patchOnLoad, replaceExactlyOnce } = require('./sourcePatch.cjs');

const FILE = /[\\/]@stoplight[\\/]json[\\/]index\.es\.js$/;

const REPLACEMENTS = [
  ['function N(e){return e.replace(_,encodeURIComponent)}', 'function N(e){return"string"==typeof e&&__keptByEncodeURIComponent.test(e)?e:e.replace(_,encodeURIComponent)}'],
  ['U=e=>{let t;try{t=decodeURIComponent(e)}', 'U=e=>{if("string"==typeof e&&-1===e.indexOf("%")&&-1===e.indexOf("~"))return e;let t;try{t=decodeURIComponent(e)}'],
  ['const n=parseInt(e[r]),o=parseInt(t[r]);', 'if(e[r]===t[r])continue;const n=parseInt(e[r]),o=parseInt(t[r]);'],
];

/** index.es.js with the fast paths. Throws when the source moved. */
function patchStoplightJson(source) {
  const contents = replaceExactlyOnce(source, REPLACEMENTS, { name: 'json-pointer-fast-paths', where: '@stoplight/json/index.es.js', script: 'scripts/jsonPointerFastPaths.cjs' });
  // The characters encodeURIComponent returns as they are, and `/`, which the class keeps.
  return `const __keptByEncodeURIComponent = /^[A-Za-z0-9_.!~*'()\\/-]*$/;\n${contents}`;
}

const jsonPointerFastPaths = patchOnLoad('json-pointer-fast-paths', FILE, (source) => patchStoplightJson(source));

module.exports = { jsonPointerFastPaths, patchStoplightJson, STOPLIGHT_JSON_FILE: FILE };
