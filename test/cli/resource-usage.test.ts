// `cairn execute --print-resource-usage` prints what `scarb execute --print-resource-usage` prints
// (Scarb 2.20's format), as a process. The numbers are the Rust VM's: cairo-vm 3.2.0 run as the
// fixture generator runs it, read as Scarb reads them (get_execution_resources, the builtins'
// segment addresses, the relocated trace's first and last ap). Measured once with a scratch
// program; all 38 fixtures that run to the end agreed (steps, max memory address, memory holes,
// builtins, segments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/shared';

const CLI = join(ROOT, 'dist', 'cli.js');
const cairn = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const exe = (name: string) => join(ROOT, 'test/cairo1/fixtures', name, `${name}.executable.json`);

const RUST_VM: Record<string, string> = {
  // println's buffers leave holes; range_check before output (more instances)
  println: 'Resources:\n\tsteps: 903\n\tmax memory address: 2,930\n\tmemory holes: 245\n\tbuiltins:\n\t\trange_check_builtin: 65\n\t\toutput_builtin: 1\n\tmemory segments:\n\t\texecution: 968\n\t\trange_check: 65\n\t\toutput: 1\n',
  // add_mod and mul_mod read their values and offsets tables (not holes)
  circuit: 'Resources:\n\tsteps: 147\n\tmax memory address: 649\n\tmemory holes: 10\n\tbuiltins:\n\t\trange_check96_builtin: 30\n\t\toutput_builtin: 4\n\t\tmul_mod_builtin: 3\n\t\tadd_mod_builtin: 1\n\tmemory segments:\n\t\texecution: 105\n\t\trange_check96: 30\n\t\tmul_mod: 21\n\t\tadd_mod: 7\n\t\toutput: 4\n',
  // thousands separators
  fib_rec: 'Resources:\n\tsteps: 16,028\n\tmax memory address: 11,563\n\tmemory holes: 987\n\tbuiltins:\n\t\toutput_builtin: 1\n\tmemory segments:\n\t\texecution: 11,471\n\t\toutput: 1\n',
  // dictionaries (their squash hints' segments)
  dict_many: 'Resources:\n\tsteps: 3,768\n\tmax memory address: 3,784\n\tmemory holes: 155\n\tbuiltins:\n\t\trange_check_builtin: 425\n\t\toutput_builtin: 1\n\tmemory segments:\n\t\texecution: 2,826\n\t\trange_check: 425\n\t\toutput: 1\n',
};

for (const [name, expected] of Object.entries(RUST_VM)) {
  test(`cairn execute ${name} --print-resource-usage: Scarb's text with the Rust VM's numbers`, () => {
    const r = cairn('execute', exe(name), '--print-resource-usage');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.slice(r.stdout.indexOf('Resources:\n')), expected);
  });
}

test('after the program output, and as cairn run --print_info', () => {
  const r = cairn('run', '--program', exe('fib_rec'), '--print_output', '--print_info');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Program Output:\n610\n${RUST_VM.fib_rec}`);
});
