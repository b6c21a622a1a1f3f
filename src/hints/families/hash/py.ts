// Small pieces of the Python hint environment only the hash hints use; the shared ones (memory
// reads, write_arg, int() and operand TypeErrors, the exec scope) are in ../../lib/py.
import { Relocatable } from '../../../vm/relocatable';
import { HintError } from '../../errors';

/** `addr - n` for an address and a small integer. */
export function minus(addr: Relocatable, n: bigint): Relocatable {
  return new Relocatable(addr.segment, addr.offset - Number(n));
}

/** Python's `assert 0 <= x < bound` with no message. */
export function assertBelow(x: bigint, bound: bigint, codeLine: string): void {
  if (!(x >= 0n && x < bound)) throw new HintError('AssertionError', '', codeLine);
}
