#!/usr/bin/env bash
# The one entry point for the test suite (CI and README): installs what the testbed needs, the
# node modules, builds the test guest image, runs every vitest project with coverage and always
# tears the testbed down. Run as root from anywhere; exits with vitest's exit code.
# Arguments go to vitest (e.g. `test/ci.sh --project unit`, `test/ci.sh test/e2e/testbed.test.ts`).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "${repo}"
export CI=${CI:-true}

section() { printf '\n==== %s ====\n' "$*"; }
elapsed() { printf '(%d s)\n' $((SECONDS - $1)); }

teardown() {
  local rc=$?
  section "testbed teardown"
  if [[ ${GITVIRT_TESTBED_KEEP:-} == 1 ]]; then
    echo "left up (GITVIRT_TESTBED_KEEP=1); tear down with test/testbed/down.sh"
    exit "${rc}"
  fi
  # The same session lock as the e2e global setup: never tear down hosts another run is using.
  local lock=${GITVIRT_TESTBED_DIR:-/tmp/gitvirt-testbed}.session.lock down_rc=0
  flock --nonblock --conflict-exit-code 75 "${lock}" timeout 90 bash test/testbed/down.sh </dev/null || down_rc=$?
  case ${down_rc} in
    0) ;;
    75) echo "another test run holds the testbed (${lock}); left it up" >&2 ;;
    *) echo "testbed teardown failed" >&2 ;;
  esac
  exit "${rc}"
}

if [[ ${EUID} -ne 0 ]]; then
  echo "test/ci.sh must run as root (the testbed creates network namespaces and runs libvirtd)" >&2
  exit 1
fi
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

section "system packages"
t=${SECONDS}
timeout 600 bash test/testbed/install-deps.sh </dev/null
elapsed "${t}"

section "node modules"
t=${SECONDS}
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "node and npm (Node >= 20.19) are required" >&2
  exit 1
fi
node --version
if [[ -d node_modules ]] && timeout 60 npm ls --depth=0 >/dev/null 2>&1; then
  echo "node_modules is up to date"
else
  timeout 300 npm ci --no-audit --no-fund --loglevel=error </dev/null
fi
elapsed "${t}"

section "test guest image"
t=${SECONDS}
if [[ -f test/testbed/guest/build.sh ]]; then
  timeout 300 bash test/testbed/guest/build.sh </dev/null
else
  echo "no guest image builder (test/testbed/guest/build.sh); skipped"
fi
elapsed "${t}"

section "tests (unit and e2e, with coverage)"
t=${SECONDS}
rc=0
timeout --kill-after=30 1800 npx vitest run --coverage "$@" </dev/null || rc=$?
elapsed "${t}"
if [[ ${rc} -eq 124 ]]; then echo "vitest ran out of time" >&2; fi
exit "${rc}"
