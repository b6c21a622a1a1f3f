#!/usr/bin/env bash
# Installs StarkWare's cairo-lang 0.14.0.1 (the reference VM: cairo-compile, cairo-run) into a
# virtual environment under .reference/ (git-ignored) and prints the path of its bin folder.
# Idempotent: a finished install is reused. fastecdsa builds against Debian's libgmp-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=0.14.0.1
DIR=.reference/cairo-lang-$VERSION
# cairo-run --profile_output runs cairo-lang's profiler, which imports protobuf (its generated
# profile_pb2 needs the 3.x runtime) but cairo-lang does not require it: installed here.
PROTOBUF=protobuf==3.20.3
if [ -x "$DIR/bin/cairo-run" ] && [ -f "$DIR/.complete" ]; then
  "$DIR/bin/python" -c 'import google.protobuf' 2>/dev/null || "$DIR/bin/pip" install -q --disable-pip-version-check "$PROTOBUF" >&2
  echo "$PWD/$DIR/bin"; exit 0
fi
if ! [ -e /usr/include/gmp.h ] && ! [ -e /usr/include/x86_64-linux-gnu/gmp.h ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y -q libgmp-dev >&2
  else
    echo "reference: libgmp-dev is needed to build fastecdsa (apt-get install libgmp-dev)" >&2; exit 1
  fi
fi
# cairo-lang 0.14 runs on Python 3.9 or 3.10 (3.11's dataclasses refuse its layouts).
find_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  for v in 3.9 3.10; do
    # pyenv's shims answer `command -v` for versions that are not selected: try each candidate.
    for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/$v.*/bin/python$v "$(command -v "python$v" || true)"; do
      if [ -x "$p" ] && "$p" -c 'import venv' >/dev/null 2>&1; then echo "$p"; return; fi
    done
  done
}
PY=$(find_python)
if [ -z "$PY" ]; then
  echo "reference: cairo-lang $VERSION needs Python 3.9 or 3.10 (set PYTHON=/path/to/python3.9)" >&2; exit 1
fi
rm -rf "$DIR"
"$PY" -m venv "$DIR" >&2
"$DIR/bin/pip" install -q --disable-pip-version-check "cairo-lang==$VERSION" "$PROTOBUF" >&2
"$DIR/bin/cairo-run" --help >/dev/null
touch "$DIR/.complete"
echo "$PWD/$DIR/bin"
