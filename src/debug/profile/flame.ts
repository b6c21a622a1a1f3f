// The call tree a flame graph draws: the run profile's nodes merged by function under each parent
// (a frame named by its entry pc's function), with total and self steps, memory holes and builtin
// cells. Only this tree (one entry per distinct call path) goes to a view, never the run's steps.
import type { Program } from '../../vm/program';
import type { RunProfile } from './collector';
import { summarize, FunctionStats, LineStats } from './summary';
import { functionSource, nodeFunction } from './frames';

export interface FlameNode {
  name: string;
  file?: string;
  line?: number;
  /** measures including callees: steps, holes (memory holes) and each builtin's cells */
  total: Record<string, number>;
  self: Record<string, number>;
  calls: number;
  children: FlameNode[];
}

export interface FlameData {
  root: FlameNode;
  /** 'steps', 'holes' (when counted), then the builtins */
  measures: string[];
  functions: FunctionStats[];
  lines: LineStats[];
}

const add = (into: Record<string, number>, k: string, v: number) => { if (v !== 0) into[k] = (into[k] ?? 0) + v; };

export function flameData(program: Program, profile: RunProfile): FlameData {
  const made = new Map<number, FlameNode>();
  const byName = new Map<FlameNode, Map<string, FlameNode>>();
  let root: FlameNode | undefined;
  for (const n of profile.nodes) {
    const name = nodeFunction(program, n) ?? '<entry>';
    let node: FlameNode;
    const parent = n.parent === undefined ? undefined : made.get(n.parent)!;
    const siblings = parent === undefined ? undefined : byName.get(parent)!;
    const existing = siblings?.get(name);
    if (existing !== undefined) node = existing;
    else {
      const src = functionSource(program, name);
      node = { name, file: src?.file, line: src?.line, total: {}, self: {}, calls: 0, children: [] };
      byName.set(node, new Map());
      if (parent === undefined) root = node;
      else { parent.children.push(node); siblings!.set(name, node); }
    }
    made.set(n.id, node);
    node.calls += n.calls;
    let steps = 0;
    for (const k of n.steps.values()) steps += k;
    add(node.self, 'steps', steps);
    add(node.self, 'holes', n.holes);
    for (const [b, k] of n.builtins) add(node.self, b, k);
  }
  if (root === undefined) root = { name: '<empty>', total: {}, self: {}, calls: 0, children: [] };
  const sum = (node: FlameNode): Record<string, number> => {
    const t = { ...node.self };
    for (const c of node.children) for (const [k, v] of Object.entries(sum(c))) add(t, k, v);
    node.total = t;
    node.children.sort((a, b) => (b.total.steps ?? 0) - (a.total.steps ?? 0));
    return t;
  };
  sum(root);
  const s = summarize(program, profile);
  return { root, measures: ['steps', ...(profile.holesCounted ? ['holes'] : []), ...profile.builtinNames], functions: s.functions, lines: s.lines };
}
