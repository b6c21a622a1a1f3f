// The math hints one by one, on hand-made ids over a real memory and VM: results, the exec-scope
// variables they share, and the Python exceptions of the failure paths no corpus program reaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/hints/all';
import { findHint, HintContext } from '../../src/hints/hint';
import { HintBench, raises } from './harness';
import * as C from '../../src/hints/families/math/codes';
import { randomEcPoint, recoverY } from '../../src/hints/families/math/ec';
import type { Memory } from '../../src/vm/memory';
import type { VirtualMachine } from '../../src/vm/vm';
import { Relocatable, Value } from '../../src/vm/relocatable';
import * as F from '../../src/vm/felt';
import { isQuadResidue, mod } from '../../src/hints/lib/math-utils';

const P = F.getPrime();
const RC_BOUND = 1n << 128n;

interface Fake {
  bench: HintBench;
  ctx: HintContext;
  mem: Memory;
  vm: VirtualMachine;
  /** ids.name after the hint (undefined if never written). */
  id(name: string): Value | undefined;
  /** memory[ap]. */
  ap(): Value | undefined;
}

/**
 * A context whose `ids` are cells of segment 1 from 1:100 (given values written, others left
 * unknown until the hint sets them), ap at 1:0, with the given constants, scope variables and
 * builtins (a range_check of bound 2^128 unless `rc` is false).
 */
function fake(
  vals: Record<string, bigint | Relocatable | null>,
  opts: { consts?: Record<string, bigint>; scope?: Map<string, unknown>; rc?: boolean; builtins?: Map<string, unknown> } = {},
): Fake {
  const builtins = opts.builtins ?? new Map<string, unknown>(opts.rc === false ? [] : [['range_check', { bound: RC_BOUND }]]);
  const bench = new HintBench({ ap: 0, idsAt: 100, builtins }).felts(vals).constants(opts.consts ?? {});
  if (opts.scope) bench.bind(opts.scope);
  return { bench, ctx: bench.ctx(), mem: bench.mem, vm: bench.vm, id: (n) => bench.get(n), ap: () => bench.ap() };
}

function run(code: string, f: Fake): void {
  const impl = findHint(code);
  assert.ok(impl, 'hint not registered');
  impl(f.ctx);
}

test('every code string of the math family is registered', () => {
  for (const [name, code] of Object.entries(C)) assert.ok(findHint(code), name);
  assert.equal(Object.keys(C).length, 74);
});

test('unsigned_div_rem: quotient and remainder; div out of range', () => {
  const f = fake({ value: 100n, div: 7n, q: null, r: null });
  run(C.UNSIGNED_DIV_REM, f);
  assert.equal(f.id('q'), 14);
  assert.equal(f.id('r'), 2);
  const big = P / RC_BOUND + 1n;
  raises(() => run(C.UNSIGNED_DIV_REM, fake({ value: 1n, div: big, q: null, r: null })),
    'AssertionError', `div=0x${big.toString(16)} is out of the valid range.`);
  raises(() => run(C.UNSIGNED_DIV_REM, fake({ value: 1n, div: 0n, q: null, r: null })),
    'AssertionError', 'div=0x0 is out of the valid range.');
  raises(() => run(C.UNSIGNED_DIV_REM, fake({ value: 1n, div: new Relocatable(2, 0), q: null, r: null })),
    'AssertionError', 'Expected integer, found: 2:0.');
  raises(() => run(C.UNSIGNED_DIV_REM, fake({ value: 1n, div: 3n, q: null, r: null }, { rc: false })),
    'NameError', "name 'range_check_builtin' is not defined");
});

test('signed_div_rem: negative values, biased quotient, bound checks', () => {
  const f = fake({ value: -7n, div: 2n, bound: 100n, r: null, biased_q: null });
  run(C.SIGNED_DIV_REM, f);
  assert.equal(f.id('r'), 1); // -7 = 2 * -4 + 1
  assert.equal(f.id('biased_q'), 96);
  raises(() => run(C.SIGNED_DIV_REM, fake({ value: 1000n, div: 2n, bound: 100n, r: null, biased_q: null })),
    'AssertionError', '1000 / 2 = 500 is out of the range [-100, 100).');
  raises(() => run(C.SIGNED_DIV_REM, fake({ value: 1n, div: 2n, bound: RC_BOUND, r: null, biased_q: null })),
    'AssertionError', `bound=0x1${'0'.repeat(32)} is out of the valid range.`);
});

test('sqrt, split_int, pow bit', () => {
  const f = fake({ value: 1000001n, root: null });
  run(C.SQRT, f);
  assert.equal(f.id('root'), 1000);
  raises(() => run(C.SQRT, fake({ value: 1n << 250n, root: null })),
    'AssertionError', `value=${1n << 250n} is outside of the range [0, 2**250).`);

  raises(() => run(C.SQRT, fake({ value: new Relocatable(2, 3), root: null })),
    'AssertionError', 'value=2:3 is outside of the range [0, 2**250).');

  const out = fake({ value: 0x1234n, base: 0x100n, bound: 0x100n, output: new Relocatable(1, 50) });
  run(C.SPLIT_INT, out);
  assert.equal(out.mem.get(1, 50), 0x34);
  raises(() => run(C.SPLIT_INT, fake({ value: 0x1234n, base: 0x100n, bound: 0x10n, output: new Relocatable(1, 50) })),
    'AssertionError', 'split_int(): Limb 52 is out of range.');
  raises(() => run(C.SPLIT_INT_ASSERT_RANGE, fake({ value: 3n })), 'AssertionError', 'split_int(): value is out of range.');
  run(C.SPLIT_INT_ASSERT_RANGE, fake({ value: 0n }));

  const p = fake({ 'prev_locs.exp': 5n, 'locs.bit': null });
  run(C.POW_BIT, p);
  assert.equal(p.id('locs.bit'), 1);
});

test('comparisons: assert_lt_felt, assert_le_felt (0.6, 0.8), is_nn, is_le_felt, assert_not_equal', () => {
  raises(() => run(C.ASSERT_LT_FELT, fake({ a: 5n, b: 5n })), 'AssertionError', 'a = 5 is not less than b = 5.');
  run(C.ASSERT_LT_FELT, fake({ a: 4n, b: 5n }));
  raises(() => run(C.ASSERT_LE_FELT_V06, fake({ a: 6n, b: 5n })), 'AssertionError', 'a = 6 is not less than or equal to b = 5.');
  const v8 = fake({ a: 3n, b: P - 1n, small_inputs: null });
  run(C.ASSERT_LE_FELT_V08, v8);
  assert.equal(v8.id('small_inputs'), 0);
  const v8s = fake({ a: 3n, b: 10n, small_inputs: null });
  run(C.ASSERT_LE_FELT_V08, v8s);
  assert.equal(v8s.id('small_inputs'), 1);

  const nn = fake({ a: RC_BOUND });
  run(C.IS_NN, nn);
  assert.equal(nn.ap(), 1);
  const nnRel = fake({ a: new Relocatable(2, 0) });
  run(C.IS_NN, nnRel); // Python: an address is above every int
  assert.equal(nnRel.ap(), 1);
  raises(() => run(C.IS_NN_OUT_OF_RANGE, fake({ a: new Relocatable(2, 0) })), 'TypeError', "bad operand type for unary -: 'RelocatableValue'");
  const leRel = fake({ a: 7n, b: new Relocatable(2, 0) });
  run(C.IS_LE_FELT, leRel);
  assert.equal(leRel.ap(), 0);
  const neg = fake({ a: -5n });
  run(C.IS_NN_OUT_OF_RANGE, neg);
  assert.equal(neg.ap(), 0);
  const le = fake({ a: 7n, b: 3n });
  run(C.IS_LE_FELT, le);
  assert.equal(le.ap(), 1);

  raises(() => run(C.ASSERT_NOT_EQUAL, fake({ a: 3n, b: 3n })), 'AssertionError', 'assert_not_equal failed: 3 = 3.');
  raises(() => run(C.ASSERT_NOT_EQUAL, fake({ a: new Relocatable(2, 1), b: new Relocatable(2, 1) })),
    'AssertionError', 'assert_not_equal failed: 2:1 = 2:1.');
  raises(() => run(C.ASSERT_NOT_EQUAL, fake({ a: new Relocatable(2, 1), b: 1n })),
    'AssertionError', 'assert_not_equal failed: non-comparable values: 2:1, 1.');
  run(C.ASSERT_NOT_EQUAL, fake({ a: new Relocatable(2, 1), b: new Relocatable(2, 2) }));

  const pos = fake({ value: -3n, is_positive: null });
  run(C.IS_POSITIVE, pos);
  assert.equal(pos.id('is_positive'), 0);
  raises(() => run(C.IS_POSITIVE, fake({ value: RC_BOUND, is_positive: null })), 'AssertionError', `value=${RC_BOUND} is out of the valid range.`);
});

test('assert_le_felt arcs read `excluded` from the exec scope', () => {
  const scope = new Map<string, unknown>([['excluded', 1]]);
  const a = fake({}, { scope });
  run(C.EXCLUDED_NOT_0, a);
  assert.equal(a.ap(), 1);
  const b = fake({}, { scope });
  run(C.EXCLUDED_NOT_1, b);
  assert.equal(b.ap(), 0);
  raises(() => run(C.ASSERT_EXCLUDED_2, fake({}, { scope })), 'AssertionError', '');
  run(C.ASSERT_EXCLUDED_2, fake({}, { scope: new Map([['excluded', 2n]]) }));
  raises(() => run(C.ASSERT_EXCLUDED_2, fake({})), 'NameError', "name 'excluded' is not defined");
});

test('find_element: by search, by __find_element_index, max size, missing key', () => {
  const arr = new Relocatable(1, 10);
  const mk = (extra: Record<string, bigint | null> = {}, scope?: Map<string, unknown>) => {
    const f = fake({ array_ptr: arr, elm_size: 2n, n_elms: 3n, key: 9n, index: null, ...extra }, { scope });
    f.mem.load(arr, [1, 0, 5, 0, 9, 0]);
    return f;
  };
  const f = mk();
  run(C.FIND_ELEMENT, f);
  assert.equal(f.id('index'), 2);
  raises(() => run(C.FIND_ELEMENT, mk({ key: 4n })), 'ValueError', 'Key 4 was not found.');
  const scope = new Map<string, unknown>([['__find_element_index', 1n]]);
  raises(() => run(C.FIND_ELEMENT, mk({}, scope)), 'AssertionError',
    'Invalid index found in __find_element_index. index: 1, expected key 9, found key: 5.');
  const ok = mk({}, new Map([['__find_element_index', 2n]]));
  run(C.FIND_ELEMENT, ok);
  assert.equal(ok.ctx.scope.has('__find_element_index'), false);
  raises(() => run(C.FIND_ELEMENT, mk({}, new Map([['__find_element_max_size', 2n]]))), 'AssertionError',
    'find_element() can only be used with n_elms<=2. Got: n_elms=3.');
  raises(() => run(C.FIND_ELEMENT, mk({ elm_size: 0n })), 'AssertionError', 'Invalid value for elm_size. Got: 0.');

  const lower = mk({ key: 4n });
  run(C.SEARCH_SORTED_LOWER, lower);
  assert.equal(lower.id('index'), 1);
  const none = mk({ key: 10n });
  run(C.SEARCH_SORTED_LOWER, none);
  assert.equal(none.id('index'), 3);
});

test('set_add: found and not found', () => {
  const set = new Relocatable(1, 10);
  const mk = (elm: number[]) => {
    const f = fake({ elm_size: 2n, set_ptr: set, set_end_ptr: set.add(4), elm_ptr: new Relocatable(1, 30), index: null, is_elm_in_set: null });
    f.mem.load(set, [1, 2, 3, 4]);
    f.mem.load(new Relocatable(1, 30), elm);
    return f;
  };
  const yes = mk([3, 4]);
  run(C.SET_ADD, yes);
  assert.equal(yes.id('is_elm_in_set'), 1);
  assert.equal(yes.id('index'), 1);
  const no = mk([2, 3]);
  run(C.SET_ADD, no);
  assert.equal(no.id('is_elm_in_set'), 0);
  assert.equal(no.id('index'), undefined);
});

test('usort: sorted output, multiplicities, positions popped in order, max size', () => {
  const input = new Relocatable(1, 10);
  const f = fake({ input, input_len: 4n, output_len: null, output: null, multiplicities: null });
  f.mem.load(input, [7, 3, 7, 1]);
  run(C.USORT_ENTER_SCOPE, f);
  const inner = { ...f, ctx: { ...f.ctx, scope: f.vm.scope } as HintContext };
  run(C.USORT_BODY, inner);
  assert.equal(f.id('output_len'), 3);
  const out = f.id('output') as Relocatable;
  const mult = f.id('multiplicities') as Relocatable;
  assert.deepEqual([0, 1, 2].map((i) => f.mem.getAt(out.add(i))), [1, 3, 7]);
  assert.deepEqual([0, 1, 2].map((i) => f.mem.getAt(mult.add(i))), [1, 1, 2]);

  const v = fake({ value: 7n, next_item_index: null }, { scope: f.vm.scope });
  run(C.USORT_VERIFY, v);
  run(C.USORT_VERIFY_MULTIPLICITY_BODY, v);
  assert.equal(v.id('next_item_index'), 0);
  const v2 = fake({ next_item_index: null }, { scope: v.vm.scope });
  run(C.USORT_VERIFY_MULTIPLICITY_BODY, v2);
  assert.equal(v2.id('next_item_index'), 1); // positions 0 and 2: 2 - (0 + 1)
  run(C.USORT_VERIFY_MULTIPLICITY_ASSERT, v2);

  const limited = fake({ input, input_len: 4n, output_len: null, output: null, multiplicities: null },
    { scope: new Map([['__usort_max_size', 3n]]) });
  raises(() => run(C.USORT_BODY, limited), 'AssertionError', 'usort() can only be used with input_len<=3. Got: input_len=4.');
});

test('memcpy counter and squash_dict key loop', () => {
  const f = fake({ len: 2n, continue_copying: null });
  run(C.MEMCPY_ENTER_SCOPE, f);
  assert.equal(f.vm.execScopes.length, 2);
  const g = fake({ continue_copying: null }, { scope: f.vm.scope });
  run(C.MEMCPY_CONTINUE_COPYING, g);
  assert.equal(g.id('continue_copying'), 1);
  const h = fake({ continue_copying: null }, { scope: g.vm.scope });
  run(C.MEMCPY_CONTINUE_COPYING, h);
  assert.equal(h.id('continue_copying'), 0);

  const keys = [9n, 4n];
  const k = fake({ next_key: null }, { scope: new Map([['keys', keys]]) });
  run(C.SQUASH_NEXT_KEY, k);
  assert.equal(k.id('next_key'), 4);
  assert.equal(k.ctx.scope.get('key'), 4n);
  raises(() => run(C.SQUASH_NO_KEYS_LEFT, k), 'AssertionError', '');
  raises(() => run(C.SQUASH_NEXT_KEY, fake({ next_key: null }, { scope: new Map([['keys', []]]) })),
    'AssertionError', 'No keys left but remaining_accesses > 0.');
});

test('secp k = safe_div(res * b - a, N) reads and sets scope variables', () => {
  const f = fake({}, { scope: new Map<string, unknown>([['res', 5n], ['b', 3n], ['a', 1n], ['N', 7n]]) });
  run(C.SAFE_DIV_K, f);
  assert.equal(f.ctx.scope.get('k'), 2n);
  assert.equal(f.ctx.scope.get('value'), 2n);
  raises(() => run(C.SAFE_DIV_K, fake({}, { scope: new Map<string, unknown>([['res', 5n], ['b', 3n], ['a', 0n], ['N', 7n]]) })),
    'AssertionError', '15 is not divisible by 7.');
});

test('the STARK curve: recover_y and random_ec_point give points on the curve', () => {
  const BETA = 0x6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89n;
  const onCurve = (x: bigint, y: bigint) => (y * y - (x * x * x + x + BETA)) % P === 0n;
  const y = recoverY(1n);
  assert.ok(onCurve(1n, y));
  assert.ok(y <= P - y);
  const [x, y2] = randomEcPoint(Buffer.from('seed'));
  assert.ok(onCurve(x % P, y2));
  let bad = 0n;
  while (isQuadResidue(mod(bad ** 3n + bad + BETA, P), P)) bad++;
  raises(() => recoverY(bad), 'starkware.python.math_utils.NotOnCurveException',
    `${bad} does not represent the x coordinate of a point on the curve.`);
});

test('syscalls: NameError without a handler, a handler method is called', () => {
  raises(() => run(C.SYSCALL_STORAGE_READ, fake({ syscall_ptr: new Relocatable(1, 5) })),
    'NameError', "name 'syscall_handler' is not defined");
  const calls: unknown[] = [];
  const handler = { storage_read: (args: { syscall_ptr: Relocatable }) => calls.push(args.syscall_ptr.toString()) };
  run(C.SYSCALL_STORAGE_READ, fake({ syscall_ptr: new Relocatable(1, 5) }, { scope: new Map([['syscall_handler', handler]]) }));
  assert.deepEqual(calls, ['1:5']);
});

test('signature: NameError without the ecdsa builtin; addSignature is given (r, s)', () => {
  raises(() => run(C.VERIFY_ECDSA_SIGNATURE, fake({ ecdsa_ptr: new Relocatable(3, 0), signature_r: 1n, signature_s: 2n }, { builtins: new Map() })),
    'NameError', "name 'ecdsa_builtin' is not defined");
  const got: unknown[] = [];
  const ecdsa = { addSignature: (a: Relocatable, s: readonly [bigint, bigint]) => got.push(a.toString(), ...s) };
  run(C.VERIFY_ECDSA_SIGNATURE, fake({ ecdsa_ptr: new Relocatable(3, 2), signature_r: 1n, signature_s: 2n }, { builtins: new Map([['ecdsa', ecdsa]]) }));
  assert.deepEqual(got, ['3:2', 1n, 2n]);
});

test('segments: temporary segment, relocation rule errors, normalize_address', () => {
  const f = fake({ temporary_array: null });
  run(C.ADD_TEMP_SEGMENT, f);
  assert.deepEqual(f.id('temporary_array'), new Relocatable(-1, 0));
  raises(() => run(C.ADD_RELOCATION_RULE, fake({ src_ptr: new Relocatable(-1, 1), dest_ptr: new Relocatable(1, 0) })),
    'AssertionError', 'src_ptr.offset must be 0, src_ptr=-1:1.');

  const ADDR_BOUND = (1n << 251n) - 256n;
  const n = fake({ addr: ADDR_BOUND - 1n, is_small: null }, { consts: { ADDR_BOUND } });
  run(C.NORMALIZE_ADDRESS, n);
  assert.equal(n.id('is_small'), 1);
  raises(() => run(C.NORMALIZE_ADDRESS, fake({ addr: 1n, is_small: null }, { consts: { ADDR_BOUND: 1n << 200n } })),
    'AssertionError', 'normalize_address() cannot be used with the current constants.');
  raises(() => run(C.GET_SIMULATED_BUILTIN_BASE, fake({ builtin_idx: 0n, new_ptr: null })),
    'NameError', "name 'get_simulated_builtin_base' is not defined");
});
