// @stoplight/json's pointer helpers with the build's fast paths (scripts/jsonPointerFastPaths.cjs)
// against the published module: the same answer, or the same error, for every exported helper the
// fast paths touch, on generated segments (every class of character the encoder treats apart:
// letters, digits, the kept punctuation, `/`, `~`, `%`, spaces, non-ASCII, surrogate pairs and lone
// surrogates) and on the paths and pointers of real specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import Module from 'module';
import * as esbuild from 'esbuild';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { patchStoplightJson } = require('../../../scripts/jsonPointerFastPaths.cjs') as { patchStoplightJson(source: string): string };

type Helpers = Record<'pathToPointer' | 'pointerToPath' | 'startsWith' | 'decodePointer' | 'decodePointerUriFragment' | 'encodeUriPointer' | 'encodePointerUriFragment', (...args: unknown[]) => unknown>;

const esFile = require.resolve('@stoplight/json/index.es.js');

/** index.es.js (patched or not) as the bundles compile it, loaded as CommonJS beside the original. */
function load(source: string): Helpers {
  const { code } = esbuild.transformSync(source, { format: 'cjs', loader: 'js' });
  const m = new Module(esFile, module) as Module & { _compile(code: string, file: string): void };
  m.filename = esFile;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(esFile));
  m._compile(code, esFile);
  return m.exports as Helpers;
}

const original = load(readFileSync(esFile, 'utf8'));
const patched = load(patchStoplightJson(readFileSync(esFile, 'utf8')));

function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  try {
    return { value: fn(...args) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

function assertSame(name: keyof Helpers, ...args: unknown[]): void {
  assert.deepEqual(outcome(patched[name], args), outcome(original[name], args), `${name}(${JSON.stringify(args)})`);
}

const PIECES = ['a', 'Z', 'B', 'q', '0', '5', '9', '_', '.', '!', '~', '*', "'", '(', ')', '/', '-', ' ', '%', '%2F', '%7E', '%zz', '~0', '~1', '#', '?', '{', '}', 'é', '日', '😀', '\uD800', '\uDC00', '+', ':', '@', '$ref', '200', '007', '-1'];

function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

test('generated segments, paths and pointers: the same answers and errors as the published helpers', () => {
  const next = random(7);
  const segment = () => Array.from({ length: Math.floor(next() * 4) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
  let compared = 0;
  for (let i = 0; i < 4000; i++) {
    const s = segment();
    assertSame('encodeUriPointer', s);
    assertSame('encodePointerUriFragment', s);
    assertSame('decodePointer', s);
    assertSame('decodePointerUriFragment', s);
    const p = Array.from({ length: Math.floor(next() * 5) }, () => (next() < 0.2 ? Math.floor(next() * 30) : segment()));
    assertSame('pathToPointer', p);
    assertSame('pointerToPath', `#/${p.join('/')}`);
    assertSame('pointerToPath', `#/${segment()}/${segment()}`);
    const q = p.slice(0, Math.floor(next() * (p.length + 1))).map((x) => (next() < 0.2 ? String(x).replace(/^0*/, '00') : x));
    assertSame('startsWith', p, q);
    assertSame('startsWith', q, p);
    compared += 9;
  }
  for (const odd of [12, 0, -1, undefined, null, {}, ['a'], '']) {
    assertSame('encodeUriPointer', odd);
    assertSame('decodePointer', odd);
    assertSame('decodePointerUriFragment', odd);
    assertSame('startsWith', 'abc', odd);
  }
  assertSame('startsWith', ['paths', '01'], ['paths', '1']);
  assertSame('startsWith', ['paths', 'a'], ['paths', 'a', 'b']);
  assert.ok(compared > 30_000);
});

test('real specs: every path in the document, as a pointer and back', () => {
  let compared = 0;
  for (const file of sample(listSpecs(openapiDirectory()), 10)) {
    const walk = (v: unknown, at: (string | number)[]) => {
      assertSame('pathToPointer', at);
      const pointer = original.pathToPointer(at) as string;
      assertSame('pointerToPath', pointer);
      compared++;
      if (v && typeof v === 'object' && at.length < 12) for (const [k, child] of Object.entries(v)) walk(child, [...at, Array.isArray(v) ? Number(k) : k]);
    };
    walk(JSON.parse(readFileSync(file, 'utf8')), []);
  }
  assert.ok(compared > 5000, `${compared} paths`);
});
