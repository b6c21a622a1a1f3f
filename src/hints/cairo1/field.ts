// Curve and field hints (casm_run.rs): a random point of the STARK curve (EcStateInit and
// friends) and the square root of a felt or of 3 times it.
import { defineCairo1Hint } from './hint';
import { resFelt, writeCell } from './operands';
import { PRIME, big, fromReduced } from '../../vm/felt';
import { sqrtModPrime, powModNonNeg } from '../../vm/modular';
import { VmError } from '../../vm/errors';

/** The STARK curve y^2 = x^3 + x + beta. */
const BETA = 0x6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89n;

/** The smaller of the two roots: what starknet-types-core's Felt::sqrt returns (FieldSqrt and RandomEcPoint). */
function smallRoot(r: bigint): bigint {
  const other = r === 0n ? 0n : PRIME - r;
  return r < other ? r : other;
}

defineCairo1Hint('RandomEcPoint', (f) => {
  const x = f.cell('x'), y = f.cell('y');
  return (vm, state) => {
    for (;;) {
      const bytes = state.randomBytes(31);
      let rx = 0n;
      for (const b of bytes) rx = (rx << 8n) | BigInt(b);
      const rhs = (powModNonNeg(rx, 3n, PRIME) + rx + BETA) % PRIME;
      const ry = sqrtModPrime(rhs, PRIME);
      if (ry === undefined) continue;
      writeCell(vm, x, fromReduced(rx));
      writeCell(vm, y, fromReduced(smallRoot(ry)));
      return;
    }
  };
});

defineCairo1Hint('FieldSqrt', (f) => {
  const val = f.res('val'), dst = f.cell('sqrt');
  return (vm) => {
    const v = big(resFelt(vm, val));
    const r = sqrtModPrime(v, PRIME) ?? sqrtModPrime((v * 3n) % PRIME, PRIME);
    if (r === undefined) throw new VmError('Hint', 'FieldSqrt: neither the value nor 3 times it is a square.');
    writeCell(vm, dst, fromReduced(smallRoot(r)));
  };
});
