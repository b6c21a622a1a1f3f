// Small checks for the shape of parsed JSON (programs, PIE metadata, launch arguments), composed
// as plain functions. A failed check throws a ShapeError naming the field by its path and saying
// what was expected and what was found:
//
//   const args = obj({ program: str, steps: opt(nat), cairoPath: opt(list(str)) });
//   args(json, '');   // ShapeError: steps: expected a non-negative integer, got "ten".

/** A check of one value at a path; throws ShapeError. */
export type Check = (v: unknown, path: string) => void;
export type Shape = Check;

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    got: unknown,
  ) {
    const where = path === '' ? 'the top level' : path;
    super(got === undefined ? `${where}: missing (expected ${expected}).` : `${where}: expected ${expected}, got ${describe(got)}.`);
    this.name = 'ShapeError';
  }
}

/** A short description of a JSON value for an error message. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length > 40 ? `${JSON.stringify(v.slice(0, 40))}...` : JSON.stringify(v);
  return String(v);
}

function at(path: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const str: Check = (v, path) => {
  if (typeof v !== 'string') throw new ShapeError(path, 'a string', v);
};
export const bool: Check = (v, path) => {
  if (typeof v !== 'boolean') throw new ShapeError(path, 'true or false', v);
};
export const int: Check = (v, path) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ShapeError(path, 'an integer', v);
};
export const nat: Check = (v, path) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new ShapeError(path, 'a non-negative integer', v);
};

/** An integer as a JSON number or as decimal text (big constants are read as text). */
export const intText: Check = (v, path) => {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return;
  if (typeof v === 'string' && /^-?[0-9]+$/.test(v)) return;
  throw new ShapeError(path, 'an integer', v);
};

/** A hex (or decimal) string of a value below `bound`. */
export function hexWord(bound: bigint): Check {
  return (v, path) => {
    if (typeof v !== 'string' || !/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(v) || BigInt(v) >= bound) {
      throw new ShapeError(path, 'a hex number below the prime', v);
    }
  };
}

export function opt(check: Check): Check {
  return (v, path) => {
    if (v !== undefined) check(v, path);
  };
}
export function nullable(check: Check): Check {
  return (v, path) => {
    if (v !== null) check(v, path);
  };
}

export function list(item: Check): Check {
  return (v, path) => {
    if (!Array.isArray(v)) throw new ShapeError(path, 'a list', v);
    v.forEach((x, i) => item(x, `${path}[${i}]`));
  };
}

/** A list of exactly these items (a JSON encoding of a tuple). */
export function tuple(items: Check[]): Check {
  return (v, path) => {
    if (!Array.isArray(v) || v.length !== items.length) throw new ShapeError(path, `a list of ${items.length} items`, v);
    items.forEach((c, i) => c(v[i], `${path}[${i}]`));
  };
}

/** An object used as a map: every value passes `value`, every key passes `key`. */
export function map(value: Check, key?: (k: string, path: string) => void): Check {
  return (v, path) => {
    if (!isObject(v)) throw new ShapeError(path, 'an object', v);
    for (const [k, x] of Object.entries(v)) {
      const p = `${path}[${JSON.stringify(k)}]`;
      key?.(k, p);
      value(x, p);
    }
  };
}

/** An object with these fields (others are allowed and ignored). */
export function obj(fields: Record<string, Check>): Check {
  return (v, path) => {
    if (!isObject(v)) throw new ShapeError(path, 'an object', v);
    for (const [k, c] of Object.entries(fields)) c(v[k], at(path, k));
  };
}

/** One of the given strings. */
export function oneOf(values: readonly string[]): Check {
  return (v, path) => {
    if (typeof v !== 'string' || !values.includes(v)) throw new ShapeError(path, `one of ${values.join(', ')}`, v);
  };
}

/** Runs a check and returns the error message, or undefined when the value passes. */
export function validate(check: Check, v: unknown, path = ''): string | undefined {
  try {
    check(v, path);
    return undefined;
  } catch (e) {
    if (e instanceof ShapeError) return e.message;
    throw e;
  }
}
