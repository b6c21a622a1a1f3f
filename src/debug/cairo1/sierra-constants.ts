// The constants a Sierra program puts into its code, checked against an executable's bytecode: two
// programs can compile to the same CASM layout (same instructions, hints and function ends) and
// differ only in their immediates (structs' 13, 24 against u64_mul's products), so a debug file
// of one would otherwise be accepted for the other and show the wrong source.
import { Felt, PRIME, toFelt } from '../../vm/felt';

/**
 * The non-negative integers that `const_as_immediate` libfuncs of the Sierra text bring in: each
 * reaches the CASM as an immediate operand, itself or negated (`a - c` is written `x + c = a`).
 * Negative ones (signed types) may be shifted by their type's bound, and struct constants are
 * split into their members, so neither is listed.
 */
export function immediateConstants(sierra: string): bigint[] {
  const values = new Map<string, bigint>();
  for (const m of sierra.matchAll(/^type (\[\d+\]) = Const<\[\d+\], (\d+)>/gm)) values.set(m[1], BigInt(m[2]));
  const out = new Set<bigint>();
  for (const m of sierra.matchAll(/^libfunc \[\d+\] = const_as_immediate<(\[\d+\])>;/gm)) {
    const v = values.get(m[1]);
    if (v !== undefined && v < PRIME) out.add(v);
  }
  return [...out];
}

/** The first constant of the Sierra text that is nowhere in the bytecode (as itself or negated), if any. */
export function missingConstant(sierra: string, bytecode: readonly Felt[]): bigint | undefined {
  const cells = new Set<Felt>(bytecode);
  return immediateConstants(sierra).find((v) => !cells.has(toFelt(v)) && !cells.has(toFelt(PRIME - v)));
}
