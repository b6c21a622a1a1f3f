// A value of a Sierra type as the Variables view shows it, read from its cells: consecutive
// memory cells (an argument below fp, the target of a box or an array's elements), or the
// cells the compiler left a variable in, which need not be consecutive nor in memory at all
// (cells.ts). felt252, integers (signed ones below zero), bool, u256, structs by member,
// tuples, enums by variant, boxes, arrays and spans by element.
import { Memory } from '../../vm/memory';
import { Relocatable, Value } from '../../vm/relocatable';
import { getPrime } from '../../vm/felt';
import { VarNode, formatValue, summary } from '../values';
import { SierraTypes } from './sierra-types';
import { Cell, readCell } from './cells';

const MAX_ELEMENTS = 1000;

/** The cells of one value, from its first. */
export interface CellSource {
  cell(i: number): Cell;
  from(i: number): CellSource;
}

/** Consecutive memory cells from `addr`. */
export function memoryCells(mem: Memory, addr: Relocatable): CellSource {
  return {
    cell: (i) => {
      const a = new Relocatable(addr.segment, addr.offset + i);
      return { value: readCell(mem, a.segment, a.offset), addr: a };
    },
    from: (i) => memoryCells(mem, new Relocatable(addr.segment, addr.offset + i)),
  };
}

/** Cells as the compiler left them (one per cell of the type). */
export function listedCells(cells: Cell[]): CellSource {
  return { cell: (i) => cells[i] ?? { value: undefined }, from: (i) => listedCells(cells.slice(i)) };
}

type Base = { name: string; type: string; memoryReference?: string };

export class SierraValues {
  constructor(
    private readonly types: SierraTypes,
    /** Member names of user structs and variant names of enums, by type id (the debug file's user-types). */
    private readonly members: Map<string, string[]> = new Map(),
  ) {}

  value(name: string, typeId: string, mem: Memory, src: CellSource, depth = 0): VarNode {
    const t = this.types.types.get(typeId);
    const type = this.types.name(typeId);
    const first = src.cell(0);
    const base: Base = { name, type, ...(first.addr === undefined ? {} : { memoryReference: `${first.addr.segment}:${first.addr.offset}` }) };
    const one = (value: string): VarNode => ({ ...base, value, ...(first.addr === undefined ? {} : { cell: first.addr }) });
    if (t === undefined || depth > 16) return { ...base, value: formatValue(first.value) };
    const user = t.args[0]?.startsWith('ut@') ? t.args[0].slice(3) : undefined;
    switch (t.generic) {
      case 'felt252':
      case 'bytes31':
        return one(formatValue(first.value));
      case 'i8':
      case 'i16':
      case 'i32':
      case 'i64':
      case 'i128':
        return one(signed(first.value));
      case 'Snapshot':
      case 'NonZero':
        return { ...this.value(name, t.args[0], mem, src, depth + 1), type };
      case 'Box':
      case 'Nullable': {
        const p = first.value;
        if (typeof p !== 'object') return { ...base, value: p === 0 || p === 0n ? 'null' : formatValue(p) };
        const inner = this.value('*', t.args[0], mem, memoryCells(mem, p), depth + 1);
        return { ...base, value: `${p} -> ${inner.value}`, children: { list: () => [inner] } };
      }
      case 'Array':
        return this.array(base, t.args[0], mem, first.value, src.cell(1).value, depth);
      case 'Struct': {
        if (user?.startsWith('core::array::Span::') && t.args.length === 2) {
          const inner = this.types.types.get(t.args[1]);
          const arr = inner?.generic === 'Snapshot' ? inner.args[0] : t.args[1];
          const elem = this.types.types.get(arr)?.args[0];
          if (elem !== undefined) return this.array(base, elem, mem, first.value, src.cell(1).value, depth);
        }
        const names = this.members.get(typeId);
        const kids: VarNode[] = [];
        let at = 0;
        for (const [i, f] of t.args.slice(1).entries()) {
          kids.push(this.value(names?.[i] ?? `.${i}`, f, mem, src.from(at), depth + 1));
          at += this.types.size(f) ?? 0;
        }
        if (user === 'core::integer::u256' && kids.length === 2) {
          const [low, high] = [first.value, src.cell(1).value];
          const v = typeof low === 'object' || typeof high === 'object' || low === undefined || high === undefined ? '<unknown>' : String(BigInt(low) + (BigInt(high) << 128n));
          kids[0].name = 'low';
          kids[1].name = 'high';
          return { ...base, value: v, children: { list: () => kids } };
        }
        const shown = user === 'Tuple' ? `(${kids.map((k) => k.value).join(', ')})` : kids.length === 0 ? '()' : summary(kids);
        return { ...base, value: shown, children: kids.length ? { list: () => kids } : undefined };
      }
      case 'Enum':
        return this.enumValue(base, typeId, t.args.slice(1), user ?? '', mem, src, depth);
      default:
        return one(formatValue(first.value));
    }
  }

  private array(base: Base, elem: string, mem: Memory, start: Value | undefined, end: Value | undefined, depth: number): VarNode {
    const size = this.types.size(elem);
    if (typeof start !== 'object' || typeof end !== 'object' || size === undefined || size === 0 || start.segment !== end.segment) return { ...base, value: `${formatValue(start)} .. ${formatValue(end)}` };
    const n = Math.floor((end.offset - start.offset) / size);
    const list = (from = 0, count = n) => {
      const out: VarNode[] = [];
      for (let i = from; i < Math.min(n, from + count, from + MAX_ELEMENTS); i++) out.push(this.value(`[${i}]`, elem, mem, memoryCells(mem, new Relocatable(start.segment, start.offset + i * size)), depth + 1));
      return out;
    };
    const shown = list(0, 8).map((k) => k.value);
    return { ...base, value: `[${shown.join(', ')}${n > 8 ? `, ... (${n})` : ''}]`, children: n > 0 ? { indexed: n, list } : undefined };
  }

  /**
   * An enum: its selector cell, then its variant padded to the largest one. With two variants
   * the selector is the variant's index; with more it is a jump-table offset, shown as it is.
   */
  private enumValue(base: Base, typeId: string, variants: string[], user: string, mem: Memory, src: CellSource, depth: number): VarNode {
    const sel = src.cell(0).value;
    const raw = { ...base, value: `selector ${formatValue(sel)}` };
    if (variants.length > 2 || typeof sel === 'object' || sel === undefined || Number(sel) >= variants.length) return raw;
    const index = Number(sel);
    const label = this.members.get(typeId)?.[index] ?? variantName(user, index);
    if (user === 'core::bool') return { ...base, value: index === 1 ? 'true' : 'false' };
    const max = Math.max(...variants.map((v) => this.types.size(v) ?? 0));
    const size = this.types.size(variants[index]) ?? -1;
    if (size === 0) return { ...base, value: label };
    if (size !== max) return raw;
    const payload = this.value(label, variants[index], mem, src.from(1), depth + 1);
    return { ...base, value: `${label}(${payload.value})`, children: { list: () => [payload] } };
  }
}

function signed(v: Value | undefined): string {
  if (v === undefined || typeof v === 'object') return formatValue(v);
  const n = BigInt(v);
  const p = getPrime();
  return String(n > p / 2n ? n - p : n);
}

function variantName(user: string, index: number): string {
  if (user.startsWith('core::option::Option')) return index === 0 ? 'Some' : 'None';
  if (user.startsWith('core::result::Result') || user.startsWith('core::panics::PanicResult')) return index === 0 ? 'Ok' : 'Err';
  return `variant ${index}`;
}
