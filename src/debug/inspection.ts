// The inspection part of the front: frames, scopes, values, memory bytes and disassembly of the
// run at the cursor, in runtime shapes.
import { Program } from '../vm/program';
import { Relocatable, Value } from '../vm/relocatable';
import { Scope } from '../vm/vm';
import { Typed } from '../vm/reference';
import { Inspection, RuntimeFrame, RuntimeScope, ScopeKind, MemoryBytes, DisassemblyRow, Failure, SourceFile } from './front';
import { Timeline } from './history';
import { Code } from './code';
import { Places } from './places';
import { callStack, Frame } from './frames';
import { FrameEnv } from './frame-env';
import { shortName } from './source-map';
import { VarNode } from './values';
import { evaluateWatch } from './watch';
import { complete, Completions } from './completions';
import { Task, Tasks } from './tasks';
import { Snapshot, localNodes, registerNodes, hintScopeNodes, memoryNodes } from './scopes';

/** Bytes per cell in memory reads: a felt is 32 bytes, big-endian. */
export const CELL_BYTES = 32;
/** The most bytes one read returns (a megabyte). */
const MAX_READ = 1 << 20;
const MAX_ROWS = 10_000;
/** Frames in one answer at most: a deeper stack comes in pages (its total is always given). */
export const MAX_FRAMES = 1000;

/** What inspection reads of a run besides its timeline. */
export interface Subject {
  readonly program: Program;
  readonly code: Code;
  readonly places: Places;
  readonly timeline: Timeline;
  /** The step being looked at. */
  readonly cursor: number;
  readonly failure: Failure | undefined;
  hintScopes(step: number): { scopes: Scope[]; note?: string };
  segmentNames(): Map<number, string>;
  /** The hint the top frame is shown at, when the stop at this step is before a hint (hint-stops.ts). */
  hintShown?(step: number): number | undefined;
  /** Programs hints loaded into segments of their own (the bootloaders' tasks). */
  readonly tasks?: Tasks;
  /** The address the entrypoint returns to: pc there means the run is over. */
  readonly endPc?: Relocatable;
  /** Writes an unwritten cell at the latest step; throws where the run cannot be changed. */
  writeCell(addr: Relocatable, text: string): string;
  /** Names a frame has besides the program's references (a Cairo 1 frame's variables), for conditions, logpoints and watches. */
  frameNames?(frame: Frame, step: number): ((name: string) => Typed | undefined) | undefined;
}

export class Inspector implements Inspection {
  private cached: { step: number; latest: number; frames: Frame[] } | undefined;

  constructor(private readonly run: Subject) {}

  private get sourceMap() {
    return this.run.places.sourceMap;
  }

  /** All frames at a step (innermost first); the walk is cached while the cursor stays. */
  stack(step = this.run.cursor): Frame[] {
    const latest = this.run.timeline.latest;
    const c = this.cached;
    if (c !== undefined && c.step === step && c.latest === latest) return c.frames;
    const frames = callStack(this.run.timeline.memoryAt(step), this.run.timeline.registersAt(step), this.codeSegments());
    this.cached = { step, latest, frames };
    return frames;
  }

  /** Segments whose pcs are code frames can be in: the program's, and those of loaded tasks. */
  private codeSegments(): number | ((segment: number) => boolean) {
    const tasks = this.run.tasks;
    const main = this.run.code.segment;
    return tasks === undefined || !tasks.any ? main : (s) => s === main || tasks.holdsCode(s);
  }

  frame(index: number, step = this.run.cursor): Frame {
    if (!Number.isSafeInteger(index) || index < 0) throw new Error(`There is no frame ${String(index)}.`);
    const c = this.cached;
    // Walk only as far as the frame asked for, unless the whole stack is at hand.
    const frames = c !== undefined && c.step === step && c.latest === this.run.timeline.latest ? c.frames : callStack(this.run.timeline.memoryAt(step), this.run.timeline.registersAt(step), this.codeSegments(), index + 1);
    const f = frames[index];
    if (f === undefined) throw new Error(`There is no frame ${index} (the stack has ${this.stack(step).length}).`);
    return f;
  }

  /** Cairo names as the frame sees them. */
  env(index: number, step = this.run.cursor): FrameEnv {
    const frame = this.frame(index, step);
    const task = this.run.code.isCode(frame.pc) ? undefined : this.run.tasks?.at(frame.pc.segment, frame.pc.offset);
    if (task !== undefined) return new FrameEnv(task.task.program, this.run.timeline.memoryAt(step), frame, task.task.sourceMap.location(task.pc));
    const loc = this.run.code.isCode(frame.pc) ? this.sourceMap.location(frame.pc.offset) : undefined;
    return new FrameEnv(this.run.program, this.run.timeline.memoryAt(step), frame, loc, this.run.frameNames?.(frame, step));
  }

  private snapshot(): Snapshot {
    const step = this.run.cursor;
    return {
      program: this.run.program,
      code: this.run.code,
      sourceMap: this.sourceMap,
      mem: this.run.timeline.memoryAt(step),
      step,
      latest: this.run.timeline.latest,
      frame: (i) => this.frame(i, step),
      env: (i) => this.env(i, step),
      hintScopes: () => this.run.hintScopes(step),
      segmentNames: () => this.run.segmentNames(),
    };
  }

  frames(start: number, count: number): { frames: RuntimeFrame[]; total: number } {
    const all = this.stack();
    const from = Math.max(0, start);
    const to = Math.min(all.length, from + Math.max(0, Math.min(count, MAX_FRAMES)));
    const out: RuntimeFrame[] = [];
    for (let i = from; i < to; i++) out.push(this.runtimeFrame(i, all[i]));
    return { frames: out, total: all.length };
  }

  private runtimeFrame(index: number, f: Frame): RuntimeFrame {
    const task = this.run.code.isCode(f.pc) ? undefined : this.run.tasks?.at(f.pc.segment, f.pc.offset);
    if (task !== undefined) {
      const { sourceMap, places, program } = task.task;
      const fn = sourceMap.functionAt(task.pc);
      const hint = index === 0 ? this.run.hintShown?.(this.run.cursor) : undefined;
      const place = (hint !== undefined ? places.hint(task.pc, hint) : undefined) ?? places.of(task.pc);
      return { index, name: fn ? shortName(program, fn.name) : `<pc ${f.pc}>`, pc: memoryRef(f.pc), library: place === undefined || place.file.library, ...place };
    }
    if (!this.run.code.isCode(f.pc)) {
      if (!this.run.endPc?.equals(f.pc)) return { index, name: `<pc ${f.pc}>`, library: true };
      // Shown at the last instruction that ran: an editor then selects this frame and lists its
      // scopes (VS Code shows none for a frame without a source), so the final state can be read.
      const last = this.run.cursor > 0 ? this.run.timeline.registersAt(this.run.cursor - 1).pc : undefined;
      const place = last !== undefined && this.run.code.isCode(last) ? this.run.places.of(last.offset) : undefined;
      return { index, name: `<end of the run, pc ${f.pc}>`, library: place === undefined || place.file.library, ...place };
    }
    const pc = f.pc.offset;
    const fn = this.sourceMap.functionAt(pc);
    const hint = index === 0 ? this.run.hintShown?.(this.run.cursor) : undefined;
    const place = (hint !== undefined ? this.run.places.hint(pc, hint) : undefined) ?? this.run.places.of(pc);
    return { index, name: fn ? shortName(this.run.program, fn.name) : `<pc ${f.pc}>`, pc: this.run.code.reference(pc), library: place === undefined || place.file.library, ...place };
  }

  scopes(frame: number): RuntimeScope[] {
    this.frame(frame);
    return [
      { name: 'Locals', kind: 'locals', expensive: false },
      { name: 'Registers', kind: 'registers', expensive: false },
      { name: 'Hint scopes', kind: 'hints', expensive: false },
      { name: 'Memory', kind: 'memory', expensive: true },
    ];
  }

  variables(frame: number, scope: ScopeKind): VarNode[] {
    const s = this.snapshot();
    switch (scope) {
      case 'locals':
        return localNodes(s, frame);
      case 'registers':
        return registerNodes(s, frame);
      case 'hints':
        return hintScopeNodes(s);
      case 'memory':
        return memoryNodes(s);
    }
  }

  evaluate(expression: string, frame: number): VarNode {
    if (typeof expression !== 'string') throw new Error('evaluate needs an expression.');
    const env = this.env(frame);
    return evaluateWatch(env, { program: this.run.program, mem: env.mem }, expression);
  }

  completions(text: string, caret: number, frame: number): Completions {
    if (typeof text !== 'string' || !Number.isSafeInteger(caret)) throw new Error('completions needs a text and a column.');
    return complete(this.env(frame), text, caret);
  }

  setCell(node: VarNode, text: string): string {
    if (node.cell === undefined) throw new Error(`"${node.name}" is not a single memory cell, so it cannot be set.`);
    if (typeof text !== 'string') throw new Error('setVariable needs a value.');
    return this.run.writeCell(node.cell, text);
  }

  readMemory(reference: string, offset: number, count: number): MemoryBytes {
    const base = this.run.code.parseAddress(reference);
    if (base === undefined) throw new Error(`"${String(reference)}" is not a memory reference (segment:offset).`);
    if (!Number.isSafeInteger(offset)) throw new Error(`readMemory offset ${JSON.stringify(offset)} is not a whole number of bytes.`);
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`readMemory count ${JSON.stringify(count)} is not a number of bytes.`);
    const first = base.offset * CELL_BYTES + offset;
    if (first < 0) throw new Error('readMemory before the start of the segment.');
    const n = Math.min(count, MAX_READ);
    const mem = this.run.timeline.memoryAt(this.run.cursor);
    const cellOf = (i: number) => Math.floor((first + i) / CELL_BYTES);
    const bytes = new Uint8Array(n);
    let i = 0;
    while (i < n) {
      const v = mem.get(base.segment, cellOf(i));
      if (v === undefined) break;
      const word = cellBytes(v);
      for (let b = (first + i) % CELL_BYTES; b < CELL_BYTES && i < n; b++, i++) bytes[i] = word[b];
    }
    // Unreadable: from the first unwritten cell to the next written one (or the end of the read).
    let j = i;
    while (j < n && mem.get(base.segment, cellOf(j)) === undefined) j = Math.min(n, (cellOf(j) + 1) * CELL_BYTES - first);
    return { address: `${base.segment}:${Math.floor(first / CELL_BYTES)}`, bytes: bytes.subarray(0, i), unreadable: j - i };
  }

  disassemble(reference: string, offset: number, instructionOffset: number, count: number): DisassemblyRow[] {
    const code = this.run.code;
    const base = code.parseAddress(reference);
    const task = base === undefined || code.isCode(base) ? undefined : this.run.tasks?.at(base.segment, base.offset);
    if (base === undefined || (!code.isCode(base) && task === undefined)) throw new Error(`"${String(reference)}" is not an address of the program's code.`);
    for (const [name, v] of [['offset', offset], ['instructionOffset', instructionOffset], ['instructionCount', count]] as const) {
      if (!Number.isSafeInteger(v)) throw new Error(`disassemble ${name} ${JSON.stringify(v)} is not a whole number.`);
    }
    if (count < 0 || count > MAX_ROWS) throw new Error(`disassemble instructionCount must be between 0 and ${MAX_ROWS}.`);
    if (task !== undefined) return this.disassembleTask(task.task, task.pc + offset, instructionOffset, count);
    const list = code.listing;
    const from = code.indexOf(base.offset + offset) + instructionOffset;
    const rows: DisassemblyRow[] = [];
    for (let i = from; i < from + count; i++) {
      const ins = list[i];
      if (ins === undefined) {
        // Beyond the code: as many invalid rows as asked, one per cell before 0 or after the end.
        const at = i < 0 ? i : code.data.length + (i - list.length);
        rows.push({ address: at < 0 ? String(at) : code.reference(at), text: '??', invalid: true });
        continue;
      }
      const fn = this.sourceMap.functionAt(ins.pc);
      rows.push({
        address: code.reference(ins.pc),
        text: ins.text,
        invalid: false,
        encoding: typeof ins.encoding === 'object' ? ins.encoding.toString() : BigInt(ins.encoding).toString(16),
        symbol: fn && fn.pc === ins.pc ? shortName(this.run.program, fn.name) : undefined,
        ...this.run.places.of(ins.pc),
      });
    }
    return rows;
  }

  /** A task's code (a program a hint loaded), addressed as `segment:offset` cells like its frames. */
  private disassembleTask(task: Task, pc: number, instructionOffset: number, count: number): DisassemblyRow[] {
    let code = taskCode.get(task);
    if (code === undefined) taskCode.set(task, (code = new Code(task.base.segment, task.program.data)));
    const cell = (at: number) => memoryRef(task.base.add(at));
    const list = code.listing;
    const from = code.indexOf(pc) + instructionOffset;
    const rows: DisassemblyRow[] = [];
    for (let i = from; i < from + count; i++) {
      const ins = list[i];
      if (ins === undefined) {
        const at = i < 0 ? i : task.program.data.length + (i - list.length);
        rows.push({ address: task.base.offset + at < 0 ? String(at) : cell(at), text: '??', invalid: true });
        continue;
      }
      const fn = task.sourceMap.functionAt(ins.pc);
      rows.push({
        address: cell(ins.pc),
        text: ins.text,
        invalid: false,
        encoding: typeof ins.encoding === 'object' ? ins.encoding.toString() : BigInt(ins.encoding).toString(16),
        symbol: fn && fn.pc === ins.pc ? shortName(task.program, fn.name) : undefined,
        ...task.places.of(ins.pc),
      });
    }
    return rows;
  }

  failure(): Failure | undefined {
    return this.run.failure;
  }

  sources(): SourceFile[] {
    const tasks = this.run.tasks?.list ?? [];
    return [...this.run.places.all(), ...tasks.flatMap((t) => t.places.all())];
  }

  sourceText(name: string): string {
    // A task's file not found on disk may be embedded in the task's own debug_info.
    const task = this.run.tasks?.list.find((t) => t.program.debugInfo?.fileContents[name] !== undefined);
    return (task ?? this.run).places.text(name);
  }
}

/** Each task's decoded code, listed once. */
const taskCode = new WeakMap<Task, Code>();

function memoryRef(a: Relocatable): string {
  return `${a.segment}:${a.offset}`;
}

/** A cell as 32 big-endian bytes (an address as its offset, with the top byte 0xff marking it). */
function cellBytes(v: Value): Uint8Array {
  const out = new Uint8Array(CELL_BYTES);
  let n: bigint;
  if (typeof v === 'object') {
    n = (BigInt(v.segment & 0xffff) << 64n) | BigInt(v.offset);
    out[0] = 0xff;
  } else n = BigInt(v);
  for (let i = CELL_BYTES - 1; i >= 1 && n > 0n; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}
