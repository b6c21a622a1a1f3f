import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as F from '../../src/vm/felt';

test('felts stay canonical across the number/bigint boundary', () => {
  const big = 2 ** 53 - 1;
  assert.equal(F.add(big, 1), 1n << 53n);
  assert.equal(F.sub(1n << 53n, 1), big);
  assert.equal(F.sub(0, 1), F.PRIME - 1n);
  assert.equal(F.add(F.PRIME - 1n, 2), 1);
  assert.equal(F.mul(F.PRIME - 1n, F.PRIME - 1n), 1);
  assert.equal(F.mul(3, 5), 15);
  assert.equal(F.mul(2 ** 30, 2 ** 30), 2 ** 60 > 2 ** 53 ? 1n << 60n : 0);
  assert.equal(F.div(1, 2), (F.PRIME + 1n) / 2n);
  assert.equal(F.mul(F.div(7, 3), 3), 7);
  assert.throws(() => F.div(1, 0), /division by zero/);
  assert.equal(F.toSigned(F.PRIME - 5n), -5n);
  assert.equal(F.toFelt(-1n), F.PRIME - 1n);
  assert.equal(F.parseFelt('0x10'), 16);
});
