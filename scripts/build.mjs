// Bundles the client, the server and the CLI into dist/ with esbuild.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { lazySpectralFunctions } from './lazySpectralFunctions.mjs';
import { spectralResultOrder } from './spectralResultOrder.mjs';
import inlineRefDraftsModule from './inlineRefDrafts.cjs';
import jsonPointerFastPathsModule from './jsonPointerFastPaths.cjs';
import lazyNodeFetchModule from './lazyNodeFetch.cjs';
import { precompiledDraft4Meta } from './precompiledDraft4Meta.mjs';
import { precompiledRulesetValidator } from './precompiledRulesetValidator.mjs';

const production = process.argv.includes('--production');

/** Fails the build if another import path brings nimma's legacy build back. */
const noLegacyNimma = {
  name: 'no-legacy-nimma',
  setup(build) {
    build.onLoad({ filter: /[\\/]nimma[\\/]dist[\\/]legacy[\\/]/ }, (args) => {
      throw new Error(`${args.path}: nimma's legacy build is bundled; extend the alias in scripts/build.mjs`);
    });
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD entry uses a dynamic require that bundlers cannot follow; take ESM builds.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Spectral's ruleset bundler pulls rollup; its optional native binary is never used for rulesets.
  external: ['vscode', 'fsevents', '@rollup/rollup-*'],
  // Some dependencies ship ESM only and use import.meta.url; give them the CommonJS equivalent.
  define: { 'import.meta.url': '__specgateImportMetaUrl' },
  plugins: [lazySpectralFunctions, spectralResultOrder, inlineRefDraftsModule.inlineRefDrafts, jsonPointerFastPathsModule.jsonPointerFastPaths, lazyNodeFetchModule.lazyNodeFetch, precompiledRulesetValidator, precompiledDraft4Meta, noLegacyNimma],
  // Spectral's runner takes nimma's "legacy" build, the same source with class private fields
  // compiled to WeakMap helpers (a lookup per field access): on GitHub the traversal's own time,
  // rule callbacks aside, went from ~2.7 s to ~0.8 s of CPU in a profile. Node 20 has private
  // fields; nimma's main build of the same version keeps them native.
  // json-ref-resolver's and Spectral's `dependency-graph` takes Specgate's drop-in without its
  // quadratic steps (server/src/engine/spectral/depGraph.ts; GitHub: ~0.5 s of each lint).
  alias: { 'nimma/legacy': 'nimma', 'dependency-graph': './server/src/engine/spectral/depGraph.ts' },
  banner: { js: "const __specgateImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const outfiles = [];
const out = (file) => (outfiles.push(file), file);
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: out('dist/extension.js') }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: out('dist/server.js') }),
  // Spectral runs off the server's main thread in this worker (server/src/node/spectralWorkerHost.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/node/spectralWorker.ts'], outfile: out('dist/spectralWorker.js') }),
  // Its entry: loads spectralWorker.js with the compiled code cached between runs (server/src/node/codeCache.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/node/spectralWorkerEntry.ts'], outfile: out('dist/spectralWorkerEntry.js') }),
  // Documents above specgate.backgroundAnalysisThresholdKB are analysed in this thread (server/src/node/analysisWorkerHost.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/node/analysisWorker.ts'], outfile: out('dist/analysisWorker.js') }),
  // The `specgate` binary answers --help/--version itself and loads the engine bundle (cliMain.js) otherwise.
  esbuild.build({ ...common, entryPoints: ['server/src/cliEntry.ts'], outfile: out('dist/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: out('dist/cliMain.js') }),
  // `specgate lint <dir>` spreads files over worker threads running this (server/src/node/lintPool.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/node/lintWorker.ts'], outfile: out('dist/lintWorker.js') }),
]);

// esbuild leaves non-ASCII characters inside regular-expression literals (linkify's «»“” and the
// like). One such character makes Node decode the whole 5 MB bundle through V8's slow UTF-8 path
// (~150 ms per process and per worker, against ~20 ms for ASCII), so escape them: \uXXXX means the
// same character in a regex, a string or a template, with or without the u flag.
for (const file of outfiles) {
  const text = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) continue;
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
