// Hint family: uint-dict (implementations register themselves with defineHint).
// uint256 arithmetic and limb splits; Cairo dicts (DictManager) and squash_dict.
import './uint256';
import './splits';
import './dict';
import './squash-dict';
