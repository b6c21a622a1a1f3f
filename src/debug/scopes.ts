// The four scopes of a selected frame: Locals (the function's ids, typed), Registers (with the
// current instruction), Hint scopes (the exec-scope stack) and Memory (one child per segment),
// read from a snapshot of the run at the cursor.
import { Relocatable } from '../vm/relocatable';
import { Program } from '../vm/program';
import { Memory } from '../vm/memory';
import { Scope } from '../vm/vm';
import { typeToString } from '../vm/cairo-expr';
import { VarNode, typedNode, summary, segmentChildren, formatValue, memoryReference, ValueContext } from './values';
import { pyNode } from './py-values';
import { disassemble } from './disassemble';
import { shortName, SourceMap } from './source-map';
import { Code } from './code';
import { Frame } from './frames';
import { FrameEnv } from './frame-env';

/** The run as it is at the cursor, as the scopes read it. */
export interface Snapshot {
  program: Program;
  code: Code;
  sourceMap: SourceMap;
  mem: Memory;
  step: number;
  latest: number;
  frame(index: number): Frame;
  env(index: number): FrameEnv;
  /** The exec scopes at this step, or undefined with the reason they cannot be shown. */
  hintScopes(): { scopes: Scope[]; note?: string };
  segmentNames(): Map<number, string>;
}

function ctxOf(s: Snapshot): ValueContext {
  return { program: s.program, mem: s.mem };
}

export function localNodes(s: Snapshot, frameIndex: number): VarNode[] {
  const env = s.env(frameIndex);
  const ctx = ctxOf(s);
  return env.locals().map((l): VarNode => {
    try {
      const r = env.evalRef(l.ref);
      if ('parts' in r) {
        const kids = r.parts.map((p) => typedNode(ctx, p.name, p.typed, `${l.name}.${p.name}`));
        return { name: l.name, value: summary(kids), type: typeToString(r.type), children: { list: () => kids } };
      }
      const typed = l.type !== undefined && r.type.kind === 'felt' && l.type.kind !== 'felt' ? { ...r, type: l.type } : r;
      return typedNode(ctx, l.name, typed, l.name);
    } catch (e) {
      return { name: l.name, value: `<${(e as Error).message}>`, type: l.type ? typeToString(l.type) : undefined };
    }
  });
}

export function registerNodes(s: Snapshot, frameIndex: number): VarNode[] {
  const frame = s.frame(frameIndex);
  const ctx = ctxOf(s);
  const out: VarNode[] = [];
  const pc = frame.pc;
  let where = '';
  if (s.code.isCode(pc)) {
    const fn = s.sourceMap.functionAt(pc.offset);
    const line = s.sourceMap.lineOf(pc.offset);
    where = [fn ? shortName(s.program, fn.name) : '', line ? `${s.sourceMap.files[line.file]}:${line.line}` : ''].filter(Boolean).join(' at ');
  }
  out.push({ name: 'pc', value: pc.toString() + (where ? `  (${where})` : ''), memoryReference: s.code.isCode(pc) ? s.code.reference(pc.offset) : memoryReference(pc) });
  const reg = (name: string, v: Relocatable | undefined): VarNode =>
    v === undefined
      ? { name, value: '<unknown in this frame>' }
      : { name, value: v.toString(), memoryReference: memoryReference(v), children: segmentFrom(ctx, v) };
  out.push(reg('ap', frame.ap));
  out.push(reg('fp', frame.fp));
  const d = disassemble(s.mem.get(pc.segment, pc.offset), s.mem.get(pc.segment, pc.offset + 1));
  out.push({ name: 'instruction', value: d ? d.text : '<not an instruction>' });
  if (frameIndex === 0) out.push({ name: 'step', value: String(s.step) + (s.step < s.latest ? ` (history; latest step ${s.latest})` : '') });
  return out;
}

/** Cells around a register: from 8 below it to 8 above. */
function segmentFrom(ctx: ValueContext, a: Relocatable) {
  const start = Math.max(0, a.offset - 8);
  return {
    list: (): VarNode[] => {
      const out: VarNode[] = [];
      for (let off = start; off <= a.offset + 8; off++) {
        const v = ctx.mem.get(a.segment, off);
        const rel = off - a.offset;
        out.push({ name: `[${rel >= 0 ? '+' : ''}${rel}] ${a.segment}:${off}`, value: formatValue(v), cell: new Relocatable(a.segment, off), memoryReference: `${a.segment}:${off}` });
      }
      return out;
    },
  };
}

export function hintScopeNodes(s: Snapshot): VarNode[] {
  const { scopes, note } = s.hintScopes();
  const out: VarNode[] = scopes.map((scope, i) => {
    const entries = [...scope.entries()];
    const node = pyNode(i === 0 ? 'main scope' : `scope ${i}`, scope);
    node.value = entries.length === 0 ? '(empty)' : entries.map(([k]) => k).join(', ');
    return node;
  });
  if (note !== undefined) out.unshift({ name: 'note', value: note });
  return out;
}

export function memoryNodes(s: Snapshot): VarNode[] {
  const ctx = ctxOf(s);
  const names = s.segmentNames();
  const out: VarNode[] = [];
  for (let seg = 0; seg < s.mem.numSegments; seg++) out.push(segmentNode(ctx, seg, names.get(seg) ?? 'hint-made'));
  for (let t = 1; t <= s.mem.numTempSegments; t++) out.push(segmentNode(ctx, -t, 'temporary'));
  return out;
}

function segmentNode(ctx: ValueContext, segment: number, label: string): VarNode {
  const used = ctx.mem.usedSize(segment);
  return {
    name: `${segment}: ${label}`,
    value: `${used} cells`,
    memoryReference: `${segment}:0`,
    children: used > 0 ? segmentChildren(ctx, segment) : undefined,
  };
}
