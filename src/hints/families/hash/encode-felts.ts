// blake2s.cairo's encode_felt252_to_u32s: each felt as 2 u32 words (below 2**63) or 8 words (with
// bit 255 set as the marker), big-endian; and its loop's test for a small value.
import { defineHint } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { Relocatable, valuesEqual } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { memGet, pyCompare, pyInt, writeAp } from '../../lib/py';
import { divmod, mod } from '../../lib/math-utils';
import * as C from './codes';

const SMALL = 1n << 63n;

defineHint(C.BLAKE2S_ENCODE_FELTS, (ctx) => {
  const packed = ctx.ids.ptr('packed_values');
  const out = ctx.ids.ptr('unpacked_u32s');
  const n = ctx.ids.big('packed_values_len');
  let offset = 0;
  for (let i = 0; i < n; i++) {
    let val = mod(pyInt(memGet(ctx.mem, packed.add(i)), '%'), F.getPrime());
    const len = val < SMALL ? 2 : 8;
    if (len === 8) val += 1n << 255n;
    for (let j = len - 1; j >= 0; j--) {
      const [q, r] = divmod(val, 1n << 32n);
      val = q;
      ctx.mem.writeAt(new Relocatable(out.segment, out.offset + offset + j), F.toFelt(r));
    }
    hintAssert(val === 0n, '', 'assert val == 0');
    offset += len;
  }
});

defineHint(C.BLAKE2S_ENCODE_IS_SMALL, (ctx) => {
  const packed = ctx.ids.get('packed_values');
  // Python's `and`: the second operand is read only when the first holds.
  if (valuesEqual(ctx.ids.get('end'), packed)) return writeAp(ctx, 0n);
  if (!(packed instanceof Relocatable)) throw new HintError('TypeError', `memory[] needs an address, got ${F.big(packed)}`);
  writeAp(ctx, pyCompare(memGet(ctx.mem, packed), SMALL) < 0 ? 1n : 0n);
});
