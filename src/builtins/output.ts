// The output builtin: a plain segment the program writes its public output to. Hints may split
// the output into pages (each its own page of public memory for the prover) and attach
// attributes; both go into the Cairo PIE's additional data, and the pages into the AIR public
// input (cairo-lang's OutputBuiltinRunner, whose checks and messages these are).
import { BuiltinRunner } from './builtin';
import { Memory } from '../vm/memory';
import { Relocatable, Value } from '../vm/relocatable';
import { VmError } from '../vm/errors';
import { HintError } from '../hints/errors';

export interface OutputPage {
  /** Offset from the builtin's base. */
  start: number;
  size: number;
}

/**
 * An attribute value given as JSON text already (a Python hint's json.dumps): written as is.
 * `error`: Python could not serialize it (writing a PIE then fails with that error).
 */
export class RawJson {
  constructor(
    readonly text: string,
    readonly error?: string,
  ) {}
}

/** What get_state() returns and set_state() takes (the bootloaders swap it around a task). */
export interface OutputState {
  base: Relocatable;
  pages: Map<number, OutputPage>;
  attributes: Map<string, unknown>;
}

export class OutputBuiltin extends BuiltinRunner {
  readonly name = 'output';
  readonly cellsPerInstance = 1;
  readonly inputCells = 1;
  /** Page id -> page; every public output cell outside a page is in page 0. */
  pages = new Map<number, OutputPage>();
  /** Attribute name -> a JSON value (insertion order kept, as Python's dict). */
  attributes = new Map<string, unknown>();

  /** The output cells in order; undefined marks a gap (printed as <missing>). */
  outputs(mem: Memory): (Value | undefined)[] {
    const seg = mem.segment(this.base.segment) ?? [];
    return Array.from({ length: seg.length }, (_, i) => mem.get(this.base.segment, i));
  }

  override runSecurityChecks(): void {}

  /** add_page: `size` cells from `start` (an address in the output segment) form page `pageId`. */
  addPage(pageId: number, start: Value, size: number): void {
    if (this.pages.has(pageId)) throw new HintError('AssertionError', `Page ${pageId} was already assigned.`);
    if (typeof start !== 'object' || start.segment !== this.base.segment) throw new HintError('AssertionError', 'page_start must be in the output segment.');
    this.pages.set(pageId, { start: start.offset - this.base.offset, size });
  }

  /** add_attribute: a JSON-serializable value stored under `name` in the additional data. */
  addAttribute(name: string, value: unknown): void {
    this.attributes.set(name, value);
  }

  getState(): OutputState {
    return { base: this.base, pages: this.pages, attributes: this.attributes };
  }

  setState(state: OutputState): void {
    this.baseAddr = state.base;
    this.pages = state.pages;
    this.attributes = state.attributes;
  }

  /** new_state: no pages or attributes, and `base` as the output's start (for an inner program). */
  newState(base: Relocatable): void {
    this.setState({ base, pages: new Map(), attributes: new Map() });
  }

  /** get_additional_data (pages sorted by id, as the PIE writes them). */
  additionalData(): { pages: Record<string, [number, number]>; attributes: Map<string, unknown> } {
    const pages: Record<string, [number, number]> = {};
    for (const [id, p] of [...this.pages].sort((a, b) => a[0] - b[0])) pages[String(id)] = [p.start, p.size];
    return { pages, attributes: this.attributes };
  }

  /** extend_additional_data: a PIE's pages and attributes (--run_from_cairo_pie), with its checks. */
  extendAdditionalData(data: unknown): void {
    const fail = (m: string): never => {
      throw new VmError('Program', m);
    };
    const isDict = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
    if (!isDict(data) || Object.keys(data).sort().join() !== 'attributes,pages') fail('Invalid output builtin data.');
    const d = data as Record<string, unknown>;
    if (!isDict(d.pages)) fail('Invalid output builtin pages field.');
    const inRange = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x > 0 && x < 2 ** 30;
    for (const [id, values] of Object.entries(d.pages as Record<string, unknown>)) {
      if (!Array.isArray(values) || values.length !== 2 || !values.every(inRange)) fail('Invalid output builtin pages field.');
      if (!/^\s*[+-]?\d+\s*$/.test(id)) fail(`ValueError: invalid literal for int() with base 10: '${id}'`);
      const [start, size] = values as [number, number];
      this.pages.set(Number(id), { start, size });
    }
    if (!isDict(d.attributes)) fail('Invalid output builtin attributes field.');
    for (const [k, v] of Object.entries(d.attributes as Record<string, unknown>)) this.attributes.set(k, v);
  }

  /** The [offset, page] public memory of `size` output cells (finalize_segments), pages checked. */
  publicMemory(size: number): [number, number][] {
    const pageOf = new Map<number, number>();
    for (const [id, p] of this.pages) {
      if (p.start + p.size > size) throw new VmError('Program', `Page ${id} is out of bounds.`);
      for (let i = p.start; i < p.start + p.size; i++) {
        const had = pageOf.get(i);
        if (had !== undefined && had !== id) throw new VmError('Program', `Offset ${i} was already assigned a page.`);
        pageOf.set(i, id);
      }
    }
    return Array.from({ length: size }, (_, i) => [i, pageOf.get(i) ?? 0]);
  }
}
