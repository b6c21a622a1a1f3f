// A run profile as pprof's Profile protobuf, gzip'd, laid out as cairo-lang's profiler
// (tracer/profile.py) lays it out: one sample type ("running time", "steps"); a function per label
// of the program plus a dummy __main__; a location per instruction (id = relocated pc + 1) naming
// the function of its innermost accessible scope; one mapping per source file. A sample's stack is
// the pc and the return pcs of the fp chain up to the entry frame. cairo-run writes one sample of
// value 1 per step; this writes one sample per distinct stack with the number of its steps, which
// pprof adds up the same way (every total is equal).
import { gzipSync } from 'node:zlib';
import type { Program, InstructionLocation } from '../../vm/program';
import type { RunProfile } from './collector';
import { ProtoWriter } from './protobuf';

interface Mapping { id: number; start: number; limit: number; filename: number }
interface Fn { id: number; name: number; filename: number; startLine: number }
interface Loc { id: number; address: number; mapping: number; functionId: number; line: number }

class Builder {
  readonly strings: string[] = [];
  private stringIds = new Map<string, number>();
  readonly functions: Fn[] = [];
  private fnIds = new Map<string, number>();
  readonly mappings: Mapping[] = [];
  private mappingIds = new Map<string, number>();
  readonly locations: Loc[] = [];

  constructor() {
    this.str('');
  }

  str(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) { id = this.strings.length; this.stringIds.set(s, id); this.strings.push(s); }
    return id;
  }

  fn(name: string, loc: InstructionLocation | undefined): number {
    const id = this.str(name);
    if (!this.fnIds.has(name)) {
      this.fnIds.set(name, id);
      this.functions.push({ id, name: id, filename: this.str(loc?.inst.filename ?? ''), startLine: loc?.inst.startLine ?? 0 });
    }
    return id;
  }

  fnId(name: string): number | undefined {
    return this.fnIds.get(name);
  }

  dummyMain(): void {
    const id = this.str('__main__');
    this.fnIds.set('__main__', id);
    this.functions.push({ id, name: this.str('<dummy>'), filename: this.str('<dummy_filename>'), startLine: 0 });
  }

  mapping(filename: string, pc: number): number {
    let id = this.mappingIds.get(filename);
    if (id === undefined) {
      id = this.mappings.length + 1;
      this.mappingIds.set(filename, id);
      this.mappings.push({ id, start: pc, limit: pc + 1, filename: this.str(filename) });
      return id;
    }
    const m = this.mappings[id - 1];
    m.start = Math.min(m.start, pc);
    m.limit = Math.max(m.limit, pc + 1);
    return id;
  }
}

export interface PprofOptions {
  /** where the program segment starts after relocation (1 in a cairo-run run) */
  programBase: number;
  /** Profile.time_nanos (default: now) */
  timeNanos?: bigint;
}

/** The Profile message, not compressed. */
export function pprofMessage(program: Program, profile: RunProfile, opts: PprofOptions): Uint8Array {
  const b = new Builder();
  const runningTime = b.str('running time');
  const steps = b.str('steps');
  b.dummyMain();
  const locs = program.debugInfo?.instructionLocations ?? new Map<number, InstructionLocation>();
  for (const [name, id] of program.identifiers) {
    if (id.type === 'function' || id.type === 'label') b.fn(name, locs.get(id.pc));
  }
  const locIds = new Map<number, number>();
  const addLocation = (off: number) => {
    const pc = off + opts.programBase;
    const loc = locs.get(off);
    const scopes = loc?.accessibleScopes ?? [];
    const fname = scopes.length > 0 ? scopes[scopes.length - 1] : '__main__';
    const functionId = b.fnId(fname) ?? b.fn(fname, loc);
    const mapping = b.mapping(loc?.inst.filename ?? '', pc);
    b.locations.push({ id: pc + 1, address: pc, mapping, functionId, line: loc?.inst.startLine ?? 0 });
    locIds.set(off, pc + 1);
  };
  for (const off of locs.keys()) addLocation(off);

  const w = new ProtoWriter();
  w.message(1, (m) => { m.uint(1, runningTime); m.uint(2, steps); });
  // samples: the stack of each node is its pc and the return pcs up to the root
  const stacks: number[][] = [];
  const stackOf = (id: number): number[] => {
    let s = stacks[id];
    if (s !== undefined) return s;
    const n = profile.nodes[id];
    s = n.parent === undefined ? [] : [n.returnPc, ...stackOf(n.parent)];
    stacks[id] = s;
    return s;
  };
  for (const n of profile.nodes) {
    // a parent is always created before its children, so stackOf recurses at most once per node
    const up = stackOf(n.id);
    for (const off of up) if (!locIds.has(off)) addLocation(off);
    const upIds = up.map((off) => locIds.get(off)!);
    for (const [off, k] of n.steps) {
      if (!locIds.has(off)) addLocation(off);
      w.message(2, (m) => { m.packed(1, [locIds.get(off)!, ...upIds]); m.packed(2, [k]); });
    }
  }
  for (const mp of b.mappings) {
    w.message(3, (m) => {
      m.uint(1, mp.id); m.uint(2, mp.start); m.uint(3, mp.limit); m.uint(5, mp.filename);
      m.uint(7, true); m.uint(8, true); m.uint(9, true); m.uint(10, true);
    });
  }
  for (const l of b.locations) {
    w.message(4, (m) => {
      m.uint(1, l.id); m.uint(2, l.mapping); m.uint(3, l.address);
      m.message(4, (ln) => { ln.uint(1, l.functionId); ln.uint(2, l.line); });
    });
  }
  for (const f of b.functions) {
    w.message(5, (m) => { m.uint(1, f.id); m.uint(2, f.name); m.uint(3, f.name); m.uint(4, f.filename); m.uint(5, f.startLine); });
  }
  for (const s of b.strings) w.string(6, s);
  w.bigUint(9, opts.timeNanos ?? BigInt(Date.now()) * 1_000_000n);
  return w.finish();
}

/** The gzip'd Profile, as cairo-run's --profile_output writes it. */
export function pprofFile(program: Program, profile: RunProfile, opts: PprofOptions): Buffer {
  return gzipSync(pprofMessage(program, profile, opts));
}
