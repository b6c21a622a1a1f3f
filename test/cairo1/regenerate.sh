#!/usr/bin/env bash
# Rebuilds the Cairo 1 fixtures (needs cargo; CI does not: the fixtures are committed).
# The generator is built on the Cairo compiler crates 2.20.0 and cairo-vm 3.2.0 (Cargo.lock);
# the compiler needs the matching corelib, which the crates do not carry: it is taken from
# starkware-libs/cairo at tag v2.20.0 (git must reach GitHub, or CORELIB=/path/to/corelib).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
GEN="$HERE/generator"
(cd "$GEN" && cargo build --release)
if [ ! -d "$GEN/target/corelib/src" ]; then
  if [ -n "${CORELIB:-}" ]; then cp -r "$CORELIB" "$GEN/target/corelib"
  else
    tmp=$(mktemp -d); git clone -q --depth 1 --branch v2.20.0 https://github.com/starkware-libs/cairo "$tmp/cairo"
    cp -r "$tmp/cairo/corelib" "$GEN/target/corelib"; rm -rf "$tmp"
  fi
fi
rm -rf "$HERE/fixtures"
cd "$HERE" && "$GEN/target/release/cairn-cairo1-fixtures" programs fixtures
