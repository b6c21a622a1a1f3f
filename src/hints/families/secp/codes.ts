// The exact code strings of cairo-lang's own secp hints that no whitelist has: the secp256r1
// library (0.14 forms, and the 0.12.3-0.13.3 forms that pack with SECP256R1_P), ec_mul_by_uint256's
// nibbles and get_point_from_x's is_on_curve. Registered by the files next to this one.

/** cairo_secp/ec.cairo, secp256r1/ec.cairo */
export const NIBBLES = String.raw`num = (ids.scalar.high << 128) + ids.scalar.low
nibbles = [(num >> i) & 0xf for i in range(0, 256, 4)]
ids.first_nibble = nibbles.pop()
ids.last_nibble = nibbles[0]`;

/** cairo_secp/ec.cairo, secp256r1/ec.cairo: `local nibble = nondet %{ nibbles.pop() %}` in fast_ec_mul_inner (its first local: fp + 0) */
export const NIBBLE_POP = String.raw`memory[fp + 0] = to_felt_or_relocatable(nibbles.pop())`;

/** cairo_secp/signature.cairo */
export const K1_IS_ON_CURVE = String.raw`ids.is_on_curve = (y * y) % SECP_P == y_square_int`;

/** secp256r1/ec.cairo */
export const R1_IS_ON_CURVE = String.raw`ids.is_on_curve = (y * y) % SECP256R1.prime == y_square_int`;

/** secp256r1/ec.cairo */
export const R1_DOUBLE_SLOPE = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA, SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack
from starkware.python.math_utils import ec_double_slope

# Compute the slope.
x = pack(ids.point.x, PRIME)
y = pack(ids.point.y, PRIME)
value = slope = ec_double_slope(point=(x, y), alpha=SECP256R1_ALPHA, p=SECP256R1_P)`;

/** secp256r1/ec.cairo */
export const R1_LINE_SLOPE = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack
from starkware.python.math_utils import line_slope

# Compute the slope.
x0 = pack(ids.point0.x, PRIME)
y0 = pack(ids.point0.y, PRIME)
x1 = pack(ids.point1.x, PRIME)
y1 = pack(ids.point1.y, PRIME)
value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP256R1_P)`;

/** secp256r1/ec.cairo */
export const R1_DOUBLE_NEW_X = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack

slope = pack(ids.slope, PRIME)
x = pack(ids.point.x, PRIME)
y = pack(ids.point.y, PRIME)

value = new_x = (pow(slope, 2, SECP256R1_P) - 2 * x) % SECP256R1_P`;

/** secp256r1/ec.cairo */
export const R1_NEW_Y = String.raw`value = new_y = (slope * (x - new_x) - y) % SECP256R1_P`;

/** secp256r1/ec.cairo */
export const R1_GET_POINT = String.raw`from starkware.cairo.common.cairo_secp.secp_utils import SECP256R1, pack
from starkware.python.math_utils import y_squared_from_x

y_square_int = y_squared_from_x(
    x=pack(ids.x, PRIME),
    alpha=SECP256R1.alpha,
    beta=SECP256R1.beta,
    field_prime=SECP256R1.prime,
)

# Note that (y_square_int ** ((SECP256R1.prime + 1) / 4)) ** 2 =
#   = y_square_int ** ((SECP256R1.prime + 1) / 2) =
#   = y_square_int ** ((SECP256R1.prime - 1) / 2 + 1) =
#   = y_square_int * y_square_int ** ((SECP256R1.prime - 1) / 2) = y_square_int * {+/-}1.
y = pow(y_square_int, (SECP256R1.prime + 1) // 4, SECP256R1.prime)

# We need to decide whether to take y or prime - y.
if ids.v % 2 == y % 2:
    value = y
else:
    value = (-y) % SECP256R1.prime`;

/** secp256r1/field.cairo */
export const R1_ASSERT_165 = String.raw`from starkware.cairo.common.math_utils import as_int

# Correctness check.
value = as_int(ids.value, PRIME) % PRIME
assert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**165).'

# Calculation for the assertion.
ids.high, ids.low = divmod(ids.value, ids.SHIFT)`;

/** secp256r1/field.cairo */
export const R1_VERIFY_ZERO = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack

q, r = divmod(pack(ids.val, PRIME), SECP256R1_P)
assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."
ids.q = q % PRIME`;

/** secp256r1/field.cairo */
export const R1_IS_ZERO_X = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack

x = pack(ids.x, PRIME) % SECP256R1_P`;

/** secp256r1/field.cairo */
export const R1_X_INV = String.raw`from starkware.python.math_utils import div_mod

value = div_mod(1, x, SECP256R1_P)`;

/** secp256r1/field.cairo */
export const R1_REDUCE = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack
value = pack(ids.x, PRIME) % SECP256R1_P`;

/** secp256r1/ec.cairo */
export const R1_DOUBLE_SLOPE_0133 = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA, SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack
from starkware.python.math_utils import ec_double_slope

# Compute the slope.
x = pack(ids.point.x, SECP256R1_P)
y = pack(ids.point.y, SECP256R1_P)
value = slope = ec_double_slope(point=(x, y), alpha=SECP256R1_ALPHA, p=SECP256R1_P)`;

/** secp256r1/ec.cairo */
export const R1_DOUBLE_NEW_X_0133 = String.raw`from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P
from starkware.cairo.common.cairo_secp.secp_utils import pack

slope = pack(ids.slope, SECP256R1_P)
x = pack(ids.point.x, SECP256R1_P)
y = pack(ids.point.y, SECP256R1_P)

value = new_x = (pow(slope, 2, SECP256R1_P) - 2 * x) % SECP256R1_P`;

/** secp256r1/ec.cairo */
export const R1_GET_POINT_0133 = String.raw`from starkware.cairo.common.cairo_secp.secp_utils import SECP256R1, pack
from starkware.python.math_utils import y_squared_from_x

y_square_int = y_squared_from_x(
    x=pack(ids.x, SECP256R1.prime),
    alpha=SECP256R1.alpha,
    beta=SECP256R1.beta,
    field_prime=SECP256R1.prime,
)

# Note that (y_square_int ** ((SECP256R1.prime + 1) / 4)) ** 2 =
#   = y_square_int ** ((SECP256R1.prime + 1) / 2) =
#   = y_square_int ** ((SECP256R1.prime - 1) / 2 + 1) =
#   = y_square_int * y_square_int ** ((SECP256R1.prime - 1) / 2) = y_square_int * {+/-}1.
y = pow(y_square_int, (SECP256R1.prime + 1) // 4, SECP256R1.prime)

# We need to decide whether to take y or prime - y.
if ids.v % 2 == y % 2:
    value = y
else:
    value = (-y) % SECP256R1.prime`;

