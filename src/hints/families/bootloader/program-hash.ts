// A task program's header and hash, as cairo-lang's hash_program.compute_program_hash_chain and
// the bootloader's load_program lay them out: [data_length, bootloader_version, main, n_builtins,
// builtin names as felts..., program data...], hashed with a Pedersen chain (length first) or
// Poseidon over everything after the length.
import { Program, labelPc } from '../../../vm/program';
import * as F from '../../../vm/felt';
import { pedersenHash } from '../../../builtins/pedersen';
import { poseidonPermutation } from '../../../builtins/poseidon';
import { HintError } from '../../errors';
import { HashFunction } from './input';

/** A builtin's name as the felt of its ASCII bytes (`from_bytes(name.encode('ascii'))`). */
export function builtinFelt(name: string): bigint {
  let v = 0n;
  for (const c of Buffer.from(name, 'ascii')) v = (v << 8n) | BigInt(c);
  return v;
}

/** The pc of the task's main (Program.main); a program without one cannot be a task. */
export function programMain(program: Program): number {
  const pc = labelPc(program, `${program.mainScope}.main`);
  if (pc === undefined) throw new HintError('MissingIdentifierError', `Unknown identifier '${program.mainScope}.main'.`);
  return pc;
}

/** The header and code after data_length (the list the hash covers). */
export function headerAndData(program: Program, bootloaderVersion = 0n): bigint[] {
  return [bootloaderVersion, BigInt(programMain(program)), BigInt(program.builtins.length), ...program.builtins.map(builtinFelt), ...program.data.map(F.big)];
}

/** compute_hash_chain([len(data)] + data): h(d0, h(d1, ... h(d_n-1, d_n))). */
export function pedersenHashChain(data: bigint[]): bigint {
  let acc: F.Felt = F.toFelt(data[data.length - 1]);
  for (let i = data.length - 2; i >= 0; i--) acc = pedersenHash(F.toFelt(data[i]), acc);
  return F.big(acc);
}

/** poseidon_hash_many: absorbs pairs into a 3-felt state after padding with 1 (and a 0 to even length). */
export function poseidonHashMany(data: bigint[]): bigint {
  const padded = [...data, 1n];
  if (padded.length % 2 === 1) padded.push(0n);
  let s: F.Felt[] = [0, 0, 0];
  for (let i = 0; i < padded.length; i += 2) {
    s = poseidonPermutation(F.add(s[0], F.toFelt(padded[i])), F.add(s[1], F.toFelt(padded[i + 1])), s[2]);
  }
  return F.big(s[0]);
}

export function computeProgramHashChain(program: Program, fn: HashFunction, bootloaderVersion = 0n): bigint {
  const chain = headerAndData(program, bootloaderVersion);
  if (fn === HashFunction.POSEIDON) return poseidonHashMany(chain);
  if (fn === HashFunction.PEDERSEN) return pedersenHashChain([BigInt(chain.length), ...chain]);
  throw new HintError('NotImplementedError', 'Cairn computes Pedersen and Poseidon program hashes; this task asks for Blake.');
}
