// The exact code strings of the simple bootloader's hints for a builtin the layout lacks
// (simple_bootloader/verify_builtins.cairo): the task's instances of it are simulated.

/** pu_simple_bootloader: handle_uninitialized_ec_op_builtin */
export const SIMULATE_EC_OP = String.raw`from starkware.cairo.lang.builtins.ec.ec_op_builtin_runner import (
    ec_op_auto_deduction_rule_wrapper,
)
ids.new_ec_op_ptr = segments.add()
vm_add_auto_deduction_rule(
    segment_index=ids.new_ec_op_ptr.segment_index,
    rule=ec_op_auto_deduction_rule_wrapper(ec_op_cache={}),
)`;
