// cairo-run's print formats: --print_memory (relocated or not) and --print_segments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/corpus';

const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'run', '--program', join(ROOT, 'examples/build/fib.json'), '--layout', 'starknet_with_keccak', ...args], { encoding: 'utf8' });

test('--print_memory --relocate_prints lists cells by relocated address with gaps marked', () => {
  const r = run('--print_memory', '--relocate_prints');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 4), ['Addr  Value', '-----------', '\u22ee', '1     4612671182993129469']);
  assert.ok(lines.includes('23    -17'), 'immediates print as signed felts');
  const cells = lines.filter((l) => /^\d+ +-?\d+$/.test(l));
  assert.equal(cells.length, 143); // every used cell, once
});

test('--print_memory without relocation shows segment:offset addresses and pointer values', () => {
  const r = run('--print_memory');
  assert.match(r.stdout, /^0:0 {3}4612671182993129469$/m);
  assert.match(r.stdout, /^1:\d+ +2:0$/m); // the return fp pointer on the stack
});

test('--print_segments prints the relocation table', () => {
  const r = run('--print_segments');
  assert.match(r.stdout, /Segment relocation table:\n0     1\n1     /);
});
