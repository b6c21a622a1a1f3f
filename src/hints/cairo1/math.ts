// Integer hints of cairo-lang-casm's CoreHint (casm_run.rs execute_core_hint): comparisons,
// wide multiplication, divisions, square roots and the linear split. Values are felts read as
// integers in [0, P).
import { Felt, big, toFelt, sub, mul } from '../../vm/felt';
import { Value } from '../../vm/relocatable';
import { VmError } from '../../vm/errors';
import { isqrt } from '../lib/math-utils';
import { defineCairo1Hint } from './hint';
import { resFelt, resValue, writeCell } from './operands';

const B128 = 1n << 128n;
const MASK128 = B128 - 1n;
const B64 = 1n << 64n;

/** Rust's derived order of MaybeRelocatable: every address sorts before every felt. */
function compareValues(a: Value, b: Value): number {
  if (typeof a === 'object') {
    if (typeof b !== 'object') return -1;
    return a.segment !== b.segment ? a.segment - b.segment : a.offset - b.offset;
  }
  if (typeof b === 'object') return 1;
  const x = big(a);
  const y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function nonZero(d: bigint, what: string): bigint {
  if (d === 0n) throw new VmError('DivisionByZero', `${what}: division by zero.`);
  return d;
}

defineCairo1Hint('TestLessThan', (f) => {
  const lhs = f.res('lhs'), rhs = f.res('rhs'), dst = f.cell('dst');
  return (vm) => writeCell(vm, dst, big(resFelt(vm, lhs)) < big(resFelt(vm, rhs)) ? 1 : 0);
});

for (const tag of ['TestLessThanOrEqual', 'TestLessThanOrEqualAddress']) {
  defineCairo1Hint(tag, (f) => {
    const lhs = f.res('lhs'), rhs = f.res('rhs'), dst = f.cell('dst');
    return (vm) => writeCell(vm, dst, compareValues(resValue(vm, lhs), resValue(vm, rhs)) <= 0 ? 1 : 0);
  });
}

defineCairo1Hint('WideMul128', (f) => {
  const lhs = f.res('lhs'), rhs = f.res('rhs'), high = f.cell('high'), low = f.cell('low');
  return (vm) => {
    const prod = big(resFelt(vm, lhs)) * big(resFelt(vm, rhs));
    writeCell(vm, high, toFelt(prod >> 128n));
    writeCell(vm, low, toFelt(prod & MASK128));
  };
});

defineCairo1Hint('DivMod', (f) => {
  const lhs = f.res('lhs'), rhs = f.res('rhs'), q = f.cell('quotient'), r = f.cell('remainder');
  return (vm) => {
    const a = big(resFelt(vm, lhs));
    const b = nonZero(big(resFelt(vm, rhs)), 'DivMod');
    writeCell(vm, q, toFelt(a / b));
    writeCell(vm, r, toFelt(a % b));
  };
});

defineCairo1Hint('Uint256DivMod', (f) => {
  const d0 = f.res('dividend0'), d1 = f.res('dividend1'), s0 = f.res('divisor0'), s1 = f.res('divisor1');
  const q0 = f.cell('quotient0'), q1 = f.cell('quotient1'), r0 = f.cell('remainder0'), r1 = f.cell('remainder1');
  return (vm) => {
    const dividend = big(resFelt(vm, d0)) + (big(resFelt(vm, d1)) << 128n);
    const divisor = nonZero(big(resFelt(vm, s0)) + (big(resFelt(vm, s1)) << 128n), 'Uint256DivMod');
    const q = dividend / divisor;
    const r = dividend % divisor;
    writeCell(vm, q0, toFelt(q % B128));
    writeCell(vm, q1, toFelt(q / B128));
    writeCell(vm, r0, toFelt(r % B128));
    writeCell(vm, r1, toFelt(r / B128));
  };
});

defineCairo1Hint('Uint512DivModByUint256', (f) => {
  const d = [f.res('dividend0'), f.res('dividend1'), f.res('dividend2'), f.res('dividend3')];
  const s0 = f.res('divisor0'), s1 = f.res('divisor1');
  const q = [f.cell('quotient0'), f.cell('quotient1'), f.cell('quotient2'), f.cell('quotient3')];
  const r0 = f.cell('remainder0'), r1 = f.cell('remainder1');
  return (vm) => {
    let dividend = 0n;
    for (let i = 3; i >= 0; i--) dividend = (dividend << 128n) + big(resFelt(vm, d[i]));
    const divisor = nonZero(big(resFelt(vm, s0)) + (big(resFelt(vm, s1)) << 128n), 'Uint512DivModByUint256');
    let quotient = dividend / divisor;
    const rem = dividend % divisor;
    for (let i = 0; i < 3; i++) {
      writeCell(vm, q[i], toFelt(quotient % B128));
      quotient /= B128;
    }
    writeCell(vm, q[3], toFelt(quotient));
    writeCell(vm, r0, toFelt(rem % B128));
    writeCell(vm, r1, toFelt(rem / B128));
  };
});

defineCairo1Hint('SquareRoot', (f) => {
  const value = f.res('value'), dst = f.cell('dst');
  return (vm) => writeCell(vm, dst, toFelt(isqrt(big(resFelt(vm, value)))));
});

defineCairo1Hint('Uint256SquareRoot', (f) => {
  const lo = f.res('value_low'), hi = f.res('value_high');
  const sqrt0 = f.cell('sqrt0'), sqrt1 = f.cell('sqrt1');
  const remLow = f.cell('remainder_low'), remHigh = f.cell('remainder_high');
  const ge = f.cell('sqrt_mul_2_minus_remainder_ge_u128');
  return (vm) => {
    const value = big(resFelt(vm, lo)) + big(resFelt(vm, hi)) * B128;
    const root = isqrt(value);
    const rem = value - root * root;
    writeCell(vm, sqrt0, toFelt(root % B64));
    writeCell(vm, sqrt1, toFelt(root / B64));
    writeCell(vm, remLow, toFelt(rem % B128));
    writeCell(vm, remHigh, toFelt(rem / B128));
    writeCell(vm, ge, root * 2n - rem >= B128 ? 1 : 0);
  };
});

defineCairo1Hint('LinearSplit', (f) => {
  const value = f.res('value'), scalar = f.res('scalar'), maxX = f.res('max_x'), x = f.cell('x'), y = f.cell('y');
  return (vm) => {
    const v: Felt = resFelt(vm, value);
    const s: Felt = resFelt(vm, scalar);
    const m = big(resFelt(vm, maxX));
    let q = big(v) / nonZero(big(s), 'LinearSplit');
    if (q > m) q = m;
    const xv = toFelt(q);
    writeCell(vm, x, xv);
    writeCell(vm, y, sub(v, mul(xv, s)));
  };
});

/** Extended Euclid: [g, x, y] with x*a + y*b = g (as num-integer's extended_gcd for these inputs). */
function extendedGcd(a: bigint, b: bigint): [bigint, bigint, bigint] {
  let [r0, r1, s0, s1, t0, t1] = [a, b, 1n, 0n, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 < 0n) return [-r0, -s0, -t0];
  return [r0, s0, t0];
}

defineCairo1Hint('U256InvModN', (f) => {
  const b0 = f.res('b0'), b1 = f.res('b1'), n0 = f.res('n0'), n1 = f.res('n1');
  const g0 = f.cell('g0_or_no_inv'), g1 = f.cell('g1_option');
  const sr0 = f.cell('s_or_r0'), sr1 = f.cell('s_or_r1'), tk0 = f.cell('t_or_k0'), tk1 = f.cell('t_or_k1');
  return (vm) => {
    const bl = big(resFelt(vm, b0)), bh = big(resFelt(vm, b1));
    const b = bl + (bh << 128n);
    const n = big(resFelt(vm, n0)) + (big(resFelt(vm, n1)) << 128n);
    const limbs = (v: bigint, lo: typeof sr0, hi: typeof sr0) => {
      writeCell(vm, lo, toFelt(v % B128));
      writeCell(vm, hi, toFelt(v / B128));
    };
    let [g, , r] = extendedGcd(n, b);
    if (n === 1n) {
      writeCell(vm, sr0, toFelt(bl));
      writeCell(vm, sr1, toFelt(bh));
      writeCell(vm, tk0, 1);
      writeCell(vm, tk1, 0);
      writeCell(vm, g0, 1);
      writeCell(vm, g1, 0);
    } else if (g !== 1n) {
      // g0_or_no_inv must be non-zero in the no-inverse case.
      if (g % 2n === 0n) g = 2n;
      limbs(b / g, sr0, sr1);
      limbs(n / g, tk0, tk1);
      limbs(g, g0, g1);
    } else {
      r = ((r % nonZero(n, 'U256InvModN')) + n) % n;
      limbs(r, sr0, sr1);
      limbs((r * b - 1n) / n, tk0, tk1);
      writeCell(vm, g0, 0);
    }
  };
});
