#!/usr/bin/env bash
# End-to-end: Emacs dap-mode (Debian's emacs-nox and elpa-dap-mode) debugs examples/src/fib.cairo
# through `cairn dap` in batch mode: a breakpoint, the stack, the variables, continue to the end.
# Installs the Debian packages when missing (as test/e2e/run-e2e.sh does for chromium).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if ! command -v emacs >/dev/null || ! dpkg -s elpa-dap-mode >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends emacs-nox elpa-dap-mode >/dev/null
fi
[ -f "$ROOT/dist/cli.js" ] || (cd "$ROOT" && npm run build >/dev/null)
echo "emacs-dap: $(emacs --version | head -1), dap-mode $(dpkg-query -W -f '${Version}' elpa-dap-mode)"
HOME=$(mktemp -d)   # a clean ~/.emacs.d for each run
trap 'rm -rf "$HOME"' EXIT
export HOME CAIRN_CLI="$ROOT/dist/cli.js" CAIRN_EXAMPLES="$ROOT/examples"
timeout 180 emacs --batch -l "$HERE/emacs-dap.el" 2>"$HOME/stderr.log" || { echo "emacs-dap: failed; emacs said:"; tail -30 "$HOME/stderr.log"; exit 1; }
