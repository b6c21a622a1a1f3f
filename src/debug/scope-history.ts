// The hints' exec scopes as they were at a past step. Scopes change only when hints run, so a
// copy of the scope stack is kept after each step that ran hints: the scopes at step k are the
// copy made by the last such step before k. Copies are shallow: a scope's own values (ints,
// addresses, small lists) are as they were; an object a hint keeps and changes in place (a dict
// manager) shows its current content.
import { Scope } from '../vm/vm';

/** Lists up to this length are copied; longer ones are shared (copying them at every hint would be quadratic). */
const SMALL_LIST = 64;

interface Copy {
  /** The first step these scopes hold for. */
  from: number;
  scopes: Scope[];
}

function copy(scopes: readonly Scope[]): Scope[] {
  return scopes.map((s) => new Map([...s].map(([k, v]) => [k, Array.isArray(v) && v.length <= SMALL_LIST ? v.slice() : v])));
}

export class ScopeHistory {
  private readonly copies: Copy[];

  constructor(initial: readonly Scope[]) {
    this.copies = [{ from: 0, scopes: copy(initial) }];
  }

  /** After a step that ran hints: the scopes from step `from` on. */
  note(from: number, scopes: readonly Scope[]): void {
    const last = this.copies[this.copies.length - 1];
    if (last.from === from) last.scopes = copy(scopes);
    else this.copies.push({ from, scopes: copy(scopes) });
  }

  /** The scopes at a recorded step. */
  at(step: number): Scope[] {
    let lo = 0;
    let hi = this.copies.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.copies[mid].from <= step) lo = mid;
      else hi = mid - 1;
    }
    return this.copies[lo].scopes;
  }
}
