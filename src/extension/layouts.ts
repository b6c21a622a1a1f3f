// Cairo layouts and the builtins each one provides, in the order the VM lays them out
// (from cairo-lang's instances.py). Used to pick a layout a program can actually run on.

export const LAYOUT_BUILTINS: Record<string, readonly string[]> = {
  plain: [],
  small: ['output', 'pedersen', 'range_check', 'ecdsa'],
  dex: ['output', 'pedersen', 'range_check', 'ecdsa'],
  recursive: ['output', 'pedersen', 'range_check', 'bitwise'],
  starknet: ['output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op', 'poseidon'],
  starknet_with_keccak: ['output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op', 'keccak', 'poseidon'],
  recursive_large_output: ['output', 'pedersen', 'range_check', 'bitwise', 'poseidon'],
  recursive_with_poseidon: ['output', 'pedersen', 'range_check', 'bitwise', 'poseidon'],
  all_solidity: ['output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op'],
  all_cairo: ['output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op', 'keccak', 'poseidon',
    'range_check96', 'add_mod', 'mul_mod'],
};

export const LAYOUTS = Object.keys(LAYOUT_BUILTINS);

/** True if the program's builtins appear in the layout, in the layout's order (what the VM requires). */
export function layoutFits(layout: string, programBuiltins: readonly string[]): boolean {
  const available = LAYOUT_BUILTINS[layout];
  if (!available) return false;
  let k = 0;
  for (const b of programBuiltins) {
    while (k < available.length && available[k] !== b) k++;
    if (k === available.length) return false;
    k++;
  }
  return true;
}

/** The layout to use when the user named none: `plain` (cairo-run's default) when the program
 *  needs no builtins, else starknet_with_keccak (what the examples and most code target), else
 *  the first layout that fits. */
export function chooseLayout(programBuiltins: readonly string[]): string {
  if (programBuiltins.length === 0) return 'plain';
  for (const l of ['starknet_with_keccak', 'all_cairo', ...LAYOUTS]) if (layoutFits(l, programBuiltins)) return l;
  return 'all_cairo';
}
