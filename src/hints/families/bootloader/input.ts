// The bootloaders' program input, read as their hints read it (SimpleBootloaderInput,
// BootloaderInput, ApplicativeBootloaderInput): the tasks, each a program with its own input and
// hash function, the bootloader config and the packed outputs. Bad input is a ValidationError
// that names the field, as the schemas' load() raises.
import { Program, parseProgram } from '../../../vm/program';
import { ProgramError } from '../../../vm/errors';
import { PieInput, readCairoPie } from '../../../runner/pie-input';
import { HintError } from '../../errors';

/** The program hash functions (cairo-lang's HashFunction). */
export enum HashFunction { PEDERSEN = 0, POSEIDON = 1, BLAKE = 2 }

/** A RunProgramTask: the task's program, with its debug_info, and the input its hints read. */
export interface ProgramTask {
  readonly type: 'RunProgramTask';
  readonly program: Program;
  /** The program's JSON text (the Python hint bridge loads it for the task's own hints). */
  readonly programJson: string;
  readonly programInput: Record<string, unknown>;
  readonly usePoseidon: boolean;
  readonly programHashFunction: HashFunction;
  /** How the debugger's Hint scopes pane shows it (a Program is too big to show whole). */
  describe(): string;
}

/** A CairoPiePath task: a run recorded as a Cairo PIE, its memory loaded and its program run again. */
export interface PieTask {
  readonly type: 'CairoPiePath';
  /** The PIE's stripped program (data, builtins, main). */
  readonly program: Program;
  readonly pie: PieInput;
  readonly usePoseidon: boolean;
  readonly programHashFunction: HashFunction;
  describe(): string;
}

export type Task = ProgramTask | PieTask;

export interface SimpleBootloaderInput {
  readonly tasks: Task[];
  readonly factTopologiesPath: string | undefined;
  readonly singlePage: boolean;
}

export type PackedOutput =
  | { readonly type: 'PlainPackedOutput' }
  | { readonly type: 'CompositePackedOutput'; readonly outputs: bigint[]; readonly subtasks: PackedOutput[] };

/** Both forms of the config: cairo-lang 0.13's and the later one with the applicative hash. */
export interface BootloaderConfig {
  readonly raw: Record<string, unknown>;
}

export interface BootloaderInput extends SimpleBootloaderInput {
  readonly bootloaderConfig: BootloaderConfig;
  readonly packedOutputs: PackedOutput[];
}

export interface ApplicativeBootloaderInput extends BootloaderInput {
  readonly aggregatorTask: Task;
}

type Json = Record<string, unknown>;

function invalid(field: string, why: string): HintError {
  return new HintError('ValidationError', `Invalid bootloader input: ${field}: ${why}`);
}

function object(v: unknown, field: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(field, 'expected an object.');
  return v as Json;
}

function list(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw invalid(field, 'expected a list.');
  return v;
}

/** A Python int as JSON holds it: a number, a bigint (precise parse) or a decimal / hex string. */
export function intField(v: unknown, field: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^(-?\d+|0x[0-9a-fA-F]+)$/.test(v)) return BigInt(v);
  throw invalid(field, `expected an integer, got ${JSON.stringify(String(v))}.`);
}

function bool(v: unknown, field: string, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw invalid(field, 'expected a boolean.');
  return v;
}

/** JSON text of a parsed input value, integers past 2^53 (bigints) written with every digit. */
function toJsonText(v: unknown): string {
  const mark = '\u0000big:';
  const text = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? mark + x.toString() : x));
  return text.replace(new RegExp(`"${mark}(-?\\d+)"`, 'g'), '$1');
}

function hashFunction(v: unknown, usePoseidon: boolean, field: string): HashFunction {
  if (v === undefined) return usePoseidon ? HashFunction.POSEIDON : HashFunction.PEDERSEN;
  if (typeof v === 'string') {
    const named = (HashFunction as unknown as Record<string, number>)[v.toUpperCase()];
    if (named !== undefined) return named;
  }
  const n = typeof v === 'number' || typeof v === 'bigint' ? Number(v) : NaN;
  if (n === 0 || n === 1 || n === 2) return n;
  throw invalid(field, `expected pedersen, poseidon or blake (0, 1 or 2), got ${JSON.stringify(String(v))}.`);
}

function task(v: unknown, field: string): Task {
  const j = object(v, field);
  if (j.type === 'CairoPiePath') return pieTask(j, field);
  if (j.type !== 'RunProgramTask') {
    const what = typeof j.type === 'string' ? `a ${j.type}` : 'a task with no type';
    throw invalid(`${field}.type`, `${what}: Cairn runs tasks of type RunProgramTask (a program in the input) and CairoPiePath (a Cairo PIE file).`);
  }
  let program: Program;
  const programJson = toJsonText(object(j.program, `${field}.program`));
  try {
    program = parseProgram(programJson);
  } catch (e) {
    if (e instanceof ProgramError) throw invalid(`${field}.program`, e.message);
    throw e;
  }
  const usePoseidon = bool(j.use_poseidon, `${field}.use_poseidon`, false);
  const programInput = j.program_input === undefined || j.program_input === null ? {} : object(j.program_input, `${field}.program_input`);
  const programHashFunction = hashFunction(j.program_hash_function, usePoseidon, `${field}.program_hash_function`);
  const shown = `RunProgramTask(program=<Program: ${program.data.length} words, builtins [${program.builtins.join(', ')}]>, ` +
    `use_poseidon=${usePoseidon ? 'True' : 'False'}, program_hash_function=${HashFunction[programHashFunction]})`;
  return { type: 'RunProgramTask', program, programJson, programInput, usePoseidon, programHashFunction, describe: () => shown };
}

function pieTask(j: Json, field: string): PieTask {
  if (typeof j.path !== 'string') throw invalid(`${field}.path`, 'expected the path of a Cairo PIE file.');
  let pie: PieInput;
  try {
    pie = readCairoPie(j.path);
  } catch (e) {
    throw invalid(`${field}.path`, (e as Error).message);
  }
  const usePoseidon = bool(j.use_poseidon, `${field}.use_poseidon`, false);
  const programHashFunction = hashFunction(j.program_hash_function, usePoseidon, `${field}.program_hash_function`);
  const shown = `CairoPieTask(path=${JSON.stringify(j.path)}, program=<${pie.program.data.length} words, builtins [${pie.program.builtins.join(', ')}]>, ` +
    `n_steps=${pie.resources.n_steps}, program_hash_function=${HashFunction[programHashFunction]})`;
  return { type: 'CairoPiePath', program: pie.program, pie, usePoseidon, programHashFunction, describe: () => shown };
}

function simple(j: Json, field: string): SimpleBootloaderInput {
  const path = j.fact_topologies_path;
  if (path !== undefined && path !== null && typeof path !== 'string') throw invalid(`${field}fact_topologies_path`, 'expected a path or null.');
  return {
    tasks: list(j.tasks, `${field}tasks`).map((t, i) => task(t, `${field}tasks[${i}]`)),
    factTopologiesPath: typeof path === 'string' ? path : undefined,
    singlePage: bool(j.single_page, `${field}single_page`, false),
  };
}

function packedOutput(v: unknown, field: string): PackedOutput {
  const j = object(v, field);
  if (j.type === 'PlainPackedOutput') return { type: 'PlainPackedOutput' };
  if (j.type === 'CompositePackedOutput') {
    return {
      type: 'CompositePackedOutput',
      outputs: list(j.outputs, `${field}.outputs`).map((x, i) => intField(x, `${field}.outputs[${i}]`)),
      subtasks: list(j.subtasks, `${field}.subtasks`).map((x, i) => packedOutput(x, `${field}.subtasks[${i}]`)),
    };
  }
  throw invalid(`${field}.type`, `expected PlainPackedOutput or CompositePackedOutput, got ${JSON.stringify(String(j.type))}.`);
}

function full(j: Json, field: string): BootloaderInput {
  return {
    ...simple(j, field),
    bootloaderConfig: { raw: object(j.bootloader_config, `${field}bootloader_config`) },
    packedOutputs: list(j.packed_outputs, `${field}packed_outputs`).map((p, i) => packedOutput(p, `${field}packed_outputs[${i}]`)),
  };
}

export function parseSimpleBootloaderInput(programInput: unknown): SimpleBootloaderInput {
  return simple(object(programInput, 'program_input'), '');
}

export function parseBootloaderInput(programInput: unknown): BootloaderInput {
  return full(object(programInput, 'program_input'), '');
}

/** The applicative bootloader's input: the tasks and config of a BootloaderInput, flat or nested. */
export function parseApplicativeInput(programInput: unknown): ApplicativeBootloaderInput {
  const j = object(programInput, 'program_input');
  const inner = j.bootloader_input === undefined ? full(j, '') : full(object(j.bootloader_input, 'bootloader_input'), 'bootloader_input.');
  const path = j.fact_topologies_path;
  return {
    ...inner,
    factTopologiesPath: typeof path === 'string' ? path : undefined,
    aggregatorTask: task(j.aggregator_task, 'aggregator_task'),
  };
}

/** A config field as an int or a list of ints; a missing one names the field this bootloader reads. */
export function configInt(config: BootloaderConfig, name: string): bigint {
  if (!(name in config.raw)) throw missingConfig(config, name);
  return intField(config.raw[name], `bootloader_config.${name}`);
}

export function configInts(config: BootloaderConfig, name: string): bigint[] {
  if (!(name in config.raw)) throw missingConfig(config, name);
  return list(config.raw[name], `bootloader_config.${name}`).map((x, i) => intField(x, `bootloader_config.${name}[${i}]`));
}

function missingConfig(config: BootloaderConfig, name: string): HintError {
  const has = Object.keys(config.raw).join(', ') || 'nothing';
  return invalid(`bootloader_config.${name}`, `missing: this bootloader reads ${name}; the input's config has ${has}.`);
}
