// ExternalHint (the executable's wrapper, not Sierra): relocation of the dict segments, the
// run's arguments, the panic marker and the panic traceback (casm_run.rs execute_external_hint),
// and DebugPrint, the core hint behind println!.
import { defineCairo1Hint, Arg } from './hint';
import { resFelt, resPtr, cellAddr } from './operands';
import { formatForDebug } from './format';
import { Felt, big } from '../../vm/felt';
import { Relocatable } from '../../vm/relocatable';
import { VmError } from '../../vm/errors';
import type { VirtualMachine } from '../../vm/vm';

/** Cells an argument list takes in place: one per felt, two (start, end) per array. */
function argsSize(args: readonly Arg[]): number {
  let n = 0;
  for (const a of args) n += 'array' in a ? 2 : 1;
  return n;
}

/** read_felts: the felts of [start, end). */
export function readFelts(vm: VirtualMachine, start: Relocatable, end: Relocatable): Felt[] {
  if (start.segment !== end.segment || end.offset < start.offset) throw new VmError('Hint', `Cannot read the felts from ${start} to ${end}.`);
  const out: Felt[] = [];
  for (let off = start.offset; off < end.offset; off++) {
    const v = vm.mem.get(start.segment, off);
    if (v === undefined) throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${start.segment}:${off}.`);
    if (typeof v === 'object') throw new VmError('PureValue', `Expected integer at address ${start.segment}:${off}, found the relocatable ${v}.`);
    out.push(v);
  }
  return out;
}

defineCairo1Hint('AddRelocationRule', (f) => {
  const src = f.res('src'), dst = f.res('dst');
  return (vm) => vm.mem.addRelocationRule(resPtr(vm, src), resPtr(vm, dst));
});

defineCairo1Hint('WriteRunParam', (f) => {
  const index = f.res('index'), dst = f.cell('dst');
  return (vm, state) => {
    const i = resFelt(vm, index);
    const params = typeof i === 'number' ? state.userArgs[i] : undefined;
    if (params === undefined) throw new VmError('Hint', `WriteRunParam: the run has no parameter ${big(i)}.`);
    // Arrays are written to new segments, depth first from the last one (a stack, as casm_run).
    const stack: [Relocatable, readonly Arg[]][] = [[cellAddr(vm, dst), params]];
    while (stack.length) {
      let [buffer, values] = stack.pop()!;
      for (const v of values) {
        if ('value' in v) {
          vm.mem.writeAt(buffer, v.value);
          buffer = buffer.add(1);
        } else {
          const arr = vm.mem.addSegment();
          stack.push([arr, v.array]);
          vm.mem.writeAt(buffer, arr);
          vm.mem.writeAt(buffer.add(1), arr.add(argsSize(v.array)));
          buffer = buffer.add(2);
        }
      }
    }
  };
});

defineCairo1Hint('AddMarker', (f) => {
  const start = f.res('start'), end = f.res('end');
  return (vm, state) => {
    state.markers.push(readFelts(vm, resPtr(vm, start), resPtr(vm, end)));
  };
});

/** 'panic' as a felt: the flag of the AddTrace that records a panic's traceback. */
const PANIC_FLAG = 0x70616e6963n;

defineCairo1Hint('AddTrace', (f) => {
  const flag = f.res('flag');
  return (vm, state) => {
    if (big(resFelt(vm, flag)) !== PANIC_FLAG) return;
    const mem = vm.mem;
    let fp = vm.fpValue();
    const trace: [Relocatable, Relocatable][] = [[vm.pcValue(), fp]];
    const ptrAt = (a: Relocatable, back: number): Relocatable | undefined => {
      if (a.offset < back) return undefined;
      const v = mem.get(a.segment, a.offset - back);
      return typeof v === 'object' ? v : undefined;
    };
    for (;;) {
      const retPc = ptrAt(fp, 1);
      const retFp = ptrAt(fp, 2);
      if (retPc === undefined || retFp === undefined || retFp.equals(fp)) break;
      fp = retFp;
      // The call instruction before the return pc: one or two cells back.
      const isCall = (back: number) => {
        if (retPc.offset < back) return false;
        const inst = mem.get(retPc.segment, retPc.offset - back);
        return typeof inst !== 'object' && inst !== undefined && big(inst) < 1n << 64n && (big(inst) & 0x7000000000000000n) === 0x1000000000000000n;
      };
      const back = isCall(1) ? 1 : isCall(2) ? 2 : 0;
      if (back === 0) break;
      trace.push([new Relocatable(retPc.segment, retPc.offset - back), fp]);
    }
    state.panicTraceback = trace.reverse();
  };
});

defineCairo1Hint('DebugPrint', (f) => {
  const start = f.res('start'), end = f.res('end');
  return (vm, state) => state.print(formatForDebug(readFelts(vm, resPtr(vm, start), resPtr(vm, end))));
});
