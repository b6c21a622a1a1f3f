// Fact topologies: how a task's output splits into pages and a fact tree (tree_structure), read
// from the output builtin's pages and the gps_fact_topology attribute a task set, and written
// back as output pages (configure_fact_topologies) or to the --fact_topologies_path file.
import { writeFileSync } from 'node:fs';
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import { OutputState, addOutputPage, getOutputState, setOutputState } from './output-state';
import { OutputPage, RawJson } from '../../../builtins/output';
import type { PackedOutput } from './input';

export const GPS_FACT_TOPOLOGY = 'gps_fact_topology';
const MAX_TREE_LENGTH = 10;
const MAX_TREE_ELEMENT = 2 ** 30;

export interface FactTopology {
  tree_structure: number[];
  page_sizes: number[];
}

function treeStructure(state: Pick<OutputState, 'pages' | 'attributes'>): number[] {
  const attr = state.attributes.get(GPS_FACT_TOPOLOGY);
  if (attr === undefined) {
    if (state.pages.size > 0) throw new HintError('AssertionError', 'Additional pages cannot be used since the gps_fact_topology attribute is not specified.');
    return [1, 0];
  }
  // A Python hint's value arrives as its JSON text.
  const value: unknown = attr instanceof RawJson ? safeJson(attr.text) : attr;
  const tree = Array.isArray(value) ? value.map(Number) : [];
  const ok = tree.length % 2 === 0 && tree.length <= MAX_TREE_LENGTH && tree.every((x) => Number.isInteger(x) && x >= 0 && x <= MAX_TREE_ELEMENT);
  if (!ok) throw new HintError('AssertionError', `Invalid tree structure specified in the ${GPS_FACT_TOPOLOGY} attribute.`);
  return tree;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Page 0 runs up to page 1's start (all of the output without pages); pages 1.. must be adjacent and cover the rest. */
function pageSizes(outputSize: number, pages: Map<number, OutputPage>): number[] {
  const sorted = [...pages.entries()].sort((a, b) => a[0] - b[0]);
  const sizes = [outputSize];
  let expectedStart = 0;
  sorted.forEach(([id, page], i) => {
    if (id !== i + 1) throw new HintError('AssertionError', `Expected page id ${i + 1}, found ${id}.`);
    if (id === 1) {
      if (!(page.start >= 0 && page.start <= outputSize)) throw new HintError('AssertionError', `Invalid page start ${page.start}.`);
      sizes[0] = page.start;
    } else if (page.start !== expectedStart) {
      throw new HintError('AssertionError', `Expected page start ${expectedStart}, found ${page.start}.`);
    }
    sizes.push(page.size);
    expectedStart = page.start + page.size;
  });
  if (sorted.length > 0 && expectedStart !== outputSize) throw new HintError('AssertionError', 'Pages must cover the entire program output.');
  return sizes;
}

/** get_task_fact_topology for a program task: from the task's output state, then back to the bootloader's. */
export function taskFactTopology(ctx: HintContext, outputSize: number, saved: OutputState): FactTopology {
  const state = getOutputState(ctx);
  const topology = { tree_structure: treeStructure(state), page_sizes: pageSizes(outputSize, state.pages) };
  setOutputState(ctx, saved);
  return topology;
}

/** get_task_fact_topology for a Cairo PIE task: from the output builtin's data the PIE recorded. */
export function pieFactTopology(outputSize: number, additionalData: Record<string, unknown>): FactTopology {
  const data = additionalData.output_builtin as { pages?: Record<string, [number, number]>; attributes?: Record<string, unknown> } | undefined;
  if (data === undefined || data === null) throw new HintError('AssertionError', 'Could not load output builtin additional data from the Cairo PIE.');
  const pages = new Map(Object.entries(data.pages ?? {}).map(([id, [start, size]]) => [Number(id), { start: Number(start), size: Number(size) }]));
  const state = { pages, attributes: new Map(Object.entries(data.attributes ?? {})) };
  return { tree_structure: treeStructure(state), page_sizes: pageSizes(outputSize, pages) };
}

/** add_consecutive_output_pages: pages from `firstId` laid end to end from `start`; returns how many. */
export function addConsecutivePages(ctx: HintContext, sizes: number[], firstId: number, start: Relocatable): number {
  let offset = 0;
  sizes.forEach((size, i) => {
    addOutputPage(ctx, firstId + i, new Relocatable(start.segment, start.offset + offset), size);
    offset += size;
  });
  return sizes.length;
}

/** configure_fact_topologies: each task's pages after its 2-word header; page 0 stays the bootloader's. */
export function configureFactTopologies(ctx: HintContext, topologies: FactTopology[], outputStart: Relocatable): void {
  let id = 1;
  let start = outputStart;
  for (const t of topologies) {
    start = new Relocatable(start.segment, start.offset + 2);
    id += addConsecutivePages(ctx, t.page_sizes, id, start);
    start = new Relocatable(start.segment, start.offset + t.page_sizes.reduce((a, b) => a + b, 0));
  }
}

/** compute_fact_topologies: the plain tasks' topologies, in the order of the packed outputs. */
export function computeFactTopologies(packed: PackedOutput[], topologies: FactTopology[]): FactTopology[] {
  if (packed.length !== topologies.length) {
    throw new HintError('AssertionError', `Expected ${packed.length} fact topologies but got ${topologies.length}.`);
  }
  return packed.map((p, i) => {
    if (p.type !== 'PlainPackedOutput') throw new HintError('NotImplementedError', 'Cairn computes the fact topologies of plain packed outputs only (this input has a CompositePackedOutput).');
    return topologies[i];
  });
}

export function writeFactTopologiesFile(path: string, topologies: FactTopology[]): void {
  try {
    writeFileSync(path, JSON.stringify({ fact_topologies: topologies }, null, 4));
  } catch (e) {
    throw new HintError('OSError', `Cannot write the fact topologies file ${path}: ${(e as Error).message}`);
  }
}
