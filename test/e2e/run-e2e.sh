#!/usr/bin/env bash
# End-to-end test of the packaged extension in a real VS Code: code-server's workbench driven by
# Debian's chromium through playwright-core (@vscode/test-electron would download VS Code at run
# time, which this machine and CI cannot do). Adapted from shared/e2e.
# usage: test/e2e/run-e2e.sh [path/to/cairn.vsix]   (default: builds one with `npm run package`)
# env:   E2E_SETUP_ONLY=1 installs the tools and stops; E2E_PORT (8799); E2E_TOOLS (tools cache).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORKDIR="$HERE/workdir"                      # gitignored
TOOLS=${E2E_TOOLS:-$WORKDIR/tools}
RUN="$WORKDIR/run"
ARTIFACTS="$HERE/artifacts"                  # screenshots + logs, gitignored
PORT=${E2E_PORT:-8799}
CS_VERSION=4.100.3        # newest code-server whose postinstall accepts Node 20
PW_VERSION=1.65.1
t() { echo "[$(date +%T)] $*"; }

t "apt packages"
if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev pkg-config >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev pkg-config ripgrep >/dev/null
fi

t "code-server + playwright-core"
if [ ! -x "$TOOLS/node_modules/.bin/code-server" ] || [ ! -d "$TOOLS/node_modules/playwright-core" ]; then
  mkdir -p "$TOOLS"
  # @vscode/ripgrep (inside code-server) downloads rg at install time: seed its cache with Debian's rg.
  export TMPDIR="$TOOLS/.tmp"
  RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RG_CACHE"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  [ -f "$TOOLS/package.json" ] || echo '{"private":true}' > "$TOOLS/package.json"
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty runs `npx node-gyp`.
  (cd "$TOOLS" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_yes=true npm_config_unsafe_perm=true \
     npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION" "playwright-core@$PW_VERSION" \
     > "$WORKDIR/npm-install.log" 2>&1) || { tail -40 "$WORKDIR/npm-install.log"; exit 1; }
  unset TMPDIR
fi
CS="$TOOLS/node_modules/.bin/code-server"
[ "${E2E_SETUP_ONLY:-}" = 1 ] && { t "tools ready"; exit 0; }

VSIX=${1:-}
if [ -z "$VSIX" ]; then
  t "npm run package"
  (cd "$ROOT" && npm run --silent package < /dev/null > "$WORKDIR/package.log" 2>&1) || { tail -30 "$WORKDIR/package.log"; exit 1; }
  VSIX="$ROOT/$(cd "$ROOT" && node -p "const p = require('./package.json'); p.name + '-' + p.version").vsix"
fi
t "vsix: $VSIX"

t "fresh profile + workspace"
rm -rf "$RUN" "$ARTIFACTS"; mkdir -p "$RUN/udd/User" "$RUN/exts" "$RUN/home" "$ARTIFACTS"
# A copy of examples/ so the test never writes into the repository (breakpoints, .vscode state).
cp -r "$ROOT/examples" "$RUN/examples"
rm -rf "$RUN/examples/.vscode"               # no launch.json: F5 must go through our provider
# VS Code's IPC sockets live in TMPDIR: keep the path short (sun_path limit is 107 bytes).
TMPDIR=$(mktemp -d /tmp/cairn-e2e.XXXXXX); export TMPDIR
export HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share" XDG_CACHE_HOME="$RUN/home/.cache"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
cat > "$RUN/udd/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false, "update.mode": "none",
  "workbench.enableExperiments": false, "workbench.tips.enabled": false, "debug.inlineValues": "on",
  "git.enabled": false, "cairn.trace": true }
JSON
COMMON=(--config "$RUN/config.yaml" --user-data-dir "$RUN/udd" --extensions-dir "$RUN/exts")
"$CS" "${COMMON[@]}" --install-extension "$VSIX" > "$ARTIFACTS/install.log" 2>&1 || { cat "$ARTIFACTS/install.log"; exit 1; }
"$CS" "${COMMON[@]}" --list-extensions --show-versions

t "start code-server"
if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
  echo "port $PORT already serves something (another e2e run?): set E2E_PORT"; exit 1
fi
setsid "$CS" "${COMMON[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override > "$ARTIFACTS/server.log" 2>&1 < /dev/null &
CS_PID=$!
cleanup() {
  kill -- -"$CS_PID" 2>/dev/null || true
  # keep the extension host logs (adapter/extension output) next to the screenshots
  find "$RUN/udd/logs" -name '*.log' -newer "$RUN/config.yaml" -path '*exthost*' -exec cp {} "$ARTIFACTS/" \; 2>/dev/null || true
  rm -rf "$TMPDIR"
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz"

t "playwright e2e"
NODE_PATH="$TOOLS/node_modules" node "$HERE/e2e.js" "http://127.0.0.1:$PORT" "$RUN/examples" "$ARTIFACTS"
