// Small helpers only the math family uses: str() / hex() of values, `range_check_builtin.bound`,
// scope lists, gen_arg. The shared Python semantics (scope, int operands, memory) are in
// ../../lib/py.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { nameError, scopeGet, toBigInt } from '../../lib/py';
import { Relocatable, Value, valueToString } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';

/** Python's str() of a memory value: a felt in decimal, an address as `segment:offset`. */
export function pyStr(v: Value | bigint): string {
  return typeof v === 'bigint' ? v.toString() : valueToString(v);
}

/** Python's hex(): `0x...` in lower case, `-0x...` for negatives. */
export function pyHex(v: bigint): string {
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}

/** `range_check_builtin.bound`; NameError when the program has no range_check builtin. */
export function rcBound(ctx: HintContext): bigint {
  const rc = ctx.builtins.get('range_check');
  if (rc === undefined) throw nameError('range_check_builtin');
  const bound = (rc as unknown as { bound?: unknown }).bound;
  return typeof bound === 'bigint' ? bound : typeof bound === 'number' ? BigInt(bound) : 1n << 128n;
}

/** A list held in a scope variable (a JS array); TypeError otherwise. */
export function scopeList(ctx: HintContext, name: string): unknown[] {
  const v = scopeGet(ctx, name);
  if (!Array.isArray(v)) throw new HintError('TypeError', `${name} is not a list`);
  return v;
}

/** `segments.gen_arg(list)` for a flat list: a new segment holding the values. */
export function genArg(ctx: HintContext, values: readonly (Value | bigint)[]): Relocatable {
  const base = ctx.mem.addSegment();
  ctx.mem.load(base, values.map((v) => (typeof v === 'bigint' ? F.toFelt(v) : v)));
  return base;
}

/** Any Python int / felt / address from a scope variable, as a memory value. */
export function asValue(v: unknown, what: string): Value {
  if (v instanceof Relocatable) return v;
  return F.toFelt(toBigInt(v, what));
}
