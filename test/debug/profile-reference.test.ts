// The profile's memory holes and builtin cells against cairo-run's own numbers. Holes per function
// (src/debug/profile/holes.ts): on a program whose holes are known by construction, each lands in
// the frame that left it; on a corpus program, they add up to the n_memory_holes of cairo-run's
// Cairo PIE. Builtin cells: a builtin-heavy corpus program's, per builtin, equal the used cells
// of cairo-run's proof-mode --print_info.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, shared } from '../support/shared';
import { cairoRun, compileCairo } from '../support/reference';
import { readZip } from '../../src/runner/zip';
import type { FlameData } from '../../src/debug/profile/flame';

const LAYOUT = 'starknet_with_keccak';

// three_locals leaves b and c unwritten on every call (2 x 3 holes); gap writes p[3] of a fresh
// array, leaving p[0..2] (3 holes, charged to gap, not to alloc, which made the segment).
const HOLES = `
%builtins output
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.serialize import serialize_word

func three_locals() -> felt {
    alloc_locals;
    local a;
    local b;
    local c;
    assert a = 7;
    return a;
}

func gap(p: felt*) {
    assert p[3] = 1;
    return ();
}

func main{output_ptr: felt*}() {
    alloc_locals;
    let x = three_locals();
    let y = three_locals();
    let z = three_locals();
    let (p) = alloc();
    gap(p);
    serialize_word(x + y + z);
    return ();
}
`;

/** `cairn profile --json` of a program (the bundled CLI, as the VS Code view runs it). */
function profile(program: string, ...flags: string[]): FlameData {
  // (a proof-mode run pads its trace to a power of 2 after the end: those steps are profiled too)
  const out = join(mkdtempSync(join(tmpdir(), 'cairn-profile-ref-')), 'p.json');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'profile', '--program', program, '--layout', LAYOUT, '--json', out, ...flags], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(readFileSync(out, 'utf8')) as FlameData;
}

/** n_memory_holes of the Cairo PIE a live cairo-run writes for `program` (cached). */
function referenceHoles(program: string): number {
  const ref = cairoRun(program, ['--layout', LAYOUT], ['cairo_pie_output']);
  assert.equal(ref.code, 0, ref.stderr);
  const resources = readZip(readFileSync(ref.files.cairo_pie_output)).get('execution_resources.json')!;
  return (JSON.parse(resources.toString('utf8')) as { n_memory_holes: number }).n_memory_holes;
}

test('memory holes land in the frame that left them, and add up to cairo-run\'s', () => {
  const program = compileCairo(HOLES, { name: 'holes.cairo' });
  const data = profile(program);
  const fn = (n: string) => data.functions.find((f) => f.name === n)!;
  assert.deepEqual([fn('__main__.three_locals').selfHoles, fn('__main__.three_locals').calls], [6, 3]);
  assert.equal(fn('__main__.gap').selfHoles, 3);
  assert.equal(fn('starkware.cairo.common.alloc.alloc').selfHoles, 0);
  assert.deepEqual([fn('__main__.main').selfHoles, fn('__main__.main').totalHoles], [0, 9]);
  assert.ok(data.measures.includes('holes'));
  assert.equal(data.root.total.holes, 9);
  assert.equal(referenceHoles(program), 9);
});

test('uint256_integration_tests: the holes per function add up to cairo-run\'s n_memory_holes', () => {
  const name = 'uint256_integration_tests';
  const program = compileCairo(readFileSync(shared('corpus', 'cairo0', name, `${name}.cairo`), 'utf8'), { name: `${name}.cairo` });
  const data = profile(program);
  const expected = referenceHoles(program);
  assert.ok(expected > 100, String(expected));
  assert.equal(data.root.total.holes, expected);
  assert.equal(data.functions.reduce((a, f) => a + f.selfHoles, 0), expected);
  // is_nn's `ap += 20` (which keeps its two branches' ap equal) skips cells on every call that
  // returns through the in-range branch: those holes are is_nn's, not its callers'
  const isNn = data.functions.find((f) => f.name === 'starkware.cairo.common.math_cmp.is_nn')!;
  assert.ok(isNn.selfHoles > 0.9 * expected, `${isNn.selfHoles} of ${expected}`);
  assert.equal(isNn.selfHoles, isNn.totalHoles);
});

test('uint256_integration_tests: builtin cells per builtin equal cairo-run\'s proof-mode --print_info', () => {
  const name = 'uint256_integration_tests';
  const program = compileCairo(readFileSync(shared('corpus', 'cairo0', name, `${name}.cairo`), 'utf8'), { name: `${name}.cairo`, proofMode: true });
  const ref = cairoRun(program, ['--layout', LAYOUT, '--proof_mode', '--print_info']);
  assert.equal(ref.code, 0, ref.stderr);
  const used = new Map([...ref.stdout.matchAll(/^(\w+)_builtin\s+\S+ \(used (\d+) cells\)$/gm)].map((m) => [m[1], Number(m[2])]));
  assert.ok(used.get('range_check')! > 1000 && used.get('bitwise')! > 100, ref.stdout);
  const data = profile(program, '--proof_mode');
  for (const [builtin, cells] of used) assert.equal(data.root.total[builtin] ?? 0, cells, builtin);
  for (const m of data.measures) if (m !== 'steps' && m !== 'holes') assert.ok(used.has(m), m);
  // the cells are charged where they are used: uint256 arithmetic, not main
  assert.equal(data.root.self.range_check ?? 0, 0);
});
