// `cairn run`: cairo-run's flow and printing formats on Cairn's VM.
import { CairoRunner } from '../runner/cairo-runner';
import { launch, Launch } from '../runner/launch';
import { traceBytes, memoryBytes } from '../runner/relocate';
import { writeOutputFile } from '../runner/fs-errors';
import { VmException } from '../vm/vm';
import { VmError, ProgramError } from '../vm/errors';
import { toSigned } from '../vm/felt';
import { Value, Relocatable } from '../vm/relocatable';
import { RunArgs, UsageError } from './args';
import { internalErrorText } from './internal-error';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

function show(v: Value): string {
  return typeof v === 'object' ? v.toString() : toSigned(v).toString();
}

/** Runs a program as cairo-run does; returns the process exit code. */
export function runCommand(args: RunArgs, io: Io): number {
  let run: Launch | undefined;
  try {
    if (args.proofMode) throw new UsageError('--proof_mode is not supported by Cairn yet.');
    run = launch({
      program: args.program!,
      programInput: args.programInput,
      layout: args.layout,
      trace: args.traceFile !== undefined,
      entrypoint: args.entrypoint,
      sourceRoots: args.cairoPath,
      python: { enabled: !args.noPythonHints, python: args.python, print: (t) => io.out(t) },
    });
    const runner = run.runner;
    runner.runToEnd(args.steps, args.maxSteps);
    if (args.minSteps !== undefined && runner.vm.currentStep < args.minSteps) {
      // cairo-run steps on past main's return, which fails at once outside proof mode.
      throw runner.vm.wrap(new VmError('EndOfProgram', 'Error: Execution reached the end of the program.'), undefined);
    }
    const offsets = run.finish({ secureRun: args.secureRun });
    const vm = runner.vm;
    let text = '';
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
      text += `Number of steps: ${vm.currentStep} \nUsed memory cells: ${runner.mem.size}\nRegister values after execution:\n`;
      text += `pc = ${reg(vm.pcValue())}\nap = ${reg(vm.apValue())}\nfp = ${reg(vm.fpValue())}\n\n`;
    }
    if (args.printSegments) {
      text += 'Segment relocation table:\n';
      offsets.forEach((o, i) => (text += `${String(i).padEnd(5)} ${o}\n`));
    }
    io.out(text);
    if (args.traceFile !== undefined) writeOutputFile(args.traceFile, traceBytes(vm.trace!, offsets), 'trace file');
    if (args.memoryFile !== undefined) writeOutputFile(args.memoryFile, memoryBytes(runner.mem, offsets), 'memory file');
    return 0;
  } catch (e) {
    io.err(describeError(e, run) + '\n');
    return 1;
  }
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

export function describeError(e: unknown, run: Launch | undefined): string {
  if (e instanceof VmException && run !== undefined) return run.report(e);
  if (e instanceof UsageError) return `cairn run: error: ${e.message}`;
  if (e instanceof ProgramError || e instanceof VmError) return `Error: ${e.message}`;
  if (e instanceof RangeError && /Invalid array length|Maximum call stack/.test(e.message)) return `Error: the run exhausted Cairn's resources (${e.message}).`;
  return internalErrorText(e);
}
