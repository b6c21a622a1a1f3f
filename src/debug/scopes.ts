// The four scopes of a selected frame: Locals (the function's ids, typed), Registers (with the
// current instruction), Hint scopes (the exec-scope stack) and Memory (one child per segment).
import { Relocatable } from '../vm/relocatable';
import { DebugRun } from './run';
import { VarNode, typedNode, jsNode, summary, segmentChildren, formatValue, memoryReference, ValueContext } from './values';
import { disassemble } from './disassemble';
import { shortName } from './source-map';
import { typeToString } from '../vm/cairo-expr';

function ctxOf(run: DebugRun): ValueContext {
  return { program: run.program, mem: run.memory() };
}

export function localNodes(run: DebugRun, frameIndex: number): VarNode[] {
  const env = run.frameEnv(frameIndex);
  const ctx = ctxOf(run);
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

export function registerNodes(run: DebugRun, frameIndex: number): VarNode[] {
  const frame = run.frames()[frameIndex];
  const mem = run.memory();
  const ctx = ctxOf(run);
  const out: VarNode[] = [];
  const pc = frame.pc;
  let where = '';
  if (pc.segment === 0) {
    const fn = run.sourceMap.functionAt(pc.offset);
    const line = run.sourceMap.lineOf(pc.offset);
    where = [fn ? shortName(run.program, fn.name) : '', line ? `${run.sourceMap.files[line.file]}:${line.line}` : ''].filter(Boolean).join(' at ');
  }
  out.push({ name: 'pc', value: pc.toString() + (where ? `  (${where})` : ''), memoryReference: pc.segment === 0 ? '0x' + pc.offset.toString(16) : memoryReference(pc) });
  const reg = (name: string, v: Relocatable | undefined): VarNode =>
    v === undefined
      ? { name, value: '<unknown in this frame>' }
      : { name, value: v.toString(), memoryReference: memoryReference(v), children: segmentFrom(ctx, v) };
  out.push(reg('ap', frame.ap));
  out.push(reg('fp', frame.fp));
  const d = disassemble(mem.get(pc.segment, pc.offset), mem.get(pc.segment, pc.offset + 1));
  out.push({ name: 'instruction', value: d ? d.text : '<not an instruction>' });
  if (frameIndex === 0) out.push({ name: 'step', value: String(run.cursor) + (run.cursor < run.live ? ` (history; live step ${run.live})` : '') });
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

export function hintScopeNodes(run: DebugRun): VarNode[] {
  const scopes = run.runner.vm.execScopes;
  const past = run.cursor < run.live;
  const out: VarNode[] = scopes.map((scope, i) => {
    const entries = [...scope.entries()];
    const node = jsNode(i === 0 ? 'main scope' : `scope ${i}`, scope);
    node.value = entries.length === 0 ? '(empty)' : entries.map(([k]) => k).join(', ');
    return node;
  });
  if (past) out.unshift({ name: 'note', value: 'Hint scopes are shown as they are now: history does not keep them.' });
  return out;
}

export function memoryNodes(run: DebugRun): VarNode[] {
  const mem = run.memory();
  const ctx = ctxOf(run);
  const names = new Map<number, string>();
  names.set(run.runner.programBase.segment, 'program');
  names.set(run.runner.executionBase.segment, 'execution');
  for (const b of run.runner.builtins) names.set(b.base.segment, b.name);
  names.set(run.runner.end.segment, 'end (return address of the entrypoint)');
  const out: VarNode[] = [];
  for (let s = 0; s < mem.numSegments; s++) out.push(segmentNode(ctx, s, names.get(s) ?? 'hint-made'));
  for (let t = 1; t <= mem.numTempSegments; t++) out.push(segmentNode(ctx, -t, 'temporary'));
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
