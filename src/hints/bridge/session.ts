// One Python child serving one run: it loads the program in cairo-lang, then runs a hint per
// request; while a hint runs, its reads and writes of memory and segments come back here as
// requests, answered from Cairn's VM before the hint goes on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { VirtualMachine, Scope } from '../../vm/vm';
import { Memory } from '../../vm/memory';
import { Relocatable, Value, valuesEqual } from '../../vm/relocatable';
import { VmError } from '../../vm/errors';
import { HintError } from '../errors';
import { FifoChannel, ChannelClosed } from './channel';
import { encValue, decValue, decAddr, decVar, encScope, Wire } from './codec';
import { OutputState, RawJson } from '../../builtins/output';

/** A bridged hint's Python exception: `traceback` is what cairo-run prints for it. */
export class PythonHintError extends HintError {
  constructor(readonly traceback: string) {
    const last = traceback.trimEnd().split('\n').pop() ?? '';
    const colon = last.indexOf(': ');
    super(colon > 0 ? last.slice(0, colon) : last, colon > 0 ? last.slice(colon + 2) : '');
  }
}

/** Scope names each hint of a program reads and writes, by key `program:pc:index`. */
export interface HintNames {
  id: number;
  hints: Record<string, { r: string[]; w: string[] } | { compile: string }>;
}

export interface SessionHooks {
  /** Text a hint printed. */
  print(text: string): void;
  /** A hint called vm_load_program: the program (JSON as cairo-lang dumps it) at `base`. */
  loadProgram(json: string, base: Relocatable, names: HintNames): void;
  /** `ecdsa_builtin.add_signature(addr, (r, s))` in a bridged hint. */
  addSignature(addr: Relocatable, r: bigint, s: bigint): void;
  /** The output builtin's state after a bridged hint changed it (add_page, set_state, ...). */
  outputState(state: OutputState): void;
  /** The output builtin's state now (a TypeScript hint may have moved it: the bootloaders). */
  currentOutput?(): OutputState | undefined;
}

/** What the Python side's output builtin was last given or gave: the state's parts and sizes. */
interface OutputSeen {
  state: OutputState;
  base: string;
  pages: number;
  attributes: number;
}

const seen = (state: OutputState): OutputSeen => ({ state, base: state.base.toString(), pages: state.pages.size, attributes: state.attributes.size });


export interface SessionStart {
  python: string;
  programJson: string;
  layout: string;
  /** The dynamic layout's CairoLayoutParams fields (cairo-lang builds the layout from them). */
  layoutParams?: Record<string, number>;
  proofMode: boolean;
  /** Segment of each builtin's base, by runner name (`output_builtin`, ...). */
  bases: Record<string, number>;
  programInput: unknown;
  /** Its JSON text, when it was read from a file: Python parses it in its own key order. */
  programInputText?: string;
}

/** The Python module shipped beside the bundle (dist/) or beside this file (sources). */
export function bridgeScript(): string {
  for (const p of [join(__dirname, 'cairn_bridge.py'), join(__dirname, 'hints', 'bridge', 'cairn_bridge.py')]) if (existsSync(p)) return p;
  throw new ChannelClosed(`cairn_bridge.py is missing beside ${__dirname}`);
}

const PREFETCH_BELOW = 6;
const PREFETCH_ABOVE = 4;

export class BridgeSession {
  /** The output builtin's state as the Python side has it (undefined: not sent yet). */
  private outputSeen: OutputSeen | undefined;
  /** The exec scopes the Python side mirrors (same identities as the VM's, in order). */
  private mirror: Scope[] = [];
  /** Hints run, requests served: for the debugger's console and the bench. */
  calls = 0;
  requests = 0;
  readonly pythonVersion: string;
  readonly names: HintNames;

  private constructor(
    private readonly ch: FifoChannel,
    private readonly mem: Memory,
    private readonly hooks: SessionHooks,
    ready: { names: HintNames; version: string },
  ) {
    this.names = ready.names;
    this.pythonVersion = ready.version;
  }

  static start(start: SessionStart, vm: VirtualMachine, hooks: SessionHooks): BridgeSession {
    const ch = FifoChannel.open(start.python, bridgeScript());
    let reply;
    try {
      reply = ch.call({
        op: 'init', program: start.programJson, layout: start.layout, layoutParams: start.layoutParams ?? null,
        proofMode: start.proofMode, bases: start.bases, input: start.programInputText ?? inputJson(start.programInput ?? {}),
      });
    } catch (e) {
      ch.close();
      throw e;
    }
    if (reply.op !== 'ready') {
      ch.close();
      throw new ChannelClosed(`cairo-lang could not load the program: ${reply.message ?? JSON.stringify(reply)}`);
    }
    const s = new BridgeSession(ch, vm.mem, hooks, reply);
    s.mirror = [vm.execScopes[0]];
    return s;
  }

  /** Runs hint `key` (`program:pc:index`) in Python at the VM's current registers. */
  run(vm: VirtualMachine, key: string): void {
    this.calls++;
    const msg: Record<string, unknown> = {
      op: 'hint', k: key,
      ap: [vm.apSeg, vm.ap], fp: [vm.fpSeg, vm.fp], pc: [vm.pcSeg, vm.pc], step: vm.currentStep,
    };
    const ops = this.scopeOps(vm);
    if (ops !== undefined) msg.scopes = ops;
    const output = this.outputChange();
    if (output !== undefined) msg.output = output;
    msg.pre = this.prefetch(vm);
    this.ch.send(msg);
    for (;;) {
      const m = this.ch.recv();
      if (m.op === 'done') {
        if (m.out) this.hooks.print(m.out);
        this.applyScopes(vm, m);
        return;
      }
      if (m.op === 'error') {
        if (m.out) this.hooks.print(m.out);
        throw new PythonHintError(m.tb);
      }
      if (m.op === 'fail') throw new VmError('Hint', `The Python hint bridge failed: ${m.message}`);
      this.requests++;
      let answer: unknown;
      try {
        answer = this.serve(vm, m);
      } catch (e) {
        answer = { e: (e as Error).message };
      }
      this.ch.send(answer);
    }
  }

  /** One request of a running hint. */
  private serve(vm: VirtualMachine, m: any): unknown { // eslint-disable-line @typescript-eslint/no-explicit-any
    const mem = this.mem;
    switch (m.op) {
      case 'get': {
        const v = mem.get(m.a[0], m.a[1]);
        return { v: v === undefined ? null : encValue(v) };
      }
      case 'set': {
        const cur = mem.get(m.a[0], m.a[1]);
        if (cur !== undefined) return { c: encValue(cur) };
        mem.write(m.a[0], m.a[1], decValue(m.v));
        return {};
      }
      case 'range': {
        const out: (Wire | null)[] = [];
        for (let i = 0; i < m.n; i++) {
          const v = mem.get(m.a[0], m.a[1] + i);
          out.push(v === undefined ? null : encValue(v));
        }
        return { v: out };
      }
      case 'load': {
        // Stops before the first write that would fail: the Python side then makes that write
        // itself and raises as cairo-lang would.
        const [seg, off] = m.a as [number, number];
        let i = 0;
        for (; i < m.v.length; i++) {
          const v: Value = decValue(m.v[i]);
          const cur = mem.get(seg, off + i);
          if (cur !== undefined) {
            if (!valuesEqual(cur, v)) break;
            continue;
          }
          try {
            mem.write(seg, off + i, v);
          } catch {
            break;
          }
        }
        return { done: i };
      }
      case 'add': {
        const base = mem.addSegment();
        if (m.n !== null && m.n !== undefined) mem.finalizedSizes.set(base.segment, m.n);
        return { s: base.segment };
      }
      case 'addtemp':
        return { s: mem.addTempSegment().segment };
      case 'finalize':
        if (m.n !== null && m.n !== undefined) mem.finalizedSizes.set(m.s, m.n);
        return {};
      case 'size':
        return { used: mem.usedSize(m.s), size: mem.segmentSize(m.s) };
      case 'nseg':
        return { n: mem.numSegments, t: mem.numTempSegments };
      case 'rule':
        mem.addRelocationRule(decAddr(m.src), decAddr(m.dest));
        return {};
      case 'sig':
        this.hooks.addSignature(decAddr(m.a), BigInt(m.r), BigInt(m.s));
        return {};
      case 'output': {
        const state: OutputState = {
          base: decAddr(m.base),
          pages: new Map((m.pages as Wire[][]).map(([id, start, size]) => [Number(id), { start: Number(start), size: Number(size) }])),
          attributes: new Map((m.attributes as [string, string | null, string?][]).map(([k, text, error]) => [k, new RawJson(text ?? 'null', error)])),
        };
        this.hooks.outputState(state);
        this.outputSeen = seen(state);
        return {};
      }
      case 'loadprog':
        this.hooks.loadProgram(m.program, decAddr(m.base), m.names);
        return {};
      default:
        throw new Error(`unknown request ${JSON.stringify(m.op)}`);
    }
  }

  /** The output builtin's state for the Python side when it changed on this side since (base, pages, attributes). */
  private outputChange(): Record<string, unknown> | undefined {
    const state = this.hooks.currentOutput?.();
    if (state === undefined) return undefined;
    const last = this.outputSeen;
    const now = seen(state);
    if (last !== undefined && last.state.pages === state.pages && last.state.attributes === state.attributes
      && last.base === now.base && last.pages === now.pages && last.attributes === now.attributes) return undefined;
    this.outputSeen = now;
    const attributes = [...state.attributes].map(([k, v]) => [k, v instanceof RawJson ? v.text : jsonText(v)]);
    return { base: encValue(state.base), pages: [...state.pages].map(([id, p]) => [id, p.start, p.size]), attributes };
  }

  /** How the Python scope stack must change to mirror the VM's (scopes TypeScript hints entered or left). */
  private scopeOps(vm: VirtualMachine): { pop: number; push: Record<string, unknown>[] } | undefined {
    const s = vm.execScopes;
    const mirror = this.mirror;
    let k = 0;
    while (k < mirror.length && k < s.length && mirror[k] === s[k]) k++;
    if (k === mirror.length && k === s.length) return undefined;
    const ops = { pop: mirror.length - k, push: s.slice(k).map(encScope) };
    this.mirror = s.slice();
    return ops;
  }

  /** The hint's changes to its scope, then the scopes it entered or left, into the VM. */
  private applyScopes(vm: VirtualMachine, m: any): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    const scope = vm.scope;
    for (const [k, v] of Object.entries(m.set ?? {})) scope.set(k, decVar(v as never));
    for (const k of m.del ?? []) scope.delete(k);
    for (const op of m.scopes ?? []) {
      if (op.exit) vm.exitScope();
      else vm.enterScope(new Map(Object.entries(op.enter).map(([k, v]) => [k, decVar(v as never)])));
    }
    this.mirror = vm.execScopes.slice();
  }

  /**
   * Cells a hint most likely reads, sent with the request: the frame's arguments and first
   * locals (fp-6 up to fp+4, below ap). Each costs about a microsecond or two to send and keep,
   * a round trip about 15, so the window stays small.
   */
  private prefetch(vm: VirtualMachine): [[number, number], Wire][] {
    const out: [[number, number], Wire][] = [];
    if (vm.apSeg !== vm.fpSeg) return out;
    const lo = Math.max(0, vm.fp - PREFETCH_BELOW);
    const hi = Math.min(vm.ap, vm.fp + PREFETCH_ABOVE);
    for (let off = lo; off < hi; off++) {
      const v = this.mem.get(vm.fpSeg, off);
      if (v !== undefined && !(typeof v === 'object' && v.segment < 0)) out.push([[vm.fpSeg, off], encValue(v)]);
    }
    return out;
  }

  /** A program a TypeScript hint loaded at `base` (a bootloader's task): its hints, ready to run here. */
  loadTask(programJson: string, base: Relocatable): HintNames {
    const reply = this.ch.call({ op: 'loadtask', program: programJson, base: [base.segment, base.offset] });
    if (reply.op !== 'loaded') throw new VmError('Hint', `cairo-lang could not load the task program: ${reply.message ?? JSON.stringify(reply)}`);
    return reply.names;
  }

  /** One empty round trip (the bench's measure of the channel). */
  ping(): void {
    this.ch.call({ op: 'ping' });
  }

  close(): void {
    try {
      this.ch.send({ op: 'bye' });
    } catch { /* gone already */ }
    this.ch.close();
  }
}

/** program_input as JSON for Python's json.loads: bigints (integers past 2^53) keep every digit. */
function inputJson(v: unknown): string {
  const mark = '\u0000cairn-int:';
  const text = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? mark + x.toString() : x));
  return text.replace(/"\\u0000cairn-int:(-?\d+)"/g, '$1');
}

/** A JSON value for Python's json.loads, bigints with every digit. */
function jsonText(v: unknown): string {
  const mark = '\u0000cairn-int:';
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? mark + x.toString() : x)).replace(/"\\u0000cairn-int:(-?\d+)"/g, '$1');
}
