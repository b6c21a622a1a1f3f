// Small Python-semantics helpers for the uint-dict family: reading `ids` as Python ints,
// `segments.write_arg`, exec-scope (globals()) look-ups, `ids.Struct.SIZE`.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { resolveIdentifier } from '../../../vm/program';
import { Relocatable, Value } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';

/** Python's type name of a Cairo value, for TypeError messages. */
export function pyTypeName(v: unknown): string {
  if (v instanceof Relocatable) return 'RelocatableValue';
  if (typeof v === 'bigint' || typeof v === 'number') return 'int';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  return 'object';
}

/** `ids.name` used as a Python int (an address there raises TypeError, as in Python). */
export function idsInt(ctx: HintContext, name: string, op = '+'): bigint {
  const v = ctx.ids.get(name);
  if (v instanceof Relocatable) {
    throw new HintError('TypeError', `unsupported operand type(s) for ${op}: 'RelocatableValue' and 'int'`);
  }
  return F.big(v);
}

/** A memory cell used as a Python int. */
export function memInt(ctx: HintContext, addr: Relocatable, op = '+'): bigint {
  const v = ctx.mem.readAt(addr);
  if (v instanceof Relocatable) {
    throw new HintError('TypeError', `unsupported operand type(s) for ${op}: 'RelocatableValue' and 'int'`);
  }
  return F.big(v);
}

/** A Python int or a Cairo value as memory takes it (`memory[x] = v` reduces ints modulo P). */
export function toValue(v: bigint | number | Relocatable): Value {
  if (v instanceof Relocatable) return v;
  return F.toFelt(v);
}

/** segments.write_arg(ptr, values): writes the values at ptr, ptr + 1, ... in order. */
export function writeArg(ctx: HintContext, ptr: Value, values: readonly (bigint | Relocatable)[]): void {
  if (!(ptr instanceof Relocatable)) {
    throw new HintError('TypeError', `unsupported operand type(s) for +: 'int' and 'int'`);
  }
  values.forEach((v, i) => ctx.mem.writeAt(ptr.add(i), toValue(v)));
}

/** The size of a struct named from the hint's scopes (`ids.DictAccess.SIZE`). */
export function structSize(ctx: HintContext, name: string): number {
  const scopes = ctx.hint.accessibleScopes;
  for (let i = scopes.length - 1; i >= -1; i--) {
    const full = i >= 0 ? `${scopes[i]}.${name}` : name;
    const id = resolveIdentifier(ctx.program, full);
    if (id?.id.type === 'struct') return id.id.size;
  }
  throw new HintError('AttributeError', `'IdentifierManager' has no struct ${name}.`);
}

/** A variable of the hint's globals (the innermost exec scope), or Python's NameError. */
export function scopeGet<T>(ctx: HintContext, name: string, codeLine?: string): T {
  const scope = ctx.vm.scope;
  if (!scope.has(name)) throw new HintError('NameError', `name '${name}' is not defined`, codeLine);
  return scope.get(name) as T;
}

/** A Python int kept in a scope (bigint; a JS number from another family is accepted). */
export function asPyInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new HintError('TypeError', `an integer is required (got type ${pyTypeName(v)})`);
}

/** `list.pop()` on a Python list kept in a scope. */
export function pyPop<T>(list: T[], codeLine?: string): T {
  if (list.length === 0) throw new HintError('IndexError', 'pop from empty list', codeLine);
  return list.pop() as T;
}

/**
 * math_utils.isqrt: floor(sqrt(n)) for n >= 0 (AssertionError for n < 0), Newton's method
 * from above in bigint only (the shared lib/math-utils isqrt walks one by one from a float
 * guess, which takes forever for some 256-bit inputs).
 */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new HintError('AssertionError', '');
  if (n < 2n) return n;
  let x = 1n << ((BigInt(n.toString(2).length) + 1n) >> 1n);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
