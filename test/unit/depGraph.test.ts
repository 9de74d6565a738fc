// Specgate's DepGraph (server/src/engine/spectral/depGraph.ts, aliased for `dependency-graph` in the
// bundles) against the package: the same answer, order and error to every call, on random operation
// sequences and on the calls json-ref-resolver makes while resolving real specs (recorded, replayed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as PackageGraph from 'dependency-graph';
import { Resolver } from '@stoplight/json-ref-resolver';
import { DepGraph } from '../../server/src/engine/spectral/depGraph';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';

type Call = { method: string; args: unknown[] };
type Graph = Record<string, (...args: unknown[]) => unknown>;

/** What a call answered: its value (arrays copied), or its error's message and cycle path. */
function outcome(graph: Graph, call: Call): unknown {
  try {
    const value = graph[call.method](...call.args);
    if (value instanceof PackageGraph.DepGraph || value instanceof DepGraph) return 'a graph';
    return { value: Array.isArray(value) ? [...value] : value };
  } catch (e) {
    return { error: (e as Error).message, cyclePath: (e as { cyclePath?: string[] }).cyclePath };
  }
}

const QUERIES = ['size', 'overallOrder', 'entryNodes'];
const NODE_QUERIES = ['hasNode', 'getNodeData', 'dependenciesOf', 'dependantsOf', 'dependentsOf', 'directDependenciesOf', 'directDependantsOf', 'directDependentsOf'];

/** Every query on both graphs, for every name; clones queried too. */
function assertSameState(a: Graph, b: Graph, names: readonly string[], where: string): void {
  for (const method of QUERIES) {
    for (const args of [[], [true]]) assert.deepEqual(outcome(b, { method, args }), outcome(a, { method, args }), `${where}: ${method}(${args})`);
  }
  for (const method of NODE_QUERIES) {
    for (const name of names) {
      for (const args of [[name], [name, true]]) assert.deepEqual(outcome(b, { method, args }), outcome(a, { method, args }), `${where}: ${method}(${args})`);
    }
  }
}

function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

test('random operation sequences: the same answers as dependency-graph, circular or not', () => {
  // Integer-like names sort first in the package's object keys; pointers and URIs keep insertion order.
  const names = ['#/a', '#/b', '#/components/schemas/x', '12', '3', '0', 'file:///a.yaml#/c', '#/d/e', '007', 'x'];
  let steps = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const next = random(seed);
    const pick = () => names[Math.floor(next() * names.length)];
    const circular = seed % 3 !== 0;
    const a = new PackageGraph.DepGraph({ circular }) as unknown as Graph;
    const b = new DepGraph({ circular }) as unknown as Graph;
    for (let i = 0; i < 40; i++) {
      const r = next();
      const call: Call =
        r < 0.3 ? { method: 'addNode', args: next() < 0.5 ? [pick()] : [pick(), { n: i }] }
        : r < 0.7 ? { method: 'addDependency', args: [pick(), pick()] }
        : r < 0.78 ? { method: 'removeNode', args: [pick()] }
        : r < 0.86 ? { method: 'removeDependency', args: [pick(), pick()] }
        : r < 0.93 ? { method: 'setNodeData', args: [pick(), i] }
        : { method: 'overallOrder', args: [next() < 0.5] };
      assert.deepEqual(outcome(b, call), outcome(a, call), `seed ${seed}, step ${i}: ${call.method}(${call.args.join(', ')})`);
      steps++;
    }
    assertSameState(a, b, names, `seed ${seed}`);
    assertSameState(a.clone() as unknown as Graph, b.clone() as unknown as Graph, names, `seed ${seed}, clone`);
  }
  assert.ok(steps >= 2400);
});

test('hand-written: cycles with and without `circular`, data, repeated edges, errors', () => {
  const cyclic = (G: new (o?: object) => unknown) => {
    const g = new G() as Graph;
    for (const n of ['a', 'b', 'c', 'd']) g.addNode(n);
    g.addDependency('a', 'b');
    g.addDependency('b', 'c');
    g.addDependency('c', 'a');
    g.addDependency('c', 'd');
    g.addDependency('c', 'd');
    return g;
  };
  const a = cyclic(PackageGraph.DepGraph);
  const b = cyclic(DepGraph);
  assert.deepEqual(outcome(b, { method: 'overallOrder', args: [] }), outcome(a, { method: 'overallOrder', args: [] }));
  assert.match(String((outcome(b, { method: 'overallOrder', args: [] }) as { error: string }).error), /^Dependency Cycle Found: /);
  assert.deepEqual(b.directDependenciesOf('c'), ['a', 'd'], 'a repeated edge is kept once');
  assert.deepEqual(outcome(b, { method: 'addDependency', args: ['a', 'zz'] }), { error: 'Node does not exist: zz', cyclePath: undefined });
  const g = new DepGraph<unknown>();
  g.addNode('n');
  g.addNode('u', undefined);
  assert.equal(g.getNodeData('n'), 'n', 'a node added without data holds its name');
  assert.equal(g.getNodeData('u'), undefined, 'explicit undefined data is kept');
});

test('real specs: the calls json-ref-resolver makes, replayed, get the same answers', async () => {
  // Record every call on every package graph while the resolver inlines real specs' $refs.
  const logs = new Map<object, Call[]>();
  const proto = PackageGraph.DepGraph.prototype as unknown as Graph;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const method of Object.keys(proto)) {
    const original = proto[method];
    originals.set(method, original);
    proto[method] = function (this: object, ...args: unknown[]) {
      if (!logs.has(this)) logs.set(this, []);
      logs.get(this)!.push({ method, args });
      return original.apply(this, args);
    };
  }
  const graphs: { recorded: Graph; calls: Call[] }[] = [];
  try {
    for (const file of sample(listSpecs(openapiDirectory()), 40)) {
      logs.clear();
      await new Resolver().resolve(JSON.parse(readFileSync(file, 'utf8')), { baseUri: '/spec.json' });
      for (const [graph, calls] of logs) graphs.push({ recorded: graph as Graph, calls: [...calls] });
    }
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  let calls = 0;
  for (const { recorded, calls: log } of graphs) {
    const fresh = new PackageGraph.DepGraph({ circular: (recorded as unknown as { circular: boolean }).circular }) as unknown as Graph;
    const ours = new DepGraph({ circular: (recorded as unknown as { circular: boolean }).circular }) as unknown as Graph;
    const names = new Set<string>();
    for (const call of log) {
      if (typeof call.args[0] === 'string') names.add(call.args[0]);
      assert.deepEqual(outcome(ours, call), outcome(fresh, call), `${call.method}(${JSON.stringify(call.args).slice(0, 200)})`);
      calls++;
    }
    assertSameState(fresh, ours, [...names].slice(0, 200), 'after the replay');
  }
  assert.ok(calls > 5000, `${calls} calls replayed`);
});
