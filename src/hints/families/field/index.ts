// Hint family: field (uint384 / 384-bit prime field, ec_bigint, ec_recover, vrf's uint256/uint512
// and ed25519 field hints, encode_packed). Each file registers its hints with defineHint.
import './felt';
import './uint384';
import './bigint';
import './ec-recover';
import './uint512';
import './ed25519';
