// The exact code strings of the applicative bootloader's hints: the aggregator task run after the
// bootloader, each with its output in a segment of its own, and the aggregator's fact topology.

/** pu_applicative_bootloader */
export const APPLICATIVE_START = String.raw`from starkware.cairo.bootloaders.applicative_bootloader.objects import (
    ApplicativeBootloaderInput,
)
from starkware.cairo.bootloaders.simple_bootloader.objects import SimpleBootloaderInput

# Create a segment for the aggregator output.
ids.aggregator_output_ptr = segments.add()

# Load the applicative bootloader input and the aggregator task.
applicative_bootloader_input = ApplicativeBootloaderInput.Schema().load(program_input)
# TODO(Rei, 01/06/2024): aggregator_task gets use_poseidon from outside? Think about this.
aggregator_task = applicative_bootloader_input.aggregator_task

# Create the simple bootloader input.
simple_bootloader_input = SimpleBootloaderInput(
    tasks=[aggregator_task], fact_topologies_path=None, single_page=True
)

# Change output builtin state to a different segment in preparation for running the
# aggregator task.
applicative_output_builtin_state = output_builtin.get_state()
output_builtin.new_state(base=ids.aggregator_output_ptr)`;

/** pu_applicative_bootloader */
export const APPLICATIVE_BOOTLOADER_INPUT = String.raw`from starkware.cairo.bootloaders.bootloader.objects import BootloaderInput

# Save the aggregator's fact_topologies before running the bootloader.
aggregator_fact_topologies = fact_topologies
fact_topologies = []

# Create a segment for the bootloader output.
ids.bootloader_output_ptr = segments.add()

# Create the bootloader input.
bootloader_input = BootloaderInput(
    tasks=applicative_bootloader_input.tasks,
    fact_topologies_path=None,
    bootloader_config=applicative_bootloader_input.bootloader_config,
    packed_outputs=applicative_bootloader_input.packed_outputs,
    single_page=True,
)

# Change output builtin state to a different segment in preparation for running the
# bootloader.
output_builtin.new_state(base=ids.bootloader_output_ptr)`;

/** pu_applicative_bootloader */
export const APPLICATIVE_RESTORE = String.raw`# Restore the output builtin state.
output_builtin.set_state(applicative_output_builtin_state)`;

/** pu_applicative_bootloader */
export const APPLICATIVE_END = String.raw`from starkware.cairo.bootloaders.fact_topology import GPS_FACT_TOPOLOGY, FactTopology
from starkware.cairo.bootloaders.simple_bootloader.utils import (
    add_consecutive_output_pages,
    write_to_fact_topologies_file,
)

assert len(aggregator_fact_topologies) == 1
# Subtract the bootloader output length from the first page's length. Note that the
# bootloader output is always fully contained in the first page.
original_first_page_length = aggregator_fact_topologies[0].page_sizes[0]
# The header contains the program hash and bootloader config.
header_size = 1 + ids.BOOTLOADER_CONFIG_SIZE
first_page_length = (
    original_first_page_length - ids.bootloader_tasks_output_length + header_size
)

# Update the first page's length to account for the removed bootloader output, and the
# added program hash and bootloader config.
fact_topology = FactTopology(
    tree_structure=aggregator_fact_topologies[0].tree_structure,
    page_sizes=[first_page_length] + aggregator_fact_topologies[0].page_sizes[1:]
)
output_builtin.add_attribute(
    attribute_name=GPS_FACT_TOPOLOGY,
    attribute_value=aggregator_fact_topologies[0].tree_structure
)

# Configure the memory pages in the output builtin, based on plain_fact_topologies.
add_consecutive_output_pages(
    page_sizes=fact_topology.page_sizes[1:],
    output_builtin=output_builtin,
    cur_page_id=1,
    output_start=ids.output_start + fact_topology.page_sizes[0],
)

# Dump fact topologies to a json file.
if applicative_bootloader_input.fact_topologies_path is not None:
    write_to_fact_topologies_file(
        fact_topologies_path=applicative_bootloader_input.fact_topologies_path,
        fact_topologies=[fact_topology],
    )`;
