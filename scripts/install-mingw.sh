#!/usr/bin/env bash
# Installs the MinGW-w64 cross compilers the compiler test (rules/test/compiler.test.ts) checks fixes with:
# Debian's gcc-mingw-w64-x86-64 and g++-mingw-w64-x86-64, whose mstcpip.h defines SIO_LOOPBACK_FAST_PATH.
# Idempotent and quick when both are present. Needs root and apt-get. Exit 0 when both compilers run.
set -uo pipefail

APT=(apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
export DEBIAN_FRONTEND=noninteractive

have() { command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 && command -v x86_64-w64-mingw32-g++ >/dev/null 2>&1; }

if ! have; then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-mingw: x86_64-w64-mingw32-gcc/g++ missing; cannot install (needs root and apt-get)" >&2
    exit 1
  fi
  echo "install-mingw: installing gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64"
  # Try with the current package lists first; refresh them only when that fails (fresh machine).
  if ! "${APT[@]}" install -y --no-install-recommends gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 >/tmp/install-mingw.log 2>&1; then
    "${APT[@]}" update >>/tmp/install-mingw.log 2>&1
    if ! "${APT[@]}" install -y --no-install-recommends gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 >>/tmp/install-mingw.log 2>&1; then
      tail -n 20 /tmp/install-mingw.log >&2
      echo "install-mingw: apt-get install failed (log: /tmp/install-mingw.log)" >&2
      exit 1
    fi
  fi
fi
have || { echo "install-mingw: the compilers are still missing" >&2; exit 1; }
x86_64-w64-mingw32-gcc --version | head -n 1
