// Hint family: hash (keccak, sha256, blake2s) and the counted-loop scope hints they share with
// memset. Each file registers its hints with defineHint.
import './keccak-hints';
import './sha256-hints';
import './blake2s-hints';
import './loop-scope';
import './encode-felts';
import './keccak-simulation';
