// What proof mode checks before it stops padding the trace (cairo_runner.py's check_used_cells):
// every builtin fits in the cells its ratio gives it, and the range-check, memory and diluted
// pools have room for their holes. Also the range-check limits (rc_min, rc_max) that the AIR
// public input records, and the memory holes a Cairo PIE counts.
import { BuiltinRunner } from '../builtins/builtin';
import { OutputBuiltin } from '../builtins/output';
import { ModBuiltin } from '../builtins/mod';
import { VmError } from '../vm/errors';
import { Instruction, Op1Src, Reg } from '../vm/instruction';
import { TRACE_CHUNK } from '../vm/trace';

const TRACE_SHIFT = Math.log2(TRACE_CHUNK);
import type { Memory } from '../vm/memory';
import type { VirtualMachine } from '../vm/vm';
import type { Program } from '../vm/program';
import type { Relocatable } from '../vm/relocatable';
import type { Layout } from './layouts';

/** What these checks read of a run (a CairoRunner: named here so the runner can import them). */
export interface RunState {
  readonly mem: Memory;
  readonly vm: VirtualMachine;
  readonly layout: Layout;
  readonly builtins: BuiltinRunner[];
  readonly program: Program;
  readonly programBase: Relocatable;
  readonly endRunSteps: number | undefined;
  readonly zeroSegment: number | undefined;
}

interface RangeChecked {
  usedPermRangeCheckUnits(mem: Memory): number;
  rangeCheckUsage(mem: Memory): [number, number] | undefined;
}
interface Diluted {
  dilutedUnitsPerInstance(spacing: number, nBits: number): number;
}

const isRangeChecked = (b: BuiltinRunner): b is BuiltinRunner & RangeChecked => 'rangeCheckUsage' in b;
const isDiluted = (b: BuiltinRunner): b is BuiltinRunner & Diluted => 'dilutedUnitsPerInstance' in b;

/** Messages of cairo-lang's InsufficientAllocatedCells (the builtins raise them as VmError). */
const INSUFFICIENT = /^(Number of steps must be at least \d+ for the \w+ builtin\.|The \w+ builtin used \d+ cells but the capacity is \d+\.)$/;

/** [used, allocated] cells of a builtin for the run so far (the output builtin: as many as used). */
export function usedAndAllocated(runner: RunState, b: BuiltinRunner): [number, number] {
  if (b instanceof OutputBuiltin) {
    const used = b.usedCells(runner.mem);
    return [used, used];
  }
  return b.usedCellsAndAllocatedSize(runner.mem, runner.vm.currentStep);
}

function allocatedMemoryUnits(runner: RunState, b: BuiltinRunner): number {
  return b instanceof OutputBuiltin ? 0 : b.allocatedMemoryUnits(runner.mem, runner.vm.currentStep);
}

/** The reason the layout lacks cells for this run (check_used_cells), or undefined if it has them. */
export function insufficientCells(runner: RunState): string | undefined {
  try {
    for (const b of runner.builtins) usedAndAllocated(runner, b);
    return rangeCheckShort(runner) ?? memoryShort(runner) ?? dilutedShort(runner);
  } catch (e) {
    if (e instanceof VmError && INSUFFICIENT.test(e.message)) return e.message;
    throw e;
  }
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new VmError('Layout', `${what} should not be None in proof mode.`);
  return v;
}

function rangeCheckShort(runner: RunState): string | undefined {
  const rcUnits = need(runner.layout.rcUnits, 'RC units');
  const [min, max] = rangeCheckLimits(runner);
  let usedByBuiltins = 0;
  for (const b of runner.builtins) if (isRangeChecked(b)) usedByBuiltins += b.usedPermRangeCheckUnits(runner.mem);
  // Three of the units of each step go to the instruction's offsets.
  const unused = (rcUnits - 3) * runner.vm.currentStep - usedByBuiltins;
  if (unused < max - min) return `There are only ${unused} cells to fill the range checks holes, but potentially ${max - min} are required.`;
  return undefined;
}

function memoryShort(runner: RunState): string | undefined {
  const perStep = need(runner.layout.memoryUnitsPerStep, 'Memory units per step');
  const steps = runner.vm.currentStep;
  let builtinUnits = 0;
  for (const b of runner.builtins) builtinUnits += allocatedMemoryUnits(runner, b);
  const total = perStep * steps;
  if (total % runner.layout.publicMemoryFraction !== 0) throw new VmError('Layout', `${total} is not divisible by ${runner.layout.publicMemoryFraction}.`);
  const unused = total - (total / runner.layout.publicMemoryFraction + 4 * steps + builtinUnits);
  const holes = memoryHoles(runner);
  if (unused < holes) return `There are only ${unused} cells to fill the memory address holes, but ${holes} are required.`;
  return undefined;
}

function dilutedShort(runner: RunState): string | undefined {
  const pool = runner.layout.dilutedPool;
  if (pool === undefined) return undefined;
  const log = need(pool.logUnitsPerStep, 'Diluted log units per step');
  const steps = runner.vm.currentStep;
  let used = 0;
  for (const b of runner.builtins) {
    if (isDiluted(b)) used += b.dilutedUnitsPerInstance(pool.spacing, pool.nBits) * b.allocatedInstances(runner.mem, steps);
  }
  let units: number;
  if (log >= 0) units = 2 ** log * steps;
  else {
    if (steps % 2 ** -log !== 0) throw new VmError('Layout', `${steps} is not divisible by ${2 ** -log}.`);
    units = steps / 2 ** -log;
  }
  const unused = units - used;
  const bound = 2 ** pool.nBits;
  if (unused < bound) return `There are only ${unused} cells to fill the diluted check holes, but potentially ${bound} are required.`;
  return undefined;
}

/**
 * rc_min and rc_max: the extremes of the instructions' biased offsets over the whole trace and of
 * the 16-bit parts of every range-checked value (get_perm_range_check_limits).
 */
export function rangeCheckLimits(runner: RunState): [number, number] {
  const vm = runner.vm;
  const trace = vm.trace!;
  let min = Infinity;
  let max = -Infinity;
  const seen = new Set<string>();
  for (let i = 0; i < trace.length; i++) {
    const [pcSeg] = trace.segmentsOf(i);
    const pc = trace.pcOffset(i);
    const key = `${pcSeg}:${pc}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const inst = vm.instructionAt(pcSeg, pc);
    for (const off of [inst.off0, inst.off1, inst.off2]) {
      const biased = off + 0x8000;
      if (biased < min) min = biased;
      if (biased > max) max = biased;
    }
  }
  for (const b of runner.builtins) {
    if (!isRangeChecked(b)) continue;
    const usage = b.rangeCheckUsage(runner.mem);
    if (usage === undefined) continue;
    min = Math.min(min, usage[0]);
    max = Math.max(max, usage[1]);
  }
  return [min, max];
}

/**
 * Cells of the segments that no instruction of the run (up to end_run) and no builtin accessed
 * (get_memory_holes).
 */
export function memoryHoles(runner: RunState): number {
  const accessed = new Map<number, Set<number>>();
  forEachAccess(runner, (seg, off) => {
    let s = accessed.get(seg);
    if (s === undefined) accessed.set(seg, (s = new Set()));
    s.add(off);
  });
  let holes = 0;
  for (let seg = 0; seg < runner.mem.numSegments; seg++) holes += runner.mem.segmentSize(seg) - (accessed.get(seg)?.size ?? 0);
  return holes;
}

/**
 * Every access that keeps a cell from being a memory hole, as get_memory_holes counts them, with
 * the step that made it (-1: the program, builtin and zero segments, accessed as a whole). The
 * accesses are rebuilt from the trace: each step's pc (and immediate), dst, op0 and op1
 * addresses, with op0's value read from the final memory. A cell can be visited more than once.
 */
export function forEachAccess(runner: RunState, add: (seg: number, off: number, step: number) => void): void {
  const mem = runner.mem;
  const vm = runner.vm;
  const trace = vm.trace!;
  for (let i = 0; i < runner.program.data.length; i++) add(runner.programBase.segment, i, -1);
  const steps = runner.endRunSteps ?? trace.length;
  // The walk reads the trace's chunks directly and keeps each pc's instruction at hand: it runs
  // over every step of a long run (a profile's memory holes, a PIE).
  const odd = trace.hasOddSegments();
  const insts: Instruction[] = [];
  const chunks = trace.offsetChunks();
  let pcSeg = trace.pcSegment;
  let apSeg = trace.apSegment;
  let fpSeg = trace.apSegment;
  for (let i = 0; i < steps; i++) {
    if (odd) [pcSeg, apSeg, fpSeg] = trace.segmentsOf(i);
    const chunk = chunks[i >> TRACE_SHIFT];
    const at = (i & (TRACE_CHUNK - 1)) * 3;
    const pc = chunk[at];
    const ap = chunk[at + 1];
    const fp = chunk[at + 2];
    const inst = (odd ? undefined : insts[pc]) ?? vm.instructionAt(pcSeg, pc);
    if (!odd) insts[pc] = inst;
    add(pcSeg, pc, i);
    add(inst.dstReg === Reg.AP ? apSeg : fpSeg, (inst.dstReg === Reg.AP ? ap : fp) + inst.off0, i);
    const op0Seg = inst.op0Reg === Reg.AP ? apSeg : fpSeg;
    const op0Off = (inst.op0Reg === Reg.AP ? ap : fp) + inst.off1;
    add(op0Seg, op0Off, i);
    switch (inst.op1Src) {
      case Op1Src.FP: add(fpSeg, fp + inst.off2, i); break;
      case Op1Src.AP: add(apSeg, ap + inst.off2, i); break;
      case Op1Src.IMM: add(pcSeg, pc + 1, i); break;
      default: {
        const op0 = mem.get(op0Seg, op0Off);
        if (typeof op0 === 'object') add(op0.segment, op0.offset + inst.off2, i);
      }
    }
  }
  // Builtin segments count as accessed in full (the output builtin's does not: it is public).
  const whole = (seg: number, off: number) => add(seg, off, -1);
  for (const b of runner.builtins) {
    if (b instanceof OutputBuiltin) continue;
    const size = mem.segmentSize(b.base.segment);
    for (let i = 0; i < size; i++) add(b.base.segment, i, -1);
    if (b instanceof ModBuiltin) modAccesses(runner, b, size, whole);
  }
  const zero = runner.zeroSegment;
  if (zero !== undefined) for (let i = 0; i < mem.segmentSize(zero); i++) add(zero, i, -1);
}

/** The values and offsets tables an add_mod/mul_mod instance reads (they are not holes either). */
function modAccesses(runner: RunState, b: ModBuiltin, size: number, add: (seg: number, off: number) => void): void {
  const mem = runner.mem;
  const base = b.base;
  for (let inst = 0; inst < Math.ceil(size / b.cellsPerInstance); inst++) {
    const valuesPtr = mem.get(base.segment, base.offset + inst * b.inputCells + 4);
    const offsetsPtr = mem.get(base.segment, base.offset + inst * b.inputCells + 5);
    if (typeof valuesPtr !== 'object' || typeof offsetsPtr !== 'object') continue;
    for (let i = 0; i < 3 * b.batchSize; i++) {
      add(offsetsPtr.segment, offsetsPtr.offset + i);
      const offset = mem.get(offsetsPtr.segment, offsetsPtr.offset + i);
      if (typeof offset !== 'number') continue;
      for (let j = 0; j < b.nWords; j++) add(valuesPtr.segment, valuesPtr.offset + offset + j);
    }
  }
}
