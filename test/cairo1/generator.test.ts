// The Rust side of the Cairo 1 ground truth, when it is built (`./regenerate.sh` builds it; CI
// has no build and skips, the fixtures being committed):
// - the committed fixtures are current: the generator run again on some programs writes the
//   same executables, results and debug files (Sierra ids aside: the compiler's interned type
//   ids change from one process to the next);
// - the debug-file helper (`cairn-debug-file`, for a user's Scarb build) recompiles the Sierra
//   Scarb writes beside an executable into the same debug file the generator writes, and the
//   debugger takes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExecutableFile } from '../../src/runner/cairo1/executable';
import { loadDebugFile } from '../../src/debug/cairo1/debug-file';

const HERE = __dirname;
const BIN = join(process.env.CARGO_TARGET_DIR ?? join(HERE, 'generator', 'target'), 'release');
const GENERATOR = join(BIN, 'cairn-cairo1-fixtures');
const HELPER = join(BIN, 'cairn-debug-file');
const built = existsSync(GENERATOR) && existsSync(HELPER);
const skip = built ? false : 'the generator is not built (test/cairo1/regenerate.sh builds it)';
const PROGRAMS = ['points', 'struct_loop', 'fib_rec'];

/** Generates fixtures for some programs into a fresh folder. */
function generate(names: string[], env: NodeJS.ProcessEnv = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-gen-'));
  mkdirSync(join(dir, 'programs'));
  for (const n of names) {
    for (const ext of ['cairo', 'args']) if (existsSync(join(HERE, 'programs', `${n}.${ext}`))) copyFileSync(join(HERE, 'programs', `${n}.${ext}`), join(dir, 'programs', `${n}.${ext}`));
  }
  const r = spawnSync(GENERATOR, ['programs', 'fixtures'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return dir;
}

/** A debug file's content with the interned type ids replaced by their order of appearance. */
function comparable(file: string): Record<string, unknown> {
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const ids = new Map<string, string>();
  const vars = JSON.stringify(j.statement_variables).replace(/"\[(\d+)\]"/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, `T${ids.size}`);
    return `"${ids.get(id)}"`;
  });
  return { header_len: j.header_len, bytecode_sha256: j.bytecode_sha256, statement_offsets: j.statement_offsets, statement_variables: vars.replace(/"callee":\d+/g, '"callee":F'), annotations: Object.keys(j.annotations).sort() };
}

test('the committed Cairo 1 fixtures are what the generator writes today', { skip }, () => {
  const dir = generate(PROGRAMS);
  try {
    for (const n of PROGRAMS) {
      for (const f of [`${n}.executable.json`, 'expected.json']) {
        assert.equal(readFileSync(join(dir, 'fixtures', n, f), 'utf8'), readFileSync(join(HERE, 'fixtures', n, f), 'utf8'), `${n}/${f}`);
      }
      assert.deepEqual(comparable(join(dir, 'fixtures', n, `${n}.debug.json`)), comparable(join(HERE, 'fixtures', n, `${n}.debug.json`)), `${n}.debug.json`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cairn-debug-file: Scarb-shaped Sierra and executable give the generator\'s debug file, which the debugger takes', { skip }, () => {
  const dir = generate(['points'], { CAIRN_WRITE_SIERRA: '1' });
  try {
    const at = join(dir, 'fixtures', 'points');
    const out = join(dir, 'helper.debug.json');
    const r = spawnSync(HELPER, [join(at, 'points.executable.sierra.json'), join(at, 'points.executable.json'), out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /helper\.debug\.json: \d+ Sierra statements, header \d+ felts/);
    const mine = JSON.parse(readFileSync(out, 'utf8'));
    const theirs = JSON.parse(readFileSync(join(at, 'points.debug.json'), 'utf8'));
    for (const k of ['header_len', 'bytecode_sha256', 'statement_offsets', 'statement_variables']) assert.deepEqual(mine[k], theirs[k], k);
    const exe = loadExecutableFile(join(at, 'points.executable.json'));
    const debug = loadDebugFile(out, exe);
    assert.ok(debug.variables !== undefined && debug.variables.functions.size > 0);
    // Another program's executable is refused in one line.
    const other = spawnSync(HELPER, [join(at, 'points.executable.sierra.json'), join(HERE, 'fixtures', 'fib_rec', 'fib_rec.executable.json'), join(dir, 'x.json')], { encoding: 'utf8' });
    assert.notEqual(other.status, 0);
    assert.match(other.stderr, /does not compile to the bytecode of .*fib_rec\.executable\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
