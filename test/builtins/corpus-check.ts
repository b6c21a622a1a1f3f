// Replays a builtin segment of a corpus run: writes the recorded input cells, lets the builtin
// deduce every recorded output cell, and compares with what the reference VM wrote.
import assert from 'node:assert/strict';
import { createBuiltin } from '../../src/builtins/index';
import { BuiltinRunner } from '../../src/builtins/builtin';
import { VirtualMachine } from '../../src/vm/vm';
import { getLayout } from '../../src/runner/layouts';
import { segmentCells, memoryWithSegments } from './corpus-memory';

/** The builtin's segment in a starknet_with_keccak run: 2 + its rank among the included ones. */
export function builtinSegment(included: readonly string[], name: string): number {
  const order = getLayout('starknet_with_keccak').builtins.map((b) => b.name).filter((b) => included.includes(b));
  return 2 + order.indexOf(name);
}

export function replay(program: string, included: readonly string[], name: string): { runner: BuiltinRunner; checked: number } {
  const seg = builtinSegment(included, name);
  const lb = getLayout('starknet_with_keccak').builtins.find((b) => b.name === name)!;
  const runner = createBuiltin(lb, true);
  const mem = memoryWithSegments(seg);
  runner.initializeSegments(mem);
  assert.equal(runner.base.segment, seg);
  const vm = new VirtualMachine(mem, 0);
  runner.addRules(vm);
  const cells = segmentCells(program, seg);
  const cpi = runner.cellsPerInstance;
  cells.forEach((v, off) => {
    if (v !== undefined && off % cpi < runner.inputCells) mem.write(seg, off, v);
  });
  let checked = 0;
  cells.forEach((v, off) => {
    if (v === undefined || off % cpi < runner.inputCells) return;
    assert.equal(mem.read(seg, off), v, `${program}: ${name} cell ${seg}:${off}`);
    checked++;
  });
  return { runner, checked };
}
