import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replay } from './corpus-check';
import { createBuiltin } from '../../src/builtins/index';
import { memoryWithSegments, CORPUS } from './corpus-memory';
import { VirtualMachine } from '../../src/vm/vm';
import { VmError } from '../../src/vm/errors';
import { FIELD_PRIME } from '../../src/builtins/stark-curve';

const P = [0x6a4beaef5a93425b973179cdba0c9d42f30e01a5f1e2db73da0884b8d6756fcn, 0x72565ec81bc09ff53fbfad99324a92aa5b39fb58267e395e8abe36290ebf24fn];
const Q = [0x654fd7e67a123dd13868093b3b7777f1ffef596c2e324f25ceaf9146698482cn, 0x4fad269cbf860980e38768fe9cb6b0b9ab03ee3fe84cfde2eccce597c874fd8n];
const SHIFT = [0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804n, 0x3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268an];

function fresh() {
  const mem = memoryWithSegments(2);
  const b = createBuiltin({ name: 'ec_op', ratio: 1024, scalarHeight: 256, scalarBits: 252, scalarLimit: FIELD_PRIME }, true);
  b.initializeSegments(mem);
  const vm = new VirtualMachine(mem, 0);
  b.addRules(vm);
  return { mem, b, vm };
}

function writeInputs(mem: ReturnType<typeof fresh>['mem'], p: bigint[], q: bigint[], m: bigint | number) {
  [p[0], p[1], q[0], q[1], m].forEach((v, i) => mem.write(2, i, typeof v === 'bigint' && v < 2n ** 53n ? Number(v) : v));
}

test('ec_op: P + 34 Q as the ec_op program asserts', () => {
  const { mem } = fresh();
  writeInputs(mem, P, Q, 34);
  assert.equal(mem.read(2, 5), 108925483682366235368969256555281508851459278989259552980345066351008608800n);
  assert.equal(mem.read(2, 6), 1592365885972480102953613056006596671718206128324372995731808913669237079419n);
});

test('ec_op: outputs match the reference runs', () => {
  let total = 0;
  for (const prog of ['ec_op', 'recover_y', 'simulated_builtins']) total += replay(prog, ['ec_op'], 'ec_op').checked;
  total += replay('pedersen_extra_builtins', ['output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op'], 'ec_op').checked;
  assert.ok(total >= 4, `checked ${total}`);
});

function referenceError(name: string): string {
  const text: string = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')).error;
  return text.replace(/^starkware\.cairo\.lang\.vm\.vm_exceptions\.SecurityError: /, '').trimEnd();
}

test('ec_op: same x, as a security error at the end of the run (ec_op_same_x)', () => {
  const sameX = fresh();
  const text = referenceError('ec_op_same_x');
  const nums = [...text.matchAll(/\d{10,}/g)].map((m) => BigInt(m[0]));
  writeInputs(sameX.mem, [nums[0], nums[1]], [nums[2], nums[3]], 8);
  assert.throws(() => sameX.b.runSecurityChecks(sameX.vm), (e: unknown) => e instanceof VmError && e.kind === 'Security' && e.message === text);
});

test('ec_op: point not on the curve (ec_op_not_in_curve)', () => {
  const text = referenceError('ec_op_not_in_curve');
  const { mem, b, vm } = fresh();
  const nums = [...text.matchAll(/\d{10,}/g)].map((m) => BigInt(m[0]));
  writeInputs(mem, P, [nums[0], nums[1]], 3);
  assert.throws(() => mem.read(2, 5), (e: unknown) => e instanceof VmError && e.message === text);
  assert.throws(() => b.runSecurityChecks(vm), (e: unknown) => e instanceof VmError && e.kind === 'Security' && e.message === text);
});

test('ec_op: m at the limit, and ec_op_builtin_runner_test cases', () => {
  const a = fresh();
  writeInputs(a.mem, SHIFT, Q, FIELD_PRIME);
  assert.throws(() => a.mem.read(2, 5), { message: `ec_op builtin: m must be at most ${FIELD_PRIME}.` });
  const b = fresh();
  writeInputs(b.mem, SHIFT, SHIFT, 3);
  assert.throws(() => b.mem.read(2, 5), /Cannot apply EC operation: computation reached two points with the same x coordinate/);
  const c = fresh();
  writeInputs(c.mem, SHIFT, [123n, 456n], 3);
  assert.throws(() => c.mem.read(2, 6), { message: 'ec_op builtin: point (123, 456) is not on the curve.' });
});
