// Parser for the Cairo 0 expressions and types that appear in compiled programs (reference
// values such as `[cast(fp + (-3), felt*)]`, member types) and in debugger watch expressions.

export type CairoType =
  | { kind: 'felt' }
  | { kind: 'codeoffset' }
  | { kind: 'pointer'; pointee: CairoType }
  | { kind: 'struct'; name: string }
  | { kind: 'tuple'; members: { name?: string; type: CairoType }[] };

export type Expr =
  | { kind: 'num'; value: bigint }
  | { kind: 'reg'; reg: 'ap' | 'fp' | 'pc' }
  | { kind: 'name'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '**'; left: Expr; right: Expr }
  | { kind: 'deref'; arg: Expr }
  | { kind: 'cast'; arg: Expr; type: CairoType }
  | { kind: 'member'; arg: Expr; member: string }
  | { kind: 'index'; arg: Expr; index: Expr }
  | { kind: 'addr'; arg: Expr };

export class ExprSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExprSyntaxError';
  }
}

const TOKEN = /\s*(0x[0-9a-fA-F]+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|\*\*|[-+*/()[\],:&.])/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) throw new ExprSyntaxError(`Unexpected character at ${pos} in ${JSON.stringify(text)}.`);
    out.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: string[],
    private readonly text: string,
  ) {}

  peek(): string | undefined {
    return this.toks[this.i];
  }
  next(): string {
    const t = this.toks[this.i++];
    if (t === undefined) throw new ExprSyntaxError(`Unexpected end of ${JSON.stringify(this.text)}.`);
    return t;
  }
  expect(t: string): void {
    const got = this.next();
    if (got !== t) throw new ExprSyntaxError(`Expected "${t}" but found "${got}" in ${JSON.stringify(this.text)}.`);
  }
  done(): void {
    if (this.i < this.toks.length) throw new ExprSyntaxError(`Unexpected "${this.toks[this.i]}" in ${JSON.stringify(this.text)}.`);
  }

  expr(): Expr {
    let left = this.term();
    for (let t = this.peek(); t === '+' || t === '-'; t = this.peek()) {
      this.next();
      left = { kind: 'bin', op: t, left, right: this.term() };
    }
    return left;
  }

  term(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t === '*' || t === '/'; t = this.peek()) {
      this.next();
      left = { kind: 'bin', op: t, left, right: this.unary() };
    }
    return left;
  }

  unary(): Expr {
    const t = this.peek();
    if (t === '-') {
      this.next();
      return { kind: 'neg', arg: this.unary() };
    }
    if (t === '&') {
      this.next();
      return { kind: 'addr', arg: this.unary() };
    }
    return this.pow();
  }

  /** `a ** b ** c` is `a ** (b ** c)`, and binds tighter than unary minus (Cairo's grammar). */
  pow(): Expr {
    const base = this.postfix();
    if (this.peek() !== '**') return base;
    this.next();
    return { kind: 'bin', op: '**', left: base, right: this.pow() };
  }

  postfix(): Expr {
    let e = this.atom();
    for (;;) {
      const t = this.peek();
      if (t === '.') {
        this.next();
        e = { kind: 'member', arg: e, member: this.next() };
      } else if (t === '[') {
        this.next();
        const index = this.expr();
        this.expect(']');
        e = { kind: 'index', arg: e, index };
      } else return e;
    }
  }

  atom(): Expr {
    const t = this.next();
    if (t === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t === '[') {
      const e = this.expr();
      this.expect(']');
      return { kind: 'deref', arg: e };
    }
    if (/^[0-9]/.test(t)) return { kind: 'num', value: BigInt(t) };
    if (t === 'cast' && this.peek() === '(') {
      this.next();
      const arg = this.expr();
      this.expect(',');
      const type = this.type();
      this.expect(')');
      return { kind: 'cast', arg, type };
    }
    if (t === 'ap' || t === 'fp' || t === 'pc') return { kind: 'reg', reg: t };
    if (/^[A-Za-z_]/.test(t)) {
      // A dotted name may end in members (`p.x.y`); the evaluator decides where the name stops.
      return { kind: 'name', name: t };
    }
    throw new ExprSyntaxError(`Unexpected "${t}" in ${JSON.stringify(this.text)}.`);
  }

  type(): CairoType {
    let base: CairoType;
    const t = this.next();
    if (t === '(') {
      const members: { name?: string; type: CairoType }[] = [];
      if (this.peek() !== ')') {
        for (;;) {
          let name: string | undefined;
          if (this.toks[this.i + 1] === ':') {
            name = this.next();
            this.next();
          }
          members.push({ name, type: this.type() });
          if (this.peek() === ',') {
            this.next();
            if (this.peek() === ')') break;
            continue;
          }
          break;
        }
      }
      this.expect(')');
      base = { kind: 'tuple', members };
    } else if (t === 'felt') base = { kind: 'felt' };
    else if (t === 'codeoffset') base = { kind: 'codeoffset' };
    else if (/^[A-Za-z_]/.test(t)) base = { kind: 'struct', name: t };
    else throw new ExprSyntaxError(`Expected a type but found "${t}" in ${JSON.stringify(this.text)}.`);
    // `felt**` is a pointer to a pointer (one `**` token).
    for (let t = this.peek(); t === '*' || t === '**'; t = this.peek()) {
      this.next();
      base = { kind: 'pointer', pointee: base };
      if (t === '**') base = { kind: 'pointer', pointee: base };
    }
    return base;
  }
}

const exprCache = new Map<string, Expr>();
const typeCache = new Map<string, CairoType>();

export function parseExpr(text: string): Expr {
  let e = exprCache.get(text);
  if (e === undefined) {
    const p = new Parser(tokenize(text), text);
    e = p.expr();
    p.done();
    exprCache.set(text, e);
  }
  return e;
}

export function parseType(text: string): CairoType {
  let t = typeCache.get(text);
  if (t === undefined) {
    const p = new Parser(tokenize(text), text);
    t = p.type();
    p.done();
    typeCache.set(text, t);
  }
  return t;
}

export function typeToString(t: CairoType): string {
  switch (t.kind) {
    case 'felt':
    case 'codeoffset':
      return t.kind;
    case 'pointer':
      return `${typeToString(t.pointee)}*`;
    case 'struct':
      return t.name;
    case 'tuple':
      return `(${t.members.map((m) => (m.name ? `${m.name}: ` : '') + typeToString(m.type)).join(', ')})`;
  }
}

export const FELT: CairoType = { kind: 'felt' };
export const FELT_PTR: CairoType = { kind: 'pointer', pointee: FELT };
