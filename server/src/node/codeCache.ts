/**
 * Loads a CommonJS bundle with V8's compiled code kept between runs, so `specgate lint` does not
 * compile its 5 MB engine bundle from scratch each time (~0.5 s of a small spec's 1.4 s).
 * Node 22+ does this itself (`module.enableCompileCache`); on Node 20 the bundle is compiled through
 * `vm.Script` with the cached data of the previous run, written after the run so that the functions
 * it compiled lazily are in it too. V8 checks the data against the source and its own version and
 * flags, and rejects a mismatch (the bundle then compiles as usual and the cache is rewritten).
 *
 * The cache lives in a directory only this user can write (`<tmp>/specgate-code-cache-<uid>`): V8
 * trusts its cached data, so a file another user could plant must not be read.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as for Node's own cache.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { isAscii } from 'buffer';
import Module = require('module');

export interface LoadedBundle {
  exports: unknown;
  /** Writes the code cache if this run compiled the bundle (call when the work is done). */
  save(): void;
}

type ModuleInternals = typeof Module & {
  enableCompileCache?: () => unknown;
  wrap(source: string): string;
  _nodeModulePaths(dir: string): string[];
};

export function requireWithCodeCache(file: string): LoadedBundle {
  const internals = Module as ModuleInternals;
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return { exports: require(file), save: () => undefined };
  if (typeof internals.enableCompileCache === 'function') {
    internals.enableCompileCache();
    return { exports: require(file), save: () => undefined };
  }
  const bytes = fs.readFileSync(file);
  // The build keeps the bundles ASCII (scripts/build.mjs): decoding them as Latin-1 is a copy, where
  // Node's UTF-8 decoder takes ~60 ms more on 5 MB.
  const source = typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = cacheFileFor(file, bytes);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // first run
  }
  const script = new vm.Script(internals.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = internals._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, (id: string) => mod.require(id), mod, file, path.dirname(file));
  mod.loaded = true;
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: mod.exports,
    save() {
      if (!stale || !cacheFile) return;
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
        pruneOldCaches(path.dirname(cacheFile), cacheFile);
      } catch {
        // A cache that cannot be written only costs the next run its start-up time.
      }
    },
  };
}

/** Caches of earlier builds (each ~5 MB) go after a week unwritten; one still in use is only rebuilt once. */
const PRUNE_AFTER_MS = 7 * 24 * 3600 * 1000;

function pruneOldCaches(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === keep || !/\.bin(\.\d+\.tmp)?$/.test(name)) continue;
    try {
      if (now - fs.statSync(file).mtimeMs > PRUNE_AFTER_MS) fs.unlinkSync(file);
    } catch {
      // Another run may have removed it first.
    }
  }
}

/** The cache file for this bundle, Node and V8 build, or undefined when no private directory is available. */
function cacheFileFor(file: string, bytes: Buffer): string | undefined {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const dir = path.join(os.tmpdir(), `specgate-code-cache-${uid ?? 'user'}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    const key = createHash('sha256').update(`${process.version}|${process.arch}|${process.versions.v8}|${file}|`).update(bytes).digest('hex').slice(0, 32);
    return path.join(dir, `${path.basename(file)}-${key}.bin`);
  } catch {
    return undefined;
  }
}
