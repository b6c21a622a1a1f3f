// Hash-family hints of cairo-lang 0.14's common library that no whitelist has: finalize_sha256's
// padding, encode_felt252_to_u32s, the keccak builtin simulated in Cairo; in programs of the
// project's own, compiled and run by the reference and by Cairn.
import { test } from 'node:test';
import { expectReferenceMatch } from '../../support/expect-match';
import { SHA256_IV, computeMessageSchedule, sha2Compress } from '../../../src/hints/families/hash/sha256-compress';

/** Library modules that import `src.starkware...` compile with a one-line module of ours there. */
const SRC_SHIMS = {
  'src/starkware/cairo/common/cairo_keccak/keccak.cairo': 'from starkware.cairo.common.cairo_keccak.keccak import finalize_keccak\n',
  'src/starkware/cairo/common/ec.cairo': 'from starkware.cairo.common.ec import StarkCurve, assert_on_curve, ec_add\n',
};

test('finalize_sha256 pads a batch with dummy instances', () => {
  // Three instances: messages 0..15, 16..31, 32..47 from the IV (the hint pads them to a batch of 7).
  const instances: bigint[][] = [];
  for (let k = 0; k < 3; k++) {
    const message = Array.from({ length: 16 }, (_, i) => BigInt(16 * k + i) * 0x01010101n);
    instances.push([...message, ...SHA256_IV, ...sha2Compress(SHA256_IV, computeMessageSchedule(message))]);
  }
  const writes = instances.flat().map((v, i) => `    assert ptr[${i}] = ${v};`).join('\n');
  expectReferenceMatch(`%builtins output range_check bitwise
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import BitwiseBuiltin
from starkware.cairo.common.cairo_sha256.sha256_utils import finalize_sha256
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    alloc_locals;
    let (ptr) = alloc();
${writes}
    finalize_sha256(ptr, ptr + ${instances.flat().length});
    serialize_word(ptr[${instances.flat().length + 31}]);
    return ();
}
`, { layout: 'starknet_with_keccak' });
});

test('encode_felt252_to_u32s: small and large felts', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_blake2s.blake2s import encode_felt252_to_u32s
from starkware.cairo.common.serialize import serialize_word
func show{output_ptr: felt*}(p: felt*, n) {
    if (n == 0) {
        return ();
    }
    serialize_word(p[0]);
    return show(p + 1, n - 1);
}
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (vals) = alloc();
    assert vals[0] = 5;
    assert vals[1] = 2 ** 63;
    assert vals[2] = -1;
    assert vals[3] = 2 ** 63 - 1;
    let (out) = alloc();
    let n = encode_felt252_to_u32s(4, vals, out);
    serialize_word(n);
    show(out, n);
    return ();
}
`);
});

test('keccak builtin state to 64-bit words (simulate_keccak)', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.keccak_state import KeccakBuiltinState
from starkware.cairo.common.simulate_builtin_keccak_with_cairo.simulate_keccak import keccak_builtin_state_to_felts
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let state = KeccakBuiltinState(
        0x0102030405060708090a0b0c0d0e0f101112131415161718191,
        2 ** 199 + 3, 0xabcdef, 4, 2 ** 150 + 5, 6, 0xfedcba9876543210fedcba9876543210, 2 ** 199 + 8
    );
    let (words) = alloc();
    keccak_builtin_state_to_felts(state, words);
    serialize_word(words[0]);
    serialize_word(words[12]);
    serialize_word(words[24]);
    return ();
}
`, { layout: 'starknet_with_keccak', files: SRC_SHIMS });
});

test('ec_op computed in Cairo', () => {
  expectReferenceMatch(`%builtins output
from starkware.cairo.common.ec_point import EcPoint
from starkware.cairo.common.cairo_ec_op.ec_op import ec_mul_cairo
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*}() {
    alloc_locals;
    let g = EcPoint(
        0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca,
        0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f,
    );
    let (r) = ec_mul_cairo(123456789, g);
    serialize_word(r.x);
    serialize_word(r.y);
    return ();
}
`, { layout: 'small', files: SRC_SHIMS });
});
