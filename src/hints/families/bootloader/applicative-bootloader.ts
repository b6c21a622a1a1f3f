// The applicative bootloader's hints: it runs the aggregator task through the simple bootloader,
// then the tasks through the full bootloader, each with the output builtin moved to a segment of
// its own, and gives its output the aggregator's fact topology (first page shortened by the
// bootloader output the aggregator consumed).
import { defineHint, HintContext } from '../../hint';
import { hintAssert } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import { idsInt, scopeGet } from '../../lib/py';
import { ApplicativeBootloaderInput, BootloaderInput, SimpleBootloaderInput, parseApplicativeInput } from './input';
import { OutputState, addOutputAttribute, getOutputState, newOutputState, setOutputState } from './output-state';
import { FactTopology, GPS_FACT_TOPOLOGY, addConsecutivePages, writeFactTopologiesFile } from './fact-topology';
import { factTopologies } from './task-state';
import * as C from './applicative-codes';

const applicativeInput = (ctx: HintContext): ApplicativeBootloaderInput => scopeGet(ctx, 'applicative_bootloader_input');

defineHint(C.APPLICATIVE_START, (ctx) => {
  const out = ctx.mem.addSegment();
  ctx.ids.set('aggregator_output_ptr', out);
  const input = parseApplicativeInput(scopeGet(ctx, 'program_input'));
  ctx.scope.set('applicative_bootloader_input', input);
  ctx.scope.set('aggregator_task', input.aggregatorTask);
  const simple: SimpleBootloaderInput = { tasks: [input.aggregatorTask], factTopologiesPath: undefined, singlePage: true };
  ctx.scope.set('simple_bootloader_input', simple);
  ctx.scope.set('applicative_output_builtin_state', getOutputState(ctx));
  newOutputState(ctx, out);
});

defineHint(C.APPLICATIVE_BOOTLOADER_INPUT, (ctx) => {
  const input = applicativeInput(ctx);
  ctx.scope.set('aggregator_fact_topologies', factTopologies(ctx));
  ctx.scope.set('fact_topologies', []);
  const out = ctx.mem.addSegment();
  ctx.ids.set('bootloader_output_ptr', out);
  const bootloader: BootloaderInput = {
    tasks: input.tasks, factTopologiesPath: undefined, bootloaderConfig: input.bootloaderConfig, packedOutputs: input.packedOutputs, singlePage: true,
  };
  ctx.scope.set('bootloader_input', bootloader);
  newOutputState(ctx, out);
});

defineHint(C.APPLICATIVE_RESTORE, (ctx) => setOutputState(ctx, scopeGet<OutputState>(ctx, 'applicative_output_builtin_state')));

defineHint(C.APPLICATIVE_END, (ctx) => {
  const aggregator = scopeGet<FactTopology[]>(ctx, 'aggregator_fact_topologies');
  hintAssert(aggregator.length === 1, '', 'assert len(aggregator_fact_topologies) == 1');
  const [first] = aggregator;
  // The header is the program hash and the bootloader config.
  const header = 1 + Number(ctx.ids.const('BOOTLOADER_CONFIG_SIZE'));
  const firstPage = first.page_sizes[0] - Number(idsInt(ctx, 'bootloader_tasks_output_length', '-')) + header;
  const topology: FactTopology = { tree_structure: first.tree_structure, page_sizes: [firstPage, ...first.page_sizes.slice(1)] };
  ctx.scope.set('fact_topology', topology);
  addOutputAttribute(ctx, GPS_FACT_TOPOLOGY, first.tree_structure);
  const start = ctx.ids.get('output_start');
  hintAssert(start instanceof Relocatable, 'page_start must be in the output segment.');
  addConsecutivePages(ctx, topology.page_sizes.slice(1), 1, start.add(topology.page_sizes[0]));
  const path = applicativeInput(ctx).factTopologiesPath;
  if (path !== undefined) writeFactTopologiesFile(path, [topology]);
});
