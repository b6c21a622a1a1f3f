// Cairo PIE output (--cairo_pie_output): the position-independent record of a run, as
// cairo_pie.py writes it: a zip of metadata.json (the stripped program and the segments),
// memory.bin (every cell in first-write order, addresses and pointers as relocatable words),
// additional_data.json (what builtins recorded), execution_resources.json and version.json.
import type { CairoRunner } from './cairo-runner';
import { memoryHoles } from './proof-checks';
import { writeZip } from './zip';
import { OutputBuiltin } from '../builtins/output';
import { EcdsaBuiltin } from '../builtins/ecdsa';
import { BuiltinRunner } from '../builtins/builtin';
import { labelPc } from '../vm/program';
import { Relocatable, Value } from '../vm/relocatable';
import { VmError } from '../vm/errors';
import { pyJson } from './py-json';

interface SegmentInfo { index: number; size: number }

const OFFSET_BITS = 47n;

function fail(message: string): never {
  throw new VmError('Program', message);
}

/** The PIE zip of a finished (not proof-mode) run, after the secure-run checks. */
export function cairoPie(runner: CairoRunner, opts: { secureRun: boolean; mergeExtraSegments: boolean }): Buffer {
  const mem = runner.mem;
  const builtinSegments: Record<string, SegmentInfo> = {};
  const known = new Set<number>();
  for (const b of runner.builtins) {
    const stop = b.stopPtr ?? fail(`${b.name} segment stop ptr is None.`);
    if (b.base.offset !== 0) fail(`Unexpected ${b.name} segment begin_addr ${b.base.offset}.`);
    builtinSegments[b.name] = { index: b.base.segment, size: stop.offset - b.base.offset };
    known.add(b.base.segment);
  }
  const nUsed = runner.program.builtins.length;
  const retFp = mem.get(runner.executionBase.segment, runner.executionBase.offset + nUsed);
  const retPc = mem.get(runner.executionBase.segment, runner.executionBase.offset + nUsed + 1);
  if (typeof retFp !== 'object') fail(`Expecting a relocatable value got ${retFp}.`);
  if (typeof retPc !== 'object') fail(`Expecting a relocatable value got ${retPc}.`);
  for (const r of [retFp, retPc]) {
    if (mem.segmentSize(r.segment) !== 0) fail(`Unexpected ${r === retFp ? 'ret_fp' : 'ret_pc'}_segment size ${mem.segmentSize(r.segment)}`);
  }
  for (const a of [runner.programBase, runner.executionBase, retFp, retPc]) {
    if (a.offset !== 0) fail('Expecting a 0 offset.');
    known.add(a.segment);
  }
  let extra: SegmentInfo[] = [];
  for (let i = 0; i < mem.numSegments; i++) if (!known.has(i)) extra.push({ index: i, size: mem.segmentSize(i) });

  // --merge_extra_segments: the extra segments become one, at the first one's index.
  let moved: Map<number, number> | undefined;
  if (opts.mergeExtraSegments && extra.length > 0) {
    moved = new Map();
    let total = 0;
    for (const s of extra) {
      moved.set(s.index, total);
      total += s.size;
    }
    extra = [{ index: extra[0].index, size: total }];
  }
  const mergedIndex = extra[0]?.index ?? 0;

  const main = labelPc(runner.program, `${runner.program.mainScope}.main`) ?? fail('Missing main().');
  const metadata = {
    program: { prime: runner.program.prime, data: runner.program.data, builtins: runner.program.builtins, main },
    program_segment: { index: runner.programBase.segment, size: runner.program.data.length },
    execution_segment: { index: runner.executionBase.segment, size: runner.vm.apValue().offset - runner.executionBase.offset },
    ret_fp_segment: { index: retFp.segment, size: 0 },
    ret_pc_segment: { index: retPc.segment, size: 0 },
    builtin_segments: builtinSegments,
    extra_segments: extra,
  };

  const fieldBytes = Math.ceil(runner.program.prime.toString(2).length / 8);
  const word = (v: Value, bytes: number): bigint => {
    if (typeof v !== 'object') return BigInt(v);
    let seg = v.segment;
    let off = v.offset;
    const shift = moved?.get(seg);
    if (shift !== undefined) {
      seg = mergedIndex;
      off += shift;
    }
    return (1n << BigInt(8 * bytes - 1)) + (BigInt(seg) << OFFSET_BITS) + BigInt(off);
  };
  const cells = mem.writeLogChunks().length >> 1;
  const memory = Buffer.alloc(cells * (8 + fieldBytes));
  for (let i = 0, at = 0; i < cells; i++, at += 8 + fieldBytes) {
    const seg = mem.loggedSegment(i);
    const off = mem.loggedOffset(i);
    memory.writeBigUInt64LE(word(new Relocatable(seg, off), 8), at);
    let v = word(mem.get(seg, off)!, fieldBytes);
    for (let k = 0; k < fieldBytes; k++, v >>= 8n) memory[at + 8 + k] = Number(v & 0xffn);
  }

  const additional: Record<string, unknown> = {};
  for (const b of runner.builtins) additional[`${b.name}_builtin`] = additionalData(runner, b, opts.secureRun);
  const counter: Record<string, number> = {};
  for (const b of runner.builtins) counter[`${b.name}_builtin`] = b instanceof OutputBuiltin ? b.usedCells(mem) : b.usedInstances(mem);
  const resources = {
    builtin_instance_counter: counter,
    n_memory_holes: memoryHoles(runner),
    n_steps: runner.originalSteps ?? runner.vm.currentStep,
  };
  const ascii = (v: unknown) => Buffer.from(pyJson(v), 'ascii');
  return writeZip([
    ['metadata.json', ascii(metadata)],
    ['memory.bin', memory],
    ['additional_data.json', ascii(additional)],
    ['execution_resources.json', ascii(resources)],
    ['version.json', ascii({ cairo_pie: '1.1' })],
  ]);
}

/** What a builtin runner hands to the next run (get_additional_data). */
function additionalData(runner: CairoRunner, b: BuiltinRunner, secureRun: boolean): unknown {
  const mem = runner.mem;
  const seg = b.base.segment;
  if (b instanceof OutputBuiltin) return b.additionalData();
  if (b instanceof EcdsaBuiltin) {
    return [...b.signatures].sort((x, y) => x[0] - y[0]).map(([off, sig]) => [[seg, off], [sig[0], sig[1]]]);
  }
  if (b.name === 'pedersen') {
    // The hash outputs the rule computed: every output cell of the run whose inputs are set
    // (end_run verifies each written one; the secure run computes the others).
    const verified: [number, number][] = [];
    const used = mem.usedSize(seg);
    for (let off = 2; off < used + 2; off += 3) {
      if (mem.get(seg, off - 2) === undefined || mem.get(seg, off - 1) === undefined) continue;
      if (mem.get(seg, off) === undefined && !secureRun) continue;
      verified.push([seg, off]);
    }
    return verified;
  }
  return null;
}
