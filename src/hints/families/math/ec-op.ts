// cairo_ec_op/ec_op.cairo (ec_op computed in Cairo): the scalar's bits, low bit first, and the
// hint that marks an impossible branch.
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { idsInt } from '../../lib/py';
import * as C from './codes';

defineHint(C.EC_OP_M_BITS, (ctx) => {
  let m = idsInt(ctx, 'm', '%');
  const out = ctx.ids.ptr('m_bit_unpacking');
  const bits = ctx.ids.const('M_MAX_BITS');
  for (let i = 0; i < bits; i++) {
    ctx.mem.writeAt(new Relocatable(out.segment, out.offset + i), F.toFelt(m & 1n));
    m >>= 1n;
  }
});

defineHint(C.EC_OP_FAILED, () => {
  throw new HintError('AssertionError', 'ec_op failed.', C.EC_OP_FAILED);
});
