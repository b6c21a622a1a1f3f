// Hint family: the bootloaders (simple, full, applicative) and the builtin selection they use.
import './builtin-selection';
import './simple-bootloader';
import './full-bootloader';
import './applicative-bootloader';
import './simulated-builtins';
