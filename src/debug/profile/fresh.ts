// A profile for a debug session: a fresh run of the session's launch arguments with the profiler
// on its VM (the debugged run keeps its own hooks and history; this one runs to its end alone).
import { dirname } from 'node:path';
import { launch } from '../../runner/launch';
import { loadProgramFile } from '../../runner/load-program';
import { layoutsWith } from '../../runner/layouts';
import { compileSource, isCairoSource } from '../cairo-source';
import type { LaunchOptions } from '../live-run';
import { attachProfiler } from './attach';
import { isCairo1 } from '../cairo1/cairo1-run';
import { profileExecutableRun } from '../cairo1/profile-run';
import { flameData, FlameData } from './flame';

/** Runs `options` to the end (within its `steps` limit) and returns the run's flame data. */
export function profileFreshRun(options: LaunchOptions): FlameData {
  if (isCairo1(options)) return profileExecutableRun(options);
  const cairoPath = Array.isArray(options.cairoPath) ? options.cairoPath : [];
  const file = isCairoSource(options.program) ? compileSource(options.program, { compiler: options.cairoCompile, cairoPath }) : options.program;
  const program = loadProgramFile(file);
  const layout = typeof options.layout === 'string' ? options.layout : program.builtins.length === 0 ? 'plain' : (layoutsWith(program.builtins)[0]?.name ?? 'plain');
  const roots = [options.sourceRoot, ...cairoPath, dirname(file)].filter((r): r is string => typeof r === 'string' && r !== '');
  const run = launch({
    program,
    layout,
    entrypoint: typeof options.entrypoint === 'string' ? options.entrypoint : undefined,
    programInput: typeof options.programInput === 'string' && options.programInput !== '' ? options.programInput : undefined,
    python: { enabled: options.pythonHints !== false, python: typeof options.python === 'string' && options.python !== '' ? options.python : undefined, print: () => undefined },
    sourceRoots: roots,
  });
  const profiler = attachProfiler(run.runner);
  if (typeof options.steps === 'number' && options.steps > 0) run.runner.runToEnd(undefined, Math.floor(options.steps));
  else run.runner.runToEnd();
  run.runner.endRun(false);
  return flameData(program, profiler.result());
}
