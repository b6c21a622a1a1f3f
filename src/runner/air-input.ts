// The AIR inputs a prover reads after a proof-mode run, as cairo-run writes them
// (--air_public_input: air_public_input.py's PublicInput; --air_private_input: each builtin's
// air_private_input). JSON with 4-space indents, like Python's json.dumps(indent=4).
import { resolve } from 'node:path';
import type { CairoRunner } from './cairo-runner';
import { rangeCheckLimits } from './proof-checks';
import { BuiltinRunner } from '../builtins/builtin';
import { EcdsaBuiltin } from '../builtins/ecdsa';
import { ModBuiltin } from '../builtins/mod';
import { EC_ORDER } from '../builtins/stark-curve';
import { inv } from '../vm/felt';
import { Memory } from '../vm/memory';
import { Value } from '../vm/relocatable';
import { VmError } from '../vm/errors';

const hex = (v: Value | undefined): string => {
  if (typeof v === 'object' || v === undefined) throw new VmError('Program', `Expected an integer in the AIR input, got ${v}.`);
  return '0x' + v.toString(16);
};

/** The public input JSON (after finalizeSegments and relocate). */
export function airPublicInput(runner: CairoRunner, layoutName: string): string {
  const offsets = runner.relocation ?? runner.relocate();
  const mem = runner.mem;
  const trace = runner.vm.trace!;
  const reloc = (v: Value) => runner.relocateValue(v) as number;
  const first = trace.entry(0);
  const last = trace.entry(trace.length - 1);
  const segments: Record<string, { begin_addr: number; stop_ptr: number }> = {
    program: { begin_addr: reloc(first.pc), stop_ptr: reloc(last.pc) },
    execution: { begin_addr: reloc(first.ap), stop_ptr: reloc(last.ap) },
  };
  for (const b of runner.builtins) {
    const stop = runner.program.builtins.includes(b.name) ? b.stopPtr : b.base;
    if (stop === undefined) throw new VmError('Builtin', `The ${b.name} builtin stop pointer was not set.`);
    segments[b.name] = { begin_addr: reloc(b.base), stop_ptr: reloc(stop) };
  }
  const publicMemory: { address: number; value: string; page: number }[] = [];
  for (let seg = 0; seg < mem.numSegments; seg++) {
    for (const [off, page] of runner.publicMemory.get(seg) ?? []) {
      const v = mem.get(seg, off);
      if (v === undefined) throw new VmError('UnknownMemory', `Public memory cell ${seg}:${off} was never written.`);
      publicMemory.push({ address: offsets[seg] + off, value: hex(runner.relocateValue(v)), page });
    }
  }
  const [rcMin, rcMax] = rangeCheckLimits(runner);
  const input = {
    layout: layoutName,
    rc_min: rcMin,
    rc_max: rcMax,
    n_steps: trace.length,
    memory_segments: segments,
    public_memory: publicMemory,
    dynamic_params: null,
  };
  return JSON.stringify(input, null, 4) + '\n';
}

/** The private input JSON: the trace and memory files (absolute paths) and each builtin's cells. */
export function airPrivateInput(runner: CairoRunner, tracePath: string, memoryPath: string): string {
  const input: Record<string, unknown> = { trace_path: resolve(tracePath), memory_path: resolve(memoryPath) };
  const order = writeOrder(runner.mem);
  for (const b of runner.builtins) {
    const entry = builtinPrivateInput(runner, b, order.get(b.base.segment) ?? []);
    if (entry !== undefined) input[b.name] = entry;
  }
  return JSON.stringify(input, null, 4) + '\n';
}

/** Offsets of each segment's cells in first-write order (the order of cairo-run's memory dict). */
function writeOrder(mem: Memory): Map<number, number[]> {
  const bySeg = new Map<number, number[]>();
  const cells = mem.writeLogChunks().length >> 1;
  for (let i = 0; i < cells; i++) {
    const seg = mem.loggedSegment(i);
    let list = bySeg.get(seg);
    if (list === undefined) bySeg.set(seg, (list = []));
    list.push(mem.loggedOffset(i));
  }
  return bySeg;
}

type Item = Record<string, unknown> & { index: number };

/** Items keyed by instance, fields in the order their cells were written, sorted by index. */
function instances(mem: Memory, b: BuiltinRunner, offsets: number[], field: (typ: number) => string | undefined): Item[] {
  const items = new Map<number, Item>();
  const cpi = b.cellsPerInstance;
  for (const off of offsets) {
    const idx = Math.floor(off / cpi);
    const name = field(off % cpi);
    if (name === undefined) continue;
    let item = items.get(idx);
    if (item === undefined) items.set(idx, (item = { index: idx }));
    item[name] = hex(mem.get(b.base.segment, off));
  }
  return [...items.values()].sort((x, y) => x.index - y.index);
}

function builtinPrivateInput(runner: CairoRunner, b: BuiltinRunner, offsets: number[]): unknown {
  const mem = runner.mem;
  switch (b.name) {
    case 'output':
      return undefined;
    case 'pedersen':
    case 'bitwise':
      return instances(mem, b, offsets, (t) => (t === 0 ? 'x' : t === 1 ? 'y' : undefined));
    case 'range_check':
    case 'range_check96':
      return instances(mem, b, offsets, () => 'value');
    case 'ec_op':
      return instances(mem, b, offsets, (t) => ['p_x', 'p_y', 'q_x', 'q_y', 'm'][t]);
    case 'keccak':
    case 'poseidon':
      return instances(mem, b, offsets, (t) => (t < b.inputCells ? `input_s${t}` : undefined));
    case 'ecdsa':
      return ecdsaInput(runner, b as EcdsaBuiltin);
    case 'add_mod':
    case 'mul_mod':
      return modInput(runner, b as ModBuiltin, offsets);
  }
  return undefined;
}

function ecdsaInput(runner: CairoRunner, b: EcdsaBuiltin): Item[] {
  const mem = runner.mem;
  const seg = b.base.segment;
  const items: Item[] = [];
  for (const [off, [r, s]] of b.signatures) {
    items.push({
      index: off / 2,
      pubkey: hex(mem.get(seg, off)),
      msg: hex(mem.get(seg, off + 1)),
      signature_input: { r: '0x' + r.toString(16), w: '0x' + inv(s, EC_ORDER).toString(16) },
    });
  }
  return items.sort((x, y) => x.index - y.index);
}

const MOD_INPUTS = ['p0', 'p1', 'p2', 'p3', 'values_ptr', 'offsets_ptr', 'n'];

function modInput(runner: CairoRunner, b: ModBuiltin, offsets: number[]): unknown {
  const mem = runner.mem;
  const seg = b.base.segment;
  const items = new Map<number, Item>();
  const valuesOf = new Map<number, Value>();
  const offsetsOf = new Map<number, Value>();
  for (const off of offsets) {
    const idx = Math.floor(off / MOD_INPUTS.length);
    const typ = off % MOD_INPUTS.length;
    const name = MOD_INPUTS[typ];
    let v = mem.get(seg, off)!;
    if (typeof v === 'object') {
      if (name === 'values_ptr') valuesOf.set(idx, v);
      else if (name === 'offsets_ptr') offsetsOf.set(idx, v);
      else throw new VmError('Builtin', `Unexpected address in ${b.name} instance ${idx} (${name}).`);
      v = runner.relocateValue(v);
    }
    let item = items.get(idx);
    if (item === undefined) items.set(idx, (item = { index: idx, batch: Array.from({ length: b.batchSize }, () => ({})) }));
    item[name] = typ < 4 ? hex(v) : Number(v);
  }
  for (const [idx, offsetsAddr] of offsetsOf) {
    const valuesAddr = valuesOf.get(idx);
    if (typeof offsetsAddr !== 'object' || typeof valuesAddr !== 'object') continue;
    const batch = items.get(idx)!.batch as Record<string, unknown>[];
    for (let k = 0; k < b.batchSize; k++) {
      ['a', 'b', 'c'].forEach((s, i) => {
        const offset = mem.get(offsetsAddr.segment, offsetsAddr.offset + i + 3 * k);
        if (typeof offset !== 'number') throw new VmError('Builtin', `Missing offset of ${b.name} instance ${idx}.`);
        batch[k][`${s}_offset`] = offset;
        for (let d = 0; d < b.nWords; d++) batch[k][`${s}${d}`] = hex(mem.get(valuesAddr.segment, valuesAddr.offset + offset + d));
      });
    }
  }
  if (b.zeroValue === undefined) throw new VmError('Builtin', 'Uninitialized self.zero_value.');
  return { instances: [...items.values()].sort((x, y) => x.index - y.index), zero_value_address: runner.relocateValue(b.zeroValue) };
}
