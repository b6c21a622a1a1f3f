// The block compiler against the interpreter and the reference: a program of our own whose hot
// loops hit every shape a block handles (operands deduced both ways, pointer differences, double
// dereferences into a builtin segment, calls, returns, jnz, ap +=), and failures that happen in
// the middle of a compiled block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch } from '../../src/runner/launch';
import { traceBytes, memoryBytes } from '../../src/runner/relocate';
import { VmException } from '../../src/vm/vm';
import { compileCairo, cairoRun } from '../support/reference';

const loops = `
func fill(p: felt*, n: felt, x: felt) {
    if (n == 0) {
        return ();
    }
    assert [p] = x * x + n;
    return fill(p + 1, n - 1, x + 3);
}

func sum(p: felt*, end: felt*, acc: felt) -> felt {
    if (p == end) {
        return acc;
    }
    let left = end - p;
    tempvar t = acc * 7 + [p] * left - 5;
    return sum(p + 1, end, t);
}

func checked{range_check_ptr}(x: felt, n: felt) {
    if (n == 0) {
        return ();
    }
    tempvar y = x;
    assert [range_check_ptr] = y;
    let range_check_ptr = range_check_ptr + 1;
    return checked(x * 2, n - 1);
}

func count(x: felt, n: felt) -> felt {
    alloc_locals;
    local y = x - n;
    if (n == 0) {
        return y;
    }
    assert y + n = x;
    return count(x, n - 1);
}
`;

const okProgram = `%builtins output range_check
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.serialize import serialize_word
${loops}
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local p: felt*) = alloc();
    fill(p, 200, 2 ** 60);
    let s = sum(p, p + 200, 1);
    serialize_word(s);
    checked(1, 100);
    let c = count(12345, 50);
    serialize_word(c);
    return ();
}
`;

function run(path: string, blocks: boolean) {
  const l = launch({ program: path, layout: 'starknet_with_keccak', trace: true });
  l.runner.vm.compileBlocks = blocks;
  try {
    l.runner.runToEnd();
  } catch (e) {
    if (!(e instanceof VmException)) throw e;
    const vm = l.runner.vm;
    return { error: l.report(e), steps: vm.currentStep, pc: `${vm.pcSeg}:${vm.pc}`, ap: vm.ap, fp: vm.fp, cells: l.runner.mem.size, traceLength: vm.trace!.length };
  }
  const offsets = l.finish();
  return { trace: traceBytes(l.runner.vm.trace!, offsets), memory: memoryBytes(l.runner.mem, offsets), steps: l.runner.vm.currentStep };
}

test('compiled blocks write the same trace and memory files as the interpreter and the reference', () => {
  const path = compileCairo(okProgram, { name: 'blocks_ok.cairo' });
  const fast = run(path, true);
  const slow = run(path, false);
  assert.ok(fast.steps > 2000);
  assert.equal(fast.steps, slow.steps);
  assert.ok(fast.trace!.equals(slow.trace!));
  assert.ok(fast.memory!.equals(slow.memory!));
  const ref = cairoRun(path, ['--layout', 'starknet_with_keccak'], ['trace_file', 'memory_file']);
  assert.equal(ref.code, 0, ref.stderr);
  assert.ok(fast.trace!.equals(readFileSync(ref.files.trace_file)));
  assert.ok(fast.memory!.equals(readFileSync(ref.files.memory_file)));
});

// The felt-as-address case is compared with the interpreter only: cairo-run lets such a write
// through and fails later, in end_run, where Cairn fails at the write.
for (const [what, call, againstReference] of [
  ['a range check fails (a validator, through a double dereference)', 'checked(1, 200);', true],
  ['an assert_eq fails', 'let c = count(12345, 50);\n    assert c = 1;', true],
  ['a felt is used as an address', 'let (p: felt*) = alloc();\n    fill(p, 20, 1);\n    tempvar q: felt* = cast([p + 12], felt*);\n    assert [q] = 1;', false],
] as const) {
  test(`a failure in a hot block stops where the interpreter stops: ${what}`, () => {
    const src = `%builtins output range_check
from starkware.cairo.common.alloc import alloc
${loops}
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (p: felt*) = alloc();
    fill(p, 50, 1);
    ${call}
    return ();
}
`;
    const path = compileCairo(src, { name: 'blocks_fail.cairo' });
    const fast = run(path, true);
    const slow = run(path, false);
    assert.ok(fast.error, 'the run fails');
    assert.deepEqual(fast, slow);
    if (!againstReference) return;
    const ref = cairoRun(path, ['--layout', 'starknet_with_keccak']);
    assert.notEqual(ref.code, 0);
    const first = fast.error!.split('\n').find((l) => /Error|assert|range|Expected/i.test(l) && !l.startsWith('Error at pc'))!;
    assert.ok(ref.stdout.includes(first) || ref.stderr.includes(first), `${first}\n---\n${ref.stderr}`);
  });
}

test('a block that does not fit the steps left leaves its pcs to the interpreter without making blocks of them', () => {
  // Runs in slices of 5 steps: hot blocks often do not fit what is left of a slice. Their pcs,
  // stepped by the interpreter, are not block starts (each would compile a block of its own to
  // the same end: a slice's end cost keccak 60 blocks of 200 instructions).
  const path = compileCairo(okProgram, { name: 'blocks_ok.cairo' });
  const compiled = (slice: number) => {
    const l = launch({ program: path, layout: 'starknet_with_keccak', trace: true });
    const vm = l.runner.vm;
    while (!l.runner.atEnd()) vm.run(l.runner.end.segment, l.runner.end.offset, slice);
    const blocks = (vm as unknown as { blocks: ({ length: number } | null | undefined)[] }).blocks.filter((b) => b != null);
    const offsets = l.finish();
    return { blocks: blocks.length, instructions: blocks.reduce((a, b) => a + b!.length, 0), trace: traceBytes(vm.trace!, offsets) };
  };
  const whole = compiled(1 << 30);
  const sliced = compiled(5);
  assert.ok(whole.blocks > 5);
  assert.ok(sliced.trace.equals(whole.trace));
  assert.deepEqual([sliced.blocks, sliced.instructions], [whole.blocks, whole.instructions]);
});
