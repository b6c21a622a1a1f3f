// The exact code strings of the hints of cairo-lang's bootloader library that run in TypeScript:
// builtin selection (starkware/cairo/builtin_selection). Registered by the files next to this one.

/** inner_select_builtins.cairo */
export const SELECT_BUILTIN = String.raw`# A builtin should be selected iff its encoding appears in the selected encodings list
# and the list wasn't exhausted.
# Note that testing inclusion by a single comparison is possible since the lists are sorted.
ids.select_builtin = int(
  n_selected_builtins > 0 and memory[ids.selected_encodings] == memory[ids.all_encodings])
if ids.select_builtin:
  n_selected_builtins = n_selected_builtins - 1`;

/** select_builtins.cairo, select_input_builtins.cairo */
export const ENTER_SELECTED = String.raw`vm_enter_scope({'n_selected_builtins': ids.n_selected_builtins})`;

