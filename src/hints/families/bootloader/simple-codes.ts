// The exact code strings of the simple bootloader's hints (simple_bootloader/*.cairo): cairo-lang
// 0.13's Python hints, and the named hints of the later bootloaders (proving-utils), whose code is
// only the name. Read from the compiled bootloaders; each comment names the programs that hold it.

/** pu_simple_bootloader, pu_simple_bootloader_0131 */
export const SIMPLE_LOAD_INPUT = String.raw`from starkware.cairo.bootloaders.simple_bootloader.objects import SimpleBootloaderInput
simple_bootloader_input = SimpleBootloaderInput.Schema().load(program_input)`;

/** ms_bootloader_0131, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const SIMPLE_SETUP = String.raw`n_tasks = len(simple_bootloader_input.tasks)
memory[ids.output_ptr] = n_tasks

# Task range checks are located right after simple bootloader validation range checks, and
# this is validated later in this function.
ids.task_range_check_ptr = ids.range_check_ptr + ids.BuiltinData.SIZE * n_tasks

# A list of fact_toplogies that instruct how to generate the fact from the program output
# for each task.
fact_topologies = []`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const SET_TASKS = String.raw`tasks = simple_bootloader_input.tasks`;

/** ms_bootloader_0131, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const SET_CURRENT_TASK = String.raw`from starkware.cairo.bootloaders.simple_bootloader.objects import Task

# Pass current task to execute_task.
task_id = len(simple_bootloader_input.tasks) - ids.n_tasks
task = simple_bootloader_input.tasks[task_id].load_task()`;

/** ms_bootloader_0131, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const USE_POSEIDON_TO_AP = String.raw`memory[ap] = to_felt_or_relocatable(1 if task.use_poseidon else 0)`;

/** ms_bootloader_0131, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const NEW_PROGRAM_SEGMENT = String.raw`ids.program_data_ptr = program_data_base = segments.add()`;

/** ms_bootloader_0131, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const LOAD_PROGRAM = String.raw`from starkware.cairo.bootloaders.simple_bootloader.utils import load_program

# Call load_program to load the program header and code to memory.
program_address, program_data_size = load_program(
    task=task, memory=memory, program_header=ids.program_header,
    builtins_offset=ids.ProgramHeader.builtin_list)
segments.finalize(program_data_base.segment_index, program_data_size)`;

/** ms_bootloader_0131, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const VALIDATE_HASH = String.raw`# Validate hash.
from starkware.cairo.bootloaders.hash_program import compute_program_hash_chain

assert memory[ids.output_ptr + 1] == compute_program_hash_chain(
    program=task.get_program(),
    use_poseidon=bool(ids.use_poseidon)), 'Computed hash does not match input.'`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const SANITY_PROGRAM_ADDRESS = String.raw`# Sanity check.
assert ids.program_address == program_address`;

/** ms_bootloader_0131, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const CALL_TASK = String.raw`from starkware.cairo.bootloaders.simple_bootloader.objects import (
    CairoPieTask,
    RunProgramTask,
    Task,
)
from starkware.cairo.bootloaders.simple_bootloader.utils import (
    load_cairo_pie,
    prepare_output_runner,
)

assert isinstance(task, Task)
n_builtins = len(task.get_program().builtins)
new_task_locals = {}
if isinstance(task, RunProgramTask):
    new_task_locals['program_input'] = task.program_input
    new_task_locals['WITH_BOOTLOADER'] = True

    vm_load_program(task.program, program_address)
elif isinstance(task, CairoPieTask):
    ret_pc = ids.ret_pc_label.instruction_offset_ - ids.call_task.instruction_offset_ + pc
    load_cairo_pie(
        task=task.cairo_pie, memory=memory, segments=segments,
        program_address=program_address, execution_segment_address= ap - n_builtins,
        builtin_runners=builtin_runners, ret_fp=fp, ret_pc=ret_pc)
else:
    raise NotImplementedError(f'Unexpected task type: {type(task).__name__}.')

output_runner_data = prepare_output_runner(
    task=task,
    output_builtin=output_builtin,
    output_ptr=ids.pre_execution_builtin_ptrs.output)
vm_enter_scope(new_task_locals)`;

/** pu_applicative_bootloader, pu_bootloader */
export const CALL_TASK_ECDSA = String.raw`from starkware.cairo.bootloaders.simple_bootloader.objects import (
    CairoPieTask,
    RunProgramTask,
    Task,
)
from starkware.cairo.bootloaders.simple_bootloader.utils import (
    load_cairo_pie,
    prepare_output_runner,
)

assert isinstance(task, Task)
n_builtins = len(task.get_program().builtins)
new_task_locals = {}
if isinstance(task, RunProgramTask):
    new_task_locals['program_input'] = task.program_input
    new_task_locals['WITH_BOOTLOADER'] = True

    vm_load_program(task.program, program_address)
elif isinstance(task, CairoPieTask):
    ret_pc = ids.ret_pc_label.instruction_offset_ - ids.call_task.instruction_offset_ + pc
    load_cairo_pie(
        task=task.cairo_pie, memory=memory, segments=segments,
        program_address=program_address, execution_segment_address= ap - n_builtins,
        builtin_runners=builtin_runners, ret_fp=fp, ret_pc=ret_pc,
        ecdsa_additional_data=vm_ecdsa_additional_data)
else:
    raise NotImplementedError(f'Unexpected task type: {type(task).__name__}.')

output_runner_data = prepare_output_runner(
    task=task,
    output_builtin=output_builtin,
    output_ptr=ids.pre_execution_builtin_ptrs.output)
vm_enter_scope(new_task_locals)`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const EXIT_TASK_SCOPE = String.raw`vm_exit_scope()
# Note that bootloader_input will only be available in the next hint.`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const WRITE_RETURN_BUILTINS = String.raw`from starkware.cairo.bootloaders.simple_bootloader.utils import write_return_builtins

# Fill the values of all builtin pointers after executing the task.
builtins = task.get_program().builtins
write_return_builtins(
    memory=memory, return_builtins_addr=ids.return_builtin_ptrs.address_,
    used_builtins=builtins, used_builtins_addr=ids.used_builtins_addr,
    pre_execution_builtins_addr=ids.pre_execution_builtin_ptrs.address_, task=task)

vm_enter_scope({'n_selected_builtins': n_builtins})`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const APPEND_FACT_TOPOLOGY = String.raw`from starkware.cairo.bootloaders.simple_bootloader.utils import get_task_fact_topology

# Add the fact topology of the current task to 'fact_topologies'.
output_start = ids.pre_execution_builtin_ptrs.output
output_end = ids.return_builtin_ptrs.output
fact_topologies.append(get_task_fact_topology(
    output_size=output_end - output_start,
    task=task,
    output_builtin=output_builtin,
    output_runner_data=output_runner_data,
))`;

/** ms_bootloader_0131, pu_applicative_bootloader, pu_bootloader, pu_simple_bootloader, pu_simple_bootloader_0131, sc_bootloader_0131 */
export const NUM_DIV_2 = String.raw`memory[ap] = to_felt_or_relocatable(ids.num // 2)`;

/** pu_simple_bootloader, pu_simple_bootloader_0131 */
export const SIMPLE_END = String.raw`# Dump fact topologies to a json file.
from starkware.cairo.bootloaders.simple_bootloader.utils import (
    configure_fact_topologies,
    write_to_fact_topologies_file,
)

# The task-related output is prefixed by a single word that contains the number of tasks.
tasks_output_start = output_builtin.base + 1

if not simple_bootloader_input.single_page:
    # Configure the memory pages in the output builtin, based on fact_topologies.
    configure_fact_topologies(
        fact_topologies=fact_topologies, output_start=tasks_output_start,
        output_builtin=output_builtin,
    )

if simple_bootloader_input.fact_topologies_path is not None:
    write_to_fact_topologies_file(
        fact_topologies_path=simple_bootloader_input.fact_topologies_path,
        fact_topologies=fact_topologies,
    )`;

/** pu_applicative_bootloader, pu_bootloader */
export const DETERMINE_USE_PREV_HASH = String.raw`DETERMINE_USE_PREV_HASH`;

/** pu_applicative_bootloader, pu_bootloader */
export const LOAD_PROGRAM_SEGMENT = String.raw`LOAD_PROGRAM_SEGMENT`;

/** pu_applicative_bootloader, pu_bootloader */
export const SETUP_RUN_SIMPLE_BOOTLOADER_BEFORE_TASK_EXECUTION = String.raw`SETUP_RUN_SIMPLE_BOOTLOADER_BEFORE_TASK_EXECUTION`;

/** pu_applicative_bootloader, pu_bootloader */
export const SIMPLE_BOOTLOADER_SET_CURRENT_TASK = String.raw`SIMPLE_BOOTLOADER_SET_CURRENT_TASK`;

/** pu_applicative_bootloader, pu_bootloader */
export const PROGRAM_HASH_FUNCTION_TO_AP = String.raw`memory[ap] = to_felt_or_relocatable(task.program_hash_function)`;
