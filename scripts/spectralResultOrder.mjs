// esbuild plugin: Spectral sorts its findings with `localeCompare` on their source (the file's
// path) and code, an ICU comparison per call even when both strings are the same, which they
// nearly always are (one file, few codes): ~10 ms of each small lint. Equal strings compare as 0
// under any collation, so they are answered first; the order is unchanged.
import sourcePatch from './sourcePatch.cjs';

const FILE = /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]runner[\\/]utils[\\/]results\.js$/;

const REPLACEMENTS = [
  [
    'return String(left).localeCompare(String(right), void 0, { numeric: true });',
    'return String(left) === String(right) ? 0 : String(left).localeCompare(String(right), void 0, { numeric: true });',
  ],
  ['return left.localeCompare(right);', 'return left === right ? 0 : left.localeCompare(right);'],
];

export const spectralResultOrder = sourcePatch.patchOnLoad('spectral-result-order', FILE, (source, file) =>
  sourcePatch.replaceExactlyOnce(source, REPLACEMENTS, { name: 'spectral-result-order', where: file, script: 'scripts/spectralResultOrder.mjs' }));
