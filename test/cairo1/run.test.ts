// Every Cairo 1 fixture runs on Cairn's VM and matches the Rust VM's run exactly: status,
// output, panic text and data, steps, and the relocated trace and memory (digests, and bytes
// when the fixture keeps them). RandomEcPoint draws a random point, so for programs that use
// it the test hands the hint the x the Rust VM drew (read from its memory file at the cell the
// hint writes) and then compares everything as for the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExecutable, ExecutableRun } from '../../src/runner/cairo1/launch';
import { parseArgumentList } from '../../src/runner/cairo1/args';
import { parseExecutable } from '../../src/runner/cairo1/executable';
import { memoryBytesByAddress } from '../../src/runner/cairo1/memory-file';
import { traceBytes } from '../../src/runner/relocate';
import { VmException } from '../../src/vm/vm';
import { ProgramError } from '../../src/vm/errors';
import { toSigned } from '../../src/vm/felt';
import { Relocatable } from '../../src/vm/relocatable';

const DIR = __dirname;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Outcome {
  problems: string[];
  memory?: Buffer;
  /** Relocated addresses of the x cells RandomEcPoint wrote, in order. */
  randomX: number[];
}

function runFixture(name: string, randomX?: Buffer[]): Outcome {
  const dir = join(DIR, 'fixtures', name);
  const exp = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const argsPath = join(DIR, 'programs', `${name}.args`);
  const args = existsSync(argsPath) ? parseArgumentList(readFileSync(argsPath, 'utf8')) : [];
  const problems: string[] = [];
  const run = launchExecutable({ executable: join(dir, `${name}.executable.json`), args, trace: true, print: () => undefined });
  const draws: number[] = [];
  const own = run.state.randomBytes;
  let k = 0;
  run.state.randomBytes = (n) => {
    draws.push(run.runner.mem.size);
    return randomX !== undefined ? randomX[k++] : own(n);
  };
  const out: Outcome = { problems, randomX: [] };
  try {
    run.runner.runToEnd();
    const mem = run.runner.mem;
    // A draw was accepted when the hint wrote after it: its first write is the x cell.
    const xCells = draws.filter((s, i) => mem.size > s && (i + 1 === draws.length || draws[i + 1] > s)).map((s) => new Relocatable(mem.loggedSegment(s), mem.loggedOffset(s)));
    const offsets = run.finish();
    out.randomX = xCells.map((c) => offsets[c.segment] + c.offset);
    const output = (run.runner.output() ?? []).map((v) => (v === undefined ? '<missing>' : typeof v === 'object' ? String(v) : toSigned(v).toString()));
    if (exp.status !== 'ok') problems.push(`ran to the end, the reference failed: ${exp.panic ?? exp.error}`);
    if (JSON.stringify(output) !== JSON.stringify(exp.output)) problems.push(`output ${JSON.stringify(output)} != ${JSON.stringify(exp.output)}`);
    if (run.runner.vm.currentStep !== exp.steps) problems.push(`steps ${run.runner.vm.currentStep} != ${exp.steps}`);
    const trace = traceBytes(run.runner.vm.trace!, offsets);
    const memory = memoryBytesByAddress(run.runner.mem, offsets);
    out.memory = memory;
    if (sha(trace) !== exp.trace_sha256) problems.push('trace digest differs');
    if (sha(memory) !== exp.memory_sha256) problems.push('memory digest differs');
    if (exp.files_included) {
      if (!trace.equals(readFileSync(join(dir, 'trace.bin')))) problems.push('trace bytes differ');
      if (!memory.equals(readFileSync(join(dir, 'memory.bin')))) problems.push('memory bytes differ');
    }
  } catch (e) {
    if (!(e instanceof VmException)) throw e;
    if (exp.status !== 'error') problems.push(`failed: ${e.message}`);
    else {
      if (run.panic() !== exp.panic) problems.push(`panic ${run.panic()} != ${exp.panic}`);
      if (JSON.stringify(run.panicData()?.map(String)) !== JSON.stringify(exp.panic_data)) problems.push('panic data differs');
      const error = ExecutableRun.vmErrorText(e, run.runner.mem);
      if (error !== exp.error) problems.push(`error ${JSON.stringify(error)} != ${JSON.stringify(exp.error)}`);
    }
  }
  return out;
}

/** The 31 bytes of the felt at a relocated address of a memory file. */
function feltBytesAt(memory: Buffer, addr: number): Buffer {
  for (let i = 0; i < memory.length; i += 40) {
    if (memory.readBigUInt64LE(i) === BigInt(addr)) return Buffer.from(memory.subarray(i + 8, i + 39)).reverse();
  }
  throw new Error(`no cell at ${addr} in the reference memory`);
}

test('every Cairo 1 fixture runs identically to the Rust VM', () => {
  const names = readdirSync(join(DIR, 'fixtures')).sort();
  assert.ok(names.length >= 40);
  const gaps: string[] = [];
  for (const name of names) {
    let r = runFixture(name);
    if (r.randomX.length > 0) {
      const refPath = join(DIR, 'fixtures', name, 'memory.bin');
      if (!existsSync(refPath)) {
        gaps.push(`${name}: uses RandomEcPoint and the fixture keeps no memory file to take the Rust VM's draw from`);
        continue;
      }
      const ref = readFileSync(refPath);
      r = runFixture(name, r.randomX.map((a) => feltBytesAt(ref, a)));
    }
    if (r.problems.length) gaps.push(`${name}: ${r.problems.join('; ')}`);
  }
  console.log(`cairo1: ${names.length - gaps.length} of ${names.length} identical`);
  for (const g of gaps) console.log(`  ${g}`);
  assert.deepEqual(gaps, []);
});

test('a bad executable is one typed line', () => {
  const bad = (text: string, re: RegExp) => assert.throws(() => parseExecutable(text), (e: Error) => e instanceof ProgramError && re.test(e.message) && !e.message.includes('\n'));
  bad('{ "program": ', /Invalid executable: the file is not valid JSON/);
  bad('[]', /expected a JSON object, got a list/);
  bad('{"prime": "0x800000000000011000000000000000000000000000000000000000000000001", "data": []}', /compiled Cairo 0 program/);
  bad('{"program": {"bytecode": ["0x1", "zz"], "hints": []}, "entrypoints": []}', /program\.bytecode\[1\]/);
  bad('{"program": {"bytecode": ["0x1"], "hints": []}, "entrypoints": [{"builtins": [], "offset": 0, "kind": "Other"}]}', /entrypoints\[0\]\.kind/);
});

test('an unknown or malformed hint is one typed line naming its pc', () => {
  const exe = JSON.parse(readFileSync(join(DIR, 'fixtures', 'args_sum', 'args_sum.executable.json'), 'utf8'));
  const withHint = (h: unknown) => {
    const e = structuredClone(exe);
    e.program.hints[0][1] = [h];
    return parseExecutable(JSON.stringify(e));
  };
  const pc = exe.program.hints[0][0];
  assert.throws(() => launchExecutable({ executable: withHint({ NoSuchHint: {} }) }), (e: Error) => e instanceof ProgramError && e.message === `Invalid executable: program.hints at pc ${pc}: unknown hint "NoSuchHint".`);
  assert.throws(() => launchExecutable({ executable: withHint({ SystemCall: { system: { Deref: { register: 'FP', offset: -3 } } } }) }), (e: Error) => e instanceof ProgramError && /Starknet syscall/.test(e.message));
  assert.throws(() => launchExecutable({ executable: withHint({ AllocSegment: { dst: { register: 'XP', offset: 0 } } }) }), (e: Error) => e instanceof ProgramError && /AllocSegment\.dst\.register/.test(e.message));
});

test('cairn execute: output, println, files and panics as cairo-execute prints them', async () => {
  const { executeCommand, parseExecuteArgs } = await import('../../src/cli/execute');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const tmp = mkdtempSync(join(tmpdir(), 'cairn-execute-'));
  try {
    const cli = (argv: string[]) => {
      let out = '';
      let err = '';
      const code = executeCommand(parseExecuteArgs(argv), { out: (t) => (out += t), err: (t) => (err += t) });
      return { code, out, err };
    };
    const exe = (n: string) => join(DIR, 'fixtures', n, `${n}.executable.json`);
    const ok = cli([exe('args_sum'), '--arguments', '3,4,10,20,30,40', '--print-program-output', '--trace-file', join(tmp, 't'), '--memory-file', join(tmp, 'm')]);
    assert.equal(ok.code, 0);
    assert.equal(ok.out, 'Program Output:\n300\n');
    assert.ok(readFileSync(join(tmp, 't')).equals(readFileSync(join(DIR, 'fixtures', 'args_sum', 'trace.bin'))));
    assert.ok(readFileSync(join(tmp, 'm')).equals(readFileSync(join(DIR, 'fixtures', 'args_sum', 'memory.bin'))));
    const printed = cli([exe('println')]);
    assert.equal(printed.out, 'x = 42\nx squared = 1764, as hex 6e4\na byte array\n');
    const panic = cli([exe('panic_message')]);
    assert.equal(panic.code, 1);
    assert.equal(panic.err, 'Error: Panicked with "x is too big: 17".\n\nCaused by:\n    Error at pc=0:15:\n    An ASSERT_EQ instruction failed: 0 != 1.\n    \n');
    const missing = cli([join(tmp, 'none.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^Error: Cannot read executable .*none\.json: no such file or folder \(ENOENT\)\.\n$/);
    assert.throws(() => parseExecuteArgs([exe('args_sum'), '--arguments', '1', '--arguments-file', 'x']), /cannot be used together/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
