// A frame's view of Cairo names: its `ids` (arguments, locals, tempvars, `let` references) found
// through the flow-tracking data at the frame's pc and evaluated with the reference manager's ap
// tracking (as cairo-lang's tracer does), plus constants and struct names for watch expressions.
import { Program, InstructionLocation, resolveIdentifier, ReferenceDef } from '../vm/program';
import { Memory } from '../vm/memory';
import { Relocatable } from '../vm/relocatable';
import { EvalEnv, Typed, evaluate, EvalError } from '../vm/reference';
import { CairoType, parseExpr, parseType } from '../vm/cairo-expr';
import * as F from '../vm/felt';
import { Frame } from './frames';
import { splitTopLevel } from './split-top';

export interface LocalName {
  /** As written in the function (`a`, `dict_ptr`). */
  name: string;
  full: string;
  type: CairoType | undefined;
  ref: ReferenceDef;
}

/** A struct written as a literal (`cast((3, 4), Rect)`): no address, one value per member. */
export interface LiteralStruct {
  type: CairoType;
  parts: { name: string; typed: Typed }[];
}

export class FrameEnv {
  readonly env: EvalEnv;
  private readonly scopes: string[];

  constructor(
    readonly program: Program,
    readonly mem: Memory,
    readonly frame: Frame,
    readonly location: InstructionLocation | undefined,
    /** Names the program's references do not hold (a Cairo 1 frame's variables), looked up first. */
    private readonly extra?: (name: string) => Typed | undefined,
  ) {
    this.scopes = location?.accessibleScopes ?? [program.mainScope];
    this.env = {
      mem,
      program,
      fp: frame.fp,
      ap: frame.ap,
      pc: frame.pc,
      lookup: (name) => this.lookup(name),
      structName: (name) => this.structName(name),
    };
  }

  /** The function scope (`__main__.fib`): the innermost accessible scope. */
  get functionScope(): string {
    return this.scopes[this.scopes.length - 1];
  }

  /** The frame's own names, in the order the compiler made them. */
  locals(): LocalName[] {
    const ids = this.location?.flowTrackingData?.referenceIds ?? {};
    const prefix = this.functionScope + '.';
    const out: (LocalName & { index: number })[] = [];
    for (const [full, index] of Object.entries(ids)) {
      if (!full.startsWith(prefix)) continue;
      const name = full.slice(prefix.length);
      if (name.includes('.') || name.startsWith('__temp')) continue;
      const ref = this.program.references[index];
      if (ref === undefined) continue;
      const id = resolveIdentifier(this.program, full)?.id;
      let type: CairoType | undefined;
      try {
        type = id?.type === 'reference' ? parseType(id.cairoType) : undefined;
      } catch {
        type = undefined;
      }
      out.push({ name, full, type, ref, index });
    }
    return out.sort((a, b) => a.index - b.index);
  }

  /** ap as a reference made at `ref` sees it: only within the same ap-tracking group. */
  private apFor(ref: ReferenceDef): Relocatable | undefined {
    const at = this.location?.flowTrackingData?.apTracking;
    const ap = this.frame.ap;
    if (ap === undefined || at === undefined || at.group !== ref.apTrackingData.group) return undefined;
    return new Relocatable(ap.segment, ap.offset - (at.offset - ref.apTrackingData.offset));
  }

  /** Evaluates a reference; a struct literal comes back as its parts. */
  evalRef(ref: ReferenceDef): Typed | LiteralStruct {
    const env = { ...this.env, ap: this.apFor(ref) };
    const lit = /^cast\(\((.*)\), (.+)\)$/s.exec(ref.value);
    if (lit !== null) return this.literal(env, lit[1], lit[2]);
    return evaluate(env, parseExpr(ref.value));
  }

  private literal(env: EvalEnv, body: string, typeText: string): LiteralStruct {
    const type = parseType(typeText);
    const parts = splitTopLevel(body);
    const names = this.memberNames(type);
    return {
      type,
      parts: parts.map((p, i) => ({ name: names[i] ?? String(i), typed: evaluate(env, parseExpr(p)) })),
    };
  }

  private memberNames(t: CairoType): string[] {
    if (t.kind === 'tuple') return t.members.map((m, i) => m.name ?? String(i));
    if (t.kind !== 'struct') return [];
    const s = resolveIdentifier(this.program, t.name)?.id;
    if (s?.type !== 'struct') return [];
    return Object.entries(s.members)
      .sort((a, b) => a[1].offset - b[1].offset)
      .map(([n]) => n);
  }

  /** The reference a name of the frame's scopes stands for, if any. */
  private reference(name: string): ReferenceDef | null | undefined {
    const ids = this.location?.flowTrackingData?.referenceIds ?? {};
    for (let i = this.scopes.length - 1; i >= -1; i--) {
      const full = i >= 0 ? `${this.scopes[i]}.${name}` : name;
      const index = ids[full];
      if (index !== undefined) return this.program.references[index] ?? null;
    }
    return undefined;
  }

  /** A local made from a struct or tuple literal (`let p = EcPoint(1, 2, 3)`), by name. */
  literalLocal(name: string): LiteralStruct | undefined {
    if (name.startsWith('ids.')) name = name.slice(4);
    const ref = this.reference(name);
    if (ref === undefined || ref === null) return undefined;
    const r = this.evalRef(ref);
    return 'parts' in r ? r : undefined;
  }

  /** Names as the frame sees them: `x`, `ids.x`, constants of its scopes, members of a literal (`p.x`, `t.0`). */
  lookup(name: string): Typed | undefined {
    const own = this.extra?.(name);
    if (own !== undefined) return own;
    const part = this.partNames.get(name);
    if (part !== undefined) return part;
    if (name.startsWith('ids.')) name = name.slice(4);
    const dot = name.lastIndexOf('.');
    if (dot > 0) {
      const lit = this.literalLocal(name.slice(0, dot));
      if (lit !== undefined) {
        const part = lit.parts.find((p) => p.name === name.slice(dot + 1));
        if (part === undefined) throw new EvalError(`${name.slice(0, dot)} has no member ${name.slice(dot + 1)} (it has ${lit.parts.map((p) => p.name).join(', ')}).`);
        return part.typed;
      }
    }
    const ids = this.location?.flowTrackingData?.referenceIds ?? {};
    for (let i = this.scopes.length - 1; i >= -1; i--) {
      const full = i >= 0 ? `${this.scopes[i]}.${name}` : name;
      const index = ids[full];
      if (index !== undefined) {
        const ref = this.program.references[index];
        if (ref === undefined) return undefined;
        const r = this.evalRef(ref);
        if ('parts' in r) throw new EvalError(`${name} is a struct literal with no address: use its members (${name}.${r.parts[0]?.name ?? 'x'}).`);
        return r;
      }
      const id = resolveIdentifier(this.program, full)?.id;
      if (id?.type === 'const') return { type: { kind: 'felt' }, value: F.toFelt(id.value) };
    }
    // `Point.SIZE` is implicit: the struct's size.
    if (name.endsWith('.SIZE')) {
      const s = resolveIdentifier(this.program, this.structName(name.slice(0, -5)))?.id;
      if (s?.type === 'struct') return { type: { kind: 'felt' }, value: s.size };
    }
    return undefined;
  }

  /** A struct's full name from a short one (`Point` -> `__main__.Point`). */
  structName(name: string): string {
    for (let i = this.scopes.length - 1; i >= -1; i--) {
      const full = i >= 0 ? `${this.scopes[i]}.${name}` : name;
      const r = resolveIdentifier(this.program, full);
      if (r?.id.type === 'struct') return r.name;
    }
    const matches: string[] = [];
    for (const [full, id] of this.program.identifiers) {
      if (id.type === 'struct' && full.endsWith('.' + name)) matches.push(full);
    }
    return matches.length === 1 ? matches[0] : name;
  }

  evaluateText(text: string): Typed {
    return evaluate(this.env, parseExpr(this.literalParts(text.trim())));
  }

  /** Parts of literal locals picked by number (`t.0`, `t[1]`, as Locals names them) stand in as names. */
  private readonly partNames = new Map<string, Typed>();
  private literalParts(text: string): string {
    if (!/[.[]\s*\d/.test(text)) return text;
    return text.replace(/(?<![\w.])((?:ids\.)?[A-Za-z_]\w*)(?:\.(\d+)|\[\s*(\d+)\s*\])/g, (whole, name: string, dotted?: string, indexed?: string) => {
      const lit = this.literalLocal(name);
      if (lit === undefined) return whole;
      const i = Number(dotted ?? indexed);
      const part = lit.parts[i];
      if (part === undefined) throw new EvalError(`${name} has ${lit.parts.length} members: there is no ${i}.`);
      const key = `__literal_${name.replace(/\./g, '_')}_${i}`;
      this.partNames.set(key, part.typed);
      return key;
    });
  }
}
