// Where a command writes: the process's streams, or a test's buffers.
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
