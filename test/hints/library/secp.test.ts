// cairo_secp and secp256r1 library hints that no whitelist has (ec_mul_by_uint256's nibbles,
// try_get_point_from_x, the secp256r1 field and curve hints), in programs of the project's own
// compiled and run by the reference and by Cairn; the 0.12.3-0.13.3 forms of three secp256r1
// hints through functions of our own that carry them.
import { test } from 'node:test';
import { expectReferenceMatch } from '../../support/expect-match';

const K1_G = 'EcPoint(BigInt3(17117865558768631194064792, 12501176021340589225372855, 9198697782662356105779718), BigInt3(6441780312434748884571320, 57953919405111227542741658, 5457536640262350763842127))';
const R1_G = 'EcPoint(BigInt3(52227620040540588600771222, 33347259622618539004134583, 8091721874918813684698062), BigInt3(59685082318776612195095029, 54599710628478995760242092, 6036146923926000695307902))';

const PRINT_POINT = `
func print_point{output_ptr: felt*}(p: EcPoint) {
    serialize_word(p.x.d0);
    serialize_word(p.x.d1);
    serialize_word(p.x.d2);
    serialize_word(p.y.d0);
    serialize_word(p.y.d1);
    serialize_word(p.y.d2);
    return ();
}
`;

test('secp256k1 ec_mul_by_uint256 and try_get_point_from_x', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.cairo_secp.ec import ec_mul_by_uint256
from starkware.cairo.common.cairo_secp.signature import try_get_point_from_x
from starkware.cairo.common.uint256 import Uint256
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.registers import get_fp_and_pc
${PRINT_POINT}
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (__fp__, _) = get_fp_and_pc();
    let (p) = ec_mul_by_uint256(${K1_G}, Uint256(low=0x1234567890abcdef1234567890abcdef, high=0xfedcba0987654321));
    print_point(p);
    local q: EcPoint;
    let (on) = try_get_point_from_x(p.x, 1, &q);
    serialize_word(on);
    print_point(q);
    local r: EcPoint;
    let (off) = try_get_point_from_x(BigInt3(5, 0, 0), 0, &r);
    serialize_word(off);
    return ();
}
`);
});

test('secp256r1 ec_add, ec_double, ec_mul_by_uint256 and try_get_point_from_x', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3
from starkware.cairo.common.cairo_secp.ec_point import EcPoint
from starkware.cairo.common.secp256r1.ec import ec_add, ec_double, ec_mul_by_uint256, try_get_point_from_x
from starkware.cairo.common.uint256 import Uint256
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.registers import get_fp_and_pc
${PRINT_POINT}
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (__fp__, _) = get_fp_and_pc();
    let g = ${R1_G};
    let (g2) = ec_double(g);
    print_point(g2);
    let (g3) = ec_add(g2, g);
    print_point(g3);
    let (p) = ec_mul_by_uint256(g, Uint256(low=0xabcdef0123456789abcdef0123456789, high=0x42));
    print_point(p);
    local q: EcPoint;
    let (on) = try_get_point_from_x(g3.x, 0, &q);
    serialize_word(on);
    print_point(q);
    local r: EcPoint;
    let (off) = try_get_point_from_x(BigInt3(1, 0, 0), 0, &r);
    serialize_word(off);
    return ();
}
`);
});

test('secp256r1 field: reduce, is_zero, assert_165_bit, validate_reduced_field_element', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.cairo_secp.bigint3 import BigInt3, SumBigInt3, UnreducedBigInt3
from starkware.cairo.common.secp256r1.field import reduce, is_zero, assert_165_bit, unreduced_mul, validate_reduced_field_element
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (m) = unreduced_mul(BigInt3(3, 5, 7), BigInt3(11, 13, 17));
    let (r) = reduce(m);
    serialize_word(r.d0);
    serialize_word(r.d1);
    serialize_word(r.d2);
    validate_reduced_field_element(r);
    let (z) = is_zero(SumBigInt3(0, 0, 0));
    serialize_word(z);
    let (nz) = is_zero(SumBigInt3(r.d0, r.d1, r.d2));
    serialize_word(nz);
    assert_165_bit(2 ** 164 + 12345);
    return ();
}
`);
});

test('secp256r1 assert_165_bit fails on a value of 166 bits in the hint', () => {
  const { outcome } = expectReferenceMatch(`%builtins range_check
from starkware.cairo.common.secp256r1.field import assert_165_bit
func main{range_check_ptr}() {
    assert_165_bit(2 ** 165);
    return ();
}
`, { status: 'error' });
  if (!/is outside of the range \[0, 2\*\*165\)/.test(outcome.error ?? '')) throw new Error(outcome.error);
});
