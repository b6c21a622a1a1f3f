//! What the fixture generator and the debug-file helper share.
pub mod debug_file;
