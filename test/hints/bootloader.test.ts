// Issue 11: StarkWare's bootloaders (../shared/realworld: simple, full and applicative, cairo-lang
// 0.13 and later) run a task with their hints in TypeScript (--no_python_hints: no Python at all).
// Their output is checked against the reference: the program hash the bootloader prints is
// cairo-hash-program's for the task, and the task's own output is cairo-run's of the task alone.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shared, realworldProgram } from '../support/shared';
import { cairoRun, compileCairo, referenceBin } from '../support/reference';
import { parseRunArgs } from '../../src/cli/args';
import { runCommand } from '../../src/cli/run';
import { readZip } from '../../src/runner/zip';
import { bridgePython } from '../bridge/support';
import { pedersenHash } from '../../src/builtins/pedersen';
import * as F from '../../src/vm/felt';
import { Relocatable } from '../../src/vm/relocatable';
import { HintBench } from './harness';
import { findHint } from '../../src/hints/hint';
import { SIMULATE_EC_OP } from '../../src/hints/families/bootloader/simulated-builtin-codes';
import { parsePreciseJson } from '../../src/runner/precise-json';

const P = F.PRIME;
const work = mkdtempSync(join(tmpdir(), 'cairn-bootloader-'));


const listedInput = (id: string) => shared('realworld', 'inputs', `${id}.json`);
// Programs hold constants past 2^53: read them with every digit, and write them back so.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readJson = (p: string): any => parsePreciseJson(readFileSync(p, 'utf8'));
const MARK = '\u0000big:';
const toJson = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? MARK + x : x)).replace(/"\\u0000big:(-?\d+)"/g, '$1');

function writeInput(name: string, value: unknown): string {
  const p = join(work, `${name}.json`);
  writeFileSync(p, toJson(value));
  return p;
}

/** Output values as felts in [0, P) (cairo-run prints them signed). */
function outputOf(stdout: string): bigint[] {
  const m = /Program output:\n([\s\S]*?)\n\n/.exec(stdout);
  return m === null ? [] : m[1].split('\n').map((l) => ((BigInt(l.trim()) % P) + P) % P);
}

/** `cairn run` of a bootloader; hints in TypeScript only, unless `python` (the bridge's interpreter). */
function cairn(program: string, input: string, python?: string, more: string[] = []): { code: number; out: string; err: string; output: bigint[] } {
  let out = '';
  let err = '';
  const flags = [...(python === undefined ? ['--no_python_hints'] : ['--python', python]), ...more];
  const code = runCommand(parseRunArgs(['--program', program, '--layout', 'all_cairo', '--program_input', input, '--print_output', ...flags]), { out: (x) => (out += x), err: (x) => (err += x) });
  return { code, out, err, output: outputOf(out) };
}

/** The reference's program hash of a task (cairo-hash-program), kept by content (seconds each). */
function hashProgram(program: unknown, fn: 'pedersen' | 'poseidon' = 'pedersen'): bigint {
  const text = toJson(program);
  const dir = join(tmpdir(), 'cairn-hash-program');
  mkdirSync(dir, { recursive: true });
  const key = join(dir, createHash('sha256').update(fn).update(text).digest('hex').slice(0, 32));
  if (!existsSync(key)) {
    const file = join(work, `hash-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, text);
    const r = spawnSync(join(referenceBin(), 'cairo-hash-program'), ['--program', file, '--program-hash-function', fn], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    writeFileSync(key, r.stdout.trim());
  }
  return BigInt(readFileSync(key, 'utf8'));
}

/** What cairo-run prints for the task run alone: its output, and its stdout. */
function taskRun(program: unknown, layout: string, input?: unknown): { output: bigint[]; stdout: string } {
  const file = writeInput(`task-${Math.random().toString(36).slice(2)}`, program);
  const args = ['--layout', layout, '--print_output'];
  if (input !== undefined) args.push('--program_input', writeInput(`task-input-${Math.random().toString(36).slice(2)}`, input));
  const r = cairoRun(file, args);
  assert.equal(r.code, 0, r.stderr);
  return { output: outputOf(`${r.stdout}\n\n`), stdout: r.stdout };
}

const taskOutput = (program: unknown, layout: string): bigint[] => taskRun(program, layout).output;

// A task of our own with output and builtins: the bootloader hands it its builtin pointers and
// checks how far each moved.
const TASK = `%builtins output pedersen range_check
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.hash import hash2
from starkware.cairo.common.math import assert_nn_le
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}() {
    let (h) = hash2{hash_ptr=pedersen_ptr}(3, 4);
    assert_nn_le(5, 10);
    serialize_word(7);
    serialize_word(h);
    return ();
}
`;

// A task whose hint splits its output: page 1 is its last two words, with a fact tree for them.
const PAGED_TASK = `%builtins output

func main{output_ptr: felt*}() {
    assert output_ptr[0] = 10;
    assert output_ptr[1] = 11;
    assert output_ptr[2] = 12;
    assert output_ptr[3] = 13;
    %{
        output_builtin.add_page(page_id=1, page_start=ids.output_ptr + 2, page_size=2)
        output_builtin.add_attribute('gps_fact_topology', [2, 1, 0, 2])
    %}
    let output_ptr = output_ptr + 4;
    return ();
}
`;

/** A simple bootloader input with one RunProgramTask. */
const oneTask = (program: unknown, input: unknown = {}) => ({ tasks: [{ type: 'RunProgramTask', program, program_input: input, use_poseidon: false, program_hash_function: 0 }], single_page: true, fact_topologies_path: null });

// A task with a hint of its own (no TypeScript implementation): it reads the task's program_input,
// nested 4 deep, and a float.
const CUSTOM_TASK = `%builtins output
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*}() {
    tempvar x;
    %{
        ids.x = program_input['x'] * 2 + program_input['deep']['a'][0]['b'][0] + int(program_input['ratio'] * 4) - 1
        print('the task hint says', ids.x, WITH_BOOTLOADER if 'WITH_BOOTLOADER' in globals() else 'alone')
    %}
    serialize_word(x);
    return ();
}
`;
/** The config of the later bootloaders (proving-utils), with nothing supported. */
const LATER_CONFIG = { supported_simple_bootloader_hash_list: [], supported_cairo_verifier_program_hashes: [], applicative_bootloader_program_hash: 0 };

/** A task's part of the simple bootloader's output: [size, hash, ...its output]. */
function expectTask(out: bigint[], at: number, hash: bigint, own: bigint[]): void {
  assert.deepEqual(out.slice(at, at + 2 + own.length), [BigInt(2 + own.length), hash, ...own]);
}

describe('the bootloaders run a task, hints in TypeScript', () => {
  const fib = readJson(listedInput('pu_simple_bootloader')).tasks[0].program;
  const fibHash = hashProgram(fib);
  const fibOutput = taskOutput(fib, 'plain');

  for (const id of ['pu_simple_bootloader', 'pu_simple_bootloader_0131']) {
    test(`${id} with its listed input: 1 task, its size, cairo-hash-program's hash, its own output`, () => {
      const r = cairn(realworldProgram(id), listedInput(id));
      assert.equal(r.code, 0, r.err);
      assert.equal(r.output[0], 1n);
      expectTask(r.output, 1, fibHash, fibOutput);
      assert.equal(r.output.length, 3 + fibOutput.length);
    });
  }

  test('a task hashed with Poseidon (use_poseidon, cairo-lang 0.13; program_hash_function 1, later): cairo-hash-program\'s Poseidon hash', () => {
    const poseidon = hashProgram(fib, 'poseidon');
    const older = readJson(listedInput('pu_simple_bootloader_0131'));
    older.tasks[0].use_poseidon = true;
    const r = cairn(realworldProgram('pu_simple_bootloader_0131'), writeInput('poseidon-0131', older));
    assert.equal(r.code, 0, r.err);
    expectTask(r.output, 1, poseidon, fibOutput);
    const later = { ...readJson(listedInput('pu_bootloader')), bootloader_config: LATER_CONFIG };
    later.tasks[0].program_hash_function = 1;
    const s = cairn(realworldProgram('pu_bootloader'), writeInput('poseidon-later', later));
    assert.equal(s.code, 0, s.err);
    expectTask(s.output, 4, poseidon, fibOutput);
  });

  for (const id of ['ms_bootloader_0131', 'sc_bootloader_0131']) {
    test(`${id} (bootloader 0.13.1) with its listed input: config, then the task as the simple bootloader printed it`, () => {
      const r = cairn(realworldProgram(id), listedInput(id));
      assert.equal(r.code, 0, r.err);
      // [simple bootloader hash, hash of the (empty) verifier list, n_tasks, task...]
      assert.equal(r.output[0], 0n);
      assert.equal(r.output[1], hashFeltsOfEmptyList());
      assert.equal(r.output[2], 1n);
      expectTask(r.output, 3, fibHash, fibOutput);
    });
  }

  test('a task with output and builtins: its output is cairo-run\'s of the task alone, its hash cairo-hash-program\'s', () => {
    const program = readJson(compileCairo(TASK, { name: 'task.cairo' }));
    const own = taskOutput(program, 'small');
    assert.equal(own.length, 2);
    const r = cairn(realworldProgram('pu_simple_bootloader'), writeInput('own-task', oneTask(program)));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.output[0], 1n);
    expectTask(r.output, 1, hashProgram(program), own);
  });

  test('a Cairo PIE task (cairo-run --cairo_pie_output of the task): its memory loaded, the same output and steps as from its program', () => {
    const file = compileCairo(TASK, { name: 'task.cairo' });
    const ref = cairoRun(file, ['--layout', 'small'], ['cairo_pie_output']);
    assert.equal(ref.code, 0, ref.stderr);
    const fromPie = cairn(realworldProgram('pu_simple_bootloader'), writeInput('pie-task', { tasks: [{ type: 'CairoPiePath', path: ref.files.cairo_pie_output, use_poseidon: false }], single_page: true }), undefined, ['--print_info']);
    assert.equal(fromPie.code, 0, fromPie.err);
    const fromProgram = cairn(realworldProgram('pu_simple_bootloader'), writeInput('own-task', oneTask(readJson(file))), undefined, ['--print_info']);
    assert.equal(fromProgram.code, 0, fromProgram.err);
    assert.deepEqual(fromPie.output, fromProgram.output);
    const steps = (t: string) => /Number of steps: (\d+)/.exec(t)?.[1];
    assert.equal(steps(fromPie.out), steps(fromProgram.out));
    expectTask(fromPie.output, 1, hashProgram(readJson(file)), taskOutput(readJson(file), 'small'));
  });

  test('tasks with hints of their own run them in Python (the bridge starts at the first task): program_input, output pages', () => {
    const custom = readJson(compileCairo(CUSTOM_TASK, { name: 'custom.cairo' }));
    const paged = readJson(compileCairo(PAGED_TASK, { name: 'paged.cairo' }));
    const customAlone = taskRun(custom, 'small', { x: 21, deep: { a: [{ b: [0] }] }, ratio: 0.25 });
    assert.deepEqual(customAlone.output, [42n]);
    assert.match(customAlone.stdout, /the task hint says 42 alone/);
    const pagedAlone = taskRun(paged, 'small');
    assert.deepEqual(pagedAlone.output, [10n, 11n, 12n, 13n]);
    // The smallest bootloader (the bridge loads it into cairo-lang), the full one of cairo-lang 0.13.1:
    // [config (2 words), n_tasks, task 1, task 2], and every task's pages after its header.
    const topologies = join(work, 'fact_topologies.json');
    const pie = join(work, 'tasks.zip');
    const input = writeInput('hinted-tasks', {
      tasks: [oneTask(custom, { x: 21, deep: { a: [{ b: [0] }] }, ratio: 0.25 }).tasks[0], oneTask(paged).tasks[0]],
      single_page: true,
      fact_topologies_path: topologies,
      bootloader_config: { simple_bootloader_program_hash: 0, supported_cairo_verifier_program_hashes: [] },
      packed_outputs: [{ type: 'PlainPackedOutput' }, { type: 'PlainPackedOutput' }],
    });
    const r = cairn(realworldProgram('sc_bootloader_0131'), input, bridgePython(), ['--cairo_pie_output', pie]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.output[2], 2n);
    expectTask(r.output, 3, hashProgram(custom), customAlone.output);
    expectTask(r.output, 6, hashProgram(paged), pagedAlone.output);
    assert.match(r.out, /the task hint says 42 True/);
    // The paged task's page 1 starts 2 words into its own output (not the bootloader's).
    assert.deepEqual(readJson(topologies), { fact_topologies: [{ tree_structure: [1, 0], page_sizes: [1] }, { tree_structure: [2, 1, 0, 2], page_sizes: [2, 2] }] });
    // The pages in the bootloader's output, from output_start (after the config and n_tasks), each after its task's header.
    const data = JSON.parse(readZip(readFileSync(pie)).get('additional_data.json')!.toString('utf8'));
    assert.deepEqual(data.output_builtin, { pages: { 1: [5, 1], 2: [8, 2], 3: [10, 2] }, attributes: {} });
    // Without Python the first task's hint is the one Cairn cannot run, and says why.
    const off = cairn(realworldProgram('sc_bootloader_0131'), input);
    assert.equal(off.code, 1);
    assert.match(off.err, /Unknown hint \(Cairn has no implementation for it\)[\s\S]*ids\.x = program_input\['x'\] \* 2[\s\S]*The Python hint bridge is off/);
  });

  test('pu_bootloader: its listed input lacks the config fields this bootloader reads (a clear error); with them it runs', () => {
    const listed = cairn(realworldProgram('pu_bootloader'), listedInput('pu_bootloader'));
    assert.equal(listed.code, 1);
    assert.match(listed.err, /ValidationError: Invalid bootloader input: bootloader_config\.supported_simple_bootloader_hash_list: missing/);
    const input = { ...readJson(listedInput('pu_bootloader')), bootloader_config: LATER_CONFIG };
    const r = cairn(realworldProgram('pu_bootloader'), writeInput('pu_bootloader', input));
    assert.equal(r.code, 0, r.err);
    // [hash of the simple bootloader list, applicative hash, hash of the verifier list, n_tasks, task...]
    assert.deepEqual(r.output.slice(0, 4), [hashFeltsOfEmptyList(), 0n, hashFeltsOfEmptyList(), 1n]);
    expectTask(r.output, 4, fibHash, fibOutput);
  });

  test('pu_applicative_bootloader: an aggregator that checks the bootloader output and adds a word', () => {
    // The aggregator's output must start with the bootloader's task output ([n_tasks, size, hash]);
    // what follows is the aggregated output. This one has no hints: the expected words are constants.
    const aggregator = readJson(compileCairo(`%builtins output
func main{output_ptr: felt*}() {
    assert output_ptr[0] = 1;
    assert output_ptr[1] = 2;
    assert output_ptr[2] = ${fibHash};
    assert output_ptr[3] = 77;
    let output_ptr = output_ptr + 4;
    return ();
}
`, { name: 'aggregator.cairo' }));
    const listed = readJson(listedInput('pu_applicative_bootloader'));
    const input = {
      ...listed,
      bootloader_input: { ...listed.bootloader_input, bootloader_config: LATER_CONFIG },
      aggregator_task: { ...listed.aggregator_task, program: aggregator },
    };
    const r = cairn(realworldProgram('pu_applicative_bootloader'), writeInput('applicative', input));
    assert.equal(r.code, 0, r.err);
    const constant = aggregatorConstant(realworldProgram('pu_applicative_bootloader'));
    assert.deepEqual(r.output, [F.big(pedersenHash(F.toFelt(constant), F.toFelt(hashProgram(aggregator)))), hashFeltsOfEmptyList(), 0n, hashFeltsOfEmptyList(), 77n]);
  });

  test('a task type Cairn does not run, and a task program that is not one, are clear errors', () => {
    const cairo1 = cairn(realworldProgram('pu_simple_bootloader'), writeInput('cairo1', { tasks: [{ type: 'Cairo1Executable', path: 'x.json' }], single_page: true }));
    assert.equal(cairo1.code, 1);
    assert.match(cairo1.err, /ValidationError: Invalid bootloader input: tasks\[0\]\.type: a Cairo1Executable: Cairn runs tasks of type RunProgramTask \(a program in the input\) and CairoPiePath/);
    const pie = cairn(realworldProgram('pu_simple_bootloader'), writeInput('pie', { tasks: [{ type: 'CairoPiePath', path: join(work, 'missing.zip') }], single_page: true }));
    assert.equal(pie.code, 1);
    assert.match(pie.err, /ValidationError: Invalid bootloader input: tasks\[0\]\.path: Cannot read the Cairo PIE .*missing\.zip/);
    const broken = cairn(realworldProgram('pu_simple_bootloader'), writeInput('broken', { tasks: [{ type: 'RunProgramTask', program: { data: [] } }], single_page: true }));
    assert.equal(broken.code, 1);
    assert.match(broken.err, /ValidationError: Invalid bootloader input: tasks\[0\]\.program: /);
  });
});

test('every hint of the six bootloaders has a TypeScript implementation', () => {
  const ids = ['pu_simple_bootloader', 'pu_bootloader', 'pu_applicative_bootloader', 'pu_simple_bootloader_0131', 'ms_bootloader_0131', 'sc_bootloader_0131'];
  for (const id of ids) {
    const hints = Object.values(JSON.parse(readFileSync(realworldProgram(id), 'utf8')).hints as Record<string, { code: string }[]>).flat();
    assert.ok(hints.length >= 20, id);
    assert.deepEqual(hints.filter((h) => findHint(h.code) === undefined).map((h) => h.code), [], id);
  }
});

describe('a builtin the layout lacks, simulated for a task', () => {
  test('ec_op: a new segment whose output cells the ec_op rule deduces (3*G + 1*(4*G) = 7*G)', () => {
    const bench = new HintBench();
    bench.felt('new_ec_op_ptr');
    bench.run(SIMULATE_EC_OP);
    const ptr = bench.get('new_ec_op_ptr');
    assert.ok(ptr instanceof Relocatable && ptr.offset === 0);
    // 3*G, 4*G and 7*G as cairo-lang's ec_add / ec_double give them.
    const g3 = [0x411494b501a98abd8262b0da1351e17899a0c4ef23dd2f96fec5ba847310b20n, 0x7e1b3ebac08924d2c26f409549191fcf94f3bf6f301ed3553e22dfb802f0686n];
    const g4 = [0xa7da05a4d664859ccd6e567b935cdfbfe3018c7771cb980892ef38878ae9bcn, 0x584b0c2bc833a4c88d62b387e0ef868cae2eaaa288f4ca7b34c84b46ca031b6n];
    const g7 = [0x743829e0a179f8afe223fc8112dfc8d024ab6b235fd42283c4f5970259ce7b7n, 0xe67a0a63cc493225e45b9178a3375596ea2a1d7012628a328dbc14c78cd1b7n];
    bench.mem.load(ptr, [...g3, ...g4, 1n].map(F.toFelt));
    assert.deepEqual([5, 6].map((i) => F.big(bench.mem.read(ptr.segment, i) as F.Felt)), g7);
  });
});

/** hash_felts(data=[], length=0): the Pedersen chain of the empty list with its length (0). */
function hashFeltsOfEmptyList(): bigint {
  return F.big(pedersenHash(0, 0));
}

function aggregatorConstant(programFile: string): bigint {
  const ids = readJson(programFile).identifiers as Record<string, { type: string; value?: number | bigint }>;
  const c = Object.entries(ids).find(([k, v]) => k.endsWith('.AGGREGATOR_CONSTANT') && v.type === 'const');
  assert.ok(c, 'AGGREGATOR_CONSTANT');
  return ((BigInt(c[1].value!) % P) + P) % P;
}
