// assert_le_felt252's hints (casm_run.rs): of the arcs (0, a), (a, b), (b, P - 1) the two
// shortest are range checked; the longest is excluded.
import { defineCairo1Hint, Cairo1State } from './hint';
import { resFelt, resPtr, writeCell } from './operands';
import { big, sub, neg, toFelt } from '../../vm/felt';
import { VmError } from '../../vm/errors';

/** ceil((PRIME / 3) / 2 ** 128) and ceil((PRIME / 2) / 2 ** 128). */
const PRIME_OVER_3_HIGH = 3544607988759775765608368578435044694n;
const PRIME_OVER_2_HIGH = 5316911983139663648412552867652567041n;

function excluded(state: Cairo1State): number {
  if (state.excludedArc === undefined) throw new VmError('Hint', 'excluded_arc is not set: AssertLeFindSmallArcs has not run.');
  return state.excludedArc;
}

defineCairo1Hint('AssertLeFindSmallArcs', (f) => {
  const rc = f.res('range_check_ptr'), a = f.res('a'), b = f.res('b');
  return (vm, state) => {
    const av = resFelt(vm, a);
    const bv = resFelt(vm, b);
    const arcs: [bigint, number][] = [[big(av), 0], [big(sub(bv, av)), 1], [big(sub(neg(1), bv)), 2]];
    arcs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
    state.excludedArc = arcs[2][1];
    const ptr = resPtr(vm, rc);
    const mem = vm.mem;
    mem.writeAt(ptr, toFelt(arcs[0][0] % PRIME_OVER_3_HIGH));
    mem.writeAt(ptr.add(1), toFelt(arcs[0][0] / PRIME_OVER_3_HIGH));
    mem.writeAt(ptr.add(2), toFelt(arcs[1][0] % PRIME_OVER_2_HIGH));
    mem.writeAt(ptr.add(3), toFelt(arcs[1][0] / PRIME_OVER_2_HIGH));
  };
});

defineCairo1Hint('AssertLeIsFirstArcExcluded', (f) => {
  const dst = f.cell('skip_exclude_a_flag');
  return (vm, state) => writeCell(vm, dst, excluded(state) !== 0 ? 1 : 0);
});

defineCairo1Hint('AssertLeIsSecondArcExcluded', (f) => {
  const dst = f.cell('skip_exclude_b_minus_a');
  return (vm, state) => writeCell(vm, dst, excluded(state) !== 1 ? 1 : 0);
});
