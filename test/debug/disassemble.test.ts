import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { disassemble, listProgram } from '../../src/debug/disassemble';
import { loadProgramFile } from '../../src/runner/load-program';
import { PRIME, setPrime } from '../../src/vm/felt';

const ROOT = join(__dirname, '../..');

/** An encoding from its fields (cairo-lang's encode.py): offsets biased by 2^15, flags above bit 48. */
function encode(off0: number, off1: number, off2: number, flagBits: number[]): bigint {
  const flags = flagBits.reduce((f, b) => f | (1 << b), 0);
  return BigInt(off0 + 0x8000) | (BigInt(off1 + 0x8000) << 16n) | (BigInt(off2 + 0x8000) << 32n) | (BigInt(flags) << 48n);
}
// Flag bits: 0 dst fp, 1 op0 fp, 2 op1 imm, 3 op1 fp, 4 op1 ap, 5 add, 6 mul, 7 jmp abs, 8 jmp rel,
// 9 jnz, 10 ap +=, 11 ap++, 12 call, 13 ret, 14 assert_eq.

test('instructions print as cairo-lang writes them', () => {
  setPrime(PRIME);
  const cases: [bigint, bigint | undefined, string][] = [
    [encode(0, -3, 1, [1, 2, 5, 11, 14]), 1n, '[ap + 0] = [fp + -3] + 1, ap++'],
    [encode(0, -3, -1, [1, 4, 6, 14]), undefined, '[ap + 0] = [fp + -3] * [ap + -1]'],
    [encode(0, -4, 2, [1, 14]), undefined, '[ap + 0] = [[fp + -4] + 2]'],
    [encode(-3, -1, -4, [0, 1, 3, 14]), undefined, '[fp + -3] = [fp + -4]'],
    [encode(-1, -1, 1, [2, 9]), 3n, 'jmp rel 3 if [ap + -1] != 0'],
    [encode(-1, -1, 1, [2, 8]), PRIME - 8n, 'jmp rel -8'],
    [encode(-1, -1, 1, [2, 7]), 10n, 'jmp abs 10'],
    [encode(0, 1, 1, [2, 8, 12]), 5n, 'call rel 5'],
    [encode(0, 1, -3, [3, 7, 12]), undefined, 'call abs [fp + -3]'],
    [encode(-2, -1, -1, [0, 1, 3, 7, 13]), undefined, 'ret'],
    [encode(-1, -1, 1, [2, 10]), 2n, 'ap += 2'],
  ];
  const felt = (b: bigint) => (b > BigInt(Number.MAX_SAFE_INTEGER) ? b : Number(b));
  for (const [enc, imm, text] of cases) {
    assert.equal(disassemble(felt(enc), imm === undefined ? undefined : felt(imm))?.text, text, text);
  }
  assert.equal(disassemble(undefined, undefined), undefined);
});

test('the whole fib program lists instruction by instruction', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/fib.json'));
  const list = listProgram(p.data);
  assert.deepEqual(
    list.map((i) => `${i.pc} ${i.text}`).slice(3, 9),
    ['4 jmp rel 4 if [fp + -3] != 0', '6 [ap + 0] = [fp + -5], ap++', '7 ret', '8 [ap + 0] = [fp + -4], ap++', '9 [ap + 0] = [fp + -5] + [fp + -4], ap++', '10 [ap + 0] = [fp + -3] + -1, ap++'],
  );
  assert.equal(list.at(-1)?.text, 'ret');
});
