// The bits of Python only the secp hints lean on: the imported names they leave in the exec
// scope (`from module import name` binds one object per qualified name) and `>>`. The shared
// Python semantics (scope, ints from ids and scope, operators, math_utils, secp_utils.pack/split)
// are in ../../lib.
import { HintError } from '../../errors';

/** An imported Python function or module left in the scope (`pack`, `div_mod`, `itertools`). */
export interface PyObject {
  readonly py: string;
}

const objects = new Map<string, PyObject>();
/** The scope value a `from module import name` binds: one frozen object per qualified name. */
export function pyObject(qualified: string): PyObject {
  let o = objects.get(qualified);
  if (o === undefined) {
    o = Object.freeze({ py: qualified });
    objects.set(qualified, o);
  }
  return o;
}

const SECP_UTILS = 'starkware.cairo.common.cairo_secp.secp_utils';
const MATH_UTILS = 'starkware.python.math_utils';
export const PY = {
  pack: pyObject(`${SECP_UTILS}.pack`),
  split: pyObject(`${SECP_UTILS}.split`),
  div_mod: pyObject(`${MATH_UTILS}.div_mod`),
  safe_div: pyObject(`${MATH_UTILS}.safe_div`),
  line_slope: pyObject(`${MATH_UTILS}.line_slope`),
  ec_double_slope: pyObject(`${MATH_UTILS}.ec_double_slope`),
  assert_integer: pyObject('starkware.cairo.common.math_utils.assert_integer'),
  as_int: pyObject('starkware.cairo.common.math_utils.as_int'),
  y_squared_from_x: pyObject(`${MATH_UTILS}.y_squared_from_x`),
  itertools: pyObject('itertools'),
  /** The `def split(num, num_bits_shift=128, length=2)` a uint256 hint defines for itself. */
  split128: pyObject('<hint>.split'),
  /** The `def pack(z, num_bits_shift=128)` a uint256 hint defines for itself. */
  pack128: pyObject('<hint>.pack'),
} as const;

/** Python's `a >> n` (a negative count raises). */
export function pyShr(a: bigint, n: bigint): bigint {
  if (n < 0n) throw new HintError('ValueError', 'negative shift count');
  return a >> n;
}
