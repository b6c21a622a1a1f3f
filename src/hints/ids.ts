// `ids` for a hint: the Cairo names visible at the hint's pc, resolved through the program's
// reference manager with the hint's ap tracking (cairo-lang's VmConsts).
import type { VirtualMachine } from '../vm/vm';
import { Program, HintDef, resolveIdentifier } from '../vm/program';
import { EvalEnv, Typed, evalReference, evaluateText, valueOf, EvalError } from '../vm/reference';
import { Relocatable, Value } from '../vm/relocatable';
import * as F from '../vm/felt';

export class Ids {
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
      lookup: (name) => this.lookup(name),
    };
  }

  /** Full name of `name` as seen from the hint's scopes, innermost first. */
  private *candidates(name: string): Iterable<string> {
    const scopes = this.hint.accessibleScopes;
    for (let i = scopes.length - 1; i >= 0; i--) yield `${scopes[i]}.${name}`;
    yield name;
  }

  private lookup(name: string): Typed | undefined {
    const refIds = this.hint.flowTrackingData.referenceIds;
    for (const full of this.candidates(name)) {
      const refIndex = refIds[full];
      if (refIndex !== undefined) {
        const ref = this.program.references[refIndex];
        if (ref === undefined) throw new EvalError(`Reference ${full} points outside the reference manager.`);
        return evalReference(this.env(), ref, this.hint.flowTrackingData.apTracking);
      }
      const id = resolveIdentifier(this.program, full);
      if (id?.id.type === 'const') return { type: { kind: 'felt' }, value: F.toFelt(id.id.value) };
    }
    return undefined;
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
    for (const full of this.candidates(name)) {
      const id = resolveIdentifier(this.program, full);
      if (id?.id.type === 'const') return id.id.value;
    }
    throw new EvalError(`Unknown constant ids.${name}.`);
  }
}
