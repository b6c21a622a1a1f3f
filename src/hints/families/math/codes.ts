// The exact code strings of the math family's hints (cairo-lang 0.14 common library and the
// whitelists), one constant each, named for what they do. Generated from the hint list once;
// every string is registered as is by the files next to this one.

const BT = '`';

/** math#0 */
export const NORMALIZE_ADDRESS = String.raw`# Verify the assumptions on the relationship between 2**250, ADDR_BOUND and PRIME.
ADDR_BOUND = ids.ADDR_BOUND % PRIME
assert (2**250 < ADDR_BOUND <= 2**251) and (2 * 2**250 < PRIME) and (
        ADDR_BOUND * 2 > PRIME), \
    'normalize_address() cannot be used with the current constants.'
ids.is_small = 1 if ids.addr < ADDR_BOUND else 0`;

/** math#3 */
export const SEARCH_SORTED_LOWER = String.raw`array_ptr = ids.array_ptr
elm_size = ids.elm_size
assert isinstance(elm_size, int) and elm_size > 0, \
    f'Invalid value for elm_size. Got: {elm_size}.'

n_elms = ids.n_elms
assert isinstance(n_elms, int) and n_elms >= 0, \
    f'Invalid value for n_elms. Got: {n_elms}.'
if '__find_element_max_size' in globals():
    assert n_elms <= __find_element_max_size, \
        f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \
        f'Got: n_elms={n_elms}.'

for i in range(n_elms):
    if memory[array_ptr + elm_size * i] >= ids.key:
        ids.index = i
        break
else:
    ids.index = n_elms`;

/** math#4 */
export const FIND_ELEMENT = String.raw`array_ptr = ids.array_ptr
elm_size = ids.elm_size
assert isinstance(elm_size, int) and elm_size > 0, \
    f'Invalid value for elm_size. Got: {elm_size}.'
key = ids.key

if '__find_element_index' in globals():
    ids.index = __find_element_index
    found_key = memory[array_ptr + elm_size * __find_element_index]
    assert found_key == key, \
        f'Invalid index found in __find_element_index. index: {__find_element_index}, ' \
        f'expected key {key}, found key: {found_key}.'
    # Delete __find_element_index to make sure it's not used for the next calls.
    del __find_element_index
else:
    n_elms = ids.n_elms
    assert isinstance(n_elms, int) and n_elms >= 0, \
        f'Invalid value for n_elms. Got: {n_elms}.'
    if '__find_element_max_size' in globals():
        assert n_elms <= __find_element_max_size, \
            f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \
            f'Got: n_elms={n_elms}.'

    for i in range(n_elms):
        if memory[array_ptr + elm_size * i] == key:
            ids.index = i
            break
    else:
        raise ValueError(f'Key {key} was not found.')`;

/** math#5 */
export const ASSERT_EXCLUDED_2 = String.raw`assert excluded == 2`;

/** math#6 */
export const SPLIT_INT_ASSERT_RANGE = String.raw`assert ids.value == 0, 'split_int(): value is out of range.'`;

/** math#7 */
export const SQUASH_NO_KEYS_LEFT = String.raw`assert len(keys) == 0`;

/** math#8 */
export const SQUASH_NEXT_KEY = String.raw`assert len(keys) > 0, 'No keys left but remaining_accesses > 0.'
ids.next_key = key = keys.pop()`;

/** math#9 */
export const USORT_VERIFY_MULTIPLICITY_ASSERT = String.raw`assert len(positions) == 0`;

/** math#10 */
export const USORT_VERIFY_MULTIPLICITY_BODY = String.raw`current_pos = positions.pop()
ids.next_item_index = current_pos - last_pos
last_pos = current_pos + 1`;

/** math#11 */
export const VERIFY_ECDSA_SIGNATURE = String.raw`ecdsa_builtin.add_signature(ids.ecdsa_ptr.address_, (ids.signature_r, ids.signature_s))`;

/** math#12 */
export const USORT_BODY = String.raw`from collections import defaultdict

input_ptr = ids.input
input_len = int(ids.input_len)
if __usort_max_size is not None:
    assert input_len <= __usort_max_size, (
        f"usort() can only be used with input_len<={__usort_max_size}. "
        f"Got: input_len={input_len}."
    )

positions_dict = defaultdict(list)
for i in range(input_len):
    val = memory[input_ptr + i]
    positions_dict[val].append(i)

output = sorted(positions_dict.keys())
ids.output_len = len(output)
ids.output = segments.gen_arg(output)
ids.multiplicities = segments.gen_arg([len(positions_dict[k]) for k in output])`;

/** math#14 */
export const SIGNED_DIV_REM = String.raw`from starkware.cairo.common.math_utils import as_int, assert_integer

assert_integer(ids.div)
assert 0 < ids.div <= PRIME // range_check_builtin.bound, \
    f'div={hex(ids.div)} is out of the valid range.'

assert_integer(ids.bound)
assert ids.bound <= range_check_builtin.bound // 2, \
    f'bound={hex(ids.bound)} is out of the valid range.'

int_value = as_int(ids.value, PRIME)
q, ids.r = divmod(int_value, ids.div)

assert -ids.bound <= q < ids.bound, \
    f'{int_value} / {ids.div} = {q} is out of the range [{-ids.bound}, {ids.bound}).'

ids.biased_q = q + ids.bound`;

/** math#16 */
export const ASSERT_LT_FELT = String.raw`from starkware.cairo.common.math_utils import assert_integer
assert_integer(ids.a)
assert_integer(ids.b)
assert (ids.a % PRIME) < (ids.b % PRIME), \
    f'a = {ids.a % PRIME} is not less than b = {ids.b % PRIME}.'`;

/** math#17 */
export const UNSIGNED_DIV_REM = String.raw`from starkware.cairo.common.math_utils import assert_integer
assert_integer(ids.div)
assert 0 < ids.div <= PRIME // range_check_builtin.bound, \
    f'div={hex(ids.div)} is out of the valid range.'
ids.q, ids.r = divmod(ids.value, ids.div)`;

/** math#18 */
export const IS_POSITIVE = String.raw`from starkware.cairo.common.math_utils import is_positive
ids.is_positive = 1 if is_positive(
    value=ids.value, prime=PRIME, rc_bound=range_check_builtin.bound) else 0`;

/** math#19 */
export const ASSERT_NOT_EQUAL = String.raw`from starkware.cairo.lang.vm.relocatable import RelocatableValue
both_ints = isinstance(ids.a, int) and isinstance(ids.b, int)
both_relocatable = (
    isinstance(ids.a, RelocatableValue) and isinstance(ids.b, RelocatableValue) and
    ids.a.segment_index == ids.b.segment_index)
assert both_ints or both_relocatable, \
    f'assert_not_equal failed: non-comparable values: {ids.a}, {ids.b}.'
assert (ids.a - ids.b) % PRIME != 0, f'assert_not_equal failed: {ids.a} = {ids.b}.'`;

/** math#20 */
export const EC_OP_RANDOM_POINT = String.raw`from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME
from starkware.python.math_utils import random_ec_point
from starkware.python.utils import to_bytes

# Define a seed for random_ec_point that's dependent on all the input, so that:
#   (1) The added point s is deterministic.
#   (2) It's hard to choose inputs for which the builtin will fail.
seed = b"".join(map(to_bytes, [ids.p.x, ids.p.y, ids.m, ids.q.x, ids.q.y]))
ids.s.x, ids.s.y = random_ec_point(FIELD_PRIME, ALPHA, BETA, seed)`;

/** math#21 */
export const CHAINED_EC_OP_RANDOM_POINT = String.raw`from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME
from starkware.python.math_utils import random_ec_point
from starkware.python.utils import to_bytes

n_elms = ids.len
assert isinstance(n_elms, int) and n_elms >= 0, \
    f'Invalid value for len. Got: {n_elms}.'
if '__chained_ec_op_max_len' in globals():
    assert n_elms <= __chained_ec_op_max_len, \
        f'chained_ec_op() can only be used with len<={__chained_ec_op_max_len}. ' \
        f'Got: n_elms={n_elms}.'

# Define a seed for random_ec_point that's dependent on all the input, so that:
#   (1) The added point s is deterministic.
#   (2) It's hard to choose inputs for which the builtin will fail.
seed = b"".join(
    map(
        to_bytes,
        [
            ids.p.x,
            ids.p.y,
            *memory.get_range(ids.m, n_elms),
            *memory.get_range(ids.q.address_, 2 * n_elms),
        ],
    )
)
ids.s.x, ids.s.y = random_ec_point(FIELD_PRIME, ALPHA, BETA, seed)`;

/** math#22 */
export const RECOVER_Y = String.raw`from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME
from starkware.python.math_utils import recover_y
ids.p.x = ids.x
# This raises an exception if ${BT}x${BT} is not on the curve.
ids.p.y = recover_y(ids.x, ALPHA, BETA, FIELD_PRIME)`;

/** math#24 */
export const SQRT = String.raw`from starkware.python.math_utils import isqrt
value = ids.value % PRIME
assert value < 2 ** 250, f"value={value} is outside of the range [0, 2**250)."
assert 2 ** 250 < PRIME
ids.root = isqrt(value)`;

/** math#25 */
export const IS_250 = String.raw`ids.is_250 = 1 if ids.addr < 2**250 else 0`;

/** math#26 */
export const POW_BIT = String.raw`ids.locs.bit = (ids.prev_locs.exp % PRIME) & 1`;

/** math#28 */
export const USORT_VERIFY = String.raw`last_pos = 0
positions = positions_dict[ids.value][::-1]`;

/** math#29 */
export const IS_LE_FELT = String.raw`memory[ap] = 0 if (ids.a % PRIME) <= (ids.b % PRIME) else 1`;

/** math#30 */
export const IS_NN_OUT_OF_RANGE = String.raw`memory[ap] = 0 if 0 <= ((-ids.a - 1) % PRIME) < range_check_builtin.bound else 1`;

/** math#31 */
export const IS_NN = String.raw`memory[ap] = 0 if 0 <= (ids.a % PRIME) < range_check_builtin.bound else 1`;

/** math#33 */
export const EXCLUDED_NOT_0 = String.raw`memory[ap] = 1 if excluded != 0 else 0`;

/** math#34 */
export const EXCLUDED_NOT_1 = String.raw`memory[ap] = 1 if excluded != 1 else 0`;

/** math#35 */
export const ALLOC = String.raw`memory[ap] = segments.add()`;

/** math#36 */
export const KECCAK_N_BYTES_LT_WORD = String.raw`memory[ap] = to_felt_or_relocatable(ids.n_bytes < ids.BYTES_IN_WORD)`;

/** math#37 */
export const SPLIT_INT = String.raw`memory[ids.output] = res = (int(ids.value) % PRIME) % ids.base
assert res < ids.bound, f'split_int(): Limb {res} is out of range.'`;

/** math#38 */
export const MEMCPY_CONTINUE_COPYING = String.raw`n -= 1
ids.continue_copying = 1 if n > 0 else 0`;

/** math#41 */
export const SYSCALL_CALL_CONTRACT = String.raw`syscall_handler.call_contract(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#42 */
export const SYSCALL_DEPLOY = String.raw`syscall_handler.deploy(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#43 */
export const SYSCALL_EMIT_EVENT = String.raw`syscall_handler.emit_event(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#44 */
export const SYSCALL_GET_BLOCK_NUMBER = String.raw`syscall_handler.get_block_number(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#45 */
export const SYSCALL_GET_BLOCK_TIMESTAMP = String.raw`syscall_handler.get_block_timestamp(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#46 */
export const SYSCALL_GET_CALLER_ADDRESS = String.raw`syscall_handler.get_caller_address(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#47 */
export const SYSCALL_GET_CONTRACT_ADDRESS = String.raw`syscall_handler.get_contract_address(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#48 */
export const SYSCALL_GET_SEQUENCER_ADDRESS = String.raw`syscall_handler.get_sequencer_address(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#49 */
export const SYSCALL_GET_TX_INFO = String.raw`syscall_handler.get_tx_info(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#50 */
export const SYSCALL_GET_TX_SIGNATURE = String.raw`syscall_handler.get_tx_signature(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#51 */
export const SYSCALL_LIBRARY_CALL = String.raw`syscall_handler.library_call(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#52 */
export const SYSCALL_LIBRARY_CALL_L1_HANDLER = String.raw`syscall_handler.library_call_l1_handler(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#53 */
export const SYSCALL_SEND_MESSAGE_TO_L1 = String.raw`syscall_handler.send_message_to_l1(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#54 */
export const SYSCALL_STORAGE_READ = String.raw`syscall_handler.storage_read(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#55 */
export const SYSCALL_STORAGE_WRITE = String.raw`syscall_handler.storage_write(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#56 */
export const SAFE_DIV_K = String.raw`value = k = safe_div(res * b - a, N)`;

/** math#57 */
export const VM_ENTER_SCOPE = String.raw`vm_enter_scope()`;

/** math#58 */
export const USORT_ENTER_SCOPE = String.raw`vm_enter_scope(dict(__usort_max_size = globals().get('__usort_max_size')))`;

/** math#59 */
export const MEMCPY_ENTER_SCOPE = String.raw`vm_enter_scope({'n': ids.len})`;

/** math#60 */
export const ASSERT_LE_FELT_V06 = String.raw`from starkware.cairo.common.math_utils import assert_integer
assert_integer(ids.a)
assert_integer(ids.b)
assert (ids.a % PRIME) <= (ids.b % PRIME), \
    f'a = {ids.a % PRIME} is not less than or equal to b = {ids.b % PRIME}.'`;

/** math#61 */
export const A_B_LSB = String.raw`ids.a_lsb = ids.a & 1
ids.b_lsb = ids.b & 1`;

/** math#62 */
export const SYSCALL_DELEGATE_CALL = String.raw`syscall_handler.delegate_call(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#63 */
export const ASSERT_LE_FELT_V08 = String.raw`from starkware.cairo.common.math_utils import assert_integer
assert_integer(ids.a)
assert_integer(ids.b)
a = ids.a % PRIME
b = ids.b % PRIME
assert a <= b, f'a = {a} is not less than or equal to b = {b}.'

ids.small_inputs = int(
    a < range_check_builtin.bound and (b - a) < range_check_builtin.bound)`;

/** math#64 */
export const SYSCALL_DELEGATE_L1_HANDLER = String.raw`syscall_handler.delegate_l1_handler(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#65 */
export const SYSCALL_REPLACE_CLASS = String.raw`syscall_handler.replace_class(segments=segments, syscall_ptr=ids.syscall_ptr)`;

/** math#68 */
export const UINT256_ADD_CARRY = String.raw`res = ids.a + ids.b
ids.carry = 1 if res >= ids.SHIFT else 0`;

/** math#78 */
export const KECCAK_N_WORDS_TO_COPY = String.raw`ids.n_words_to_copy, ids.n_bytes_left = divmod(ids.n_bytes, ids.BYTES_IN_WORD)`;

/** math#79 */
export const POSEIDON_LEN_GE_10 = String.raw`memory[ap] = to_felt_or_relocatable(ids.elements_end - ids.elements >= 10)`;

/** math#80 */
export const POSEIDON_LEN_GE_2 = String.raw`memory[ap] = to_felt_or_relocatable(ids.elements_end - ids.elements >= 2)`;

/** math#81 */
export const ADD_RELOCATION_RULE = String.raw`memory.add_relocation_rule(src_ptr=ids.src_ptr, dest_ptr=ids.dest_ptr)`;

/** math#82 */
export const ADD_TEMP_SEGMENT = String.raw`ids.temporary_array = segments.add_temp_segment()`;

/** math#83 */
export const SET_ADD = String.raw`assert ids.elm_size > 0
assert ids.set_ptr <= ids.set_end_ptr
elm_list = memory.get_range(ids.elm_ptr, ids.elm_size)
for i in range(0, ids.set_end_ptr - ids.set_ptr, ids.elm_size):
    if memory.get_range(ids.set_ptr + i, ids.elm_size) == elm_list:
        ids.index = i // ids.elm_size
        ids.is_elm_in_set = 1
        break
else:
    ids.is_elm_in_set = 0`;

/** math#84 */
export const GET_SIMULATED_BUILTIN_BASE = String.raw`ids.new_ptr = get_simulated_builtin_base(ids.builtin_idx)`;

// ---- cairo-lang 0.14 common library hints in no whitelist ----

/** find_element.cairo */
export const SEARCH_SORTED_OPTIMISTIC = String.raw`array_ptr = ids.array_ptr
elm_size = ids.elm_size
assert isinstance(elm_size, int) and elm_size > 0, \
    f'Invalid value for elm_size. Got: {elm_size}.'

n_elms = ids.n_elms
assert isinstance(n_elms, int) and n_elms >= 0, \
    f'Invalid value for n_elms. Got: {n_elms}.'
if '__find_element_max_size' in globals():
    assert n_elms <= __find_element_max_size, \
        f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \
        f'Got: n_elms={n_elms}.'

for i in range(n_elms):
    if memory[array_ptr + elm_size * i] >= ids.key:
        ids.index = i
        ids.exists = 1 if memory[array_ptr + elm_size * i] == ids.key else 0
        break
else:
    ids.index = n_elms
    ids.exists = 0`;

/** pow.cairo */
export const POW_NEGATIVE_BASE = String.raw`assert ids.base != 0, "Cannot raise 0 to a negative power."`;

/** log2_ceil.cairo */
export const LOG2_CEIL = String.raw`from starkware.python.math_utils import log2_ceil
ids.res = log2_ceil(ids.value)`;


/** cairo_ec_op/ec_op.cairo */
export const EC_OP_M_BITS = String.raw`curr_m = ids.m
for i in range(ids.M_MAX_BITS):
    memory[ids.m_bit_unpacking + i] = curr_m % 2
    curr_m = curr_m >> 1`;

/** cairo_ec_op/ec_op.cairo */
export const EC_OP_FAILED = String.raw`assert False, "ec_op failed."`;


/** modulo.cairo: run_mod_p_circuit */
export const MOD_FILL_MEMORY = String.raw`from starkware.cairo.lang.builtins.modulo.mod_builtin_runner import ModBuiltinRunner
assert builtin_runners["add_mod_builtin"].instance_def.batch_size == 1
assert builtin_runners["mul_mod_builtin"].instance_def.batch_size == 1

ModBuiltinRunner.fill_memory(
    memory=memory,
    add_mod=(ids.add_mod_ptr.address_, builtin_runners["add_mod_builtin"], ids.add_mod_n),
    mul_mod=(ids.mul_mod_ptr.address_, builtin_runners["mul_mod_builtin"], ids.mul_mod_n),
)`;

/** modulo.cairo: run_mod_p_circuit */
export const MOD_FILL_MEMORY_BATCH = String.raw`from starkware.cairo.lang.builtins.modulo.mod_builtin_runner import ModBuiltinRunner
assert builtin_runners["add_mod_builtin"].instance_def.batch_size == ids.BATCH_SIZE
assert builtin_runners["mul_mod_builtin"].instance_def.batch_size == ids.BATCH_SIZE

ModBuiltinRunner.fill_memory(
    memory=memory,
    add_mod=(ids.add_mod_ptr.address_, builtin_runners["add_mod_builtin"], ids.add_mod_n),
    mul_mod=(ids.mul_mod_ptr.address_, builtin_runners["mul_mod_builtin"], ids.mul_mod_n),
)`;


/** builtin_poseidon/poseidon.cairo, 0.12.0-0.13.0 (poseidon_hash_many's loop tests on ids.n) */
export const POSEIDON_N_GE_10 = String.raw`memory[ap] = to_felt_or_relocatable(ids.n >= 10)`;

/** builtin_poseidon/poseidon.cairo, 0.12.0-0.13.0 */
export const POSEIDON_N_GE_2 = String.raw`memory[ap] = to_felt_or_relocatable(ids.n >= 2)`;
