// Which bytecode a debug file was written for: SHA-256 of the felts as `0x` lowercase hex
// joined by commas (the fixture generator writes the same). Negative felts of the executable
// (`-0x5`) are taken modulo the prime first, as the VM loads them.
import { createHash } from 'node:crypto';
import { Felt, big, getPrime } from '../../vm/felt';

export function bytecodeDigest(bytecode: Felt[]): string {
  const p = getPrime();
  const text = bytecode.map((f) => '0x' + (((big(f) % p) + p) % p).toString(16)).join(',');
  return createHash('sha256').update(text).digest('hex');
}
