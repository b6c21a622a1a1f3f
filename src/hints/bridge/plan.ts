// Which hints run in Python. Every hint with no TypeScript implementation does; so does every
// TypeScript hint that shares a scope variable with one of them (one writes a name the other
// reads), transitively: a Python object in the exec scope (a DictManager, an auth path list)
// then lives on one side only, built and used by cairo-lang's own code, and is never converted.
// Scope variables passed through vm_enter_scope's dict are plain data, converted both ways.

export interface PlanEntry<T> {
  item: T;
  /** Has a TypeScript implementation. */
  ts: boolean;
  /** Scope names it reads before binding them, and names it binds (cairn_bridge.scope_names). */
  reads: readonly string[];
  writes: readonly string[];
}

/** The names the Python side reads and writes so far (they grow as programs are loaded). */
export interface PythonNames {
  reads: Set<string>;
  writes: Set<string>;
}

export function planPython<T>(entries: readonly PlanEntry<T>[], names: PythonNames): Set<T> {
  const py = new Set<T>();
  const add = (e: PlanEntry<T>) => {
    py.add(e.item);
    for (const n of e.reads) names.reads.add(n);
    for (const n of e.writes) names.writes.add(n);
  };
  for (const e of entries) if (!e.ts) add(e);
  if (py.size === 0) return py;
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of entries) {
      if (py.has(e.item)) continue;
      if (e.reads.some((n) => names.writes.has(n)) || e.writes.some((n) => names.reads.has(n))) {
        add(e);
        changed = true;
      }
    }
  }
  return py;
}
