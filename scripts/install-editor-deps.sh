#!/usr/bin/env bash
# Installs the editors the language-server acceptance tests drive (server/test/editors.test.ts):
# Neovim, Emacs without X, and Eglot. Idempotent: installs only what is missing, then prints versions.
# Needs root and apt-get (CI runs as root on a fresh Debian). Exit status: 0 when every editor is usable,
# 1 when something could not be installed (the editor tests then skip with the reason).
# Another job may hold the dpkg lock, so every apt-get waits for it (DPkg::Lock::Timeout).
set -uo pipefail

APT=(apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
export DEBIAN_FRONTEND=noninteractive

have_nvim() { command -v nvim >/dev/null 2>&1; }
have_emacs() { command -v emacs >/dev/null 2>&1; }
# Not -Q: Debian's elpa-* packages are put on the load path by /etc/emacs/site-start.d.
have_eglot() { have_emacs && emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; }

missing=()
have_nvim || missing+=(neovim)
have_emacs || missing+=(emacs-nox)
have_eglot || missing+=(elpa-eglot)

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-editor-deps: missing ${missing[*]}; cannot install (needs root and apt-get)" >&2
    exit 1
  fi
  echo "install-editor-deps: installing ${missing[*]}"
  # Try with the current package lists first; refresh them only when that fails (fresh machine).
  if ! "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >/tmp/install-editor-deps.log 2>&1; then
    "${APT[@]}" update >>/tmp/install-editor-deps.log 2>&1
    if ! "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >>/tmp/install-editor-deps.log 2>&1; then
      tail -n 20 /tmp/install-editor-deps.log >&2
      echo "install-editor-deps: apt-get install ${missing[*]} failed (log: /tmp/install-editor-deps.log)" >&2
      exit 1
    fi
  fi
fi

status=0
if have_nvim; then nvim --version | head -n 1; else echo "nvim: missing" >&2; status=1; fi
if have_emacs; then emacs --version | head -n 1; else echo "emacs: missing" >&2; status=1; fi
if have_eglot; then
  emacs --batch --eval "(progn (require 'eglot) (princ (format \"eglot %s\n\" (file-name-nondirectory (directory-file-name (file-name-directory (locate-library \"eglot\")))))))" 2>/dev/null
else
  echo "eglot: does not load in $(emacs --version 2>/dev/null | head -n 1)" >&2
  emacs --batch --eval "(require 'eglot)" 2>&1 | tail -n 5 >&2
  status=1
fi
exit "$status"
