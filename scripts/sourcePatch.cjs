// Build-time patches of dependency sources: each `from` must occur exactly once, so a dependency
// update that moves the patched code fails the build instead of dropping the patch silently.
'use strict';
const { readFile } = require('fs/promises');

/** `source` with each [from, to] replaced; throws `${name}: ${where} changed; update ${script}` when a `from` is not there exactly once. */
function replaceExactlyOnce(source, replacements, { name, where, script }) {
  let contents = source;
  for (const [from, to] of replacements) {
    if (contents.split(from).length !== 2) throw new Error(`${name}: ${where} changed; update ${script}`);
    contents = contents.replace(from, () => to);
  }
  return contents;
}

/** An esbuild plugin giving the files `filter` matches the contents `patch(source, path)` returns. */
function patchOnLoad(name, filter, patch) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter }, async (args) => ({ contents: patch(await readFile(args.path, 'utf8'), args.path), loader: 'js' }));
    },
  };
}

module.exports = { replaceExactlyOnce, patchOnLoad };
