// Hint family: secp (cairo_secp field and curve hints, plus the few other hints of its list).
import './field';
import './ec';
import './bits';
import './misc';
import './r1';
import './nibbles';
