// The run-control part of the front: a cursor over a timeline that moves forward through
// recorded steps, on past them through a frontier (a live VM) and back again, stopping where
// breakpoints or the stepping goal say. Never re-runs anything to go back.
import { RunControl, FrontEvents, Granularity, StopReason, Failure } from './front';
import { Timeline } from './history';
import { Stepping, Goal } from './stepping';
import { BreakpointSetter } from './breakpoint-setter';

export type Outcome = { stop: StopReason; ids?: number[]; text?: string } | 'end' | 'failed' | 'cancelled';

/** The end of the recording, which may grow: a live VM. A finished trace has none. */
export interface Frontier {
  /** The VM error at the latest step, when the run failed there. */
  readonly failure: Failure | undefined;
  /** Runs on from the latest step toward a goal, keeping `control.cursor` at the latest step. */
  extend(goal: Goal, control: Cursor): Promise<Outcome>;
  /** The run is over: final checks and the summary; returns the exit code. */
  finish(): number;
}

/** What a frontier reads and moves while it runs. */
export interface Cursor {
  cursor: number;
  readonly pausing: boolean;
  readonly cancelled: boolean;
}

export class Controller implements RunControl, Cursor {
  /** The step being looked at: the latest step, or an earlier one after going back. */
  cursor = 0;
  pausing = false;
  cancelled = false;
  private busy = false;
  private over = false;
  /** The step where the run stopped at its end (stopAtEnd): going on from there ends the session. */
  private endStop: number | undefined;

  constructor(
    private readonly timeline: Timeline,
    private readonly stepping: Stepping,
    private readonly breakpoints: BreakpointSetter,
    private readonly frontier: Frontier | undefined,
    private readonly events: FrontEvents,
    /** Stop once at the end of the run, before the session ends, so its last state can be looked at and walked back. */
    private readonly stopAtEnd = false,
  ) {}

  get running(): boolean {
    return this.busy;
  }
  get ended(): boolean {
    return this.over;
  }
  get failure(): Failure | undefined {
    return this.frontier?.failure;
  }

  start(stopOnEntry: boolean): void {
    if (stopOnEntry) return this.events.stopped('entry', {});
    // The run loop checks breakpoints from its second step on (so a run can leave one): a
    // breakpoint on the entry instruction is judged here, before the first step.
    const hit = this.breakpoints.hitAt(0);
    if (hit) this.events.stopped(hit.reason, { breakpointIds: hit.ids });
    else void this.forward('continue');
  }

  continue(): Promise<void> {
    return this.forward('continue');
  }
  stepIn(g: Granularity = 'line'): Promise<void> {
    return this.forward(g === 'instruction' ? 'instruction' : 'in');
  }
  next(g: Granularity = 'line'): Promise<void> {
    return this.forward(g === 'instruction' ? 'instruction' : 'over');
  }
  stepOut(): Promise<void> {
    return this.forward('out');
  }

  pause(): void {
    if (this.busy) this.pausing = true;
  }

  dispose(): void {
    this.cancelled = true;
  }

  private idle(): void {
    if (this.busy) throw new Error('The program is running: pause it first.');
    if (this.over) throw new Error('The run has ended.');
  }

  private async forward(kind: Goal['kind']): Promise<void> {
    this.idle();
    this.busy = true;
    this.pausing = false;
    const from = this.cursor;
    let outcome: Outcome;
    try {
      const goal = this.stepping.goal(kind, this.cursor);
      // Past a VM error there is nothing to run: going on ends the session.
      if (this.failure !== undefined && this.cursor >= this.timeline.latest) outcome = 'end';
      else if (this.frontier === undefined && this.cursor >= this.timeline.latest) outcome = 'end';
      // A recording with no frontier stops at its last step, so it can be looked at and gone back over.
      else outcome = (await this.replay(goal)) ?? (this.frontier ? await this.frontier.extend(goal, this) : { stop: 'step', text: `The end of the recording (step ${this.timeline.latest}): continue again ends the session.` });
    } catch (e) {
      this.events.output(`Internal error in Cairn's debugger: ${e instanceof Error ? e.message : String(e)}\n`, 'stderr');
      outcome = 'end';
    } finally {
      this.busy = false;
    }
    this.report(outcome, from);
  }

  /** Forward through recorded steps; undefined when the cursor reaches the latest one. */
  private async replay(goal: Goal): Promise<Outcome | undefined> {
    const writers = this.breakpoints.watching ? this.breakpoints.writers() : undefined;
    let lastYield = Date.now();
    while (this.cursor < this.timeline.latest) {
      // A long replay lets the event loop in, so pause and disconnect are answered.
      if ((this.cursor & 0xfff) === 0 && Date.now() - lastYield > 20) {
        await new Promise<void>((r) => setImmediate(r));
        lastYield = Date.now();
        if (this.cancelled) return 'cancelled';
        if (this.pausing) return { stop: 'pause' };
      }
      this.cursor++;
      const wrote = writers?.get(this.cursor - 1);
      if (wrote) return { stop: 'data breakpoint', ids: wrote.ids, text: writtenText(wrote.cells, this.cursor - 1) };
      const hit = this.breakpoints.hitAt(this.cursor);
      if (hit) return { stop: hit.reason, ids: hit.ids };
      if (this.stepping.reached(goal, this.cursor)) return { stop: 'step' };
    }
    return this.failure !== undefined ? 'failed' : undefined;
  }

  private report(outcome: Outcome, from: number): void {
    if (outcome === 'cancelled') return;
    if (outcome === 'end') {
      if (!this.stopAtEnd || from === this.endStop || this.failure !== undefined) return this.end();
      this.endStop = this.cursor;
      return this.events.stopped('step', { text: `End of the run (step ${this.cursor}): step back to walk it back; continue ends the session.` });
    }
    if (outcome === 'failed') {
      if (this.breakpoints.exceptions) this.events.stopped('exception', { text: this.failure!.message });
      else this.end();
      return;
    }
    this.events.stopped(outcome.stop, { breakpointIds: outcome.ids, text: outcome.text });
  }

  private end(): void {
    if (this.over) return;
    this.over = true;
    this.events.ended(this.frontier ? this.frontier.finish() : 0);
  }

  stepBack(g: Granularity = 'line'): void {
    this.idle();
    if (this.cursor === 0) return this.events.stopped('step', { text: 'At the start of the run.' });
    this.cursor = g === 'instruction' ? this.cursor - 1 : this.stepping.lineBefore(this.cursor);
    this.events.stopped('step', {});
  }

  /** Moves the cursor to a recorded step (who wrote this): a stop there. */
  goTo(step: number, text: string): void {
    this.idle();
    if (!Number.isSafeInteger(step) || step < 0 || step > this.timeline.latest) throw new Error(`There is no step ${step} in the history (0 to ${this.timeline.latest}).`);
    this.cursor = step;
    this.events.stopped('step', { text });
  }

  reverseContinue(): void {
    this.idle();
    const active = this.breakpoints.table.active;
    const writers = this.breakpoints.watching ? this.breakpoints.writers() : undefined;
    for (let k = this.cursor - 1; k >= 0; k--) {
      const wrote = writers?.get(k);
      if (wrote) {
        this.cursor = k;
        return this.events.stopped('data breakpoint', { breakpointIds: wrote.ids, text: writtenText(wrote.cells, k) });
      }
      if (active[this.timeline.pcOffsetAt(k)] !== 1) continue;
      const hit = this.breakpoints.hitAt(k, true);
      if (hit) {
        this.cursor = k;
        return this.events.stopped(hit.reason, { breakpointIds: hit.ids });
      }
    }
    this.cursor = 0;
    this.events.stopped('entry', { text: 'Reached the start of the run.' });
  }
}

/** The stop description of a data breakpoint. */
export function writtenText(cells: string[], step: number): string {
  return `${cells.join(', ')} written by step ${step}`;
}
