#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the HTML report test (cli/test/html-chromium.test.ts).
# Idempotent: does nothing when `chromium` is already on PATH. Needs root and apt-get; waits up to 10 minutes
# for another apt/dpkg run to release its lock instead of failing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  chromium --version
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: need root and apt-get to install chromium; the HTML rendering test will be skipped" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends chromium; then
  # The package lists may be missing or stale on a fresh image.
  apt-get -o DPkg::Lock::Timeout=600 update
  apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends chromium
fi
chromium --version
