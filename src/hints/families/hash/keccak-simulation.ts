// simulate_builtin_keccak_with_cairo: the builtin's 8 felts of 200 bits as 25 words of 64 bits,
// and the byte splits of every third word the packing back uses.
import { defineHint } from '../../hint';
import { Relocatable } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { idsInt, memGet, pyInt } from '../../lib/py';
import { divmod } from '../../lib/math-utils';
import * as C from './codes';

defineHint(C.KECCAK_STATE_TO_FELTS, (ctx) => {
  let full = 0n;
  for (let i = 0; i < 8; i++) full += (1n << BigInt(200 * i)) * idsInt(ctx, `keccak_builtin_state.s${i}`, '*');
  const out = ctx.ids.ptr('felt_array');
  for (let i = 0; i < 25; i++) {
    ctx.mem.writeAt(new Relocatable(out.segment, out.offset + i), F.toFelt(full & ((1n << 64n) - 1n)));
    full >>= 64n;
  }
});

for (let k = 1; k <= 7; k++) {
  defineHint(C.keccakWordSplit(k), (ctx) => {
    const word = memGet(ctx.mem, ctx.ids.ptr('felt_array').add(3 * k));
    const [high, low] = divmod(pyInt(word, 'divmod()'), 256n ** BigInt(k));
    ctx.ids.set(`high${3 * k}`, high);
    ctx.ids.set(`low${3 * k}`, low);
  });
}
