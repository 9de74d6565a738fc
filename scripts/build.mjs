// Bundles the client, the server and the CLI into dist/ with esbuild.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
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
  banner: { js: "const __specgateImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // Spectral runs off the server's main thread in this worker (server/src/node/spectralWorkerHost.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/node/spectralWorker.ts'], outfile: 'dist/spectralWorker.js' }),
  // Documents above specgate.backgroundAnalysisThresholdKB are analysed in this thread (server/src/node/analysisWorkerHost.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/node/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  // The `specgate` binary answers --help/--version itself and loads the engine bundle (cliMain.js) otherwise.
  esbuild.build({ ...common, entryPoints: ['server/src/cliEntry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cliMain.js' }),
  // `specgate lint <dir>` spreads files over worker threads running this (server/src/node/lintPool.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/node/lintWorker.ts'], outfile: 'dist/lintWorker.js' }),
]);
