// Cairo 0 programs of Cairn's own for the differential tests: small, so the reference VM runs
// each in a second or two, and together they touch every builtin, hints, errors and both modes.
// Each lists the layouts it runs in (the first that has its builtins, and a second one).

export interface DiffProgram {
  name: string;
  source: string;
  /** Layouts to compare in, normal mode. */
  layouts: string[];
  /** Layouts to compare in, proof mode (padding to large ratios is slow in the reference). */
  proofLayouts: string[];
  /** Extra cairo-run flags for every run of this program. */
  flags?: string[];
  /** Extra flags for its normal-mode runs only. */
  normalFlags?: string[];
}

export const PROGRAMS: DiffProgram[] = [
  {
    name: 'loop',
    layouts: ['plain', 'small'],
    proofLayouts: ['plain', 'small'],
    flags: ['--print_memory', '--relocate_prints'],
    source: `
func fib(a: felt, b: felt, n: felt) -> felt {
    if (n == 0) {
        return a;
    }
    return fib(b, a + b, n - 1);
}

func main() {
    let x = fib(1, 1, 20);
    assert x = 10946;
    tempvar y = x * 3 - 7;
    assert y = 32831;
    return ();
}
`,
  },
  {
    name: 'output_rc',
    layouts: ['small', 'recursive'],
    proofLayouts: ['small', 'recursive'],
    flags: ['--print_memory'],
    normalFlags: ['--merge_extra_segments'],
    source: `
%builtins output range_check
from starkware.cairo.common.math import assert_nn, assert_le, unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word
from starkware.cairo.common.alloc import alloc

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    let (local b: felt*) = alloc();
    assert a[1] = 11;
    assert b[0] = cast(a + 1, felt);
    assert_nn(1234);
    assert_le(5, 700);
    let (q, r) = unsigned_div_rem(1000003, 97);
    serialize_word(q);
    serialize_word(r);
    serialize_word(-5);
    return ();
}
`,
  },
  {
    name: 'hashes',
    layouts: ['recursive', 'starknet'],
    proofLayouts: ['recursive'],
    source: `
%builtins output pedersen range_check bitwise
from starkware.cairo.common.cairo_builtins import HashBuiltin, BitwiseBuiltin
from starkware.cairo.common.hash import hash2
from starkware.cairo.common.bitwise import bitwise_and, bitwise_xor
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    let (h) = hash2{hash_ptr=pedersen_ptr}(1, 2);
    let (h2) = hash2{hash_ptr=pedersen_ptr}(h, 3);
    serialize_word(h2);
    let (a) = bitwise_and(0xff00ff, 0x0ff0f0);
    let (x) = bitwise_xor(a, 0x123456);
    serialize_word(x);
    return ();
}
`,
  },
  {
    name: 'starknet_builtins',
    layouts: ['starknet'],
    proofLayouts: [],
    source: `
%builtins output pedersen range_check ecdsa bitwise ec_op poseidon
from starkware.cairo.common.cairo_builtins import HashBuiltin, SignatureBuiltin, BitwiseBuiltin, EcOpBuiltin, PoseidonBuiltin
from starkware.cairo.common.builtin_poseidon.poseidon import poseidon_hash
from starkware.cairo.common.ec import ec_op
from starkware.cairo.common.ec_point import EcPoint
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*, bitwise_ptr: BitwiseBuiltin*, ec_op_ptr: EcOpBuiltin*, poseidon_ptr: PoseidonBuiltin*}() {
    alloc_locals;
    let (local h) = poseidon_hash(11, 22);
    let g = EcPoint(
        0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca,
        0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f);
    let (r) = ec_op(g, 5, g);
    serialize_word(h);
    serialize_word(r.x);
    return ();
}
`,
  },
  {
    name: 'assert_fail',
    layouts: ['small'],
    proofLayouts: ['small'],
    source: `
func check(a: felt, b: felt) {
    with_attr error_message("check: {a} is not {b}") {
        assert a = b;
    }
    return ();
}

func main() {
    check(3, 3);
    check(2, 7);
    return ();
}
`,
  },
  {
    name: 'hint_fail',
    layouts: ['small'],
    proofLayouts: [],
    source: `
%builtins range_check
from starkware.cairo.common.math import assert_nn

func main{range_check_ptr}() {
    assert_nn(5);
    assert_nn(-3);
    return ();
}
`,
  },
];
