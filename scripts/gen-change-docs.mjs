// Writes docs/changes/<id>.md and docs/changes/README.md from the change registry.
// Needs the compiled engine: npx tsc -p tsconfig.test.json (or the diff-only config) first.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { changeRegistry } = require(join(root, 'out/server/src/engine/diff/registry.js'));
const { renderChangeDoc, renderChangeIndex } = require(join(root, 'out/server/src/engine/diff/docs.js'));

const dir = join(root, 'docs', 'changes');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) {
  if (file.endsWith('.md') && file !== 'README.md' && !changeRegistry.has(file.slice(0, -3))) rmSync(join(dir, file));
}
for (const id of changeRegistry.keys()) writeFileSync(join(dir, `${id}.md`), renderChangeDoc(id));
writeFileSync(join(dir, 'README.md'), renderChangeIndex());
console.log(`wrote ${changeRegistry.size} change docs to docs/changes/`);
