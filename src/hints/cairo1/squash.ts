// The dict squash hints (casm_run.rs with dict_manager.rs's DictSquashExecScope): the accesses
// of each key, keys processed in increasing order, each key's access indices in order.
import { defineCairo1Hint, Cairo1State } from './hint';
import { resFelt, resPtr, writeCell, feltAt } from './operands';
import { big, sub, toFelt } from '../../vm/felt';
import { VmError } from '../../vm/errors';
import { SquashState } from './squash-state';

function squash(state: Cairo1State): SquashState {
  if (state.squash === undefined) throw new VmError('Hint', 'The dict squash hints ran before InitSquashData.');
  return state.squash;
}

const RANGE_CHECK_BOUND = 1n << 128n;

defineCairo1Hint('InitSquashData', (f) => {
  const accesses = f.res('dict_accesses'), nAccesses = f.res('n_accesses');
  const bigKeys = f.cell('big_keys'), firstKey = f.cell('first_key');
  return (vm, state) => {
    const s = (state.squash = new SquashState());
    const base = resPtr(vm, accesses);
    const n = resFelt(vm, nAccesses);
    if (typeof n !== 'number') throw new VmError('Hint', 'Number of accesses is too large or negative.');
    for (let i = 0; i < n; i++) {
      const key = feltAt(vm, base.add(i * 3));
      const list = s.accessIndices.get(key);
      if (list === undefined) s.accessIndices.set(key, [i]);
      else list.push(i);
    }
    for (const list of s.accessIndices.values()) list.reverse();
    s.keys = [...s.accessIndices.keys()].sort((a, b) => (big(a) < big(b) ? 1 : big(a) > big(b) ? -1 : 0));
    if (s.keys.length === 0) throw new VmError('Hint', 'InitSquashData: the dict has no accesses.');
    writeCell(vm, bigKeys, big(s.keys[0]) < RANGE_CHECK_BOUND ? 0 : 1);
    writeCell(vm, firstKey, s.currentKey());
  };
});

defineCairo1Hint('GetCurrentAccessIndex', (f) => {
  const rc = f.res('range_check_ptr');
  return (vm, state) => vm.mem.writeAt(resPtr(vm, rc), squash(state).currentIndex());
});

defineCairo1Hint('ShouldSkipSquashLoop', (f) => {
  const dst = f.cell('should_skip_loop');
  return (vm, state) => writeCell(vm, dst, squash(state).currentIndices().length > 1 ? 0 : 1);
});

defineCairo1Hint('GetCurrentAccessDelta', (f) => {
  const dst = f.cell('index_delta_minus1');
  return (vm, state) => {
    const s = squash(state);
    const prev = s.currentIndices().pop()!;
    writeCell(vm, dst, sub(toFelt(s.currentIndex() - prev), 1));
  };
});

defineCairo1Hint('ShouldContinueSquashLoop', (f) => {
  const dst = f.cell('should_continue');
  return (vm, state) => writeCell(vm, dst, squash(state).currentIndices().length > 1 ? 1 : 0);
});

defineCairo1Hint('GetNextDictKey', (f) => {
  const dst = f.cell('next_key');
  return (vm, state) => {
    const s = squash(state);
    const key = s.currentKey();
    const left = s.accessIndices.get(key)!;
    if (left.length !== 1) throw new VmError('Hint', 'Key popped but not all accesses were processed.');
    s.accessIndices.delete(key);
    s.keys.pop();
    writeCell(vm, dst, s.currentKey());
  };
});

// Deprecated checks: casm_run.rs runs them as no-ops.
for (const tag of ['AssertCurrentAccessIndicesIsEmpty', 'AssertAllKeysUsed', 'AssertLeAssertThirdArcExcluded']) {
  defineCairo1Hint(tag, () => () => undefined);
}
defineCairo1Hint('AssertAllAccessesUsed', (f) => {
  f.cell('n_used_accesses');
  return () => undefined;
});
defineCairo1Hint('AssertLtAssertValidInput', (f) => {
  f.res('a');
  f.res('b');
  return () => undefined;
});
