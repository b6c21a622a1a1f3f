// What the Variables view shows: typed Cairo values (felts, pointers with their target, structs
// by member, arrays through pointers) and raw memory cells.
// Children are computed only when a node is expanded.
import { Program } from '../vm/program';
import { Memory } from '../vm/memory';
import { Relocatable, Value } from '../vm/relocatable';
import { Typed, valueOf, membersOf, sizeOf } from '../vm/reference';
import { CairoType, typeToString } from '../vm/cairo-expr';
import * as F from '../vm/felt';

export interface Children {
  /** Number of indexed children when they are paged (arrays, memory). */
  indexed?: number;
  list(start?: number, count?: number): VarNode[];
}

export interface VarNode {
  name: string;
  value: string;
  type?: string;
  /** The cell holding this value, when it is one cell (setVariable writes it if unwritten). */
  cell?: Relocatable;
  memoryReference?: string;
  evaluateName?: string;
  /** The value when it is one felt, so a view can show it in another base (hex). */
  felt?: F.Felt;
  children?: Children;
}

const TWO_128 = 1n << 128n;

/** A felt as a person reads it: decimal when small, negative when just below P, else hex. */
export function formatFelt(v: F.Felt): string {
  if (typeof v === 'number') return String(v);
  if (v < TWO_128) return v.toString();
  const p = F.getPrime();
  if (p - v < TWO_128) return `-${p - v}`;
  return '0x' + v.toString(16);
}

export function formatValue(v: Value | undefined): string {
  if (v === undefined) return '<unknown>';
  return typeof v === 'object' ? v.toString() : formatFelt(v);
}

/** `2:15` names a cell; program-segment addresses also read as plain hex for the disassembly view. */
export function memoryReference(a: Relocatable): string {
  return `${a.segment}:${a.offset}`;
}

export function errorText(e: unknown): string {
  return `<${e instanceof Error ? e.message : String(e)}>`;
}

export interface ValueContext {
  program: Program;
  mem: Memory;
}

/** Cells from `start`, `count` of them, each expandable when it holds an address. */
export function cellNodes(ctx: ValueContext, start: Relocatable, count: number): VarNode[] {
  const out: VarNode[] = [];
  for (let i = 0; i < count; i++) {
    const a = new Relocatable(start.segment, start.offset + i);
    out.push(cellNode(ctx, String(a.offset), a));
  }
  return out;
}

export function cellNode(ctx: ValueContext, name: string, a: Relocatable): VarNode {
  const v = ctx.mem.get(a.segment, a.offset);
  const node: VarNode = { name, value: formatValue(v), cell: a, memoryReference: memoryReference(a) };
  if (typeof v === 'object') node.children = pointedCells(ctx, v);
  else if (v !== undefined) node.felt = v;
  return node;
}

/** What an address points at: the written cells from there (paged). */
export function pointedCells(ctx: ValueContext, a: Relocatable): Children {
  const used = ctx.mem.usedSize(a.segment);
  const n = Math.max(0, Math.min(used - a.offset, 1 << 20));
  return { indexed: n, list: (start = 0, count = Math.min(n, 100)) => cellNodes(ctx, new Relocatable(a.segment, a.offset + start), Math.min(count, n - start)) };
}

/** Written cells of a segment, in pages of 100 once it is large. */
export function segmentChildren(ctx: ValueContext, segment: number): Children {
  const used = ctx.mem.usedSize(segment);
  // Clients that do not page get the first 1000 cells, never millions.
  return { indexed: used, list: (start = 0, count = Math.min(used, 1000)) => cellNodes(ctx, new Relocatable(segment, start), Math.max(0, Math.min(count, used - start))) };
}

/** A typed Cairo value. */
export function typedNode(ctx: ValueContext, name: string, t: Typed, evaluateName?: string): VarNode {
  const type = typeToString(t.type);
  const base: VarNode = { name, value: '', type, evaluateName, cell: t.addr };
  if (t.addr !== undefined) base.memoryReference = memoryReference(t.addr);
  const env = { mem: ctx.mem, program: ctx.program, fp: new Relocatable(1, 0), ap: undefined, lookup: () => undefined };
  try {
    if (t.type.kind === 'struct' || t.type.kind === 'tuple') {
      const members = membersOf(ctx.program, t.type);
      const addr = t.addr;
      const kids = (): VarNode[] =>
        addr === undefined
          ? []
          : members.map((m) => typedNode(ctx, m.name, { type: m.type, addr: addr.add(m.offset) }, evaluateName ? `${evaluateName}.${m.name}` : undefined));
      base.value = summary(kids());
      base.children = { list: kids };
      return base;
    }
    const v = valueOf(env, t);
    base.value = formatValue(v);
    if (typeof v !== 'object') base.felt = v;
    if (t.value !== undefined) delete base.cell;
    if (typeof v === 'object') {
      base.memoryReference = memoryReference(v);
      base.children = t.type.kind === 'pointer' ? pointerChildren(ctx, t.type.pointee, v, evaluateName) : pointedCells(ctx, v);
    }
  } catch (e) {
    base.value = errorText(e);
  }
  return base;
}

/** `p[0]`, `p[1]`, ... as far as memory is written from p. */
function pointerChildren(ctx: ValueContext, pointee: CairoType, p: Relocatable, evaluateName?: string): Children {
  let size = 1;
  try {
    size = Math.max(1, sizeOf(ctx.program, pointee));
  } catch {
    /* unknown struct: one cell each */
  }
  const used = ctx.mem.usedSize(p.segment);
  const n = Math.max(0, Math.min(Math.floor((used - p.offset) / size), 10000));
  return {
    indexed: n,
    list: (start = 0, count = Math.min(n, 100)) => {
      const out: VarNode[] = [];
      for (let i = start; i < Math.min(n, start + count); i++) {
        out.push(typedNode(ctx, `[${i}]`, { type: pointee, addr: p.add(i * size) }, evaluateName ? `${evaluateName}[${i}]` : undefined));
      }
      return out;
    },
  };
}

/** `{x: 1, y: 4}`: a struct at a glance. */
export function summary(kids: VarNode[]): string {
  const text = kids.map((k) => `${k.name}: ${k.value}`).join(', ');
  return `{${text.length > 120 ? text.slice(0, 117) + '...' : text}}`;
}
