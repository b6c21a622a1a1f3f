// The exact code strings of merkle_update.cairo's hints (cairo-lang 0.14 common library).

/** merkle_update.cairo */
export const MERKLE_AUTH_PATH_EMPTY = String.raw`# Check that auth_path had the right number of elements.
assert len(auth_path) == 0, 'Got too many values in auth_path.'`;

/** merkle_update.cairo */
export const MERKLE_INDEX_BIT = String.raw`memory[ap] = ids.index % 2`;

/** merkle_update.cairo */
export const MERKLE_SIBLING_RIGHT = String.raw`# Hash hints.
sibling = auth_path.pop()
ids.prev_node_hash.y = sibling
ids.new_node_hash.y = sibling`;

/** merkle_update.cairo */
export const MERKLE_SIBLING_LEFT = String.raw`# Hash hints.
sibling = auth_path.pop()
ids.prev_node_hash.x = sibling
ids.new_node_hash.x = sibling`;

