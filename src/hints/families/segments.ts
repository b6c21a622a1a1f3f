// Segment and scope management hints (alloc, temporary segments, relocation rules, scopes).
import { defineHint } from '../hint';

defineHint('memory[ap] = segments.add()', ({ vm, mem }) => {
  mem.write(vm.apSeg, vm.ap, mem.addSegment());
});
