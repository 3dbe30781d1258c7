#!/usr/bin/env bash
# Installs every tool the end-to-end tests drive, when missing: Chromium (HTML report), Neovim/Emacs/Eglot
# (language server in editors) and code-server with Node 24 (VS Code extension). Idempotent and quick when all
# is present. `.ci/run` and `npm test` (pretest) both call it. Needs root and apt-get the first time.
# Exit status 1 when a tool could not be installed, naming it; WINSOCK_LINT_TEST_TOOLS=skip runs nothing.
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ ${WINSOCK_LINT_TEST_TOOLS:-} == skip ]]; then
  echo "install-test-tools: WINSOCK_LINT_TEST_TOOLS=skip; tests whose tools are missing will be skipped" >&2
  exit 0
fi

# The one list of installers, each with what its failure costs. Add new installers here.
INSTALLERS=(
  "cli/scripts/install-chromium.sh|the HTML rendering test"
  "scripts/install-editor-deps.sh|the Neovim and Emacs language-server tests"
  "client/scripts/install-code-server.sh|the VS Code extension test"
)

# Worktrees and CI jobs may run this at the same time: one installer at a time (apt and npm folders).
exec 9>"${TMPDIR:-/tmp}/winsock-lint-install-test-tools.lock"
flock 9

failed=()
for entry in "${INSTALLERS[@]}"; do
  script=${entry%%|*}
  if ! bash "$script" >/dev/null; then
    echo "install-test-tools: $script failed: ${entry#*|} cannot run" >&2
    failed+=("$script")
  fi
done

if ((${#failed[@]} > 0)); then
  echo "install-test-tools: ${#failed[@]} installer(s) failed (${failed[*]}). Run as root with apt-get," >&2
  echo "  or set WINSOCK_LINT_TEST_TOOLS=skip to run the tests without those tools (they are then skipped)." >&2
  exit 1
fi
echo "install-test-tools: every test tool is installed" >&2
