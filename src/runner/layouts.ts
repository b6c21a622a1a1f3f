// Layouts (cairo-lang's instances.py): which builtins a run has, in which order (their segments
// follow it), at which ratio and with which instance parameters, plus the trace parameters a
// prover would need. Values are those of cairo-lang 0.14.
import { VmError } from '../vm/errors';
import { PRIME } from '../vm/felt';
import type { BuiltinParams } from '../builtins/builtin';

/** A builtin of a layout: name, ratio (undefined: output, or dynamic) and instance parameters. */
export type LayoutBuiltin = BuiltinParams;

export interface DilutedPool {
  /** log2 of diluted cells per step; undefined in the dynamic layout. */
  logUnitsPerStep: number | undefined;
  spacing: number;
  nBits: number;
}

export interface Layout {
  name: string;
  /** Builtins in instances.py's order, output first when the layout has it. */
  builtins: LayoutBuiltin[];
  /** Undefined in the dynamic layout (fixed by the prover). */
  cpuComponentStep: number | undefined;
  rcUnits: number | undefined;
  publicMemoryFraction: number;
  memoryUnitsPerStep: number | undefined;
  dilutedPool: DilutedPool | undefined;
  nTraceColumns: number | undefined;
  /** Whether cairo-run 0.14 accepts it as --layout (all_cairo is defined but not registered). */
  inCairoRun: boolean;
  /** The dynamic layout's CairoLayoutParams fields (the Python hint bridge builds the same layout). */
  params?: Record<string, number>;
}

// Instance definitions with instances.py's parameters; `ratio` is the only thing layouts vary
// besides pedersen/ecdsa repetitions.
const output: LayoutBuiltin = { name: 'output', ratio: undefined };
const pedersen = (ratio: number | undefined, repetitions = 1): LayoutBuiltin => ({ name: 'pedersen', ratio, repetitions });
const rangeCheck = (ratio: number | undefined): LayoutBuiltin => ({ name: 'range_check', ratio, ratioDen: 1, nParts: 8 });
const ecdsa = (ratio: number | undefined): LayoutBuiltin => ({ name: 'ecdsa', ratio, repetitions: 1 });
const bitwise = (ratio: number | undefined): LayoutBuiltin => ({ name: 'bitwise', ratio, totalNBits: 251 });
const ecOp = (ratio: number | undefined): LayoutBuiltin => ({ name: 'ec_op', ratio, scalarHeight: 256, scalarBits: 252, scalarLimit: PRIME });
const keccak = (ratio: number | undefined): LayoutBuiltin => ({ name: 'keccak', ratio, stateRep: Array(8).fill(200), instancesPerComponent: 16 });
const poseidon = (ratio: number | undefined): LayoutBuiltin => ({ name: 'poseidon', ratio });
const rangeCheck96 = (ratio: number | undefined, ratioDen = 1): LayoutBuiltin => ({ name: 'range_check96', ratio, ratioDen, nParts: 6 });
const addMod = (ratio: number | undefined, ratioDen = 1): LayoutBuiltin => ({ name: 'add_mod', ratio, ratioDen, wordBitLen: 96, nWords: 4, batchSize: 1 });
const mulMod = (ratio: number | undefined, ratioDen = 1): LayoutBuiltin => ({ name: 'mul_mod', ratio, ratioDen, wordBitLen: 96, nWords: 4, batchSize: 1, bitsPerPart: 16 });

const pool = (logUnitsPerStep: number | undefined): DilutedPool => ({ logUnitsPerStep, spacing: 4, nBits: 16 });

function layout(name: string, fields: Partial<Layout> & { builtins: LayoutBuiltin[] }): Layout {
  return {
    name,
    cpuComponentStep: 1,
    rcUnits: 16,
    publicMemoryFraction: 4,
    memoryUnitsPerStep: 8,
    dilutedPool: undefined,
    nTraceColumns: undefined,
    inCairoRun: true,
    ...fields,
  };
}

const LAYOUT_LIST: Layout[] = [
  layout('plain', { builtins: [], nTraceColumns: 8 }),
  layout('small', {
    rcUnits: 16,
    builtins: [output, pedersen(8, 4), rangeCheck(8), ecdsa(512)],
    nTraceColumns: 25,
  }),
  layout('dex', {
    rcUnits: 4,
    builtins: [output, pedersen(8, 4), rangeCheck(8), ecdsa(512)],
    nTraceColumns: 22,
  }),
  layout('recursive', {
    rcUnits: 4,
    publicMemoryFraction: 8,
    dilutedPool: pool(4),
    builtins: [output, pedersen(128), rangeCheck(8), bitwise(8)],
    nTraceColumns: 10,
  }),
  layout('starknet', {
    rcUnits: 4,
    dilutedPool: pool(1),
    builtins: [output, pedersen(32), rangeCheck(16), ecdsa(2048), bitwise(64), ecOp(1024), poseidon(32)],
    nTraceColumns: 10,
  }),
  layout('recursive_large_output', {
    rcUnits: 4,
    publicMemoryFraction: 8,
    dilutedPool: pool(4),
    builtins: [output, pedersen(128), rangeCheck(8), bitwise(8), poseidon(8)],
    nTraceColumns: 12,
  }),
  layout('all_solidity', {
    rcUnits: 8,
    publicMemoryFraction: 8,
    dilutedPool: pool(4),
    builtins: [output, pedersen(8, 4), rangeCheck(8), ecdsa(512), bitwise(256), ecOp(256)],
    nTraceColumns: 27,
  }),
  layout('starknet_with_keccak', {
    rcUnits: 4,
    dilutedPool: pool(4),
    builtins: [output, pedersen(32), rangeCheck(16), ecdsa(2048), bitwise(64), ecOp(1024), keccak(2048), poseidon(32)],
    nTraceColumns: 15,
  }),
  // Every builtin with a dynamic ratio: each gets as many instances as the run uses.
  layout('dynamic', {
    cpuComponentStep: undefined,
    rcUnits: undefined,
    publicMemoryFraction: 8,
    memoryUnitsPerStep: undefined,
    dilutedPool: pool(undefined),
    builtins: [
      output, pedersen(undefined), rangeCheck(undefined), ecdsa(undefined), bitwise(undefined), ecOp(undefined),
      keccak(undefined), poseidon(undefined), rangeCheck96(undefined), addMod(undefined), mulMod(undefined),
    ],
    nTraceColumns: undefined,
  }),
  layout('recursive_with_poseidon', {
    rcUnits: 4,
    publicMemoryFraction: 8,
    dilutedPool: pool(3),
    builtins: [output, pedersen(256), rangeCheck(16), bitwise(16), poseidon(64)],
    nTraceColumns: 8,
  }),
  // Defined in instances.py but missing from its LAYOUTS table, so cairo-run rejects it; Cairn
  // accepts it, as the only fixed layout with range_check96, add_mod and mul_mod. Its rc_units is
  // cairo-vm's (4, as Stwo's recorded proof-mode runs need), not instances.py's unused 8.
  layout('all_cairo', {
    rcUnits: 4,
    publicMemoryFraction: 8,
    dilutedPool: pool(4),
    builtins: [
      output, pedersen(256), rangeCheck(8), ecdsa(2048), bitwise(16), ecOp(1024), keccak(2048), poseidon(256),
      rangeCheck96(8), addMod(128), mulMod(256),
    ],
    nTraceColumns: 12,
    inCairoRun: false,
  }),
];

const LAYOUTS: Record<string, Layout> = Object.fromEntries(LAYOUT_LIST.map((l) => [l.name, l]));

/** Every layout Cairn knows. */
export const LAYOUT_NAMES = LAYOUT_LIST.map((l) => l.name);
/** cairo-run's --layout choices, in its order. */
export const CAIRO_RUN_LAYOUT_NAMES = LAYOUT_LIST.filter((l) => l.inCairoRun).map((l) => l.name);

export function getLayout(name: string): Layout {
  const l = LAYOUTS[name];
  if (l === undefined) throw new VmError('Layout', `Unknown layout "${name}". Known layouts: ${LAYOUT_NAMES.join(', ')}.`);
  return l;
}

/** The layouts (in the order above) that have every one of `builtins`. */
export function layoutsWith(builtins: readonly string[]): Layout[] {
  return LAYOUT_LIST.filter((l) => builtins.every((b) => l.builtins.some((lb) => lb.name === b)));
}

/** The fields of cairo-lang's CairoLayoutParams (--cairo_layout_params_file), in its order. */
const PARAM_FIELDS = [
  'cpu_component_step', 'rc_units', 'memory_units_per_step', 'log_diluted_units_per_step',
  'uses_pedersen_builtin', 'pedersen_ratio', 'uses_range_check_builtin', 'range_check_ratio',
  'uses_ecdsa_builtin', 'ecdsa_ratio', 'uses_bitwise_builtin', 'bitwise_ratio',
  'uses_ec_op_builtin', 'ec_op_ratio', 'uses_keccak_builtin', 'keccak_ratio',
  'uses_poseidon_builtin', 'poseidon_ratio', 'uses_range_check96_builtin', 'range_check96_ratio',
  'range_check96_ratio_den', 'uses_add_mod_builtin', 'add_mod_ratio', 'add_mod_ratio_den',
  'uses_mul_mod_builtin', 'mul_mod_ratio', 'mul_mod_ratio_den',
];
const DYNAMIC_BUILTINS = ['pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op', 'keccak', 'poseidon', 'range_check96', 'add_mod', 'mul_mod'];

/** What cairo-run prints when the params do not make a CairoLayoutParams (Python's own words). */
export class LayoutParamsError extends Error {}

/**
 * The dynamic layout of a CairoLayoutParams JSON object (CairoLayoutParams(**params)
 * .to_cairo_layout()): the given ratios, rc units, memory units and diluted pool; pedersen with
 * one repetition; a public memory fraction of 8, as build_dynamic_layout makes it.
 */
export function dynamicLayout(params: unknown): Layout {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new LayoutParamsError(`TypeError: starkware.cairo.lang.dynamic_layout_params.CairoLayoutParams() argument after ** must be a mapping, not ${params === null ? 'NoneType' : Array.isArray(params) ? 'list' : typeof params === 'string' ? 'str' : typeof params === 'number' ? (Number.isInteger(params) ? 'int' : 'float') : typeof params === 'boolean' ? 'bool' : 'dict'}`);
  }
  const p = params as Record<string, unknown>;
  for (const k of Object.keys(p)) {
    if (!PARAM_FIELDS.includes(k)) throw new LayoutParamsError(`TypeError: __init__() got an unexpected keyword argument '${k}'`);
  }
  const missing = PARAM_FIELDS.filter((f) => !(f in p));
  if (missing.length > 0) {
    const names = missing.map((m) => `'${m}'`);
    const list = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
    throw new LayoutParamsError(`TypeError: __init__() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  const num = (k: string): number => {
    const v = p[k];
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new VmError('Layout', `Invalid layout parameter ${k}: expected an integer, got ${JSON.stringify(v)}.`);
    return v;
  };
  // __post_init__: an unused builtin has ratio 0 (a bare assert: cairo-run prints "Error: ").
  for (const b of DYNAMIC_BUILTINS) if (num(`uses_${b}_builtin`) === 0 && num(`${b}_ratio`) !== 0) throw new VmError('Layout', '');
  const r = (b: string) => num(`${b}_ratio`);
  return layout('dynamic', {
    cpuComponentStep: num('cpu_component_step'),
    rcUnits: num('rc_units'),
    publicMemoryFraction: 8,
    memoryUnitsPerStep: num('memory_units_per_step'),
    dilutedPool: pool(num('log_diluted_units_per_step')),
    builtins: [
      output, pedersen(r('pedersen')), rangeCheck(r('range_check')), ecdsa(r('ecdsa')), bitwise(r('bitwise')), ecOp(r('ec_op')),
      keccak(r('keccak')), poseidon(r('poseidon')), rangeCheck96(r('range_check96'), num('range_check96_ratio_den')),
      addMod(r('add_mod'), num('add_mod_ratio_den')), mulMod(r('mul_mod'), num('mul_mod_ratio_den')),
    ],
    nTraceColumns: undefined,
    params: Object.fromEntries(PARAM_FIELDS.map((f) => [f, num(f)])),
  });
}
