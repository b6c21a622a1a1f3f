import { test } from 'node:test';
import assert from 'node:assert/strict';
import { igcdex } from '../../src/hints/lib/math-utils';

test("igcdex follows sympy's convention (its documented examples) and Bezout's identity", () => {
  assert.deepEqual(igcdex(2n, 3n), [-1n, 1n, 1n]);
  assert.deepEqual(igcdex(10n, 12n), [-1n, 1n, 2n]);
  assert.deepEqual(igcdex(100n, 2004n), [-20n, 1n, 4n]);
  assert.deepEqual(igcdex(0n, 0n), [0n, 1n, 0n]);
  assert.deepEqual(igcdex(0n, -5n), [0n, -1n, 5n]);
  const p = 2n ** 256n - 2n ** 32n - 977n; // secp256k1's field, where the secp hints use it
  for (const [a, b] of [[3n, p], [p - 1n, p], [-(2n ** 200n + 12345n), p], [2n ** 255n, 3n ** 160n], [-6n, -15n]]) {
    const [x, y, g] = igcdex(a, b);
    assert.equal(x * a + y * b, g);
    let u = a < 0n ? -a : a;
    let v = b < 0n ? -b : b;
    while (v !== 0n) [u, v] = [v, u % v];
    assert.equal(g, u);
  }
});
