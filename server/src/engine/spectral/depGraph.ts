/**
 * `dependency-graph` 0.11 (json-ref-resolver's and Spectral's `DepGraph`) with the same API and the
 * same answers, in the same order, without its quadratic steps: `addDependency` searched the edge
 * arrays for duplicates, `overallOrder` searched its result array once per node, and nodes sat in
 * dictionary-mode objects. On GitHub's spec (tens of thousands of `$ref` pointers, a few schemas
 * referenced thousands of times) that was ~0.5 s of each lint. The build aliases the package to this
 * module (scripts/build.mjs); `test/unit/depGraph.test.ts` replays the package's answers.
 *
 * Node names keep the package's object-key order: integer-like names ("0", "12") first, ascending,
 * then the others as added. `__proto__` is an ordinary name here (the package's object could not
 * hold it); no resolver graph has one.
 */

type Edges = Map<string, string[]>;

/** `Object.keys`' order for array-index keys. */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
const isArrayIndex = (name: string) => ARRAY_INDEX.test(name) && Number(name) <= 4294967294;

/** The package's topological depth-first search, with sets for its marks. */
function createDFS(edges: Edges, leavesOnly: boolean | undefined, result: string[], circular: boolean, inResult?: Set<string>) {
  const visited = new Set<string>();
  return (start: string): void => {
    if (visited.has(start)) return;
    const inCurrentPath = new Set<string>();
    const currentPath: string[] = [];
    const todo: { node: string; processed: boolean }[] = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1];
      const node = current.node;
      if (!current.processed) {
        if (visited.has(node)) {
          todo.pop();
          continue;
        } else if (inCurrentPath.has(node)) {
          if (circular) {
            todo.pop();
            continue;
          }
          currentPath.push(node);
          throw new DepGraphCycleError(currentPath);
        }
        inCurrentPath.add(node);
        currentPath.push(node);
        const nodeEdges = edges.get(node)!;
        for (let i = nodeEdges.length - 1; i >= 0; i--) todo.push({ node: nodeEdges[i], processed: false });
        current.processed = true;
      } else {
        todo.pop();
        currentPath.pop();
        inCurrentPath.delete(node);
        visited.add(node);
        if (!leavesOnly || edges.get(node)!.length === 0) {
          result.push(node);
          inResult?.add(node);
        }
      }
    }
  };
}

export class DepGraph<T = unknown> {
  private readonly nodeData = new Map<string, T>();
  private readonly outgoing: Edges = new Map();
  private readonly incoming: Edges = new Map();
  /** Each node's edges as sets, so a repeated `addDependency` is found without a search. */
  private readonly outgoingSets = new Map<string, Set<string>>();
  private readonly incomingSets = new Map<string, Set<string>>();
  private arrayIndexNames = 0;
  readonly circular: boolean;

  constructor(opts?: { circular?: boolean }) {
    this.circular = !!opts?.circular;
  }

  /** The names in the package's order (see the module comment). */
  private names(): string[] {
    const names = [...this.nodeData.keys()];
    if (this.arrayIndexNames === 0) return names;
    const indexes = names.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
    return [...indexes, ...names.filter((n) => !isArrayIndex(n))];
  }

  size(): number {
    return this.nodeData.size;
  }

  addNode(node: string, data?: T): void {
    if (this.nodeData.has(node)) return;
    // As the package: a node added without data holds its own name.
    this.nodeData.set(node, arguments.length === 2 ? (data as T) : (node as unknown as T));
    this.outgoing.set(node, []);
    this.incoming.set(node, []);
    this.outgoingSets.set(node, new Set());
    this.incomingSets.set(node, new Set());
    if (isArrayIndex(node)) this.arrayIndexNames++;
  }

  removeNode(node: string): void {
    if (!this.nodeData.has(node)) return;
    this.nodeData.delete(node);
    this.outgoing.delete(node);
    this.incoming.delete(node);
    this.outgoingSets.delete(node);
    this.incomingSets.delete(node);
    if (isArrayIndex(node)) this.arrayIndexNames--;
    for (const [edges, sets] of [[this.incoming, this.incomingSets], [this.outgoing, this.outgoingSets]] as const) {
      for (const [key, list] of edges) {
        if (!sets.get(key)!.delete(node)) continue;
        list.splice(list.indexOf(node), 1);
      }
    }
  }

  hasNode(node: string): boolean {
    return this.nodeData.has(node);
  }

  getNodeData(node: string): T {
    if (!this.nodeData.has(node)) throw new Error('Node does not exist: ' + node);
    return this.nodeData.get(node) as T;
  }

  setNodeData(node: string, data: T): void {
    if (!this.nodeData.has(node)) throw new Error('Node does not exist: ' + node);
    this.nodeData.set(node, data);
  }

  addDependency(from: string, to: string): boolean {
    if (!this.nodeData.has(from)) throw new Error('Node does not exist: ' + from);
    if (!this.nodeData.has(to)) throw new Error('Node does not exist: ' + to);
    const out = this.outgoingSets.get(from)!;
    if (!out.has(to)) {
      out.add(to);
      this.outgoing.get(from)!.push(to);
    }
    const inc = this.incomingSets.get(to)!;
    if (!inc.has(from)) {
      inc.add(from);
      this.incoming.get(to)!.push(from);
    }
    return true;
  }

  removeDependency(from: string, to: string): void {
    if (this.nodeData.has(from) && this.outgoingSets.get(from)!.delete(to)) {
      const list = this.outgoing.get(from)!;
      list.splice(list.indexOf(to), 1);
    }
    if (this.nodeData.has(to) && this.incomingSets.get(to)!.delete(from)) {
      const list = this.incoming.get(to)!;
      list.splice(list.indexOf(from), 1);
    }
  }

  /** As the package: the copy does not keep `circular` (its constructor gets no options). */
  clone(): DepGraph<T> {
    const result = new DepGraph<T>();
    for (const n of this.names()) {
      result.nodeData.set(n, this.nodeData.get(n) as T);
      result.outgoing.set(n, this.outgoing.get(n)!.slice(0));
      result.incoming.set(n, this.incoming.get(n)!.slice(0));
      result.outgoingSets.set(n, new Set(this.outgoing.get(n)));
      result.incomingSets.set(n, new Set(this.incoming.get(n)));
    }
    result.arrayIndexNames = this.arrayIndexNames;
    return result;
  }

  directDependenciesOf(node: string): string[] {
    if (!this.nodeData.has(node)) throw new Error('Node does not exist: ' + node);
    return this.outgoing.get(node)!.slice(0);
  }

  directDependantsOf(node: string): string[] {
    if (!this.nodeData.has(node)) throw new Error('Node does not exist: ' + node);
    return this.incoming.get(node)!.slice(0);
  }

  directDependentsOf(node: string): string[] {
    return this.directDependantsOf(node);
  }

  dependenciesOf(node: string, leavesOnly?: boolean): string[] {
    return this.transitive(this.outgoing, node, leavesOnly);
  }

  dependantsOf(node: string, leavesOnly?: boolean): string[] {
    return this.transitive(this.incoming, node, leavesOnly);
  }

  dependentsOf(node: string, leavesOnly?: boolean): string[] {
    return this.dependantsOf(node, leavesOnly);
  }

  private transitive(edges: Edges, node: string, leavesOnly: boolean | undefined): string[] {
    if (!this.nodeData.has(node)) throw new Error('Node does not exist: ' + node);
    const result: string[] = [];
    createDFS(edges, leavesOnly, result, this.circular)(node);
    const idx = result.indexOf(node);
    if (idx >= 0) result.splice(idx, 1);
    return result;
  }

  overallOrder(leavesOnly?: boolean): string[] {
    const result: string[] = [];
    const keys = this.names();
    if (keys.length === 0) return result;
    if (!this.circular) {
      const cycleDFS = createDFS(this.outgoing, false, [], this.circular);
      for (const n of keys) cycleDFS(n);
    }
    const inResult = new Set<string>();
    const dfs = createDFS(this.outgoing, leavesOnly, result, this.circular, inResult);
    for (const n of keys.filter((node) => this.incoming.get(node)!.length === 0)) dfs(n);
    if (this.circular) {
      for (const n of keys.filter((node) => !inResult.has(node))) dfs(n);
    }
    return result;
  }

  entryNodes(): string[] {
    return this.names().filter((node) => this.incoming.get(node)!.length === 0);
  }
}

/** The package's cycle error: an `Error` whose message and `cyclePath` name the cycle. */
export class DepGraphCycleError extends Error {
  readonly cyclePath: string[];
  constructor(cyclePath: string[]) {
    super('Dependency Cycle Found: ' + cyclePath.join(' -> '));
    this.cyclePath = cyclePath;
  }
}
