// JSON as Python's json.loads reads it, for --program_input: an integer literal keeps every
// digit (a bigint when it is past 2^53, where a JS number would round), a literal with a
// fraction or an exponent is a float (a number). Everything else is JSON.parse's.

const MARK = '\u0000cairn-int:';

/** Strings (skipped) and number literals of a JSON text. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export function parsePreciseJson(text: string): unknown {
  const plain = JSON.parse(text); // its errors, positions and all, are the ones users see
  if (!/\d{16}/.test(text)) return plain;
  const marked = text.replace(TOKENS, (t) => {
    if (t.startsWith('"') || !/^-?\d+$/.test(t) || Number.isSafeInteger(Number(t))) return t;
    return JSON.stringify(MARK + t);
  });
  return JSON.parse(marked, (_k, v) => (typeof v === 'string' && v.startsWith(MARK) ? BigInt(v.slice(MARK.length)) : v));
}
