// Typed evaluation of Cairo expressions over a VM state: the machinery behind hints' `ids`,
// `with_attr` error messages and the debugger's variables and watch expressions.
import { CairoType, Expr, parseExpr, FELT, FELT_PTR, typeToString } from './cairo-expr';
import { Memory } from './memory';
import { Relocatable, Value, MAX_OFFSET } from './relocatable';
import { Program, resolveIdentifier, ReferenceDef, ApTracking } from './program';
import * as F from './felt';
import { addValues, subValues, mulValues } from './values';
import { powModNonNeg } from './modular';

export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

/** A typed result: structs and tuples have only an address; felts and pointers a value. */
export interface Typed {
  type: CairoType;
  /** Where it lives, when it is a memory location. */
  addr?: Relocatable;
  /** Its value, when known without reading memory. */
  value?: Value;
}

export interface EvalEnv {
  mem: Memory;
  program: Program;
  fp: Relocatable;
  /** Undefined where ap is unknown (ap-based references then fail). */
  ap: Relocatable | undefined;
  pc?: Relocatable;
  /** Resolves a (possibly dotted) name to a typed value, or undefined. */
  lookup(name: string): Typed | undefined;
  /** Resolves a struct type name (short names in watch expressions); defaults to the name. */
  structName?(name: string): string;
}

export function structDef(program: Program, name: string) {
  const r = resolveIdentifier(program, name);
  if (r?.id.type === 'struct') return r.id;
  if (r?.id.type === 'type_definition') return undefined;
  return undefined;
}

export function sizeOf(program: Program, t: CairoType): number {
  switch (t.kind) {
    case 'felt':
    case 'codeoffset':
    case 'pointer':
      return 1;
    case 'tuple':
      return t.members.reduce((s, m) => s + sizeOf(program, m.type), 0);
    case 'struct': {
      const s = structDef(program, t.name);
      if (s === undefined) throw new EvalError(`Unknown struct ${t.name}.`);
      return s.size;
    }
  }
}

/** The value of a felt or pointer, reading memory if needed; throws EvalError when unknown. */
export function valueOf(env: EvalEnv, t: Typed): Value {
  if (t.value !== undefined) return t.value;
  if (t.addr === undefined) throw new EvalError(`A value of type ${typeToString(t.type)} has no address.`);
  if (t.type.kind === 'struct' || t.type.kind === 'tuple') return t.addr;
  const v = env.mem.getAt(t.addr) ?? env.mem.deduce(t.addr.segment, t.addr.offset);
  if (v === undefined) throw new EvalError(`Unknown value for memory cell at address ${t.addr}.`);
  return v;
}

function asAddress(env: EvalEnv, t: Typed, what: string): Relocatable {
  const v = valueOf(env, t);
  if (typeof v !== 'object') throw new EvalError(`${what}: expected an address, got ${F.big(v)}.`);
  return v;
}

type Member = { name: string; offset: number; type: CairoType };

/** A struct's members, sorted by offset, and the same by name; computed once per program and struct. */
interface StructMembers {
  list: Member[];
  byName: Map<string, Member>;
}
const structMembersCache = new WeakMap<Program, Map<string, StructMembers>>();

function structMembers(program: Program, name: string): StructMembers {
  let perProgram = structMembersCache.get(program);
  if (perProgram === undefined) {
    perProgram = new Map();
    structMembersCache.set(program, perProgram);
  }
  let r = perProgram.get(name);
  if (r === undefined) {
    const s = structDef(program, name);
    if (s === undefined) throw new EvalError(`Unknown struct ${name}.`);
    const list = Object.entries(s.members)
      .map(([n, m]) => ({ name: n, offset: m.offset, type: parseTypeCached(m.cairoType) }))
      .sort((a, b) => a.offset - b.offset);
    const byName = new Map<string, Member>();
    for (const m of list) if (!byName.has(m.name)) byName.set(m.name, m);
    r = { list, byName };
    perProgram.set(name, r);
  }
  return r;
}

/** Members of a struct or tuple type: name -> (offset, type). Callers must not modify the result. */
export function membersOf(program: Program, t: CairoType): Member[] {
  if (t.kind === 'struct') return structMembers(program, t.name).list;
  if (t.kind === 'tuple') {
    let off = 0;
    return t.members.map((m, i) => {
      const r = { name: m.name ?? String(i), offset: off, type: m.type };
      off += sizeOf(program, m.type);
      return r;
    });
  }
  return [];
}

import { parseType } from './cairo-expr';
const parseTypeCached = parseType;

function member(env: EvalEnv, base: Typed, name: string): Typed {
  let t = base;
  // `p.x` on a pointer to a struct reads through the pointer.
  if (t.type.kind === 'pointer' && (t.type.pointee.kind === 'struct' || t.type.pointee.kind === 'tuple')) {
    t = { type: t.type.pointee, addr: asAddress(env, t, `.${name}`) };
  }
  if (t.type.kind !== 'struct' && t.type.kind !== 'tuple') throw new EvalError(`Cannot take member "${name}" of a ${typeToString(t.type)}.`);
  if (t.addr === undefined) throw new EvalError(`Cannot take member "${name}" of a value with no address.`);
  const m = t.type.kind === 'struct' ? structMembers(env.program, t.type.name).byName.get(name) : membersOf(env.program, t.type).find((x) => x.name === name);
  if (m === undefined) throw new EvalError(`Member "${name}" does not exist in ${typeToString(t.type)}.`);
  return { type: m.type, addr: t.addr.add(m.offset) };
}

/** A dotted name's splits, longest head first: `a.b.c` -> [a.b.c | ], [a.b | c], [a | b, c]. */
const splitsCache = new Map<string, { head: string; rest: string[] }[]>();

function nameSplits(name: string): { head: string; rest: string[] }[] {
  let r = splitsCache.get(name);
  if (r === undefined) {
    const parts = name.split('.');
    r = [];
    for (let n = parts.length; n > 0; n--) r.push({ head: parts.slice(0, n).join('.'), rest: parts.slice(n) });
    splitsCache.set(name, r);
  }
  return r;
}

function resolveNamed(env: EvalEnv, name: string): Typed {
  for (const { head, rest } of nameSplits(name)) {
    const found = env.lookup(head);
    if (found !== undefined) {
      let t = found;
      for (const m of rest) t = member(env, t, m);
      return t;
    }
  }
  throw new EvalError(`Unknown identifier "${name}".`);
}

function fixType(env: EvalEnv, t: CairoType): CairoType {
  if (env.structName === undefined) return t;
  switch (t.kind) {
    case 'struct':
      return { kind: 'struct', name: env.structName(t.name) };
    case 'pointer':
      return { kind: 'pointer', pointee: fixType(env, t.pointee) };
    case 'tuple':
      return { kind: 'tuple', members: t.members.map((m) => ({ name: m.name, type: fixType(env, m.type) })) };
    default:
      return t;
  }
}

/**
 * The value of `n` or `-n` for a literal n below 2^40, else undefined; remembered per node.
 * References are mostly `[cast(fp + (-3), T*)]`: this lets `reg + (-k)` skip felt arithmetic.
 */
const smallConstCache = new WeakMap<Expr, number | null>();

function smallConst(e: Expr): number | undefined {
  let r = smallConstCache.get(e);
  if (r === undefined) {
    r = null;
    const lit = e.kind === 'neg' ? e.arg : e;
    if (lit.kind === 'num' && lit.value < BigInt(MAX_OFFSET)) r = e.kind === 'neg' ? -Number(lit.value) : Number(lit.value);
    smallConstCache.set(e, r);
  }
  return r === null ? undefined : r;
}

export function evaluate(env: EvalEnv, e: Expr): Typed {
  switch (e.kind) {
    case 'num':
      return { type: FELT, value: F.toFelt(e.value) };
    case 'reg': {
      const r = e.reg === 'ap' ? env.ap : e.reg === 'fp' ? env.fp : env.pc;
      if (r === undefined) throw new EvalError(`The value of ${e.reg} is not known here (ap-based reference).`);
      return { type: FELT_PTR, value: r };
    }
    case 'name':
      return resolveNamed(env, e.name);
    case 'neg': {
      const v = valueOf(env, evaluate(env, e.arg));
      if (typeof v === 'object') throw new EvalError('Cannot negate an address.');
      return { type: FELT, value: F.neg(v) };
    }
    case 'bin': {
      if (e.op === '+') {
        const k = smallConst(e.right);
        if (k !== undefined) {
          // An address plus a small constant whose offset stays in range: same result as below.
          const l = evaluate(env, e.left);
          const lv = valueOf(env, l);
          if (typeof lv === 'object') {
            const off = lv.offset + k;
            if (off >= 0 && off <= MAX_OFFSET) return { type: l.type.kind === 'pointer' ? l.type : FELT, value: new Relocatable(lv.segment, off) };
          }
          const rv = valueOf(env, evaluate(env, e.right));
          const value = addValues(lv, rv);
          const type = l.type.kind === 'pointer' && typeof value === 'object' ? l.type : FELT;
          return { type, value };
        }
      }
      const l = evaluate(env, e.left);
      const r = evaluate(env, e.right);
      const lv = valueOf(env, l);
      const rv = valueOf(env, r);
      let value: Value;
      if (e.op === '+') value = addValues(lv, rv);
      else if (e.op === '-') value = subValues(lv, rv);
      else if (e.op === '*') value = mulValues(lv, rv);
      else if (e.op === '**') {
        // As Cairo's constant folding: the exponent is the felt's integer value.
        if (typeof lv === 'object' || typeof rv === 'object') throw new EvalError('Cannot raise an address to a power, or to an address.');
        value = F.fromReduced(powModNonNeg(F.big(lv), F.big(rv), F.getPrime()));
      } else {
        if (typeof lv === 'object' || typeof rv === 'object') throw new EvalError('Cannot divide addresses.');
        value = F.div(lv, rv);
      }
      const type = l.type.kind === 'pointer' && typeof value === 'object' ? l.type : r.type.kind === 'pointer' && typeof value === 'object' ? r.type : FELT;
      return { type, value };
    }
    case 'deref': {
      const p = evaluate(env, e.arg);
      const addr = asAddress(env, p, 'Dereference');
      const type = p.type.kind === 'pointer' ? p.type.pointee : FELT;
      return { type, addr };
    }
    case 'cast': {
      const v = evaluate(env, e.arg);
      const type = fixType(env, e.type);
      if ((type.kind === 'struct' || type.kind === 'tuple') && v.addr !== undefined) return { type, addr: v.addr };
      return { type, addr: v.addr, value: v.addr === undefined || v.type.kind === 'felt' || v.type.kind === 'pointer' ? valueOf(env, v) : undefined };
    }
    case 'member':
      return member(env, evaluate(env, e.arg), e.member);
    case 'index': {
      const base = evaluate(env, e.arg);
      const i = valueOf(env, evaluate(env, e.index));
      if (typeof i === 'object') throw new EvalError('An index must be a felt.');
      if (base.type.kind === 'tuple') {
        const m = membersOf(env.program, base.type)[Number(i)];
        if (m === undefined || base.addr === undefined) throw new EvalError(`Tuple index ${i} out of range.`);
        return { type: m.type, addr: base.addr.add(m.offset) };
      }
      if (base.type.kind !== 'pointer') throw new EvalError(`Cannot index a ${typeToString(base.type)}.`);
      const size = sizeOf(env.program, base.type.pointee);
      return { type: base.type.pointee, addr: asAddress(env, base, 'Index').add(F.mul(i, size)) };
    }
    case 'addr': {
      const v = evaluate(env, e.arg);
      if (v.addr === undefined) throw new EvalError('Cannot take the address of a value that is not in memory.');
      return { type: { kind: 'pointer', pointee: v.type }, value: v.addr };
    }
  }
}

export function evaluateText(env: EvalEnv, text: string): Typed {
  return evaluate(env, parseExpr(text));
}

/**
 * Evaluates a reference-manager entry as seen from code whose ap tracking is `at`: an ap-based
 * reference is only valid in the same ap-tracking group, shifted by the ap offset difference.
 */
export function evalReference(env: EvalEnv, ref: ReferenceDef, at: ApTracking | undefined): Typed {
  let ap = env.ap;
  if (ap !== undefined) {
    if (at === undefined || at.group !== ref.apTrackingData.group) ap = undefined;
    else ap = new Relocatable(ap.segment, ap.offset - (at.offset - ref.apTrackingData.offset));
  }
  return evaluate({ ...env, ap }, parseExpr(ref.value));
}
