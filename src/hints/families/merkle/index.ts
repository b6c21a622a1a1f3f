// Hint family: Merkle trees (merkle_update.cairo). merkle_multi_update, small_merkle_tree and
// patricia walk Python objects (preimage dicts, update trees) and are left to the Python bridge.
import './merkle-update';
