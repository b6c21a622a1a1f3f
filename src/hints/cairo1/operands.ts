// The operands of cairo-lang-casm's hints (CellRef, ResOperand), parsed once from the
// executable's JSON and evaluated against the VM the way cairo-lang-runner's casm_run does
// (get_val, get_maybe, extract_buffer, cell_ref_to_relocatable): plain reads, no auto-deduction.
import type { VirtualMachine } from '../../vm/vm';
import { Felt, add, mul, toFelt, big } from '../../vm/felt';
import { Relocatable, Value } from '../../vm/relocatable';
import { VmError } from '../../vm/errors';

export interface CellRef {
  readonly fp: boolean;
  readonly offset: number;
}

export type ResOperand =
  | { readonly kind: 'deref'; readonly cell: CellRef }
  | { readonly kind: 'double'; readonly cell: CellRef; readonly offset: number }
  | { readonly kind: 'imm'; readonly value: Felt }
  | { readonly kind: 'binop'; readonly mul: boolean; readonly a: CellRef; readonly b: CellRef | Felt };

/** A malformed hint in the executable's JSON (reported with the hint's pc by the loader). */
export class HintFormatError extends Error {}

type Json = unknown;

function obj(j: Json, what: string): Record<string, Json> {
  if (typeof j !== 'object' || j === null || Array.isArray(j)) throw new HintFormatError(`${what}: expected an object, got ${JSON.stringify(j)}`);
  return j as Record<string, Json>;
}

function int16(j: Json, what: string): number {
  if (typeof j !== 'number' || !Number.isInteger(j) || j < -32768 || j > 32767) throw new HintFormatError(`${what}: expected a 16-bit offset, got ${JSON.stringify(j)}`);
  return j;
}

/** BigIntAsHex: a string "0x..." or "-0x..." (serde writes hex; decimal is accepted too). */
export function parseBigInt(j: Json, what: string): bigint {
  if (typeof j === 'number' && Number.isSafeInteger(j)) return BigInt(j);
  if (typeof j !== 'string' || !/^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(j)) throw new HintFormatError(`${what}: expected an integer (hex string), got ${JSON.stringify(j)}`);
  return j.startsWith('-') ? -BigInt(j.slice(1)) : BigInt(j);
}

export function parseCell(j: Json, what: string): CellRef {
  const o = obj(j, what);
  if (o.register !== 'AP' && o.register !== 'FP') throw new HintFormatError(`${what}.register: expected "AP" or "FP", got ${JSON.stringify(o.register)}`);
  return { fp: o.register === 'FP', offset: int16(o.offset, `${what}.offset`) };
}

export function parseRes(j: Json, what: string): ResOperand {
  const o = obj(j, what);
  const keys = Object.keys(o);
  if (keys.length !== 1) throw new HintFormatError(`${what}: expected one of Deref, DoubleDeref, Immediate, BinOp`);
  const v = o[keys[0]];
  switch (keys[0]) {
    case 'Deref':
      return { kind: 'deref', cell: parseCell(v, `${what}.Deref`) };
    case 'DoubleDeref': {
      if (!Array.isArray(v) || v.length !== 2) throw new HintFormatError(`${what}.DoubleDeref: expected [cell, offset]`);
      return { kind: 'double', cell: parseCell(v[0], `${what}.DoubleDeref[0]`), offset: int16(v[1], `${what}.DoubleDeref[1]`) };
    }
    case 'Immediate':
      return { kind: 'imm', value: toFelt(parseBigInt(v, `${what}.Immediate`)) };
    case 'BinOp': {
      const b = obj(v, `${what}.BinOp`);
      if (b.op !== 'Add' && b.op !== 'Mul') throw new HintFormatError(`${what}.BinOp.op: expected "Add" or "Mul", got ${JSON.stringify(b.op)}`);
      const rhs = obj(b.b, `${what}.BinOp.b`);
      let bv: CellRef | Felt;
      if ('Deref' in rhs) bv = parseCell(rhs.Deref, `${what}.BinOp.b.Deref`);
      else if ('Immediate' in rhs) bv = toFelt(parseBigInt(rhs.Immediate, `${what}.BinOp.b.Immediate`));
      else throw new HintFormatError(`${what}.BinOp.b: expected Deref or Immediate`);
      return { kind: 'binop', mul: b.op === 'Mul', a: parseCell(b.a, `${what}.BinOp.a`), b: bv };
    }
  }
  throw new HintFormatError(`${what}: unknown operand ${JSON.stringify(keys[0])}`);
}

/** The address a cell names: [ap + offset] or [fp + offset]. */
export function cellAddr(vm: VirtualMachine, c: CellRef): Relocatable {
  return c.fp ? new Relocatable(vm.fpSeg, vm.fp + c.offset) : new Relocatable(vm.apSeg, vm.ap + c.offset);
}

function readAt(vm: VirtualMachine, a: Relocatable): Value {
  const v = vm.mem.get(a.segment, a.offset);
  if (v === undefined) throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${a}.`);
  return v;
}

function feltAt(vm: VirtualMachine, a: Relocatable): Felt {
  const v = readAt(vm, a);
  if (typeof v === 'object') throw new VmError('PureValue', `Expected integer at address ${a}, found the relocatable ${v}.`);
  return v;
}

function ptrAt(vm: VirtualMachine, a: Relocatable): Relocatable {
  const v = readAt(vm, a);
  if (typeof v !== 'object') throw new VmError('PureValue', `Expected relocatable at address ${a}, found the felt ${big(v)}.`);
  return v;
}

export function cellFelt(vm: VirtualMachine, c: CellRef): Felt {
  return feltAt(vm, cellAddr(vm, c));
}

export function cellPtr(vm: VirtualMachine, c: CellRef): Relocatable {
  return ptrAt(vm, cellAddr(vm, c));
}

/** get_val: the operand as a felt. */
export function resFelt(vm: VirtualMachine, r: ResOperand): Felt {
  switch (r.kind) {
    case 'deref': return cellFelt(vm, r.cell);
    case 'double': return feltAt(vm, cellPtr(vm, r.cell).add(toFelt(r.offset)));
    case 'imm': return r.value;
    case 'binop': {
      const a = cellFelt(vm, r.a);
      const b = typeof r.b === 'object' ? cellFelt(vm, r.b) : r.b;
      return r.mul ? mul(a, b) : add(a, b);
    }
  }
}

/** get_maybe: the operand as a felt or an address. */
export function resValue(vm: VirtualMachine, r: ResOperand): Value {
  switch (r.kind) {
    case 'deref': return readAt(vm, cellAddr(vm, r.cell));
    case 'double': return readAt(vm, cellPtr(vm, r.cell).add(toFelt(r.offset)));
    case 'imm': return r.value;
    case 'binop': {
      const a = readAt(vm, cellAddr(vm, r.a));
      const b = typeof r.b === 'object' ? cellFelt(vm, r.b) : r.b;
      if (typeof a === 'object') {
        if (r.mul) throw new VmError('PureValue', `Could not complete computation * of non pure value: ${a}.`);
        return a.add(b);
      }
      return r.mul ? mul(a, b) : add(a, b);
    }
  }
}

/** extract_buffer: a buffer operand is [cell] or [cell] + imm. */
export function bufferOf(r: ResOperand): { cell: CellRef; offset: Felt } {
  if (r.kind === 'deref') return { cell: r.cell, offset: 0 };
  if (r.kind === 'binop' && !r.mul && typeof r.b !== 'object') return { cell: r.a, offset: r.b };
  throw new VmError('Hint', 'Illegal argument for a buffer.');
}

/** extract_relocatable: the address a buffer operand points at. */
export function resPtr(vm: VirtualMachine, r: ResOperand): Relocatable {
  const { cell, offset } = bufferOf(r);
  return cellPtr(vm, cell).add(offset);
}

export function writeCell(vm: VirtualMachine, c: CellRef, v: Value): void {
  const a = cellAddr(vm, c);
  vm.mem.write(a.segment, a.offset, v);
}

export { feltAt, ptrAt };
