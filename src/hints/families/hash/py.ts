// Small pieces of the Python hint environment the hash hints use: memory.get_range,
// segments.write_arg, int() and the TypeErrors Python raises when an address shows up where an
// integer is expected.
import { Memory } from '../../../vm/memory';
import { Relocatable, Value } from '../../../vm/relocatable';
import { VmError } from '../../../vm/errors';
import * as F from '../../../vm/felt';
import { HintError } from '../../errors';

/** `memory[addr]` in a hint: no auto-deduction; an unknown cell is UnknownMemoryError. */
export function memGet(mem: Memory, addr: Relocatable): Value {
  const v = addr.offset >= 0 ? mem.getAt(addr) : undefined;
  if (v === undefined) throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${addr}.`);
  return v;
}

/** `memory.get_range(addr, size)`; a size below 1 gives an empty list, like range(size). */
export function getRange(mem: Memory, addr: Relocatable, size: bigint | number): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < Number(size); i++) out.push(memGet(mem, new Relocatable(addr.segment, addr.offset + i)));
  return out;
}

/** `addr - n` for an address and a small integer. */
export function minus(addr: Relocatable, n: bigint): Relocatable {
  return new Relocatable(addr.segment, addr.offset - Number(n));
}

/** `segments.write_arg(ptr, values)`: integers are reduced modulo the prime. */
export function writeArg(mem: Memory, ptr: Relocatable, values: readonly bigint[]): void {
  mem.load(ptr, values.map((v) => F.toFelt(v)));
}

/** Python's int(x) for a value read from ids or memory. */
export function pyInt(v: Value, codeLine?: string): bigint {
  if (typeof v === 'object') {
    throw new HintError('TypeError',
      "int() argument must be a string, a bytes-like object or a number, not 'RelocatableValue'", codeLine);
  }
  return F.big(v);
}

/** A value used in integer arithmetic (an address there is a TypeError in Python). */
export function intOperand(v: Value, op: string, codeLine?: string): bigint {
  if (typeof v === 'object') {
    throw new HintError('TypeError', `unsupported operand type(s) for ${op}: 'RelocatableValue' and 'int'`, codeLine);
  }
  return F.big(v);
}

/**
 * Python's ordering of two memory values (RelocatableValue.__lt__ and friends): integers compare
 * as integers, every integer is below every address, addresses compare by (segment, offset).
 * Returns a negative, zero or positive number.
 */
export function pyCompare(a: Value | bigint, b: Value | bigint): number {
  const ra = typeof a === 'object';
  const rb = typeof b === 'object';
  if (ra && rb) return a.segment !== b.segment ? a.segment - b.segment : a.offset - b.offset;
  if (ra) return 1;
  if (rb) return -1;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The words read by a hash hint, as integers; an address among them is a TypeError. */
export function intWords(values: readonly Value[], op: string, codeLine?: string): bigint[] {
  return values.map((v) => intOperand(v, op, codeLine));
}

/** Python's `assert 0 <= x < bound` with no message. */
export function assertBelow(x: bigint, bound: bigint, codeLine: string): void {
  if (!(x >= 0n && x < bound)) throw new HintError('AssertionError', '', codeLine);
}

/** A name read from the hint's globals (the innermost exec scope); NameError when absent. */
export function scopeGet(scope: Map<string, unknown>, name: string, codeLine?: string): unknown {
  if (!scope.has(name)) throw new HintError('NameError', `name '${name}' is not defined`, codeLine);
  return scope.get(name);
}
