// Searching arrays: find_element, search_sorted_lower, search_sorted_optimistic (find_element.cairo) and set_add (set.cairo).
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { Relocatable, Value, valuesEqual } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { getRange, memGet, toBigInt } from '../../lib/py';
import { pyStr } from './util';
import * as C from './codes';

/** Python's `a < b` on memory values (an int is below every address). */
function lt(a: Value, b: Value): boolean {
  if (typeof a === 'object') {
    if (typeof b !== 'object') return false;
    return a.segment < b.segment || (a.segment === b.segment && a.offset < b.offset);
  }
  if (typeof b === 'object') return true;
  return F.big(a) < F.big(b);
}

/** The positive integer `elm_size` (AssertionError with the reference's message otherwise). */
function elmSize(ctx: HintContext): bigint {
  const v = ctx.ids.get('elm_size');
  const ok = typeof v !== 'object' && F.big(v) > 0n;
  hintAssert(ok, `Invalid value for elm_size. Got: ${pyStr(v)}.`, 'assert isinstance(elm_size, int) and elm_size > 0, \\');
  return F.big(v as F.Felt);
}

/** `n_elms`, checked against `__find_element_max_size` when the scope sets it. */
function nElms(ctx: HintContext): bigint {
  const v = ctx.ids.get('n_elms');
  hintAssert(typeof v !== 'object', `Invalid value for n_elms. Got: ${pyStr(v)}.`, 'assert isinstance(n_elms, int) and n_elms >= 0, \\');
  const n = F.big(v);
  if (ctx.scope.has('__find_element_max_size')) {
    const max = toBigInt(ctx.scope.get('__find_element_max_size'), '__find_element_max_size');
    hintAssert(n <= max, `find_element() can only be used with n_elms<=${max}. Got: n_elms=${n}.`,
      'assert n_elms <= __find_element_max_size, \\');
  }
  return n;
}

function elementAddr(ptr: Relocatable, elmSize: bigint, i: bigint): Relocatable {
  return ptr.add(F.toFelt(elmSize * i));
}

defineHint(C.FIND_ELEMENT, (ctx) => {
  const arrayPtr = ctx.ids.ptr('array_ptr');
  const size = elmSize(ctx);
  const key = ctx.ids.get('key');
  if (ctx.scope.has('__find_element_index')) {
    const index = toBigInt(ctx.scope.get('__find_element_index'), '__find_element_index');
    ctx.ids.set('index', index);
    const found = memGet(ctx.mem, elementAddr(arrayPtr, size, index));
    hintAssert(valuesEqual(found, key),
      `Invalid index found in __find_element_index. index: ${index}, expected key ${pyStr(key)}, found key: ${pyStr(found)}.`,
      'assert found_key == key, \\');
    ctx.scope.delete('__find_element_index');
    return;
  }
  const n = nElms(ctx);
  for (let i = 0n; i < n; i++) {
    if (valuesEqual(memGet(ctx.mem, elementAddr(arrayPtr, size, i)), key)) {
      ctx.ids.set('index', i);
      return;
    }
  }
  throw new HintError('ValueError', `Key ${pyStr(key)} was not found.`, "raise ValueError(f'Key {key} was not found.')");
});

/** The first element at least ids.key sets ids.index (n_elms if none); returns it. */
function searchLower(ctx: HintContext): Value | undefined {
  const arrayPtr = ctx.ids.ptr('array_ptr');
  const size = elmSize(ctx);
  const n = nElms(ctx);
  for (let i = 0n; i < n; i++) {
    const elm = memGet(ctx.mem, elementAddr(arrayPtr, size, i));
    // memory[...] >= ids.key
    if (!lt(elm, ctx.ids.get('key'))) {
      ctx.ids.set('index', i);
      return elm;
    }
  }
  ctx.ids.set('index', n);
  return undefined;
}

defineHint(C.SEARCH_SORTED_LOWER, (ctx) => {
  searchLower(ctx);
});

defineHint(C.SEARCH_SORTED_OPTIMISTIC, (ctx) => {
  const elm = searchLower(ctx);
  ctx.ids.set('exists', elm !== undefined && valuesEqual(elm, ctx.ids.get('key')) ? 1n : 0n);
});

defineHint(C.SET_ADD, (ctx) => {
  const elmSizeV = ctx.ids.get('elm_size');
  if (typeof elmSizeV === 'object') throw new HintError('TypeError', "'>' not supported between instances of 'RelocatableValue' and 'int'");
  const size = F.big(elmSizeV);
  hintAssert(size > 0n, '', 'assert ids.elm_size > 0');
  const setPtr = ctx.ids.ptr('set_ptr');
  const setEnd = ctx.ids.ptr('set_end_ptr');
  hintAssert(!lt(setEnd, setPtr), '', 'assert ids.set_ptr <= ids.set_end_ptr');
  if (setEnd.segment !== setPtr.segment) {
    throw new HintError('AssertionError', `Can only subtract two relocatable values of the same segment (${setEnd.segment} != ${setPtr.segment}).`);
  }
  const n = Number(size);
  const elm = getRange(ctx.mem, ctx.ids.ptr('elm_ptr'), n);
  const span = setEnd.offset - setPtr.offset;
  const found = setIndexOf(ctx, setPtr, n, span, elm);
  if (found >= 0) {
    ctx.ids.set('index', BigInt(found));
    ctx.ids.set('is_elm_in_set', 1);
    return;
  }
  ctx.ids.set('is_elm_in_set', 0);
});

/**
 * SET_ADD's search, `for i in range(0, span, n): if get_range(set_ptr + i, n) == elm`, without
 * rescanning the set on every call: memory is write-once, so the candidates already read keep
 * their values, and an index per (set_ptr, n) of each candidate's first position stays valid.
 * The scan goes on from where the last call stopped, reading cells in the reference's order (an
 * unknown cell fails at the same candidate). A set holding temporary-segment addresses, whose
 * values relocation may still change, is searched without the index.
 */
interface SetIndex {
  firstAt: Map<string, number>;
  /** Candidates read so far (positions 0, n, ..., (scanned - 1) * n). */
  scanned: number;
}
const setIndexes = new WeakMap<object, Map<string, SetIndex | null>>();

function setIndexOf(ctx: HintContext, setPtr: Relocatable, n: number, span: number, elm: Value[]): number {
  const candidates = Math.ceil(span / n);
  let bySet = setIndexes.get(ctx.mem);
  if (bySet === undefined) setIndexes.set(ctx.mem, (bySet = new Map()));
  const id = `${setPtr.segment}:${setPtr.offset}:${n}`;
  let index = bySet.get(id);
  if (index === undefined) bySet.set(id, (index = { firstAt: new Map(), scanned: 0 }));
  if (index === null || elm.some(isTemp)) return linearSearch(ctx, setPtr, n, candidates, elm);
  const want = keyOf(elm);
  const hit = index.firstAt.get(want);
  if (hit !== undefined) return hit < candidates ? hit : -1;
  for (let k = index.scanned; k < candidates; k++) {
    const cand = getRange(ctx.mem, setPtr.add(k * n), n);
    if (cand.some(isTemp)) {
      bySet.set(id, null);
      return linearSearch(ctx, setPtr, n, candidates, elm);
    }
    const key = keyOf(cand);
    if (!index.firstAt.has(key)) index.firstAt.set(key, k);
    index.scanned = k + 1;
    if (key === want) return k;
  }
  return -1;
}

function linearSearch(ctx: HintContext, setPtr: Relocatable, n: number, candidates: number, elm: Value[]): number {
  for (let k = 0; k < candidates; k++) {
    const cand = getRange(ctx.mem, setPtr.add(k * n), n);
    if (cand.every((v, j) => valuesEqual(v, elm[j]))) return k;
  }
  return -1;
}

const isTemp = (v: Value) => typeof v === 'object' && v.segment < 0;
const keyOf = (vs: Value[]) => vs.map((v) => (typeof v === 'object' ? `r${v.segment}:${v.offset}` : `${v}`)).join(',');
