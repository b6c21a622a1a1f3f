// Every hint family; importing this file registers them all.
import './families/segments';
import './families/math/index';
import './families/uint-dict/index';
import './families/hash/index';
import './families/secp/index';
import './families/field/index';
import './families/bootloader/index';
import './families/merkle/index';
