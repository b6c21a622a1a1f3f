// A builtin the layout lacks but a task uses: the simple bootloader gives the task a segment of
// its own whose cells the builtin's rule deduces (vm_add_auto_deduction_rule), as cairo-lang's
// ec_op_auto_deduction_rule_wrapper does with the default ec_op parameters.
import { defineHint } from '../../hint';
import { createBuiltin } from '../../../builtins/index';
import * as C from './simulated-builtin-codes';

defineHint(C.SIMULATE_EC_OP, (ctx) => {
  const seg = ctx.mem.addSegment();
  ctx.ids.set('new_ec_op_ptr', seg);
  ctx.mem.deducers[seg.segment] = createBuiltin('ec_op', false).deducer();
});
