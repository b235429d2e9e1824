/**
 * Strongly connected components by Tarjan's algorithm (R. E. Tarjan, "Depth-first search and
 * linear graph algorithms", SIAM Journal on Computing 1(2), 1972), with the recursion turned
 * into an explicit stack of (node, next edge) frames, as in R. Sedgewick's "Algorithms" and
 * D. J. Pearce's iterative formulation ("A space-efficient algorithm for finding strongly
 * connected components", Information Processing Letters 116(1), 2016).
 *
 * Why not graphology-components' `stronglyConnectedComponents`: it recurses once per node of a
 * depth-first path, so a long import chain (100,000 modules in a row) overflows the call stack;
 * and it needs a graphology graph, whose construction costs more than the search on large graphs.
 * This one runs in O(V + E) time with six typed arrays of V entries, whatever the depth.
 *
 * The graph is given in compressed sparse rows: the successors of node `v` are
 * `targets[offsets[v]]` .. `targets[offsets[v + 1] - 1]`. Every node is in exactly one
 * component (a node on no cycle is a component of one, a self-loop does not change that).
 * Components come in the order Tarjan's algorithm completes them (a component before any
 * component that reaches it); the order of nodes inside one is unspecified.
 */
export function stronglyConnectedIndices(offsets: Int32Array, targets: Int32Array): Int32Array[] {
  const n = offsets.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const frames = new Int32Array(n);
  const next = new Int32Array(n);
  const components: Int32Array[] = [];
  let counter = 0;
  let sp = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let fp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    frames[fp] = root;
    next[fp++] = offsets[root];
    while (fp > 0) {
      const v = frames[fp - 1];
      const edge = next[fp - 1];
      if (edge < offsets[v + 1]) {
        next[fp - 1] = edge + 1;
        const w = targets[edge];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          frames[fp] = w;
          next[fp++] = offsets[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      fp--;
      if (low[v] === index[v]) {
        let start = sp - 1;
        while (stack[start] !== v) start--;
        const component = stack.slice(start, sp);
        for (const w of component) onStack[w] = 0;
        sp = start;
        components.push(component);
      }
      if (fp > 0) {
        const parent = frames[fp - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return components;
}

/** Compressed sparse rows of `nodes`, each node's successors as `forEachSuccessor` reports them (unknown successors are skipped). */
export function compressedRows(nodes: readonly string[], forEachSuccessor: Successors): { offsets: Int32Array; targets: Int32Array } {
  const id = new Map<string, number>();
  nodes.forEach((node, i) => id.set(node, i));
  const offsets = new Int32Array(nodes.length + 1);
  const targets: number[] = [];
  nodes.forEach((node, i) => {
    forEachSuccessor(node, (to) => {
      const j = id.get(to);
      if (j !== undefined) targets.push(j);
    });
    offsets[i + 1] = targets.length;
  });
  return { offsets, targets: Int32Array.from(targets) };
}

/** Calls `visit` with each successor of `node`. */
export type Successors = (node: string, visit: (to: string) => void) => void;

/**
 * The strongly connected components of the graph with `nodes` and the successors that
 * `forEachSuccessor` reports, by name, in the order `stronglyConnectedIndices` gives.
 *
 * @param minSize leave out smaller components (`2`: only those that hold a cycle between modules).
 */
export function stronglyConnected(nodes: readonly string[], forEachSuccessor: Successors, minSize = 1): string[][] {
  const { offsets, targets } = compressedRows(nodes, forEachSuccessor);
  const out: string[][] = [];
  for (const component of stronglyConnectedIndices(offsets, targets)) {
    if (component.length >= minSize) out.push(Array.from(component, (i) => nodes[i]));
  }
  return out;
}

/** A directed graph that lists its nodes and each node's successors: an `ImportGraph`, or a graphology `DirectedGraph`. */
export interface NeighborLister {
  nodes(): string[];
  forEachOutNeighbor(node: string, visit: (neighbor: string) => void): void;
}

/** `stronglyConnected` of a graph (an `ImportGraph` or a graphology graph). */
export function stronglyConnectedOfGraph(graph: NeighborLister, minSize = 1): string[][] {
  return stronglyConnected(graph.nodes(), (node, visit) => graph.forEachOutNeighbor(node, visit), minSize);
}

/** `stronglyConnected` of an adjacency map (each key a node, its value's keys or items its successors). */
export function stronglyConnectedOfMap(adjacency: ReadonlyMap<string, Iterable<string> | ReadonlyMap<string, unknown>>, minSize = 1): string[][] {
  return stronglyConnected([...adjacency.keys()], (node, visit) => {
    const successors = adjacency.get(node)!;
    for (const to of successors instanceof Map ? successors.keys() : (successors as Iterable<string>)) visit(to);
  }, minSize);
}

/** `stronglyConnected` of a list of edges between `nodes` (edges with an unknown end are skipped). */
export function stronglyConnectedOfEdges(nodes: readonly string[], edges: readonly { from: string; to: string }[], minSize = 1): string[][] {
  const id = new Map<string, number>();
  nodes.forEach((node, i) => id.set(node, i));
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const offsets = new Int32Array(nodes.length + 1);
  let m = 0;
  let last: string | undefined;
  let lastId: number | undefined;
  for (const e of edges) {
    // Edges usually come sorted by importer: look each one up once.
    const i = e.from === last ? lastId : id.get(e.from);
    last = e.from;
    lastId = i;
    const j = id.get(e.to);
    if (i === undefined || j === undefined) continue;
    from[m] = i;
    to[m++] = j;
    offsets[i + 1]++;
  }
  for (let i = 0; i < nodes.length; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, nodes.length);
  const targets = new Int32Array(m);
  for (let k = 0; k < m; k++) targets[fill[from[k]]++] = to[k];
  const out: string[][] = [];
  for (const component of stronglyConnectedIndices(offsets, targets)) {
    if (component.length >= minSize) out.push(Array.from(component, (i) => nodes[i]));
  }
  return out;
}
