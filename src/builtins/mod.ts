// The add_mod and mul_mod builtins (cairo-lang's ModBuiltinRunner). An instance is 7 cells:
// p as n_words words of word_bit_len bits, values_ptr, offsets_ptr, n. It stands for n
// operations c = a op b (mod p) on numbers in the values table at the offsets (a, b, c) of the
// offsets table. Nothing is deduced while the VM reads memory: the hint of run_mod_p_circuit
// calls ModBuiltinRunner.fill_memory, here `fillModMemory`, which writes the other instances
// and computes the missing values. The security checks verify every operation.
import { BuiltinRunner, BuiltinOptions, builtinError } from './builtin';
import { Memory } from '../vm/memory';
import { Relocatable, Value, valueToString } from '../vm/relocatable';
import { Felt, big } from '../vm/felt';
import { VmError } from '../vm/errors';
import type { VirtualMachine } from '../vm/vm';
import { gcdCofactor } from '../vm/modular';

/** The largest n fillModMemory accepts. */
export const MAX_N = 100000;
const P0 = 0;
const VALUES_PTR = 4;
const OFFSETS_PTR = 5;
const N = 6;
const INPUT_CELLS = 7;
/** a_offset, b_offset, c_offset and the 4 words of a, b and c: memory the AIR adds per instance. */
const ADDITIONAL_MEMORY_UNITS = 15;

export enum FillValueResult {
  Success,
  MissingOperand,
  ZeroDivisor,
}

/** The inputs of an instance (read_inputs): p and its words, the pointers, n. */
export interface ModInputs {
  valuesPtr: Relocatable;
  offsetsPtr: Relocatable;
  n: number | undefined;
  p: bigint;
  pWords: bigint[];
}

export class ModBuiltin extends BuiltinRunner {
  readonly cellsPerInstance = INPUT_CELLS;
  readonly inputCells = INPUT_CELLS;
  readonly wordBitLen: number;
  readonly nWords: number;
  readonly batchSize: number;
  /** 2^word_bit_len. */
  readonly shift: bigint;
  /** 2^(n_words * word_bit_len): the bound of a value. */
  readonly intLim: bigint;
  /** Bound on k in a op b = c + k * p: 2 for add_mod, intLim for mul_mod. */
  readonly kBound: bigint;
  readonly zeroSegmentSize: number;
  zeroValue: Relocatable | undefined;
  /** How Python prints the operator in messages. */
  readonly opText: string;

  constructor(
    readonly name: 'add_mod' | 'mul_mod',
    opts: BuiltinOptions,
  ) {
    super(opts);
    this.wordBitLen = opts.wordBitLen ?? 96;
    this.nWords = opts.nWords ?? 4;
    this.batchSize = opts.batchSize ?? 1;
    this.additionalMemoryUnitsPerInstance = ADDITIONAL_MEMORY_UNITS;
    this.shift = 1n << BigInt(this.wordBitLen);
    this.intLim = 1n << BigInt(this.nWords * this.wordBitLen);
    this.kBound = name === 'add_mod' ? 2n : this.intLim;
    this.zeroSegmentSize = Math.max(this.nWords, this.batchSize * 3);
    this.opText = name === 'add_mod' ? '<built-in function add>' : '<built-in function mul>';
  }

  op(a: bigint, b: bigint): bigint {
    return this.name === 'add_mod' ? a + b : a * b;
  }

  override neededZeros(): number {
    return this.zeroSegmentSize;
  }
  override setZeroSegment(addr: Relocatable): void {
    this.zeroValue = addr;
  }

  /** The words at addr and the number they make; value undefined when a word is missing. */
  readNWordsValue(mem: Memory, addr: Relocatable): [bigint[], bigint | undefined] {
    const words: bigint[] = [];
    let value = 0n;
    for (let i = 0; i < this.nWords; i++) {
      const w = mem.get(addr.segment, addr.offset + i);
      if (w === undefined) return [words, undefined];
      if (typeof w === 'object') throw builtinError(`Expected integer at address ${addr.segment}:${addr.offset + i}. Got: ${w}.`);
      const word = big(w);
      if (word >= this.shift) {
        throw builtinError(`Expected integer at address ${addr.segment}:${addr.offset + i} to be smaller than 2^${this.wordBitLen}. Got: ${word}.`);
      }
      words.push(word);
      value += word << BigInt(i * this.wordBitLen);
    }
    return [words, value];
  }

  /** Writes value as n_words words at addr (write_n_words_value). */
  writeNWordsValue(mem: Memory, addr: Relocatable, value: bigint): void {
    let rest = value;
    for (let i = 0; i < this.nWords; i++) {
      mem.write(addr.segment, addr.offset + i, toFeltValue(rest % this.shift));
      rest /= this.shift;
    }
    if (rest !== 0n) throw builtinError('');
  }

  /** The inputs of the instance at addr (read_inputs); `readN` false skips n. */
  readInputs(mem: Memory, addr: Relocatable, readN = true): ModInputs {
    const valuesPtr = getCell(mem, addr.add(VALUES_PTR));
    if (typeof valuesPtr !== 'object') {
      throw builtinError(`${this.name} builtin: Expected RelocatableValue at address ${addr.add(VALUES_PTR)}. Got: ${valueToString(valuesPtr)}.`);
    }
    const offsetsPtr = getCell(mem, addr.add(OFFSETS_PTR));
    if (typeof offsetsPtr !== 'object') {
      throw builtinError(`${this.name} builtin: Expected RelocatableValue at address ${addr.add(OFFSETS_PTR)}. Got: ${valueToString(offsetsPtr)}.`);
    }
    let n: number | undefined;
    if (readN) {
      const nv = getCell(mem, addr.add(N));
      if (typeof nv === 'object') throw builtinError(`${this.name} builtin: Expected integer at address ${addr.add(N)}. Got: ${nv}.`);
      if (nv === 0) throw builtinError(`${this.name} builtin: Expected n >= 1. Got: 0.`);
      // A felt n above MAX_N fails every later check; keep it as a (large) number.
      n = Number(nv);
    }
    const pAddr = addr.add(P0);
    const [words, p] = this.readNWordsValue(mem, pAddr);
    if (p === undefined) throw builtinError(`${this.name} builtin: Missing value at address ${pAddr.add(words.length)}.`);
    return { valuesPtr, offsetsPtr, n, p, pWords: words };
  }

  /** a, b and c of operation `index` of a batch (read_memory_vars). */
  readMemoryVars(mem: Memory, valuesPtr: Relocatable, offsetsPtr: Relocatable, index: number): MemoryVars {
    const vars: MemoryVars = { offsets: [], values: [], words: [] };
    for (let i = 0; i < 3; i++) {
      const off = getCell(mem, offsetsPtr.add(i + 3 * index));
      if (typeof off === 'object') {
        throw builtinError(`${this.name} builtin: Expected integer at address ${offsetsPtr.add(i)}. Got: ${off}.`);
      }
      const at = valuesPtr.add(off);
      const [words, value] = this.readNWordsValue(mem, at);
      if (value === undefined) throw builtinError(`${this.name} builtin: Missing value at address ${at.add(words.length)}.`);
      vars.offsets.push(off);
      vars.values.push(value);
      vars.words.push(words);
    }
    return vars;
  }

  /**
   * The operand x with op(x, known) = res + k * p, k in [0, kBound), as small as possible.
   * mul_mod: when known has no inverse mod p, a nullifier (ZeroDivisor) instead.
   */
  calcOperand(known: bigint, res: bigint, p: bigint): [FillValueResult, bigint] {
    if (this.name === 'add_mod') {
      if (known > res + p) throw builtinError(`add_mod builtin: addend greater than sum + p: ${known} > ${res} + ${p}.`);
      return [FillValueResult.Success, known <= res ? res - known : res + p - known];
    }
    // known and p are not negative (memory words), as gcdCofactor needs; known = 0 gives gcd p.
    const [x, gcd] = gcdCofactor(known, p);
    if (gcd !== 1n) return [FillValueResult.ZeroDivisor, floorDiv(p, gcd)];
    const tmpVal = pmod(res * x, p);
    const num = known * tmpVal - res;
    if (pmod(num, p) !== 0n) throw builtinError(`${num} is not divisible by ${p}.`);
    const tmpK = num / p;
    if (tmpK >= this.kBound) {
      throw builtinError(`mul_mod builtin: ((${known} * q) - ${res}) / ${p} > ${this.kBound} for any q > 0, such that ${known} * q = ${res} (mod ${p}).`);
    }
    if (tmpK >= 0n) return [FillValueResult.Success, tmpVal];
    return [FillValueResult.Success, tmpVal + p * floorDiv(known - 1n - tmpK, known)];
  }

  /** Fills operation `index`'s missing value if exactly one is missing (InstanceData.fill_value). */
  fillValue(mem: Memory, valuesPtr: Relocatable, offsetsPtr: Relocatable, p: bigint, index: number): FillValueResult {
    const addrs: Relocatable[] = [];
    const values: (bigint | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const addr = valuesPtr.add(asOffset(getCell(mem, offsetsPtr.add(3 * index + i))));
      addrs.push(addr);
      values.push(this.readNWordsValue(mem, addr)[1]);
    }
    const [a, b, c] = values;
    if (a !== undefined && b !== undefined && c !== undefined) return FillValueResult.Success;
    const k1 = this.kBound - 1n;
    if (c === undefined && a !== undefined && b !== undefined) {
      const tmp = this.op(a, b);
      if (!(tmp - k1 * p <= this.intLim - 1n)) {
        throw builtinError(`${this.name} builtin: Expected a ${this.opText} b - ${k1} * p <= ${this.intLim - 1n}. Got: values=${pyList(values)}, p=${p}.`);
      }
      const value = tmp < this.kBound * p ? pmod(tmp, p) : tmp - k1 * p;
      this.writeNWordsValue(mem, addrs[2], value);
      return FillValueResult.Success;
    }
    let res: [FillValueResult, bigint] | undefined;
    let ind = 0;
    if (b === undefined && a !== undefined && c !== undefined) {
      res = this.calcOperand(a, c, p);
      ind = 1;
    }
    if (a === undefined && b !== undefined && c !== undefined) {
      res = this.calcOperand(b, c, p);
      ind = 0;
    }
    if (res !== undefined) {
      this.writeNWordsValue(mem, addrs[ind], res[1]);
      return res[0];
    }
    return FillValueResult.MissingOperand;
  }

  /** Writes instances 1.. from instance 0's inputs (fill_inputs). */
  fillInputs(mem: Memory, ptr: Relocatable, inputs: ModInputs): void {
    const n = inputs.n as number;
    if (n > MAX_N) throw builtinError(`${this.name} builtin: n must be <= ${MAX_N}`);
    if (n % this.batchSize !== 0) throw builtinError(`${n} is not divisible by ${this.batchSize}.`);
    const nInstances = n / this.batchSize;
    for (let inst = 1; inst < nInstances; inst++) {
      const at = ptr.add(inst * INPUT_CELLS);
      for (let i = 0; i < this.nWords; i++) mem.write(at.segment, at.offset + P0 + i, toFeltValue(inputs.pWords[i]));
      mem.write(at.segment, at.offset + VALUES_PTR, inputs.valuesPtr);
      mem.write(at.segment, at.offset + OFFSETS_PTR, inputs.offsetsPtr.add(3 * inst * this.batchSize));
      mem.write(at.segment, at.offset + N, n - inst * this.batchSize);
    }
  }

  /** Copies the first (a, b, c) offsets to operations index.. index + copies - 1 (fill_offsets). */
  fillOffsets(mem: Memory, offsetsPtr: Relocatable, index: number, copies: number): void {
    const first = [0, 1, 2].map((i) => getCell(mem, offsetsPtr.add(i)));
    for (let i = 0; i < copies; i++) {
      for (let j = 0; j < 3; j++) mem.writeAt(offsetsPtr.add(3 * (index + i) + j), first[j]);
    }
  }

  protected override securityChecks(vm: VirtualMachine): void {
    super.securityChecks(vm);
    const mem = vm.mem;
    const nInstances = Math.ceil(mem.usedSize(this.base.segment) / INPUT_CELLS);
    let prev: ModInputs | undefined;
    for (let inst = 0; inst < nInstances; inst++) {
      const inputs = this.readInputs(mem, this.base.add(inst * INPUT_CELLS));
      if (prev !== undefined && (prev.n as number) > this.batchSize) {
        const same =
          inputs.pWords.every((w, i) => w === prev!.pWords[i]) &&
          inputs.valuesPtr.equals(prev.valuesPtr) &&
          inputs.offsetsPtr.equals(prev.offsetsPtr.add(3 * this.batchSize)) &&
          inputs.n === (prev.n as number) - this.batchSize;
        if (!same) throw builtinError(''); // bare assertions in cairo-lang
      }
      for (let j = 0; j < this.batchSize; j++) {
        const vars = this.readMemoryVars(mem, inputs.valuesPtr, inputs.offsetsPtr, j);
        const [a, b, c] = vars.values;
        const r = this.op(a, b);
        const where = `instance=${inst}, batch=${j}, inputs=${pyInputs(inputs)}, values=${pyVars(vars)}.`;
        if (pmod(r, inputs.p) !== pmod(c, inputs.p)) {
          throw builtinError(`${this.name} builtin: Expected a ${this.opText} b == c (mod p). Got: ${where}`);
        }
        if (!(r - c < this.kBound * inputs.p && r >= c)) {
          throw builtinError(`${this.name} builtin: Expected (a ${this.opText} b - c)/p to be in {0,1,...,${this.kBound - 1n}} Got: ${where}`);
        }
      }
      prev = inputs;
    }
    if (prev !== undefined && prev.n !== this.batchSize) throw builtinError('');
  }
}

export interface MemoryVars {
  offsets: Felt[];
  values: bigint[];
  words: bigint[][];
}

/** An add_mod or mul_mod run: the builtin pointer, the runner, and n, the operations to run. */
export type ModRun = readonly [ptr: Relocatable, runner: ModBuiltin, n: Felt];

/**
 * ModBuiltinRunner.fill_memory, for the hint of run_mod_p_circuit: from the first instance of
 * each builtin (written by the program), writes the other instances, pads the offsets table to
 * the instance's n operations, and computes the missing values of the values table, alternating
 * between add_mod and mul_mod operations as they become computable. For mul_mod, writes n
 * (the operations computed before the first non-invertible divisor).
 */
export function fillModMemory(mem: Memory, addMod: ModRun | undefined, mulMod: ModRun | undefined): void {
  if (addMod && mulMod && (addMod[1].nWords !== mulMod[1].nWords || addMod[1].wordBitLen !== mulMod[1].wordBitLen)) {
    throw builtinError('add_mod and mul_mod builtins must have the same n_words and word_bit_len.');
  }
  if (addMod && addMod[2] === 0) addMod = undefined;
  if (mulMod && mulMod[2] === 0) mulMod = undefined;
  const addN = addMod ? Number(addMod[2]) : 0;
  const mulN = mulMod ? Number(mulMod[2]) : 0;

  let addInputs: ModInputs | undefined;
  if (addMod) {
    const [ptr, runner] = addMod;
    if (addN > MAX_N) throw builtinError(`${runner.name} builtin: n must be <= ${MAX_N}`);
    addInputs = runner.readInputs(mem, ptr);
    runner.fillInputs(mem, ptr, addInputs);
    runner.fillOffsets(mem, addInputs.offsetsPtr, addN, (addInputs.n as number) - addN);
  }
  let mulInputs: ModInputs | undefined;
  if (mulMod) {
    const [ptr, runner] = mulMod;
    if (mulN > MAX_N) throw builtinError(`${runner.name} builtin: n must be <= ${MAX_N}`);
    // n is not read: Sierra expects this function to compute it.
    mulInputs = runner.readInputs(mem, ptr, false);
  }
  const hasAdd = addMod !== undefined && addMod[1].name === 'add_mod';
  const hasMul = mulMod !== undefined && mulMod[1].name === 'mul_mod';
  if (!hasAdd && !hasMul) throw builtinError('At least one of add_mod and mul_mod must be given.');

  let addIndex = 0;
  let mulIndex = 0;
  let nComputedMul: number | undefined;
  while (addIndex < addN || mulIndex < mulN) {
    if (addIndex < addN && hasAdd) {
      const ins = addInputs as ModInputs;
      if (addMod![1].fillValue(mem, ins.valuesPtr, ins.offsetsPtr, ins.p, addIndex) === FillValueResult.Success) {
        addIndex++;
        continue;
      }
    }
    if (mulIndex < mulN && hasMul) {
      const ins = mulInputs as ModInputs;
      const res = mulMod![1].fillValue(mem, ins.valuesPtr, ins.offsetsPtr, ins.p, mulIndex);
      if (res === FillValueResult.MissingOperand) {
        throw new VmError('Hint', `Could not fill the values table, add_mod_index=${addIndex}, mul_mod_index=${mulIndex}`);
      }
      if (res === FillValueResult.ZeroDivisor && nComputedMul === undefined) nComputedMul = mulIndex;
      mulIndex++;
    } else {
      // cairo-lang loops forever here (an add_mod operation that can never be computed).
      throw new VmError('Hint', `Could not fill the values table, add_mod_index=${addIndex}, mul_mod_index=${mulIndex}`);
    }
  }

  if (mulMod) {
    const [ptr, runner] = mulMod;
    const ins = mulInputs as ModInputs;
    const nAddr = ptr.add(N);
    if (nComputedMul === undefined) {
      const written = mem.getAt(nAddr);
      if (written === undefined) nComputedMul = mulN;
      else if (typeof written === 'object') throw builtinError(`${runner.name} builtin: Expected integer at address ${nAddr}. Got: ${written}.`);
      else nComputedMul = Number(written);
      ins.n = nComputedMul;
      runner.fillOffsets(mem, ins.offsetsPtr, mulN, nComputedMul - mulN);
    } else if (runner.batchSize !== 1) {
      throw builtinError('Inverse failure is supported only at batch_size == 1.');
    }
    mem.writeAt(nAddr, nComputedMul);
    ins.n = nComputedMul;
    runner.fillInputs(mem, ptr, ins);
  }
}

function getCell(mem: Memory, addr: Relocatable): Value {
  const v = mem.getAt(addr);
  if (v === undefined) throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${addr}.`);
  return v;
}

function asOffset(v: Value): Felt {
  if (typeof v === 'object') throw builtinError(`Expected an integer offset, got the address ${v}.`);
  return v;
}

function toFeltValue(v: bigint): Felt {
  return v < 1n << 53n ? Number(v) : v;
}

function pmod(a: bigint, p: bigint): bigint {
  const r = a % p;
  return r < 0n ? r + p : r;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

// Python's repr of the dicts in the security-check messages.
function pyValue(v: Felt | Relocatable | bigint | undefined): string {
  if (v === undefined) return 'None';
  if (typeof v === 'object') return `RelocatableValue(segment_index=${v.segment}, offset=${v.offset})`;
  return String(v);
}
function pyList(vs: (bigint | undefined)[]): string {
  return `[${vs.map(pyValue).join(', ')}]`;
}
function pyInputs(i: ModInputs): string {
  const parts = [`'values_ptr': ${pyValue(i.valuesPtr)}`, `'offsets_ptr': ${pyValue(i.offsetsPtr)}`, `'n': ${i.n}`, `'p': ${i.p}`];
  i.pWords.forEach((w, d) => parts.push(`'p${d}': ${w}`));
  return `{${parts.join(', ')}}`;
}
function pyVars(v: MemoryVars): string {
  const parts: string[] = [];
  'abc'.split('').forEach((s, i) => {
    parts.push(`'${s}_offset': ${v.offsets[i]}`, `'${s}': ${v.values[i]}`);
    v.words[i].forEach((w, d) => parts.push(`'${s}${d}': ${w}`));
  });
  return `{${parts.join(', ')}}`;
}
