// The committed Cairo 1 fixtures are whole: every program has its executable, debug info and
// reference run, the recorded trace and memory files match their digests, and the debug info's
// statement offsets fall inside the executable's bytecode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = __dirname;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('every Cairo 1 program has a complete fixture', () => {
  const programs = readdirSync(join(DIR, 'programs')).filter((f) => f.endsWith('.cairo')).map((f) => f.slice(0, -6));
  assert.ok(programs.length >= 40, `${programs.length} programs`);
  let ok = 0, panics = 0;
  for (const name of programs) {
    const dir = join(DIR, 'fixtures', name);
    const exe = JSON.parse(readFileSync(join(dir, `${name}.executable.json`), 'utf8'));
    const debug = JSON.parse(readFileSync(join(dir, `${name}.debug.json`), 'utf8'));
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    assert.ok(Array.isArray(exe.program.bytecode) && exe.program.bytecode.length > 0, name);
    assert.ok(exe.entrypoints.some((e: { kind: string }) => e.kind === 'Bootloader'), name);
    const len = exe.program.bytecode.length;
    for (const o of debug.statement_offsets) assert.ok(o + debug.header_len < len, `${name}: statement offset ${o}`);
    const locations = debug.annotations['github.com/software-mansion/cairo-coverage'].statements_code_locations;
    assert.ok(Object.keys(locations).length > 0, name);
    // Committed files name sources relative to test/cairo1 (the program) or the corelib, never
    // by a path of the machine that generated them.
    for (const entries of Object.values(locations) as [string, unknown, boolean][][]) {
      for (const [file] of entries) {
        assert.ok(file === `programs/${name}.cairo` || file.startsWith('corelib/src/'), `${name}: annotation names ${file}`);
      }
    }
    if (expected.status === 'ok') {
      ok++;
      assert.ok(expected.steps > 0 && Array.isArray(expected.output), name);
      if (expected.files_included) {
        const trace = readFileSync(join(dir, 'trace.bin'));
        const memory = readFileSync(join(dir, 'memory.bin'));
        assert.equal(sha(trace), expected.trace_sha256, `${name} trace`);
        assert.equal(sha(memory), expected.memory_sha256, `${name} memory`);
        assert.equal(trace.length, expected.steps * 24, `${name}: 24 bytes per step`);
      }
    } else {
      panics++;
      assert.equal(expected.status, 'error', name);
      assert.ok(expected.panic || expected.error, name);
    }
    assert.ok(!existsSync(join(dir, 'extra')), name);
  }
  console.log(`cairo1 fixtures: ${programs.length} programs (${ok} run to the end, ${panics} panic) recorded on cairo-vm 3.2.0`);
});
