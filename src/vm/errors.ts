// Typed errors. Every failure the VM can meet is a VmError with a kind, so callers
// (CLI, debugger) can tell a user error from a bug and never print a JS stack trace.

export type VmErrorKind =
  | 'InvalidInstruction'
  | 'UnknownMemory'
  | 'InconsistentMemory'
  | 'InvalidMemoryValue'
  | 'InvalidAddress'
  | 'OffsetOverflow'
  | 'AssertEq'
  | 'CallFailed'
  | 'PureValue'
  | 'Unconstrained'
  | 'DivisionByZero'
  | 'Builtin'
  | 'Security'
  | 'AutoDeduction'
  | 'UnknownHint'
  | 'Hint'
  | 'EndOfProgram'
  | 'StepLimit'
  | 'Program'
  | 'Layout'
  | 'Scope'
  | 'Interrupted';

export class VmError extends Error {
  constructor(
    readonly kind: VmErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'VmError';
  }
}

/** A program file that cannot be loaded (bad JSON, missing fields, odd hex). */
export class ProgramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgramError';
  }
}
