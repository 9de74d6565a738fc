// esbuild plugin: Spectral sorts its findings with `localeCompare` on their source (the file's
// path) and code, an ICU comparison per call even when both strings are the same, which they
// nearly always are (one file, few codes): ~10 ms of each small lint. Equal strings compare as 0
// under any collation, so they are answered first; the order is unchanged.
import { readFile } from 'node:fs/promises';

const FILE = /[\\/]@stoplight[\\/]spectral-core[\\/]dist[\\/]runner[\\/]utils[\\/]results\.js$/;

const REPLACEMENTS = [
  [
    'return String(left).localeCompare(String(right), void 0, { numeric: true });',
    'return String(left) === String(right) ? 0 : String(left).localeCompare(String(right), void 0, { numeric: true });',
  ],
  ['return left.localeCompare(right);', 'return left === right ? 0 : left.localeCompare(right);'],
];

export const spectralResultOrder = {
  name: 'spectral-result-order',
  setup(build) {
    build.onLoad({ filter: FILE }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [from, to] of REPLACEMENTS) {
        // A Spectral update that moves this code must fail the build, not drop the patch silently.
        if (contents.split(from).length !== 2) throw new Error(`spectral-result-order: ${args.path} changed; update scripts/spectralResultOrder.mjs`);
        contents = contents.replace(from, to);
      }
      return { contents, loader: 'js' };
    });
  },
};
