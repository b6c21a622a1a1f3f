// usort.cairo: sorting with multiplicities. The main hint leaves `positions_dict` (value ->
// positions in the input, ascending) in the usort exec scope; verify_multiplicity pops them.
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { Value } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { memGet, scopeGet, scopeInt, toBigInt } from '../../lib/py';
import { genArg, scopeList } from './util';
import * as C from './codes';

/** positions_dict: Python's defaultdict(list) keyed by memory values. */
export class PositionsDict {
  private readonly map = new Map<string, { value: Value; positions: number[] }>();

  static keyOf(v: Value): string {
    return typeof v === 'object' ? `r${v.segment}:${v.offset}` : F.big(v).toString();
  }

  /** positions_dict[v] (creating an empty list, as a defaultdict does). */
  get(v: Value): number[] {
    const k = PositionsDict.keyOf(v);
    let e = this.map.get(k);
    if (e === undefined) {
      e = { value: v, positions: [] };
      this.map.set(k, e);
    }
    return e.positions;
  }

  /** sorted(positions_dict.keys()): felts by value, then addresses by (segment, offset). */
  sortedKeys(): Value[] {
    const keys = [...this.map.values()].map((e) => e.value);
    return keys.sort((a, b) => {
      if (typeof a !== 'object' && typeof b !== 'object') {
        const x = F.big(a);
        const y = F.big(b);
        return x < y ? -1 : x > y ? 1 : 0;
      }
      if (typeof a !== 'object') return -1;
      if (typeof b !== 'object') return 1;
      return a.segment - b.segment || a.offset - b.offset;
    });
  }
}

defineHint(C.USORT_ENTER_SCOPE, (ctx) => {
  const max = ctx.scope.has('__usort_max_size') ? ctx.scope.get('__usort_max_size') : null;
  ctx.vm.enterScope(new Map<string, unknown>([['__usort_max_size', max ?? null]]));
});

defineHint(C.USORT_BODY, (ctx) => {
  const inputPtr = ctx.ids.ptr('input');
  const lenV = ctx.ids.get('input_len');
  if (typeof lenV === 'object') throw new HintError('TypeError', "int() argument must be a string, a bytes-like object or a number, not 'RelocatableValue'");
  const inputLen = F.big(lenV);
  const max = scopeGet(ctx, '__usort_max_size');
  if (max !== null && max !== undefined) {
    const m = toBigInt(max, '__usort_max_size');
    hintAssert(inputLen <= m, `usort() can only be used with input_len<=${m}. Got: input_len=${inputLen}.`,
      'assert input_len <= __usort_max_size, (');
  }
  const positions = new PositionsDict();
  const n = Number(inputLen);
  for (let i = 0; i < n; i++) positions.get(memGet(ctx.mem, inputPtr.add(i))).push(i);
  ctx.scope.set('positions_dict', positions);
  const output = positions.sortedKeys();
  ctx.ids.set('output_len', BigInt(output.length));
  ctx.ids.set('output', genArg(ctx, output));
  ctx.ids.set('multiplicities', genArg(ctx, output.map((k) => BigInt(positions.get(k).length))));
});

function positionsDict(ctx: HintContext): PositionsDict {
  const d = scopeGet(ctx, 'positions_dict');
  if (!(d instanceof PositionsDict)) throw new HintError('TypeError', 'positions_dict is not a dict');
  return d;
}

// verify_usort: the positions of one value, to pop in ascending order.
defineHint(C.USORT_VERIFY, (ctx) => {
  ctx.scope.set('last_pos', 0n);
  ctx.scope.set('positions', [...positionsDict(ctx).get(ctx.ids.get('value'))].reverse());
});

defineHint(C.USORT_VERIFY_MULTIPLICITY_BODY, (ctx) => {
  const positions = scopeList(ctx, 'positions');
  if (positions.length === 0) throw new HintError('IndexError', 'pop from empty list', 'current_pos = positions.pop()');
  const current = toBigInt(positions.pop(), 'current_pos');
  ctx.scope.set('current_pos', current);
  const last = scopeInt(ctx, 'last_pos');
  ctx.ids.set('next_item_index', current - last);
  ctx.scope.set('last_pos', current + 1n);
});

defineHint(C.USORT_VERIFY_MULTIPLICITY_ASSERT, (ctx) => {
  hintAssert(scopeList(ctx, 'positions').length === 0, '', 'assert len(positions) == 0');
});
