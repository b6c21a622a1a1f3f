// The simple bootloader's hints: read the tasks, load each task's header and code into a segment
// of its own, check its hash, run it with its own hints and input (its output written through the
// output builtin moved to the task's output), collect the builtin pointers it returns and its fact
// topology. Both forms: cairo-lang 0.13's Python hints and the later bootloaders' named hints.
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { Relocatable, valuesEqual } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { idsInt, memGet, scopeGet, writeAp } from '../../lib/py';
import { parseSimpleBootloaderInput, HashFunction, PieTask, Task } from './input';
import { computeProgramHashChain } from './program-hash';
import { loadProgramHeader, vmLoadProgram } from './load-task';
import { getOutputState, newOutputState } from './output-state';
import { configureFactTopologies, pieFactTopology, taskFactTopology, writeFactTopologiesFile } from './fact-topology';
import { writeReturnBuiltins } from './builtin-ptrs';
import { labelPc, memberOffset, structOf } from './structs';
import { loadCairoPie } from './load-pie';
import { bootloaderInput, currentTask, distance, factTopologies, outputRunnerData, programAddress, taskAt } from './task-state';
import * as C from './simple-codes';

defineHint(C.SIMPLE_LOAD_INPUT, (ctx) => {
  ctx.scope.set('simple_bootloader_input', parseSimpleBootloaderInput(scopeGet(ctx, 'program_input')));
});

/** The number of tasks at output_ptr[0], and an empty fact topology list. */
function setUp(ctx: HintContext): number {
  const n = bootloaderInput(ctx).tasks.length;
  ctx.mem.writeAt(ctx.ids.ptr('output_ptr'), n);
  ctx.scope.set('fact_topologies', []);
  return n;
}

defineHint(C.SIMPLE_SETUP, (ctx) => {
  const n = setUp(ctx);
  ctx.scope.set('n_tasks', BigInt(n));
  const rc = ctx.ids.get('range_check_ptr');
  const size = structOf(ctx, 'BuiltinData').size;
  ctx.ids.set('task_range_check_ptr', rc instanceof Relocatable ? rc.add(size * n) : F.add(rc, size * n));
});

defineHint(C.SETUP_RUN_SIMPLE_BOOTLOADER_BEFORE_TASK_EXECUTION, (ctx) => {
  setUp(ctx);
  // The tasks' range checks go to a temporary segment, relocated after the bootloader's own.
  ctx.ids.set('initial_subtasks_range_check_ptr', ctx.mem.addTempSegment());
});

defineHint(C.SET_TASKS, (ctx) => {
  ctx.scope.set('tasks', bootloaderInput(ctx).tasks);
});

defineHint(C.SET_CURRENT_TASK, (ctx) => {
  const { id, task } = taskAt(bootloaderInput(ctx), idsInt(ctx, 'n_tasks', '-'));
  ctx.scope.set('task_id', BigInt(id));
  ctx.scope.set('task', task);
});

function sameProgram(a: Task, b: Task): boolean {
  const pa = a.program;
  const pb = b.program;
  return pa === pb || (pa.prime === pb.prime && pa.builtins.join() === pb.builtins.join() && pa.data.length === pb.data.length
    && pa.data.every((x, i) => F.big(x) === F.big(pb.data[i])) && pa.identifiers.get(`${pa.mainScope}.main`) !== undefined
    && JSON.stringify(pa.identifiers.get(`${pa.mainScope}.main`)) === JSON.stringify(pb.identifiers.get(`${pb.mainScope}.main`)));
}

defineHint(C.SIMPLE_BOOTLOADER_SET_CURRENT_TASK, (ctx) => {
  const input = bootloaderInput(ctx);
  const { id, task } = taskAt(input, idsInt(ctx, 'n_tasks', '-'));
  ctx.scope.set('task', task);
  // A task with the same program as the one before reuses its loaded code and hash.
  ctx.scope.set('use_prev_hash', id > 0 && sameProgram(task, input.tasks[id - 1]) ? 1n : 0n);
  ctx.scope.set('program_hash_function', BigInt(task.programHashFunction));
});

defineHint(C.USE_POSEIDON_TO_AP, (ctx) => writeAp(ctx, currentTask(ctx).usePoseidon ? 1n : 0n));

defineHint(C.PROGRAM_HASH_FUNCTION_TO_AP, (ctx) => writeAp(ctx, BigInt(currentTask(ctx).programHashFunction)));

defineHint(C.DETERMINE_USE_PREV_HASH, (ctx) => ctx.ids.set('use_prev_hash', scopeGet<bigint>(ctx, 'use_prev_hash')));

defineHint(C.NEW_PROGRAM_SEGMENT, (ctx) => {
  const base = ctx.mem.addSegment();
  ctx.ids.set('program_data_ptr', base);
  ctx.scope.set('program_data_base', base);
});

/** load_program into the segment at program_data_base, then segments.finalize(its size). */
function loadTaskCode(ctx: HintContext, base: Relocatable): void {
  const loaded = loadProgramHeader(ctx, currentTask(ctx).program, ctx.ids.ptr('program_header'), memberOffset(ctx, 'ProgramHeader', 'builtin_list'));
  ctx.scope.set('program_address', loaded.programAddress);
  ctx.scope.set('program_data_size', BigInt(loaded.size));
  ctx.mem.finalizedSizes.set(base.segment, loaded.size);
}

defineHint(C.LOAD_PROGRAM, (ctx) => loadTaskCode(ctx, scopeGet<Relocatable>(ctx, 'program_data_base')));

defineHint(C.LOAD_PROGRAM_SEGMENT, (ctx) => {
  const base = ctx.mem.addSegment();
  ctx.ids.set('program_segment_ptr', base);
  ctx.scope.set('program_data_base', base);
  loadTaskCode(ctx, base);
});

defineHint(C.VALIDATE_HASH, (ctx) => {
  const task = currentTask(ctx);
  const fn = idsInt(ctx, 'use_poseidon') !== 0n ? HashFunction.POSEIDON : HashFunction.PEDERSEN;
  const written = memGet(ctx.mem, ctx.ids.ptr('output_ptr').add(1));
  hintAssert(valuesEqual(written, F.toFelt(computeProgramHashChain(task.program, fn))), 'Computed hash does not match input.', "assert memory[ids.output_ptr + 1] == compute_program_hash_chain(");
});

defineHint(C.SANITY_PROGRAM_ADDRESS, (ctx) => {
  hintAssert(valuesEqual(ctx.ids.get('program_address'), programAddress(ctx)), '', 'assert ids.program_address == program_address');
});

/** call_task: load the task at program_address, move the output builtin to its output, enter its scope. */
function callTask(ctx: HintContext): void {
  const task = currentTask(ctx);
  const nBuiltins = task.program.builtins.length;
  ctx.scope.set('n_builtins', BigInt(nBuiltins));
  const locals = new Map<string, unknown>();
  ctx.scope.set('new_task_locals', locals);
  if (task.type === 'RunProgramTask') {
    locals.set('program_input', task.programInput);
    locals.set('WITH_BOOTLOADER', true);
    vmLoadProgram(ctx, task.program, programAddress(ctx), task.programJson);
    // prepare_output_runner: the task writes its output where the bootloader placed it.
    ctx.scope.set('output_runner_data', getOutputState(ctx));
    newOutputState(ctx, ctx.ids.ptr('pre_execution_builtin_ptrs.output'));
  } else {
    // The call returns to ret_pc_label, as far after this hint's pc as that label is after call_task.
    const retPc = ctx.vm.pcValue().add(labelPc(ctx, 'ret_pc_label') - labelPc(ctx, 'call_task'));
    const ap = ctx.vm.apValue();
    loadCairoPie(ctx, task.pie, { programAddress: programAddress(ctx), executionAddress: new Relocatable(ap.segment, ap.offset - nBuiltins), retFp: ctx.vm.fpValue(), retPc });
    // A PIE's pages are in the PIE: the output builtin stays as it is.
    ctx.scope.set('output_runner_data', null);
  }
  ctx.vm.enterScope(locals);
}

defineHint([C.CALL_TASK, C.CALL_TASK_ECDSA], callTask);

defineHint(C.EXIT_TASK_SCOPE, (ctx) => ctx.vm.exitScope());

defineHint(C.WRITE_RETURN_BUILTINS, (ctx) => {
  const builtins = currentTask(ctx).program.builtins;
  ctx.scope.set('builtins', builtins);
  const task = currentTask(ctx);
  writeReturnBuiltins(ctx, {
    returnAddr: ctx.ids.addr('return_builtin_ptrs'),
    used: builtins,
    usedAddr: ctx.ids.ptr('used_builtins_addr'),
    preAddr: ctx.ids.addr('pre_execution_builtin_ptrs'),
    pieSizes: task.type === 'CairoPiePath' ? task.pie.builtinSegments : undefined,
  });
  ctx.vm.enterScope(new Map<string, unknown>([['n_selected_builtins', scopeGet<bigint>(ctx, 'n_builtins')]]));
});

defineHint(C.APPEND_FACT_TOPOLOGY, (ctx) => {
  const start = ctx.ids.get('pre_execution_builtin_ptrs.output');
  const end = ctx.ids.get('return_builtin_ptrs.output');
  ctx.scope.set('output_start', start);
  ctx.scope.set('output_end', end);
  const task = currentTask(ctx);
  const saved = outputRunnerData(ctx);
  const size = distance(end, start);
  hintAssert((saved === null) === (task.type === 'CairoPiePath'), `Output runner data ${saved === null ? 'not set for a program task' : 'set for a Cairo PIE task'}.`);
  factTopologies(ctx).push(saved === null ? pieFactTopology(size, (task as PieTask).pie.additionalData) : taskFactTopology(ctx, size, saved));
});

defineHint(C.NUM_DIV_2, (ctx) => writeAp(ctx, idsInt(ctx, 'num', '//') / 2n));

defineHint(C.SIMPLE_END, (ctx) => {
  const input = bootloaderInput(ctx);
  // The task outputs follow the word that holds the number of tasks.
  const start = getOutputState(ctx).base.add(1);
  ctx.scope.set('tasks_output_start', start);
  if (!input.singlePage) configureFactTopologies(ctx, factTopologies(ctx), start);
  if (input.factTopologiesPath !== undefined) writeFactTopologiesFile(input.factTopologiesPath, factTopologies(ctx));
});
