// npm run package: production bundle (minified, no source maps) and a .vsix made by @vscode/vsce.
// Usage: node scripts/package.mjs [--out FILE]   (default specgate-<version>.vsix at the repository root)
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, rmSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : `${pkg.name}-${pkg.version}.vsix`);
mkdirSync(dirname(out), { recursive: true });
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

// Source maps of a dev build would be left over in dist/ otherwise (they are excluded by .vscodeignore anyway).
for (const f of readdirSync(join(root, 'dist')).filter((n) => n.endsWith('.map'))) rmSync(join(root, 'dist', f), { force: true });
run(process.execPath, [join(root, 'scripts/build.mjs'), '--production']);
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out]);
// Every bundle the build writes (extension, server, CLI, workers...) must be in the package.
const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').map((l) => l.trim());
const missing = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`).filter((f) => !listed.includes(f));
if (missing.length > 0) throw new Error(`not in the .vsix: ${missing.join(', ')} (see .vscodeignore)`);
const size = statSync(out).size;
console.log(`package: ${out} ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes)`);
