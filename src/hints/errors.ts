// Errors raised inside hint implementations, shaped like the Python exception the reference
// hint would raise (its type name and message), so reports read the same.
export class HintError extends Error {
  constructor(
    /** The Python exception type the reference raises (AssertionError, ValueError, ...). */
    readonly pyType: string,
    message: string,
    /** The hint's source line that raises, when known: places the error inside the hint. */
    readonly codeLine?: string,
  ) {
    super(message);
    this.name = 'HintError';
  }
}

/** Python's `assert cond, message`. */
export function hintAssert(cond: unknown, message = '', codeLine?: string): asserts cond {
  if (!cond) throw new HintError('AssertionError', message, codeLine);
}
