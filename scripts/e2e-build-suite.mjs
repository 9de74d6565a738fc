// Bundles test/e2e/suite/*.ts into out/e2e/suite/ (vscode and mocha stay external: the extension host provides
// vscode, mocha comes from node_modules).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test/e2e/suite');
const entries = readdirSync(dir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(dir, f));
await esbuild.build({
  entryPoints: entries, outdir: join(root, 'out/e2e/suite'), bundle: true, platform: 'node', format: 'cjs',
  target: 'node20', external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
});
export const suiteEntry = join(root, 'out/e2e/suite/index.js');
