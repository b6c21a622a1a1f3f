import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { CORPUS } from '../support/corpus';
import { launch } from '../../src/runner/launch';
import { traceBytes, memoryBytes, writeTrace, writeMemory } from '../../src/runner/relocate';
import { writeOutputPieces, OutputFileError } from '../../src/runner/fs-errors';
import { writeMemoryByAddress, memoryBytesByAddress } from '../../src/runner/cairo1/memory-file';
import { VmError } from '../../src/vm/errors';

test('relocation table, trace file and memory file equal the reference bytes (fibonacci)', () => {
  const dir = join(CORPUS, 'cairo0', 'fibonacci');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const run = launch({ program: join(dir, 'program.json'), layout: expected.layout, trace: true });
  const runner = run.runner;
  runner.runToEnd();
  const offsets = run.finish();
  const table = Object.fromEntries(offsets.map((o, i) => [String(i), o]));
  assert.deepEqual(table, expected.segment_offsets);
  assert.ok(traceBytes(runner.vm.trace!, offsets).equals(readFileSync(join(dir, 'trace.bin'))));
  assert.ok(memoryBytes(runner.mem, offsets).equals(readFileSync(join(dir, 'memory.bin'))));
  assert.equal(runner.relocateValue(runner.vm.apValue()), Number(expected.final_relocated.ap));
});

test('the trace and memory files written in small pieces equal the reference bytes (compare_arrays)', () => {
  // 7 records a piece: thousands of piece boundaries, and a reused piece that held big felts.
  const dir = join(CORPUS, 'cairo0', 'compare_arrays');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const run = launch({ program: join(dir, 'program.json'), layout: expected.layout, trace: true });
  run.runner.runToEnd();
  const offsets = run.finish();
  const gather = (write: (sink: (p: Uint8Array) => void) => void) => {
    const pieces: Buffer[] = [];
    write((p) => pieces.push(Buffer.from(p)));
    return { bytes: Buffer.concat(pieces), count: pieces.length };
  };
  const trace = gather((sink) => writeTrace(run.runner.vm.trace!, offsets, sink, 7));
  const memory = gather((sink) => writeMemory(run.runner.mem, offsets, sink, 7));
  assert.ok(trace.count > 500 && memory.count > 500);
  assert.ok(trace.bytes.equals(readFileSync(join(dir, 'trace.bin'))));
  assert.ok(memory.bytes.equals(readFileSync(join(dir, 'memory.bin'))));
  // The address-ordered file (cairn execute's) in 7-record pieces equals it in one piece, whose
  // bytes test/cairo1 checks against the Rust VM's files.
  const byAddress = gather((sink) => writeMemoryByAddress(run.runner.mem, offsets, sink, 7));
  assert.ok(byAddress.count > 500);
  assert.ok(byAddress.bytes.equals(memoryBytesByAddress(run.runner.mem, offsets)));
});

test('a file written in pieces: a bad path is a one-line error; a failing writer leaves the file empty', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-pieces-'));
  try {
    assert.throws(() => writeOutputPieces(join(dir, 'no', 'such', 'trace.bin'), () => {}, 'trace file'),
      (e: Error) => e instanceof OutputFileError && /^Cannot write the trace file .*: no such file or folder \(ENOENT\)\.$/.test(e.message));
    const path = join(dir, 'memory.bin');
    assert.throws(() => writeOutputPieces(path, (sink) => {
      sink(new Uint8Array(40).fill(1));
      throw new VmError('Security', 'Cannot relocate -1:0.');
    }, 'memory file'), (e: Error) => e instanceof VmError && e.message === 'Cannot relocate -1:0.');
    assert.equal(readFileSync(path).length, 0);
    writeOutputPieces(path, (sink) => { sink(new Uint8Array([1, 2])); sink(new Uint8Array([3])); }, 'memory file');
    assert.deepEqual([...readFileSync(path)], [1, 2, 3]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
