/**
 * The internal import graph the analysis builds (`buildGraph`, `withImplicitEdges`): nodes are
 * module names, at most one directed edge per importer and target (self-loops allowed), each
 * edge with its attributes. Adjacency is a `Map` of `Map`s, so adding an edge costs two map
 * operations: a graphology `DirectedGraph` keeps its adjacency in plain objects keyed by module
 * name, and took about 10 s of CPU to take the 450,000 edges of a synthetic 50,000-module
 * repository (scripts/scale-stages.ts), five times as long as this.
 *
 * The methods the analyses call have graphology's names and signatures (an edge's key is the
 * decimal number of its insertion), so `findCycles` runs on this graph and on a graphology graph
 * alike. Nodes and edges are listed in insertion order; the out-neighbours of a node in the order
 * its edges were added.
 */
export class ImportGraph<E extends object> {
  private readonly out = new Map<string, Map<string, { key: number; attributes: E }>>();
  private edges = 0;

  /** Number of nodes. */
  get order(): number {
    return this.out.size;
  }

  /** Number of edges. */
  get size(): number {
    return this.edges;
  }

  /** Adds a node; an existing node stays as it is. */
  mergeNode(node: string): void {
    if (!this.out.has(node)) this.out.set(node, new Map());
  }

  hasNode(node: string): boolean {
    return this.out.has(node);
  }

  nodes(): string[] {
    return [...this.out.keys()];
  }

  forEachNode(visit: (node: string) => void): void {
    for (const node of this.out.keys()) visit(node);
  }

  /** @throws Error when either end is not a node or the edge exists. */
  addDirectedEdge(from: string, to: string, attributes: E): void {
    const row = this.out.get(from);
    if (!row || !this.out.has(to)) throw new Error(`ImportGraph: no node ${row ? to : from}`);
    if (row.has(to)) throw new Error(`ImportGraph: the edge ${from} -> ${to} exists`);
    row.set(to, { key: this.edges++, attributes });
  }

  hasEdge(from: string, to: string): boolean {
    return this.out.get(from)?.has(to) ?? false;
  }

  /** The attributes of the edge from `from` to `to`, or undefined when there is none. */
  findEdgeAttributes(from: string, to: string): E | undefined {
    return this.out.get(from)?.get(to)?.attributes;
  }

  /** @throws Error when there is no such edge. */
  getEdgeAttributes(from: string, to: string): E {
    const attributes = this.findEdgeAttributes(from, to);
    if (!attributes) throw new Error(`ImportGraph: no edge ${from} -> ${to}`);
    return attributes;
  }

  forEachOutNeighbor(node: string, visit: (neighbor: string, attributes: Record<string, never>) => void): void {
    const none = {};
    for (const to of this.out.get(node)?.keys() ?? []) visit(to, none);
  }

  outNeighbors(node: string): string[] {
    return [...(this.out.get(node)?.keys() ?? [])];
  }

  /** Every edge, by source in node order, then in insertion order. */
  forEachEdge(visit: (edge: string, attributes: E, from: string, to: string) => void): void {
    for (const [from, row] of this.out) for (const [to, { key, attributes }] of row) visit(String(key), attributes, from, to);
  }

  mapEdges<T>(map: (edge: string, attributes: E, from: string, to: string) => T): T[] {
    const out: T[] = [];
    this.forEachEdge((edge, attributes, from, to) => out.push(map(edge, attributes, from, to)));
    return out;
  }
}
