// What `scarb execute --print-resource-usage` prints (Scarb 2.20's ExecutionResources, read from
// cairo-vm's runner): steps, the highest address a segment reaches after relocation, cairo-vm's
// memory holes, builtin instances and memory segment sizes. Counts have thousands separators;
// lists go from the largest down (ties: cairo-vm's builtin order; Scarb leaves segment ties to a
// hash map, so Cairn puts the execution segment first, then the builtins in that order).
import type { CairoRunner } from '../cairo-runner';
import { OutputBuiltin } from '../../builtins/output';
import { forEachAccess } from '../proof-checks';

export interface ExecutionResources {
  steps: number;
  maxMemoryAddress: number;
  memoryHoles: number;
  /** builtin (cairo-vm's name with `_builtin`) -> instances used, none at 0 */
  builtins: [string, number][];
  /** segment (a builtin's short name, `execution`) -> cells between its start and its end pointer, none at 0 */
  segments: [string, number][];
}

/** cairo-vm's BuiltinName order (its BTreeMap's). */
const BUILTIN_ORDER = ['output', 'range_check', 'pedersen', 'ecdsa', 'keccak', 'bitwise', 'ec_op', 'poseidon', 'segment_arena', 'range_check96', 'add_mod', 'mul_mod'];
const rank = (name: string) => (BUILTIN_ORDER.indexOf(name) + 1 || BUILTIN_ORDER.length + 1);

/** The resources of a run that ended (end_run, read_return_values) with its trace, relocated by `offsets`. */
export function executionResources(runner: CairoRunner, offsets: number[]): ExecutionResources {
  const mem = runner.mem;
  const trace = runner.vm.trace;
  if (trace === undefined || trace.length === 0) throw new Error('resource usage needs the run\'s trace');
  const builtins = [...runner.builtins].sort((a, b) => rank(a.name) - rank(b.name));
  const counted = builtins.map((b): [string, number] => [`${b.name}_builtin`, b.usedInstances(mem)]);
  // [name, start, end] after relocation: a builtin up to its stop pointer, the execution segment from the first ap to the last step's.
  const first = trace.entry(0).ap;
  const last = trace.entry(trace.length - 1).ap;
  const spans: [string, number, number][] = [['execution', offsets[first.segment] + first.offset, offsets[last.segment] + last.offset]];
  for (const b of builtins) {
    // a builtin the program does not use (proof mode gives every builtin of the layout a segment) ends where it starts
    const base = offsets[b.base.segment];
    spans.push([b.name, base, base + (b.included ? (b.stopPtr?.offset ?? mem.segmentSize(b.base.segment)) : 0)]);
  }
  return {
    steps: runner.vm.currentStep,
    maxMemoryAddress: Math.max(0, ...spans.map(([, , end]) => end)),
    memoryHoles: cairoVmMemoryHoles(runner),
    builtins: byCount(counted),
    segments: byCount(spans.map(([name, start, end]): [string, number] => [name, end - start])),
  };
}

/** Without zeros, largest first; a stable sort keeps ties in the given order. */
function byCount(items: [string, number][]): [string, number][] {
  return items.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
}

/**
 * cairo-vm's get_memory_holes: per segment that any step accessed, its size less its accessed
 * cells; the builtins' segments but the output's are left out. (cairo-run's count, in
 * proof-checks.ts, also charges segments no step accessed.)
 */
export function cairoVmMemoryHoles(runner: CairoRunner): number {
  const mem = runner.mem;
  const skipped = new Set(runner.builtins.filter((b) => !(b instanceof OutputBuiltin)).map((b) => b.base.segment));
  const accessed = new Map<number, Set<number>>();
  forEachAccess(runner, (seg, off) => {
    if (skipped.has(seg) || mem.get(seg, off) === undefined) return;
    let cells = accessed.get(seg);
    if (cells === undefined) accessed.set(seg, (cells = new Set()));
    cells.add(off);
  });
  let holes = 0;
  for (const [seg, cells] of accessed) holes += mem.segmentSize(seg) - cells.size;
  return holes;
}

/** Scarb's text (no colours: Scarb's are off when stdout is not a terminal). */
export function resourcesText(r: ExecutionResources): string {
  const items = (list: [string, number][]) => list.map(([k, v]) => `\t\t${k}: ${thousands(v)}`).join('\n');
  return (
    'Resources:\n' +
    `\tsteps: ${thousands(r.steps)}\n` +
    `\tmax memory address: ${thousands(r.maxMemoryAddress)}\n` +
    `\tmemory holes: ${thousands(r.memoryHoles)}\n` +
    `\tbuiltins:\n${items(r.builtins)}\n` +
    `\tmemory segments:\n${items(r.segments)}\n`
  );
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
