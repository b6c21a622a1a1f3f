// Memory allocation hints: a new segment per AllocSegment; AllocConstantSize hands out
// consecutive blocks of one segment shared by the whole run (casm_run.rs alloc_memory).
import { defineCairo1Hint } from './hint';
import { resFelt, writeCell } from './operands';
import { big } from '../../vm/felt';
import { VmError } from '../../vm/errors';

defineCairo1Hint('AllocSegment', (f) => {
  const dst = f.cell('dst');
  return (vm) => writeCell(vm, dst, vm.mem.addSegment());
});

defineCairo1Hint('AllocConstantSize', (f) => {
  const size = f.res('size'), dst = f.cell('dst');
  return (vm, state) => {
    const n = big(resFelt(vm, size));
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new VmError('Hint', 'AllocConstantSize: object size too large.');
    const ptr = (state.constNext ??= vm.mem.addSegment());
    state.constNext = ptr.add(Number(n));
    writeCell(vm, dst, ptr);
  };
});
