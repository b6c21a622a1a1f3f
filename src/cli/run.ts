// `cairn run`: cairo-run's flow and printing formats on Cairn's VM.
import { readFileSync, writeFileSync, openSync, closeSync, fstatSync } from 'node:fs';
import { CairoRunner } from '../runner/cairo-runner';
import { launch, Launch } from '../runner/launch';
import { writeTrace, writeMemory } from '../runner/relocate';
import { writeOutputFile, writeOutputPieces } from '../runner/fs-errors';
import { airPublicInput, airPrivateInput } from '../runner/air-input';
import { cairoPie } from '../runner/pie';
import { readCairoPie, PieInput, PieError, PieFormatError } from '../runner/pie-input';
import { pieMismatch } from '../runner/pie-compare';
import { debugInfoFile } from '../runner/debug-info-file';
import { usedAndAllocated } from '../runner/proof-checks';
import { dynamicLayout, LayoutParamsError, Layout } from '../runner/layouts';
import { parsePreciseJson } from '../runner/precise-json';
import { fsErrorText } from '../runner/fs-errors';
import { VmException } from '../vm/vm';
import { VmError, ProgramError } from '../vm/errors';
import { toSigned } from '../vm/felt';
import { Value, Relocatable } from '../vm/relocatable';
import { RunArgs, UsageError } from './args';
import { internalErrorText } from './internal-error';
import { runExecutable } from './run-executable';
import { Cairo1ExecutableError } from '../runner/load-program';
import { attachProfiler } from '../debug/profile/attach';
import { pprofFile } from '../debug/profile/pprof';
import type { RunProfile } from '../debug/profile/collector';
import type { Program } from '../vm/program';

import type { Io } from './io';
export type { Io };

function show(v: Value): string {
  return typeof v === 'object' ? v.toString() : toSigned(v).toString();
}

/**
 * cairo-run's argparse opens its input files (FileType('r')) while it parses, so one that cannot
 * be opened ends the run at once with exit code 2, before any other check.
 */
function openInputFiles(args: RunArgs): void {
  const inputs: [string, string | undefined][] = [
    ['--program', args.program], ['--program_input', args.programInput],
    ['--run_from_cairo_pie', args.runFromCairoPie], ['--cairo_layout_params_file', args.layoutParamsFile],
  ];
  for (const [flag, path] of inputs) {
    if (path === undefined) continue;
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    } catch (e) {
      throw new ArgumentFileError(`argument ${flag}: can't open '${path}': ${fsErrorText(e)}`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** An input file argparse could not open (exit code 2, as cairo-run's). */
export class ArgumentFileError extends UsageError {}

/**
 * cairo-run's own checks of its flags: asserts in its main(), outside the handler that prints
 * `Error: ...`, so the AssertionError escapes as a Python traceback (Cairn prints its last line).
 */
function checkFlags(args: RunArgs): void {
  const fail = (m: string) => { throw new PieCheckError(`AssertionError: ${m}`); };
  if ((args.program !== undefined) === (args.runFromCairoPie !== undefined)) fail('Exactly one of --program, --run_from_cairo_pie must be specified.');
  if (args.proofMode && args.runFromCairoPie !== undefined) fail('--proof_mode cannot be used with --run_from_cairo_pie.');
  if (args.steps && args.minSteps) fail('--steps and --min_steps cannot be both specified.');
  if (args.cairoPieOutput !== undefined && args.noEnd) fail('--no_end and --cairo_pie_output cannot be both specified.');
  if (args.cairoPieOutput !== undefined && args.proofMode) fail('--proof_mode and --cairo_pie_output cannot be both specified.');
  if (args.airPublicInput !== undefined && !args.proofMode) fail('--air_public_input can only be used in proof_mode.');
  if (args.airPrivateInput !== undefined && !args.proofMode) fail('--air_private_input can only be used in proof_mode.');
  if (args.layout === 'dynamic' && args.layoutParamsFile === undefined) fail('--layout dynamic needs --cairo_layout_params_file.');
  if (args.mergeExtraSegments && args.cairoPieOutput === undefined) fail('--merge_extra_segments is applicable only when --cairo_pie_output is specified.');
  // What Cairn cannot do yet: one line each, before anything runs.
  const unsupported: [unknown, string][] = [
    [args.pythonDependencies, '--python_dependencies (the cairo-lang Python modules cairo-run is built from: Cairn is not)'],
  ];
  for (const [v, what] of unsupported) if (v !== undefined) throw new UsageError(`${what} is not supported by Cairn yet.`);
}

/**
 * cairo-run's argparse opens its output files (FileType('w')) before anything runs, so a run
 * that fails leaves them empty. A path that cannot be written is reported when the file is
 * written, after the printed output (a one-line error instead of argparse's usage message).
 */
function createOutputFiles(args: RunArgs): void {
  for (const path of [args.memoryFile, args.traceFile, args.airPublicInput, args.airPrivateInput, args.cairoPieOutput, args.debugInfoFile]) {
    if (path === undefined) continue;
    try {
      writeFileSync(path, '');
    } catch {
      // reported by writeOutputFile at the end of the run
    }
  }
}

/** --layout dynamic: the layout of a CairoLayoutParams JSON file, as cairo-run builds it. */
function layoutFromParams(path: string): Layout {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ArgumentFileError(`argument --cairo_layout_params_file: can't open '${path}': ${fsErrorText(e)}`);
  }
  let params: unknown;
  try {
    params = parsePreciseJson(text);
  } catch (e) {
    throw new PieCheckError(`json.decoder.JSONDecodeError: ${(e as Error).message} (in ${path})`);
  }
  try {
    return dynamicLayout(params);
  } catch (e) {
    // CairoLayoutParams(**params) raises a TypeError that cairo-run lets escape: its last line.
    if (e instanceof LayoutParamsError) throw new PieCheckError(e.message);
    if (e instanceof VmError && e.message === '') throw new FlagError('');
    throw e;
  }
}

/** A flag combination cairo-run refuses (an AssertionError there). */
class FlagError extends Error {}
/** An error cairo-run lets escape as a Python traceback (a bad PIE, bad layout params): its last line. */
class PieCheckError extends Error {}

/** Runs a program as cairo-run does; returns the process exit code. */
export function runCommand(args: RunArgs, io: Io, onProfile?: (program: Program, profile: RunProfile) => void): number {
  let run: Launch | undefined;
  let text = '';
  try {
    openInputFiles(args);
    checkFlags(args);
    createOutputFiles(args);
    const secureRun = args.secureRun ?? !args.proofMode;
    let pie: PieInput | undefined;
    if (args.runFromCairoPie !== undefined) {
      if (args.steps !== undefined || args.minSteps !== undefined) throw new FlagError('--steps and --min_steps cannot be specified in --run_from_cairo_pie mode.');
      try {
        pie = readCairoPie(args.runFromCairoPie);
      } catch (e) {
        if (e instanceof PieFormatError) throw new FlagError(e.message);
        // cairo-run lets this CairoRunError escape (a Python traceback): its last line.
        if (e instanceof PieError) throw new PieCheckError(`starkware.cairo.lang.vm.cairo_run.CairoRunError: Security check for the CairoPIE input failed: ${e.message}`);
        throw e;
      }
      args = { ...args, steps: pie.resources.n_steps };
    }
    const launched = launchOrExecutable(() => launch({
      program: pie?.program ?? args.program!,
      pie,
      programInput: args.programInput,
      layout: args.layout === 'dynamic' ? layoutFromParams(args.layoutParamsFile!) : args.layout,
      // a PIE counts memory holes from the trace (and a PIE run's secure run makes one)
      trace: args.traceFile !== undefined || args.cairoPieOutput !== undefined || (pie !== undefined && secureRun),
      entrypoint: args.entrypoint,
      sourceRoots: args.cairoPath,
      python: { enabled: !args.noPythonHints, python: args.python, print: (t) => io.out(t) },
      proofMode: args.proofMode,
      allowMissingBuiltins: args.allowMissingBuiltins,
    }));
    // A Cairo 1 executable runs as `cairn execute` runs it.
    if (typeof launched === 'string') return runExecutable(args, launched, io, onProfile);
    run = launched;
    if (args.arguments !== undefined || args.argumentsFile !== undefined) {
      throw new UsageError(`--arguments${args.arguments === undefined ? '_file' : ''} is for a Cairo 1 executable; a Cairo 0 program reads its input from --program_input.`);
    }
    const runner = run.runner;
    const profiler = args.profileOutput !== undefined || onProfile !== undefined ? attachProfiler(runner) : undefined;
    let code = 0;
    try {
      if (args.noEnd) {
        if (args.steps === undefined) throw new FlagError('--steps must be specified when running with --no-end.');
      } else {
        runner.runToEnd(args.steps, args.maxSteps);
      }
      if (args.minSteps) runner.runUntilSteps(args.minSteps);
      if (args.steps !== undefined) runner.runUntilSteps(args.steps);
      runner.endRun(args.steps !== undefined);
      text = runner.warnings.map((w) => `${w}\n`).join('') + text;
    } catch (e) {
      text = runner.warnings.map((w) => `${w}\n`).join('') + text;
      if (!args.debugError || !(e instanceof VmException || e instanceof FlagError || e instanceof VmError)) throw e;
      text += `Got an error:\n${describeError(e, run, true)}\n`;
      code = 1;
    }
    if (!args.noEnd) runner.readReturnValues();
    if (!args.noEnd && args.proofMode) runner.finalizeSegments();
    if (secureRun) runner.verifySecure();
    if (secureRun && pie !== undefined) {
      const mismatch = pieMismatch(pie, cairoPie(runner, { secureRun, mergeExtraSegments: false }));
      if (mismatch !== undefined) throw new FlagError(mismatch);
    }
    if (args.cairoPieOutput !== undefined) {
      writeOutputFile(args.cairoPieOutput, cairoPie(runner, { secureRun, mergeExtraSegments: args.mergeExtraSegments }), 'Cairo PIE');
    }
    const offsets = runner.relocate();
    const vm = runner.vm;
    if (args.printMemory) text += memoryListing(runner, args.relocatePrints);
    if (args.printOutput) {
      const out = runner.output();
      if (out !== undefined) {
        text += 'Program output:\n';
        for (const v of out) text += v === undefined ? '  <missing>\n' : `  ${show(v)}\n`;
        text += '\n';
      }
    }
    if (args.printInfo) {
      const reg = (v: Value) => (args.relocatePrints ? String(runner!.relocateValue(v)) : show(v));
      const original = runner.originalSteps === undefined ? '' : `(originally, ${runner.originalSteps})`;
      text += `Number of steps: ${vm.currentStep} ${original}\nUsed memory cells: ${runner.mem.size}\nRegister values after execution:\n`;
      text += `pc = ${reg(vm.pcValue())}\nap = ${reg(vm.apValue())}\nfp = ${reg(vm.fpValue())}\n\n`;
      if (args.proofMode && !args.noEnd) text += builtinUsage(runner) + '\n';
    }
    if (args.printSegments) {
      text += 'Segment relocation table:\n';
      offsets.forEach((o, i) => (text += `${String(i).padEnd(5)} ${o}\n`));
    }
    io.out(text);
    if (args.traceFile !== undefined) writeOutputPieces(args.traceFile, (sink) => writeTrace(vm.trace!, offsets, sink), 'trace file');
    if (args.memoryFile !== undefined) writeOutputPieces(args.memoryFile, (sink) => writeMemory(runner.mem, offsets, sink), 'memory file');
    if (args.airPublicInput !== undefined) writeOutputFile(args.airPublicInput, airPublicInput(runner, args.layout), 'AIR public input');
    if (args.airPrivateInput !== undefined) {
      if (args.traceFile === undefined) throw new FlagError('--trace_file must be set when --air_private_input is set.');
      if (args.memoryFile === undefined) throw new FlagError('--memory_file must be set when --air_private_input is set.');
      writeOutputFile(args.airPrivateInput, airPrivateInput(runner, args.traceFile, args.memoryFile), 'AIR private input');
    }
    if (args.debugInfoFile !== undefined) writeOutputFile(args.debugInfoFile, debugInfoFile(runner), 'debug info file');
    if (profiler !== undefined && onProfile !== undefined) onProfile(run.program, profiler.result());
    if (profiler !== undefined && args.profileOutput !== undefined) writeOutputFile(args.profileOutput, pprofFile(run.program, profiler.result(), { programBase: offsets[runner.programBase.segment] }), 'profile');
    return code;
  } catch (e) {
    if (text !== '') io.out(text);
    io.err(describeError(e, run) + '\n');
    return e instanceof ArgumentFileError ? 2 : 1;
  }
}

/** The launch, or the path of the program file when it is a Cairo 1 executable. */
function launchOrExecutable(start: () => Launch): Launch | string {
  try {
    return start();
  } catch (e) {
    if (e instanceof Cairo1ExecutableError) return e.path;
    throw e;
  }
}

/** The builtin usage table proof mode adds to --print_info. */
function builtinUsage(runner: CairoRunner): string {
  if (runner.builtins.length === 0) return '';
  let text = '\nBuiltin usage:\n';
  for (const b of runner.builtins) {
    const [used, size] = usedAndAllocated(runner, b);
    const pct = size > 0 ? `${pythonFixed2((used / size) * 100)}%` : '100%';
    text += `${`${b.name}_builtin`.padEnd(30)} ${pct.padStart(7)} (used ${used} cells)\n`;
  }
  return text;
}

/** Python's f'{x:.2f}': like toFixed(2), but an exact tie rounds to even. */
function pythonFixed2(x: number): string {
  const scaled = x * 100;
  if (Number.isInteger(scaled * 2) && !Number.isInteger(scaled)) {
    const lo = Math.floor(scaled);
    return ((lo % 2 === 0 ? lo : lo + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}

/** cairo-run's --print_memory: cells by address, `⋮` before each gap. */
function memoryListing(runner: CairoRunner, relocated: boolean): string {
  const mem = runner.mem;
  const cells: [number, number][] = [];
  mem.forEachWritten((seg, off) => cells.push([seg, off]));
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let text = 'Addr  Value\n-----------\n';
  let prev: [number, number] | undefined;
  for (const [seg, off] of cells) {
    const addr = relocated ? (runner.relocateValue(new Relocatable(seg, off)) as number) : 0;
    const contiguous = prev !== undefined && (relocated ? addr === prev[1] + 1 : seg === prev[0] && off === prev[1] + 1);
    if (!contiguous) text += '\u22ee\n';
    const v = mem.get(seg, off)!;
    const shown = relocated && typeof v === 'object' ? String(runner.relocateValue(v)) : show(v);
    text += `${(relocated ? String(addr) : `${seg}:${off}`).padEnd(5)} ${shown}\n`;
    prev = relocated ? [0, addr] : [seg, off];
  }
  return text + '\n';
}

export function describeError(e: unknown, run: Launch | undefined, bare = false): string {
  if (e instanceof VmException && run !== undefined) return run.report(e);
  if (e instanceof FlagError) return bare ? e.message : `Error: ${e.message}`;
  if (e instanceof UsageError) return `cairn run: error: ${e.message}`;
  if (e instanceof PieCheckError) return e.message;
  // cairo-run lets a SecurityError escape (a Python traceback of its own internals): its last line.
  if (e instanceof VmError && e.kind === 'Security') return `starkware.cairo.lang.vm.vm_exceptions.SecurityError: ${e.message}`;
  if (e instanceof ProgramError || e instanceof VmError) return `Error: ${e.message}`;
  if (e instanceof RangeError && /Invalid array length|Maximum call stack/.test(e.message)) return `Error: the run exhausted Cairn's resources (${e.message}).`;
  return internalErrorText(e);
}
