// Hint family: math (implementations register themselves with defineHint). The segment hints
// of the family (alloc, temporary segments, relocation rules) are in ../segments.ts.
import './compare';
import './division';
import './find';
import './usort';
import './scopes';
import './ec';
import './signature';
import './powers';
import './ec-op';
import './mod-circuit';
import './syscalls';
