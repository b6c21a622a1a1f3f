// Step hooks (as lambdaclass cairo-vm's vm/hooks.rs): code run around every step by whoever needs
// to watch a run, such as a debugger recording which step wrote which cell or stopping at a pc.
// The VM keeps no debugger state of its own: with no hooks set, run() takes its plain loop and
// pays nothing for them; with hooks set it takes a separate loop that calls them.
// VM is the machine's type (vm.ts's VirtualMachine), a parameter so this file imports nothing.

export interface StepHooks<VM> {
  /**
   * Called before each step (before the hints at pc). Returning true stops the run before this
   * step, except at the first step of a run() call, which always runs (so a run can leave the pc
   * it stopped at).
   */
  beforeStep?(vm: VM): boolean | void;
  /** Called after each step (its instruction ran, or a hint skipped it; registers are updated). */
  afterStep?(vm: VM): void;
  /**
   * Hooks that can follow a run a compiled block at a time (a profiler) set afterBlock: run()
   * then keeps the block compiler on, calling beforeBlock before a block runs (the registers at
   * its first instruction) and afterBlock after it with its first pc and the steps it ran (a block
   * ends at its first jump, call or ret, so they all ran in one frame); the steps the interpreter
   * runs still get beforeStep and afterStep, and beforeStep may stop the run there.
   */
  beforeBlock?(vm: VM): void;
  afterBlock?(vm: VM, startPc: number, steps: number): void;
  /**
   * With block hooks: whether the block from startPc to lastPc (program segment) may run as one
   * (a debugger says no when a stop could fall inside it); when it says no, the instruction at
   * startPc runs as an interpreter step, with beforeStep and afterStep. Absent: every block runs.
   */
  blockMayRun?(vm: VM, startPc: number, lastPc: number): boolean;
}
