// Felt252Dict hints (casm_run.rs): allocation in the segment arena, entry init/update through
// the dict tracker, the arena index of a dict, and the deprecated read/write pair.
import { defineCairo1Hint, Cairo1State } from './hint';
import { resFelt, resValue, resPtr, writeCell, bufferOf, cellPtr, feltAt, ptrAt } from './operands';
import { DictManager } from './dict-manager';
import { VmError } from '../../vm/errors';
import { toFelt, add } from '../../vm/felt';

/** A dict in use before any AllocFelt252Dict ran is the program's error, not Cairn's. */
function dicts(state: Cairo1State): DictManager {
  if (state.dicts === undefined) throw new VmError('Hint', 'Trying to use a dict while the dict manager was not initialized.');
  return state.dicts;
}

defineCairo1Hint('AllocFelt252Dict', (f) => {
  const arena = f.res('segment_arena_ptr');
  return (vm, state) => {
    const ptr = resPtr(vm, arena);
    const nDicts = feltAt(vm, ptr.add(toFelt(-2)));
    if (typeof nDicts !== 'number') throw new VmError('Hint', 'Number of dictionaries too large.');
    const infos = ptrAt(vm, ptr.add(toFelt(-3)));
    const seg = (state.dicts ??= new DictManager()).newDict(vm.mem);
    vm.mem.writeAt(infos.add(3 * nDicts), seg);
  };
});

defineCairo1Hint('Felt252DictEntryInit', (f) => {
  const dictPtr = f.res('dict_ptr'), key = f.res('key');
  return (vm, state) => {
    const addr = resPtr(vm, dictPtr);
    const k = resFelt(vm, key);
    vm.mem.writeAt(addr.add(1), dicts(state).get(addr, k) ?? 0);
  };
});

defineCairo1Hint('Felt252DictEntryUpdate', (f) => {
  const dictPtr = f.res('dict_ptr'), value = f.res('value');
  const { cell, offset } = bufferOf(dictPtr);
  return (vm, state) => {
    const addr = cellPtr(vm, cell).add(offset);
    const k = feltAt(vm, cellPtr(vm, cell).add(add(offset, toFelt(-3))));
    dicts(state).set(addr, k, resValue(vm, value));
  };
});

defineCairo1Hint('GetSegmentArenaIndex', (f) => {
  const end = f.res('dict_end_ptr'), dst = f.cell('dict_index');
  return (vm, state) => writeCell(vm, dst, dicts(state).index(resPtr(vm, end)));
});

defineCairo1Hint('Felt252DictRead', (f) => {
  const dictPtr = f.res('dict_ptr'), key = f.res('key'), dst = f.cell('value_dst');
  return (vm, state) => writeCell(vm, dst, dicts(state).get(resPtr(vm, dictPtr), resFelt(vm, key)) ?? 0);
});

defineCairo1Hint('Felt252DictWrite', (f) => {
  const dictPtr = f.res('dict_ptr'), key = f.res('key'), value = f.res('value');
  return (vm, state) => {
    const addr = resPtr(vm, dictPtr);
    const k = resFelt(vm, key);
    const v = resValue(vm, value);
    const d = dicts(state);
    vm.mem.writeAt(addr.add(1), d.get(addr, k) ?? 0);
    d.set(addr, k, v);
  };
});
