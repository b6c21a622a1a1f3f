// load_cairo_pie: a Cairo PIE task's memory, relocated into the bootloader's run. Each segment of
// the PIE maps to where the bootloader placed it: its program at the task's code, its execution
// segment at the call's frame (ap - n_builtins, the builtin pointers first), its return fp and pc
// to the bootloader's, its builtins to the pointers the bootloader passes, its other segments to
// new ones. The program then runs again over that memory, which must agree.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable, Value } from '../../../vm/relocatable';
import { EcdsaBuiltin } from '../../../builtins/ecdsa';
import type { PieInput } from '../../../runner/pie-input';
import { memGet } from '../../lib/py';

export interface PiePlacement {
  programAddress: Relocatable;
  executionAddress: Relocatable;
  retFp: Relocatable;
  retPc: Relocatable;
}

export function loadCairoPie(ctx: HintContext, pie: PieInput, at: PiePlacement): void {
  const table = new Map<number, Value>();
  const put = (segment: number, to: Value) => {
    if (table.has(segment)) throw new HintError('AssertionError', `Segment index already present in the relocation table: ${segment}.`);
    table.set(segment, to);
  };
  put(pie.programSegment.index, at.programAddress);
  put(pie.executionSegment.index, at.executionAddress);
  put(pie.retFpSegment.index, at.retFp);
  put(pie.retPcSegment.index, at.retPc);
  // The PIE's initial stack starts with its builtins' bases; each maps to the pointer the bootloader passes.
  const cells = new Map(pie.memory.map(([s, o, v]) => [`${s}:${o}`, v]));
  pie.program.builtins.forEach((name, i) => {
    const base = cells.get(`${pie.executionSegment.index}:${i}`);
    if (!(base instanceof Relocatable) || base.offset !== 0) throw new HintError('AssertionError', `The PIE's ${name} pointer (${base}) is not the start of a segment.`);
    put(base.segment, memGet(ctx.mem, at.executionAddress.add(i)));
  });
  for (const s of pie.extraSegments) put(s.index, ctx.mem.addSegment());

  const relocate = (v: Value): Value => {
    if (!(v instanceof Relocatable)) return v;
    const to = table.get(v.segment);
    if (to === undefined) throw new HintError('KeyError', `${v.segment} (a segment of the PIE with no place in the run)`);
    return to instanceof Relocatable ? to.add(v.offset) : to;
  };
  const signatures = pie.additionalData.ecdsa_builtin;
  if (Array.isArray(signatures) && signatures.length > 0) {
    const ecdsa = ctx.builtins.get('ecdsa');
    if (!(ecdsa instanceof EcdsaBuiltin)) throw new HintError('AssertionError', 'The PIE has ECDSA signatures and the run has no ecdsa builtin.');
    for (const [[seg, off], [r, s]] of signatures as [[number, number], [bigint | number, bigint | number]][]) {
      ecdsa.addSignature(relocate(new Relocatable(seg, off)), [BigInt(r), BigInt(s)]);
    }
  }
  for (const [seg, off, v] of pie.memory) {
    const addr = relocate(new Relocatable(seg, off));
    if (!(addr instanceof Relocatable)) throw new HintError('AssertionError', `The PIE's cell ${seg}:${off} maps to no address (its builtin is not in the run).`);
    ctx.mem.writeAt(addr, relocate(v));
  }
}
