// What the Variables view shows: typed Cairo values (felts, pointers with their target, structs
// by member, arrays through pointers), raw memory cells, and the hints' Python-like scope values.
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

export function parseMemoryReference(ref: string): Relocatable | undefined {
  const m = /^\s*(-?\d+):(\d+)\s*$/.exec(ref);
  if (m) return new Relocatable(Number(m[1]), Number(m[2]));
  if (/^\s*0x[0-9a-fA-F]+\s*$/.test(ref) || /^\s*\d+\s*$/.test(ref)) return new Relocatable(0, Number(BigInt(ref.trim())));
  return undefined;
}

function errorText(e: unknown): string {
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

/** A value from a hint's exec scope (any JS value the hint families keep there). */
export function jsNode(name: string, v: unknown, depth = 0): VarNode {
  const node: VarNode = { name, value: '' };
  if (v === null || v === undefined) node.value = String(v);
  else if (typeof v === 'bigint') node.value = v >= 0n && v < F.getPrime() ? formatFelt(F.toFelt(v)) : v.toString();
  else if (typeof v === 'number' || typeof v === 'boolean') node.value = String(v);
  else if (typeof v === 'string') node.value = JSON.stringify(v);
  else if (typeof v === 'function') node.value = 'function';
  else if (v instanceof Relocatable) node.value = v.toString();
  else if (depth > 8) node.value = '...';
  else {
    const o = v as Record<string, unknown>;
    let entries: [string, unknown][];
    let label: string;
    if (typeof o.describe === 'function') {
      try {
        const d = (o.describe as () => unknown).call(o);
        if (typeof d === 'string') label = d;
        else return { ...jsNode(name, d, depth + 1), type: o.constructor?.name };
      } catch {
        label = o.constructor?.name ?? 'object';
      }
    } else label = '';
    if (typeof o.dicts === 'function') {
      let d: unknown;
      try {
        d = (o.dicts as () => unknown).call(o);
      } catch (e) {
        d = errorText(e);
      }
      entries = d instanceof Map ? [...d.entries()].map(([k, x]) => [keyText(k), x]) : Object.entries(d as object);
    } else if (v instanceof Map) entries = [...v.entries()].map(([k, x]) => [keyText(k), x]);
    else if (v instanceof Set) entries = [...v.values()].map((x, i) => [String(i), x]);
    else if (Array.isArray(v)) entries = v.map((x, i) => [String(i), x]);
    else entries = Object.entries(o).filter(([, x]) => typeof x !== 'function');
    const kind = v instanceof Map ? `Map(${entries.length})` : Array.isArray(v) ? `Array(${entries.length})` : v instanceof Set ? `Set(${entries.length})` : (o.constructor?.name ?? 'object');
    node.type = o.constructor?.name;
    node.value = label || (entries.length <= 6 ? `${kind} {${entries.map(([k, x]) => `${k}: ${shortJs(x)}`).join(', ')}}` : kind);
    if (entries.length > 0) node.children = { list: () => entries.slice(0, 1000).map(([k, x]) => jsNode(k, x, depth + 1)) };
  }
  return node;
}

function keyText(k: unknown): string {
  if (typeof k === 'bigint') return formatFelt(F.toFelt(k));
  if (k instanceof Relocatable) return k.toString();
  return typeof k === 'string' ? k : String(k);
}

function shortJs(v: unknown): string {
  if (typeof v === 'bigint') return formatFelt(F.toFelt(v));
  if (v instanceof Relocatable) return v.toString();
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? JSON.stringify(v) : String(v);
  if (v instanceof Map) return `Map(${v.size})`;
  if (Array.isArray(v)) return `Array(${v.length})`;
  return (v as object).constructor?.name ?? 'object';
}
