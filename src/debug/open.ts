// Which run a launch asks for, behind the one front: a finished run (traceFile and memoryFile),
// a live Cairo 1 executable, or a live Cairo 0 program. Another kind of run is one more branch here.
import { DebugFront, FrontEvents } from './front';
import { LiveRun, LaunchError } from './live-run';
import { PostMortemRun, isPostMortem } from './post-mortem/post-mortem-run';
import { RecordingError } from './post-mortem/files';
import { Cairo1Run, Cairo1LaunchOptions, isCairo1 } from './cairo1/cairo1-run';

export interface FrontLaunch extends Cairo1LaunchOptions {
  /** Stop before the first step instead of running to the first breakpoint. */
  stopOnEntry?: boolean;
  /** With memoryFile: debug this finished run (cairo-run's --trace_file) instead of running the program. */
  traceFile?: string;
  memoryFile?: string;
}

/** A launch that cannot open: its message is one line saying what to fix. */
export class OpenError extends Error {}

export function openFront(args: FrontLaunch, events: FrontEvents): DebugFront {
  try {
    if (isPostMortem(args)) return new PostMortemRun(args as FrontLaunch & { traceFile: string; memoryFile: string }, events);
    return isCairo1(args) ? new Cairo1Run(args, events) : new LiveRun(args, events);
  } catch (e) {
    // The launch's own errors say what to fix; anything else is named as a launch failure.
    throw new OpenError(e instanceof LaunchError || e instanceof RecordingError ? e.message : `Cannot launch: ${(e as Error).message}`);
  }
}
