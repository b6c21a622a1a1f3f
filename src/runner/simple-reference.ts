// Which references a with_attr error message may show (cairo-lang's is_simple_reference): made of
// constants, ap and fp, + - *, negation, parentheses and dereferences, with one cost per item
// below a bound (a top-level [ ] and cast each take one from the bound). Any other reference is
// "complex": cairo-run leaves `{name}` in the message and lists it.

const TOKEN = /\s*(0x[0-9a-fA-F]+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|\*\*|[-+*/()[\],:&.])/y;

class NotSimple extends Error {}

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = TOKEN.exec(text)) !== null) {
    out.push(m[1]);
    end = TOKEN.lastIndex;
  }
  if (text.slice(end).trim() !== '') throw new NotSimple();
  return out;
}

/** A parsed piece: its cost (NaN when not allowed), and its inner piece when it is [ ] or a cast. */
interface Node {
  cost: number;
  deref?: Node;
  cast?: Node;
}

const node = (cost: number): Node => ({ cost });

/** A reference value (as the program's reference manager writes it) is simple below `bound`. */
export function isSimpleReference(text: string, bound = 20): boolean {
  let toks: string[];
  try {
    toks = tokens(text);
  } catch {
    return false;
  }
  let i = 0;
  const peek = () => toks[i];
  const next = () => {
    if (i >= toks.length) throw new NotSimple();
    return toks[i++];
  };
  const expect = (t: string) => {
    if (next() !== t) throw new NotSimple();
  };
  // Skips a type up to the `)` that closes its cast.
  const skipType = () => {
    for (let depth = 0; ; i++) {
      const t = peek();
      if (t === undefined) throw new NotSimple();
      if (t === ')' && depth === 0) return;
      if (t === '(') depth++;
      if (t === ')') depth--;
    }
  };
  const sum = (): Node => {
    let n = product();
    while (peek() === '+' || peek() === '-') {
      next();
      n = node(n.cost + product().cost + 1);
    }
    return n;
  };
  const product = (): Node => {
    let n = unary();
    while (peek() === '*') {
      next();
      n = node(n.cost + unary().cost + 1);
    }
    if (peek() === '/' || peek() === '**') throw new NotSimple();
    return n;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      next();
      return node(unary().cost + 1);
    }
    return atom();
  };
  const atom = (): Node => {
    const t = next();
    if (t === '(') {
      const n = sum();
      expect(')');
      return node(n.cost + 1);
    }
    if (t === '[') {
      const n = sum();
      expect(']');
      return { cost: n.cost + 1, deref: n };
    }
    if (t === 'cast' && peek() === '(') {
      next();
      const n = sum();
      expect(',');
      skipType();
      expect(')');
      // Allowed only at the top (below), so it costs nothing it could be counted with.
      return { cost: NaN, cast: n };
    }
    if (/^[0-9]/.test(t) || t === 'ap' || t === 'fp') return node(1);
    throw new NotSimple();
  };
  try {
    let n = sum();
    if (i !== toks.length) return false;
    // One dereference and then one cast at the top are allowed, each lowering the bound.
    if (n.deref !== undefined) {
      n = n.deref;
      bound--;
    }
    if (n.cast !== undefined) {
      n = n.cast;
      bound--;
    }
    return n.cost < bound;
  } catch {
    return false;
  }
}
