// The exact code strings of cairo-lang's own hash-family hints that no whitelist has (0.14 common
// library: finalize_sha256's padding, encode_felt252_to_u32s, the keccak simulation).
// Registered by the files next to this one.

/** cairo_blake2s/blake2s.cairo */
export const BLAKE2S_ENCODE_FELTS = String.raw`offset = 0
for i in range(ids.packed_values_len):
    val = (memory[ids.packed_values + i] % PRIME)
    val_len = 2 if val < 2**63 else 8
    if val_len == 8:
        val += 2**255
    for i in range(val_len - 1, -1, -1):
        val, memory[ids.unpacked_u32s + offset + i] = divmod(val, 2**32)
    assert val == 0
    offset += val_len`;

/** cairo_blake2s/blake2s.cairo */
export const BLAKE2S_ENCODE_IS_SMALL = String.raw`memory[ap] = to_felt_or_relocatable((ids.end != ids.packed_values) and (memory[ids.packed_values] < 2**63))`;

/** cairo_sha256/sha256_utils.cairo */
export const SHA256_FINALIZE = String.raw`# Add dummy pairs of input and output.
from starkware.cairo.common.cairo_sha256.sha256_utils import (
    IV,
    compute_message_schedule,
    sha2_compress_function,
)

number_of_missing_blocks = (-ids.n) % ids.BATCH_SIZE
assert 0 <= number_of_missing_blocks < 20
_sha256_input_chunk_size_felts = ids.SHA256_INPUT_CHUNK_SIZE_FELTS
assert 0 <= _sha256_input_chunk_size_felts < 100

message = [0] * _sha256_input_chunk_size_felts
w = compute_message_schedule(message)
output = sha2_compress_function(IV, w)
padding = (message + IV + output) * number_of_missing_blocks
segments.write_arg(ids.sha256_ptr_end, padding)`;

/** simulate_builtin_keccak_with_cairo/simulate_keccak.cairo */
export const KECCAK_STATE_TO_FELTS = String.raw`full_num = ids.keccak_builtin_state.s0
full_num += (2**200) * ids.keccak_builtin_state.s1
full_num += (2**400) * ids.keccak_builtin_state.s2
full_num += (2**600) * ids.keccak_builtin_state.s3
full_num += (2**800) * ids.keccak_builtin_state.s4
full_num += (2**1000) * ids.keccak_builtin_state.s5
full_num += (2**1200) * ids.keccak_builtin_state.s6
full_num += (2**1400) * ids.keccak_builtin_state.s7
for i in range(25):
    memory[ids.felt_array + i] = full_num % (2**64)
    full_num = full_num >> 64`;


/** simulate_builtin_keccak_with_cairo/simulate_keccak.cairo: word 3k of the state split at byte k. */
export function keccakWordSplit(k: number): string {
  return `ids.high${3 * k}, ids.low${3 * k} = divmod(memory[ids.felt_array + ${3 * k}], ${k === 1 ? '256' : `256 ** ${k}`})`;
}
