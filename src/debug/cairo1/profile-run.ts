// The debugger's profile of a Cairo 1 executable: a fresh run of the session's launch arguments
// (as Cairo1Run launches it) with the profiler on its VM, named by Sierra function (profile-program.ts).
import { launchExecutable } from '../../runner/cairo1/launch';
import { loadExecutableFile } from '../../runner/cairo1/executable';
import { parseArgumentList, parseArgumentsFile } from '../../runner/cairo1/args';
import type { Arg } from '../../hints/cairo1/hint';
import { attachProfiler } from '../profile/attach';
import { flameData, FlameData } from '../profile/flame';
import { defaultDebugFile, Cairo1LaunchOptions } from './cairo1-run';
import { executableProfileProgram } from './profile-program';

export function profileExecutableRun(options: Cairo1LaunchOptions): FlameData {
  const path = options.program as string;
  const exe = loadExecutableFile(path);
  const debugFile = typeof options.debugInfo === 'string' && options.debugInfo !== '' ? options.debugInfo : defaultDebugFile(path);
  const program = executableProfileProgram(exe, path, debugFile, typeof options.sourceRoot === 'string' ? options.sourceRoot : undefined);
  const run = launchExecutable({ executable: exe, args: launchArguments(options), layout: typeof options.layout === 'string' ? options.layout : 'all_cairo', print: () => undefined });
  const profiler = attachProfiler(run.runner);
  if (typeof options.steps === 'number' && options.steps > 0) run.runner.runToEnd(undefined, Math.floor(options.steps));
  else run.runner.runToEnd();
  run.finish();
  return flameData(program, profiler.result());
}

/** The launch's arguments (the session has checked them when it launched). */
function launchArguments(o: Cairo1LaunchOptions): Arg[] {
  if (typeof o.argumentsFile === 'string') return parseArgumentsFile(o.argumentsFile);
  if (typeof o.arguments === 'string') return parseArgumentList(o.arguments);
  if (Array.isArray(o.arguments)) return parseArgumentList(o.arguments.join(','));
  return [];
}
