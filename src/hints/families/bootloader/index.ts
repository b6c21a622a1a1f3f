// Hint family: the bootloader library's hints that need no Python object (builtin selection).
import './builtin-selection';
