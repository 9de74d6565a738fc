import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { builtinModules } from 'module';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
/** Provided by the editor at run time, not installed. */
const HOST_PROVIDED = new Set(['vscode']);
/** Modules the build generates (esbuild plugins in scripts/: `export const VIRTUAL = '...'`), not installed. */
const GENERATED = new Set(readdirSync(path.join(ROOT, 'scripts')).flatMap((name) =>
  [...readFileSync(path.join(ROOT, 'scripts', name), 'utf8').matchAll(/export const VIRTUAL = '([^']+)'/g)].map((m) => m[1])));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every bare module specifier imported or required by the shipped code. */
function imports(): Array<{ file: string; spec: string }> {
  const out: Array<{ file: string; spec: string }> = [];
  for (const file of [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(|import\()\s*'([^'.][^']*)'/g)) out.push({ file: path.relative(ROOT, file), spec: m[1] });
  }
  return out;
}

/** Every runtime package is bundled into dist/ (esbuild), so all are devDependencies; `dependencies` stays empty. */
const declared: Record<string, string> = { ...pkg.dependencies, ...pkg.devDependencies };

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

test('every package the server and client import is declared in package.json (devDependencies: bundled)', () => {
  const undeclared = imports()
    .filter(({ spec }) => !spec.startsWith('node:') && !builtinModules.includes(packageOf(spec)) && !HOST_PROVIDED.has(packageOf(spec)) && !GENERATED.has(spec))
    .filter(({ spec }) => !(packageOf(spec) in declared))
    .map(({ file, spec }) => `${file}: ${spec}`);
  assert.deepEqual(undeclared, []);
});

test('packages whose dist/ internals are imported are pinned exactly, and the installed version is the pinned one', () => {
  const internals = [...new Set(imports().filter(({ spec }) => /\/dist\//.test(spec)).map(({ spec }) => packageOf(spec)))].sort();
  assert.ok(internals.length > 0, 'the scan finds the dist/ imports (ajv, ajv-formats today)');
  for (const name of internals) {
    const pinned = declared[name];
    assert.match(pinned, /^\d+\.\d+\.\d+$/, `${name} is imported from dist/ and must be pinned exactly, not "${pinned}"`);
    const installed = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(installed, pinned, `${name}: installed ${installed}, pinned ${pinned}; check its dist/ internals still exist before updating the pin`);
  }
});
