// EvalCircuit (casm_run/circuit.rs): computes the values of a circuit's gates, alternating
// add_mod and mul_mod gates as their inputs become known, then fills the instances of both
// builtins. A mul gate whose divisor is not invertible gets a nullifier and ends the count.
import { defineCairo1Hint } from './hint';
import { resFelt, resPtr, feltAt, ptrAt } from './operands';
import { big, toFelt } from '../../vm/felt';
import { Relocatable } from '../../vm/relocatable';
import { Memory } from '../../vm/memory';
import { VmError } from '../../vm/errors';

const VALUE_SIZE = 4;
const WORD = 96n;
const INSTANCE_SIZE = 7;
const OFFSETS_PER_GATE = 3;

function readValue(mem: Memory, addr: Relocatable): bigint | undefined {
  let r = 0n;
  for (let i = VALUE_SIZE - 1; i >= 0; i--) {
    const v = mem.get(addr.segment, addr.offset + i);
    if (v === undefined || typeof v === 'object') return undefined;
    r = (r << WORD) + big(v);
  }
  return r;
}

function writeValue(mem: Memory, addr: Relocatable, value: bigint): void {
  for (let i = 0; i < VALUE_SIZE; i++) {
    mem.write(addr.segment, addr.offset + i, toFelt(value & ((1n << WORD) - 1n)));
    value >>= WORD;
  }
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** [inverse, true], or a nullifier (modulus / gcd) and false. */
function invertOrNullify(v: bigint, m: bigint): [bigint, boolean] {
  let [r0, r1, s0, s1] = [v, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 === 1n) return [mod(s0, m), true];
  return [m / r0, false];
}

class Circuit {
  constructor(
    readonly mem: Memory,
    readonly values: Relocatable,
    readonly addOffsets: Relocatable,
    readonly mulOffsets: Relocatable,
    readonly modulus: bigint,
  ) {}
  private valueAddr(offsetAddr: Relocatable): Relocatable {
    return this.values.add(feltAt0(this.mem, offsetAddr));
  }
  read(table: Relocatable, i: number): bigint | undefined {
    return readValue(this.mem, this.valueAddr(table.add(i)));
  }
  write(table: Relocatable, i: number, v: bigint): void {
    writeValue(this.mem, this.valueAddr(table.add(i)), v);
  }
  fillAdd(i: number): boolean {
    const t = this.addOffsets;
    const lhs = this.read(t, i);
    const rhs = this.read(t, i + 1);
    if (lhs !== undefined && rhs !== undefined) {
      this.write(t, i + 2, mod(lhs + rhs, this.modulus));
      return true;
    }
    if (lhs === undefined && rhs !== undefined) {
      const res = this.read(t, i + 2);
      if (res === undefined) return false;
      this.write(t, i, mod(res + this.modulus - rhs, this.modulus));
      return true;
    }
    return false;
  }
  fillMul(i: number): boolean {
    const t = this.mulOffsets;
    const lhs = this.read(t, i);
    const rhs = this.read(t, i + 1);
    if (rhs === undefined) throw new VmError('Hint', 'EvalCircuit: a mul gate has no right operand.');
    if (lhs !== undefined) {
      this.write(t, i + 2, mod(lhs * rhs, this.modulus));
      return true;
    }
    const [res, ok] = invertOrNullify(rhs, this.modulus);
    this.write(t, i, res);
    return ok;
  }
}

function feltAt0(mem: Memory, a: Relocatable) {
  const v = mem.get(a.segment, a.offset);
  if (v === undefined || typeof v === 'object') throw new VmError('Hint', `EvalCircuit: expected an offset at ${a}.`);
  return v;
}

function fillInstances(mem: Memory, builtin: Relocatable, n: number, modulus: readonly ReturnType<typeof feltAt0>[], values: Relocatable, offsets: Relocatable): void {
  for (let i = 0; i < n; i++) {
    const inst = builtin.add(i * INSTANCE_SIZE);
    modulus.forEach((m, k) => mem.writeAt(inst.add(k), m));
    mem.writeAt(inst.add(4), values);
    mem.writeAt(inst.add(5), offsets);
    offsets = offsets.add(OFFSETS_PER_GATE);
    mem.writeAt(inst.add(6), n - i);
  }
}

defineCairo1Hint('EvalCircuit', (f) => {
  const nAdd = f.res('n_add_mods'), addPtr = f.res('add_mod_builtin'), nMul = f.res('n_mul_mods'), mulPtr = f.res('mul_mod_builtin');
  return (vm) => {
    const mem = vm.mem;
    const addBuiltin = resPtr(vm, addPtr);
    const mulBuiltin = resPtr(vm, mulPtr);
    const nA = Number(big(resFelt(vm, nAdd)));
    const nM = Number(big(resFelt(vm, nMul)));
    const values = ptrAt(vm, mulBuiltin.add(4));
    const mulOffsets = ptrAt(vm, mulBuiltin.add(5));
    const addOffsets = nA === 0 ? mulOffsets : ptrAt(vm, addBuiltin.add(5));
    const modulus = readValue(mem, mulBuiltin);
    if (modulus === undefined) throw new VmError('Hint', 'EvalCircuit: the modulus is not set.');
    const c = new Circuit(mem, values, addOffsets, mulOffsets, modulus);
    let addIdx = 0;
    let mulIdx = 0;
    let firstFailure = nM;
    for (;;) {
      while (addIdx < nA && c.fillAdd(3 * addIdx)) addIdx++;
      if (mulIdx === nM) break;
      if (!c.fillMul(3 * mulIdx) && firstFailure === nM) firstFailure = mulIdx;
      mulIdx++;
    }
    const mod4 = [0, 1, 2, 3].map((i) => feltAt(vm, mulBuiltin.add(i)));
    fillInstances(mem, addBuiltin, nA, mod4, values, addOffsets);
    fillInstances(mem, mulBuiltin, firstFailure, mod4, values, mulOffsets);
  };
});
