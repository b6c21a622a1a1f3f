// The numbers an editor uses to expand a scope or a value, valid until the run moves: each names
// a scope of a frame or a value's children. The nodes last listed under a number are kept, so a
// name shown there can be set or watched.
import { DebugFront, ScopeKind } from './front';
import { Children, VarNode } from './values';

/** A value as a view lists it. */
export interface ShownVariable {
  name: string;
  value: string;
  type?: string;
  evaluateName?: string;
  memoryReference?: string;
  /** Expands to its children; 0 when it has none. */
  reference: number;
  /** Children counted when there are many, so the view pages them. */
  indexed?: number;
}

export interface ListOptions {
  start?: number;
  count?: number;
  /** Named children only: indexed ones (array cells) are left out. */
  namedOnly?: boolean;
  hex?: boolean;
}

type Container = { scope: ScopeKind; frame: number } | { children: Children };

/** Children past this many are paged by the view. */
const PAGED = 100;

export class VariableRefs {
  private containers = new Map<number, Container>();
  private listed = new Map<number, VarNode[]>();
  private next = 1;

  /** The run moved: every number handed out so far is stale. */
  reset(): void {
    this.containers.clear();
    this.listed.clear();
  }

  scope(frame: number, kind: ScopeKind): number {
    return this.add({ scope: kind, frame });
  }

  list(front: DebugFront, reference: number, o: ListOptions): ShownVariable[] {
    const c = this.containers.get(reference);
    if (c === undefined) throw new Error('These variables are no longer available (the program moved on).');
    let nodes: VarNode[];
    if ('scope' in c) nodes = front.inspect.variables(c.frame, c.scope);
    else if (o.namedOnly && c.children.indexed !== undefined) nodes = [];
    else nodes = c.children.list(o.start, o.count);
    this.listed.set(reference, nodes);
    return nodes.map((n) => this.shown(n, o.hex === true));
  }

  /** A node as the view shows it; its children get a number. */
  shown(n: VarNode, hex = false): ShownVariable {
    const v: ShownVariable = { name: n.name, value: hex && n.felt !== undefined ? '0x' + BigInt(n.felt).toString(16) : n.value, reference: 0 };
    if (n.type) v.type = n.type;
    if (n.evaluateName) v.evaluateName = n.evaluateName;
    if (n.memoryReference) v.memoryReference = n.memoryReference;
    if (n.children) {
      v.reference = this.add({ children: n.children });
      if (n.children.indexed !== undefined && n.children.indexed > PAGED) v.indexed = n.children.indexed;
    }
    return v;
  }

  /** The node listed as `name` under `reference`. */
  find(reference: number, name: string): VarNode {
    const node = this.listed.get(reference)?.find((n) => n.name === name);
    if (node === undefined) throw new Error(`No variable "${name}" here.`);
    return node;
  }

  private add(c: Container): number {
    const n = this.next++;
    this.containers.set(n, c);
    return n;
  }
}
