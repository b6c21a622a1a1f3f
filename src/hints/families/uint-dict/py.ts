// Python-semantics helpers only the uint-dict family uses: `ids.Struct.SIZE`, list.pop(). The shared ones (ids as ints, write_arg, the exec scope) are in ../../lib/py.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { resolveIdentifier } from '../../../vm/program';
import { Relocatable } from '../../../vm/relocatable';

/** Python's type name of a Cairo value, for TypeError messages. */
export function pyTypeName(v: unknown): string {
  if (v instanceof Relocatable) return 'RelocatableValue';
  if (typeof v === 'bigint' || typeof v === 'number') return 'int';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  return 'object';
}

/** Struct sizes by hint and name: a hint's scopes and program never change (dict hints ask for
 * DictAccess's size at every access, through 2-3 identifier lookups each). */
const sizes = new WeakMap<object, Map<string, number>>();

/** The size of a struct named from the hint's scopes (`ids.DictAccess.SIZE`). */
export function structSize(ctx: HintContext, name: string): number {
  let known = sizes.get(ctx.hint);
  const hit = known?.get(name);
  if (hit !== undefined) return hit;
  const scopes = ctx.hint.accessibleScopes;
  for (let i = scopes.length - 1; i >= -1; i--) {
    const full = i >= 0 ? `${scopes[i]}.${name}` : name;
    const id = resolveIdentifier(ctx.program, full);
    if (id?.id.type === 'struct') {
      if (known === undefined) sizes.set(ctx.hint, (known = new Map()));
      known.set(name, id.id.size);
      return id.id.size;
    }
  }
  throw new HintError('AttributeError', `'IdentifierManager' has no struct ${name}.`);
}

/** `list.pop()` on a Python list kept in a scope. */
export function pyPop<T>(list: T[], codeLine?: string): T {
  if (list.length === 0) throw new HintError('IndexError', 'pop from empty list', codeLine);
  return list.pop() as T;
}
