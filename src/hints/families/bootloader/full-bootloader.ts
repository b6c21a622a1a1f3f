// The full bootloader's hints: it runs the simple bootloader with the output builtin moved to a
// scratch segment, writes its config (segments.gen_arg), then unpacks each task's output as the
// packed outputs of its input say (plain, or composite: the outputs of a verified bootloader
// run), and finally lays the tasks' fact topologies out as output pages.
import { defineHint, HintContext } from '../../hint';
import { hintAssert } from '../../errors';
import { Relocatable, Value } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { idsInt, scopeGet, writeAp } from '../../lib/py';
import { BootloaderInput, PackedOutput, parseBootloaderInput, configInt, configInts } from './input';
import { OutputState, getOutputState, newOutputState, setOutputState } from './output-state';
import { computeFactTopologies, configureFactTopologies, writeFactTopologiesFile } from './fact-topology';
import { factTopologies } from './task-state';
import * as C from './bootloader-codes';

const fullInput = (ctx: HintContext): BootloaderInput => scopeGet(ctx, 'bootloader_input');
const packedOutput = (ctx: HintContext): PackedOutput => scopeGet(ctx, 'packed_output');

type Arg = bigint | Relocatable | Arg[];

/** segments.gen_arg: a new segment with the values, each nested list in a segment of its own. */
export function genArg(ctx: HintContext, args: readonly Arg[]): Relocatable {
  const base = ctx.mem.addSegment();
  const values: Value[] = args.map((a) => (Array.isArray(a) ? genArg(ctx, a) : a instanceof Relocatable ? a : F.toFelt(a)));
  ctx.mem.load(base, values);
  return base;
}

function loadInput(ctx: HintContext): void {
  ctx.scope.set('bootloader_input', parseBootloaderInput(scopeGet(ctx, 'program_input')));
}

/** The simple bootloader writes to a scratch segment; the bootloader's output state is kept aside. */
function switchOutput(ctx: HintContext): void {
  const start = ctx.mem.addSegment();
  ctx.ids.set('simple_bootloader_output_start', start);
  ctx.scope.set('output_builtin_state', getOutputState(ctx));
  newOutputState(ctx, start);
}

defineHint(C.LOAD_INPUT, loadInput);
defineHint(C.SWITCH_OUTPUT, switchOutput);
defineHint(C.LOAD_INPUT_SWITCH_OUTPUT, (ctx) => {
  loadInput(ctx);
  switchOutput(ctx);
});

defineHint(C.SIMPLE_INPUT_FROM_BOOTLOADER, (ctx) => ctx.scope.set('simple_bootloader_input', fullInput(ctx)));

defineHint(C.RESTORE_OUTPUT, (ctx) => setOutputState(ctx, scopeGet<OutputState>(ctx, 'output_builtin_state')));

defineHint(C.CONFIG_0131, (ctx) => {
  const config = fullInput(ctx).bootloaderConfig;
  ctx.scope.set('bootloader_config', config);
  const verifiers = configInts(config, 'supported_cairo_verifier_program_hashes');
  ctx.ids.set('bootloader_config', genArg(ctx, [configInt(config, 'simple_bootloader_program_hash'), BigInt(verifiers.length), verifiers]));
});

defineHint(C.CONFIG, (ctx) => {
  const config = fullInput(ctx).bootloaderConfig;
  ctx.scope.set('bootloader_config', config);
  const simple = configInts(config, 'supported_simple_bootloader_hash_list');
  const verifiers = configInts(config, 'supported_cairo_verifier_program_hashes');
  ctx.ids.set('bootloader_config', genArg(ctx, [BigInt(simple.length), simple, BigInt(verifiers.length), verifiers, configInt(config, 'applicative_bootloader_program_hash')]));
});

defineHint(C.OUTPUT_START, (ctx) => ctx.scope.set('output_start', ctx.ids.get('output_ptr')));

defineHint(C.PACKED_OUTPUTS, (ctx) => ctx.scope.set('packed_outputs', fullInput(ctx).packedOutputs));

defineHint(C.FACT_TOPOLOGIES_END, (ctx) => {
  const input = fullInput(ctx);
  const plain = computeFactTopologies(scopeGet<PackedOutput[]>(ctx, 'packed_outputs'), factTopologies(ctx));
  ctx.scope.set('plain_fact_topologies', plain);
  configureFactTopologies(ctx, plain, scopeGet<Relocatable>(ctx, 'output_start'));
  if (input.factTopologiesPath !== undefined) writeFactTopologiesFile(input.factTopologiesPath, plain);
});

defineHint(C.ENTER_PACKED_OUTPUT, (ctx) => {
  const list = scopeGet<PackedOutput[]>(ctx, 'packed_outputs');
  const id = list.length - Number(idsInt(ctx, 'n_subtasks', '-'));
  const packed = list.at(id);
  hintAssert(packed !== undefined && id >= -list.length, 'list index out of range');
  ctx.scope.set('task_id', BigInt(id));
  ctx.scope.set('packed_output', packed);
  ctx.vm.enterScope(new Map<string, unknown>([['packed_output', packed]]));
});

// Only imports: the names it binds are the types the next hints test against.
defineHint(C.IMPORT_PACKED_TYPES, () => {});

defineHint(C.IS_PLAIN, (ctx) => writeAp(ctx, packedOutput(ctx).type === 'PlainPackedOutput' ? 1n : 0n));

defineHint(C.ASSERT_COMPOSITE, (ctx) => {
  hintAssert(packedOutput(ctx).type === 'CompositePackedOutput', '', 'assert isinstance(packed_output, CompositePackedOutput)');
});

defineHint(C.COMPOSITE_DATA, (ctx) => {
  const p = packedOutput(ctx);
  hintAssert(p.type === 'CompositePackedOutput', "'PlainPackedOutput' object has no attribute 'elements_for_hash'");
  ctx.scope.set('data', p.outputs);
  ctx.ids.set('nested_subtasks_output_len', BigInt(p.outputs.length));
  ctx.ids.set('nested_subtasks_output', genArg(ctx, p.outputs));
});

defineHint(C.SUBTASK_PACKED_OUTPUTS, (ctx) => {
  const p = packedOutput(ctx);
  hintAssert(p.type === 'CompositePackedOutput', "'PlainPackedOutput' object has no attribute 'subtasks'");
  ctx.scope.set('packed_outputs', p.subtasks);
});
