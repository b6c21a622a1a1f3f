// The exact code strings of the full bootloader's hints (bootloader/*.cairo): the bootloader input,
// the output builtin's state around the simple bootloader, the config and the packed outputs.

/** ms_bootloader_0131, sc_bootloader_0131 */
export const LOAD_INPUT_SWITCH_OUTPUT = String.raw`from starkware.cairo.bootloaders.bootloader.objects import BootloaderInput
bootloader_input = BootloaderInput.Schema().load(program_input)

ids.simple_bootloader_output_start = segments.add()

# Change output builtin state to a different segment in preparation for calling the
# simple bootloader.
output_builtin_state = output_builtin.get_state()
output_builtin.new_state(base=ids.simple_bootloader_output_start)`;

/** pu_bootloader */
export const LOAD_INPUT = String.raw`from starkware.cairo.bootloaders.bootloader.objects import BootloaderInput
bootloader_input = BootloaderInput.Schema().load(program_input)`;

/** pu_applicative_bootloader, pu_bootloader */
export const SWITCH_OUTPUT = String.raw`ids.simple_bootloader_output_start = segments.add()

# Change output builtin state to a different segment in preparation for calling the
# simple bootloader.
output_builtin_state = output_builtin.get_state()
output_builtin.new_state(base=ids.simple_bootloader_output_start)`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const SIMPLE_INPUT_FROM_BOOTLOADER = String.raw`simple_bootloader_input = bootloader_input`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const RESTORE_OUTPUT = String.raw`# Restore the bootloader's output builtin state.
output_builtin.set_state(output_builtin_state)`;

/** ms_bootloader_0131, sc_bootloader_0131 */
export const CONFIG_0131 = String.raw`from starkware.cairo.bootloaders.bootloader.objects import BootloaderConfig
bootloader_config: BootloaderConfig = bootloader_input.bootloader_config

ids.bootloader_config = segments.gen_arg(
    [
        bootloader_config.simple_bootloader_program_hash,
        len(bootloader_config.supported_cairo_verifier_program_hashes),
        bootloader_config.supported_cairo_verifier_program_hashes,
    ],
)`;

/** pu_applicative_bootloader, pu_bootloader */
export const CONFIG = String.raw`from starkware.cairo.bootloaders.bootloader.objects import BootloaderConfig

bootloader_config: BootloaderConfig = bootloader_input.bootloader_config

ids.bootloader_config = segments.gen_arg(
    [
        len(bootloader_config.supported_simple_bootloader_hash_list),
        bootloader_config.supported_simple_bootloader_hash_list,
        len(bootloader_config.supported_cairo_verifier_program_hashes),
        bootloader_config.supported_cairo_verifier_program_hashes,
        bootloader_config.applicative_bootloader_program_hash,
    ],
)`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const OUTPUT_START = String.raw`output_start = ids.output_ptr`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const PACKED_OUTPUTS = String.raw`packed_outputs = bootloader_input.packed_outputs`;

/** ms_bootloader_0131, pu_bootloader, sc_bootloader_0131 */
export const FACT_TOPOLOGIES_END = String.raw`from typing import List

from starkware.cairo.bootloaders.bootloader.utils import compute_fact_topologies
from starkware.cairo.bootloaders.fact_topology import FactTopology
from starkware.cairo.bootloaders.simple_bootloader.utils import (
    configure_fact_topologies,
    write_to_fact_topologies_file,
)

# Compute the fact topologies of the plain packed outputs based on packed_outputs and
# fact_topologies of the inner tasks.
plain_fact_topologies: List[FactTopology] = compute_fact_topologies(
    packed_outputs=packed_outputs, fact_topologies=fact_topologies,
)

# Configure the memory pages in the output builtin, based on plain_fact_topologies.
configure_fact_topologies(
    fact_topologies=plain_fact_topologies, output_start=output_start,
    output_builtin=output_builtin,
)

# Dump fact topologies to a json file.
if bootloader_input.fact_topologies_path is not None:
    write_to_fact_topologies_file(
        fact_topologies_path=bootloader_input.fact_topologies_path,
        fact_topologies=plain_fact_topologies,
    )`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const ENTER_PACKED_OUTPUT = String.raw`from starkware.cairo.bootloaders.bootloader.objects import PackedOutput

task_id = len(packed_outputs) - ids.n_subtasks
packed_output: PackedOutput = packed_outputs[task_id]

vm_enter_scope(new_scope_locals=dict(packed_output=packed_output))`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const IMPORT_PACKED_TYPES = String.raw`from starkware.cairo.bootloaders.bootloader.objects import (
    CompositePackedOutput,
    PlainPackedOutput,
)`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const IS_PLAIN = String.raw`memory[ap] = to_felt_or_relocatable(isinstance(packed_output, PlainPackedOutput))`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const ASSERT_COMPOSITE = String.raw`assert isinstance(packed_output, CompositePackedOutput)`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const COMPOSITE_DATA = String.raw`data = packed_output.elements_for_hash()
ids.nested_subtasks_output_len = len(data)
ids.nested_subtasks_output = segments.gen_arg(data)`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, sc_bootloader_0131 */
export const SUBTASK_PACKED_OUTPUTS = String.raw`packed_outputs = packed_output.subtasks`;
