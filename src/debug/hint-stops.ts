// Stops before a hint: a step whose pc has hints stops before they run, and when the stop came
// from "step in", from a breakpoint on the hint's own lines or from a failing hint, the top frame
// shows the hint's `%{ %}` rather than the statement its instruction belongs to. This remembers
// which step (and which hint of it) is shown that way.
export class HintStops {
  private shown: { step: number; index: number } | undefined;

  /** The step `step` is shown at its `index`-th hint. */
  mark(step: number, index = 0): void {
    this.shown = { step, index };
  }

  clear(): void {
    this.shown = undefined;
  }

  /** The hint shown at this step, if the stop there is at a hint. */
  at(step: number): number | undefined {
    return this.shown !== undefined && this.shown.step === step ? this.shown.index : undefined;
  }
}
