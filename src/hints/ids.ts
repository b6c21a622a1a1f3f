// `ids` for a hint: the Cairo names visible at the hint's pc, resolved through the program's
// reference manager with the hint's ap tracking (cairo-lang's VmConsts).
import type { VirtualMachine } from '../vm/vm';
import { Program, HintDef, resolveIdentifier, ReferenceDef } from '../vm/program';
import { EvalEnv, Typed, evaluate, evaluateText, valueOf, EvalError } from '../vm/reference';
import { CairoType, Expr, parseExpr } from '../vm/cairo-expr';
import { Relocatable, Value, MAX_OFFSET } from '../vm/relocatable';
import * as F from '../vm/felt';

/**
 * What a name resolves to from this hint, which never changes: a reference (its parsed
 * expression and the ap shift between the hint and the reference, undefined when they are in
 * different ap-tracking groups), a constant, or nothing.
 */
type Head =
  | { kind: 'ref'; expr: Expr; apShift: number | undefined; slot: Slot | undefined }
  | { kind: 'const'; value: F.Felt }
  | { kind: 'bad'; message: string }
  | { kind: 'none' };

const NONE: Head = { kind: 'none' };

/** A reference of the shape `[cast(fp + k, T*)]` (or ap; most references are): the cell's type
 * and place, computed without evaluate's intermediate values (hint-heavy runs spend a tenth of
 * their time resolving ids). */
interface Slot {
  fp: boolean;
  k: number;
  type: CairoType;
}

function slotOf(e: Expr): Slot | undefined {
  if (e.kind !== 'deref' || e.arg.kind !== 'cast' || e.arg.type.kind !== 'pointer') return undefined;
  let reg = e.arg.arg;
  let k = 0;
  if (reg.kind === 'bin' && reg.op === '+') {
    const lit = reg.right.kind === 'neg' ? reg.right.arg : reg.right;
    if (lit.kind !== 'num' || lit.value >= BigInt(MAX_OFFSET)) return undefined;
    k = reg.right.kind === 'neg' ? -Number(lit.value) : Number(lit.value);
    reg = reg.left;
  }
  if (reg.kind !== 'reg' || reg.reg === 'pc') return undefined;
  return { fp: reg.reg === 'fp', k, type: e.arg.type.pointee };
}

export class Ids {
  /** Resolution of each name looked up so far (the hint's scopes and references are fixed). */
  private readonly heads = new Map<string, Head>();
  private readonly consts = new Map<string, bigint | undefined>();
  private readonly lookupFn = (name: string): Typed | undefined => this.lookup(name);

  constructor(
    private readonly vm: VirtualMachine,
    private readonly program: Program,
    private readonly hint: HintDef,
  ) {}

  private env(): EvalEnv {
    return {
      mem: this.vm.mem,
      program: this.program,
      ap: this.vm.apValue(),
      fp: this.vm.fpValue(),
      pc: this.vm.pcValue(),
      lookup: this.lookupFn,
    };
  }

  /** Full name of `name` as seen from the hint's scopes, innermost first. */
  private *candidates(name: string): Iterable<string> {
    const scopes = this.hint.accessibleScopes;
    for (let i = scopes.length - 1; i >= 0; i--) yield `${scopes[i]}.${name}`;
    yield name;
  }

  private resolveHead(name: string): Head {
    const refIds = this.hint.flowTrackingData.referenceIds;
    for (const full of this.candidates(name)) {
      const refIndex = refIds[full];
      if (refIndex !== undefined) {
        const ref: ReferenceDef | undefined = this.program.references[refIndex];
        if (ref === undefined) return { kind: 'bad', message: `Reference ${full} points outside the reference manager.` };
        // As evalReference: ap-based references are valid only within the same ap-tracking group.
        const at = this.hint.flowTrackingData.apTracking;
        const apShift = at === undefined || at.group !== ref.apTrackingData.group ? undefined : at.offset - ref.apTrackingData.offset;
        const expr = parseExpr(ref.value);
        return { kind: 'ref', expr, apShift, slot: slotOf(expr) };
      }
      const id = resolveIdentifier(this.program, full);
      if (id?.id.type === 'const') return { kind: 'const', value: F.toFelt(id.id.value) };
    }
    return NONE;
  }

  private lookup(name: string): Typed | undefined {
    let head = this.heads.get(name);
    if (head === undefined) {
      head = this.resolveHead(name);
      this.heads.set(name, head);
    }
    switch (head.kind) {
      case 'none':
        return undefined;
      case 'const':
        return { type: { kind: 'felt' }, value: head.value };
      case 'bad':
        throw new EvalError(head.message);
      case 'ref': {
        const vm = this.vm;
        const slot = head.slot;
        // As evaluate would find it (an unknown ap or an offset out of range: evaluate reports).
        if (slot !== undefined && (slot.fp || head.apShift !== undefined)) {
          const off = (slot.fp ? vm.fp : vm.ap - (head.apShift as number)) + slot.k;
          if (off >= 0 && off <= MAX_OFFSET) return { type: slot.type, addr: new Relocatable(slot.fp ? vm.fpSeg : vm.apSeg, off) };
        }
        let ap: Relocatable | undefined = vm.apValue();
        if (ap !== undefined) ap = head.apShift === undefined ? undefined : new Relocatable(ap.segment, ap.offset - head.apShift);
        const env: EvalEnv = { mem: vm.mem, program: this.program, ap, fp: vm.fpValue(), pc: vm.pcValue(), lookup: this.lookupFn };
        return evaluate(env, head.expr);
      }
    }
  }

  has(name: string): boolean {
    try {
      return this.lookup(name.split('.')[0]) !== undefined;
    } catch {
      return false;
    }
  }

  typed(name: string): Typed {
    return evaluateText(this.env(), name);
  }

  /** The value of a felt or pointer (`ids.x`, `ids.x.low`, `ids.p.member`); a struct gives its address. */
  get(name: string): Value {
    return valueOf(this.env(), this.typed(name));
  }

  /** A felt as a bigint in [0, P). */
  big(name: string): bigint {
    const v = this.get(name);
    if (typeof v === 'object') throw new EvalError(`ids.${name} is an address (${v}), expected a felt.`);
    return F.big(v);
  }

  /** A pointer's value. */
  ptr(name: string): Relocatable {
    const v = this.get(name);
    if (typeof v !== 'object') throw new EvalError(`ids.${name} is a felt (${F.big(v)}), expected an address.`);
    return v;
  }

  /** Where `name` lives in memory (`ids.x.address_`). */
  addr(name: string): Relocatable {
    const t = this.typed(name);
    if (t.addr === undefined) throw new EvalError(`ids.${name} is not a memory location.`);
    return t.addr;
  }

  /** Assigns `ids.name = value` (any integer is reduced into the field). */
  set(name: string, value: Value | bigint): void {
    const addr = this.addr(name);
    this.vm.mem.writeAt(addr, typeof value === 'bigint' ? F.toFelt(value) : value);
  }

  /** A constant visible from the hint (`ids.SHIFT`). */
  const(name: string): bigint {
    let v = this.consts.get(name);
    if (v === undefined && !this.consts.has(name)) {
      for (const full of this.candidates(name)) {
        const id = resolveIdentifier(this.program, full);
        if (id?.id.type === 'const') {
          v = id.id.value;
          break;
        }
      }
      this.consts.set(name, v);
    }
    if (v === undefined) throw new EvalError(`Unknown constant ids.${name}.`);
    return v;
  }
}
