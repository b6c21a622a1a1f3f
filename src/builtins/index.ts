// Builtin runners by name. The runner creates one per builtin of the layout that the program's
// %builtins lists, in layout order: createBuiltin(layoutBuiltin, included).
import { BuiltinRunner, BuiltinOptions, BuiltinParams } from './builtin';
import { OutputBuiltin } from './output';
import { PedersenBuiltin } from './pedersen';
import { RangeCheckBuiltin } from './range-check';
import { EcdsaBuiltin } from './ecdsa';
import { BitwiseBuiltin } from './bitwise';
import { EcOpBuiltin } from './ec-op';
import { KeccakBuiltin } from './keccak';
import { PoseidonBuiltin } from './poseidon';
import { ModBuiltin, fillModMemory } from './mod';
import { SegmentArenaBuiltin } from './segment-arena';
import { VmError } from '../vm/errors';

const FACTORIES: Record<string, (o: BuiltinOptions) => BuiltinRunner> = {
  output: (o) => new OutputBuiltin(o),
  pedersen: (o) => new PedersenBuiltin(o),
  range_check: (o) => new RangeCheckBuiltin('range_check', o),
  ecdsa: (o) => new EcdsaBuiltin(o),
  bitwise: (o) => new BitwiseBuiltin(o),
  ec_op: (o) => new EcOpBuiltin(o),
  keccak: (o) => new KeccakBuiltin(o),
  poseidon: (o) => new PoseidonBuiltin(o),
  range_check96: (o) => new RangeCheckBuiltin('range_check96', o),
  add_mod: (o) => new ModBuiltin('add_mod', o),
  mul_mod: (o) => new ModBuiltin('mul_mod', o),
  segment_arena: (o) => new SegmentArenaBuiltin(o),
};

/**
 * Every builtin name of cairo-lang, in the order `%builtins` must list them (a program's list
 * must be a subsequence). segment_arena is not among them: no layout has it (cairo-vm appends
 * it after the layout's builtins for Cairo 1 programs).
 */
export const BUILTIN_ORDER = [
  'output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op', 'keccak', 'poseidon',
  'range_check96', 'add_mod', 'mul_mod',
];

/**
 * A builtin runner from a layout's record (`createBuiltin(layoutBuiltin, included)`), or from a
 * name and explicit options (`createBuiltin('pedersen', { included: true, ratio: 32 })`).
 * Parameters absent from the record take instances.py's default values.
 */
export function createBuiltin(spec: BuiltinParams | string, opts: BuiltinOptions | boolean): BuiltinRunner {
  const name = typeof spec === 'string' ? spec : spec.name;
  const f = FACTORIES[name];
  if (f === undefined) throw new VmError('Builtin', `The ${name} builtin is not supported.`);
  let o: BuiltinOptions;
  if (typeof opts === 'boolean') {
    if (typeof spec === 'string') o = { included: opts, ratio: undefined };
    else {
      const { name: _n, ...params } = spec;
      o = { ...params, included: opts };
    }
  } else {
    o = typeof spec === 'string' ? opts : { ...spec, ...opts };
  }
  if (o.layout !== undefined) o = { ...o.layout, ...withoutUndefined(o) };
  return f(o);
}

function withoutUndefined(o: BuiltinOptions): BuiltinOptions {
  const r: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined || k === 'ratio') r[k] = v;
  return r as unknown as BuiltinOptions;
}

export {
  BuiltinRunner, BuiltinOptions, BuiltinParams, OutputBuiltin, PedersenBuiltin, RangeCheckBuiltin, EcdsaBuiltin,
  BitwiseBuiltin, EcOpBuiltin, KeccakBuiltin, PoseidonBuiltin, ModBuiltin, SegmentArenaBuiltin, fillModMemory,
};
