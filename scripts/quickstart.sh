#!/usr/bin/env bash
# gitvirt on this machine, in one command: installs what is missing (libvirt, QEMU, OpenSSH, git;
# node modules; the small test guest), brings up two local hypervisor hosts (the testbed: hv1 in
# zone-a, hv2 in zone-b), serves a demo repository in the style of examples-repo/ (templates in
# examples-repo/quickstart/) from a local git server, and runs the controller on it.
#
#   bash scripts/quickstart.sh            # run the controller in the foreground (Ctrl-C stops it)
#   bash scripts/quickstart.sh --detach   # run it in the background; return once it converged
#   bash scripts/quickstart.sh down       # stop everything the quickstart started
#
# Run as root. Running it again reuses what is still up (hosts, git server, the repository with
# your pushed changes) and restarts the controller; what is half gone is started over.
#
# Environment:
#   QUICKSTART_DIR          state of the demo (default /tmp/gitvirt-quickstart)
#   QUICKSTART_LISTEN       the controller's /metrics address (default 127.0.0.1:9464)
#   QUICKSTART_DETACH=1     same as --detach
#   QUICKSTART_TIMEOUT      seconds --detach waits for the first converged cycle (default 240)
#   QUICKSTART_USE_TESTBED  state dir of a testbed that is already up (e.g. the e2e tests'
#                           /tmp/gitvirt-testbed): the demo runs on its hosts instead of bringing
#                           up its own, and `down` removes only the demo's objects from them
#   GITVIRT_TESTBED_DIR     where the quickstart's own testbed keeps its state (see test/testbed)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "${repo}"

QS_DIR=${QUICKSTART_DIR:-/tmp/gitvirt-quickstart}
LISTEN=${QUICKSTART_LISTEN:-127.0.0.1:9464}
WAIT_SECONDS=${QUICKSTART_TIMEOUT:-240}
BORROWED=${QUICKSTART_USE_TESTBED:-}
TESTBED_DIR=${BORROWED:-${GITVIRT_TESTBED_DIR:-/tmp/gitvirt-testbed}}
MODE=own
[[ -n ${BORROWED} ]] && MODE=borrowed
SESSION_LOCK=${TESTBED_DIR}.session.lock
BRANCH=main
STATUS_BRANCH=gitvirt/status
REPO_NAME=fleet
MARK=.gitvirt-quickstart
STATE_FILE=${QS_DIR}/quickstart.state
GIT_ROOT=${QS_DIR}/git
BARE=${GIT_ROOT}/${REPO_NAME}.git
CLONE=${QS_DIR}/${REPO_NAME}
CONFIG=${QS_DIR}/config.yaml
CONTROLLER_LOG=${QS_DIR}/controller.log
SERVER_LOG=${QS_DIR}/server.log
TSX=(node --import tsx)
INTERVAL=10s

# shellcheck source=quickstart/lib.sh
source "${repo}/scripts/quickstart/lib.sh"
STARTED_MS=$(now_ms)

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

check_dirs() {
  case ${QS_DIR} in /?*) ;; *) die "QUICKSTART_DIR must be an absolute path: ${QS_DIR}" ;; esac
  [[ ${QS_DIR} != *..* ]] || die "refusing QUICKSTART_DIR ${QS_DIR}"
  case ${TESTBED_DIR} in /?*) ;; *) die "the testbed dir must be an absolute path: ${TESTBED_DIR}" ;; esac
  if [[ -d ${QS_DIR} && ! -e ${QS_DIR}/${MARK} && -n $(ls -A "${QS_DIR}") ]]; then
    die "${QS_DIR} exists and was not made by the quickstart; set QUICKSTART_DIR to another directory"
  fi
}

# ---------------------------------------------------------------------------------------------
# the testbed

# Whether the testbed's hosts are all alive and hv1's sshd lets the client in.
testbed_healthy() {
  local file pid start n=0
  [[ -f ${TESTBED_DIR}/state.json ]] || return 1
  for file in "${TESTBED_DIR}"/hosts/*/holder.pid; do
    [[ -f ${file} ]] || continue
    read -r pid start <"${file}" || return 1
    [[ $(proc_start "${pid}") == "${start}" ]] || return 1
    n=$((n + 1))
  done
  ((n >= 2)) || return 1
  timeout 15 ssh -F "${TESTBED_DIR}/ssh_config" hv1 true </dev/null >/dev/null 2>&1
}

# Takes the testbed's session lock (the one test runs take) for as long as the quickstart is up:
# a `sleep` holds it, so that a test run waits for `down` instead of tearing the demo's hosts down.
take_session_lock() {
  exec 8>>"${SESSION_LOCK}"
  if ! flock -n 8; then
    exec 8>&-
    return 1
  fi
  setsid sleep infinity </dev/null >/dev/null 2>&1 &
  write_pidfile lock "$!"
  exec 8>&-
}

testbed_busy_message() {
  say "The testbed in ${TESTBED_DIR} is in use by a test run (it holds ${SESSION_LOCK})."
  say "Wait until it finishes, then run this again."
}

# ---------------------------------------------------------------------------------------------
# down

down_testbed() {
  if [[ ${ST[MODE]:-own} == borrowed ]]; then
    if [[ -f ${BARE}/HEAD && -f ${ST[TESTBED_DIR]}/state.json ]]; then
      step "Removing the demo from the hosts of ${ST[TESTBED_DIR]} (left up: the quickstart borrowed it)"
      timeout 300 "${TSX[@]}" scripts/quickstart/clean-hosts.ts --testbed-dir "${ST[TESTBED_DIR]}" --git-dir "${BARE}" \
        --branch "${BRANCH}" </dev/null 2>&1 | indent || say "    (could not remove everything; see above)"
      ok "hosts cleaned"
    fi
    return 0
  fi
  local tb=${ST[TESTBED_DIR]:-${TESTBED_DIR}}
  if pid_of lock >/dev/null; then
    step "Tearing the testbed down (${tb})"
    GITVIRT_TESTBED_DIR=${tb} timeout 180 bash test/testbed/down.sh </dev/null 2>&1 | indent || true
    stop_proc lock 5
    ok "testbed down"
  elif [[ ${ST[TESTBED_UP]:-} == 1 && -f ${tb}/state.json ]]; then
    # The lock holder is gone: tear down only when no test run holds the testbed now.
    exec 8>>"${tb}.session.lock"
    if flock -n 8; then
      step "Tearing the testbed down (${tb})"
      GITVIRT_TESTBED_DIR=${tb} timeout 180 bash test/testbed/down.sh </dev/null 8>&- 2>&1 | indent || true
      ok "testbed down"
    else
      say "The testbed in ${tb} is held by a test run now; left alone."
    fi
    exec 8>&-
  fi
}

cmd_down() {
  check_dirs
  if [[ ! -e ${QS_DIR}/${MARK} ]]; then
    say "Nothing to tear down (no quickstart state in ${QS_DIR})."
    return 0
  fi
  state_load
  step "Stopping the controller and the git server"
  stop_proc controller 40
  stop_proc server 10
  ok "stopped"
  down_testbed
  rm -rf --one-file-system "${QS_DIR}"
  say "Everything the quickstart started is gone (${QS_DIR} removed) after $(seconds_since "${STARTED_MS}")."
}

# ---------------------------------------------------------------------------------------------
# up

# Whether an earlier run left everything up that this run can reuse; prints why not otherwise.
previous_reusable() {
  [[ ${ST[MODE]:-} == "${MODE}" && ${ST[TESTBED_DIR]:-} == "${TESTBED_DIR}" ]] || { say "it used another testbed"; return 1; }
  if [[ ${MODE} == own ]]; then pid_of lock >/dev/null || { say "its hold on the testbed is gone"; return 1; }; fi
  testbed_healthy || { say "its hosts are gone"; return 1; }
  pid_of server >/dev/null || { say "its git server is gone"; return 1; }
  curl -fsS --max-time 5 -o /dev/null "${ST[GIT_URL]:-x}/info/refs?service=git-upload-pack" 2>/dev/null || { say "its git server does not answer"; return 1; }
}

install_deps() {
  step "[1/5] Dependencies"
  timeout 900 bash test/testbed/install-deps.sh </dev/null 2>&1 | indent
  ok "system packages (libvirt, QEMU, OpenSSH, git)"
  command -v node >/dev/null && command -v npm >/dev/null || die "node and npm (Node.js >= 20.19) are required"
  if [[ ! -d node_modules ]]; then
    STEP_MS=$(now_ms)
    timeout 600 npm ci --no-audit --no-fund --loglevel=error </dev/null 2>&1 | indent
    ok "node modules installed"
  else
    ok "node modules present"
  fi
  STEP_MS=$(now_ms)
  GUEST_MANIFEST=$(timeout 600 bash test/testbed/guest/build.sh </dev/null 2> >(indent >&2) | tail -n 1)
  [[ -f ${GUEST_MANIFEST} ]] || die "the test guest did not build"
  ok "test guest (kernel, initramfs, disk image in $(dirname "${GUEST_MANIFEST}"))"
}

bring_up_testbed() {
  step "[2/5] Hypervisor hosts"
  if [[ ${MODE} == borrowed ]]; then
    testbed_healthy || die "QUICKSTART_USE_TESTBED=${TESTBED_DIR}: no running testbed there (state.json, live hosts, ssh to hv1)"
    ok "using the testbed in ${TESTBED_DIR} (QUICKSTART_USE_TESTBED); it stays up after down"
  elif [[ ${REUSE} == 1 ]]; then
    ok "hv1 and hv2 already up (${TESTBED_DIR})"
  else
    if ! pid_of lock >/dev/null && ! take_session_lock; then
      testbed_busy_message
      exit 1
    fi
    ST[TESTBED_UP]=1
    state_save
    GITVIRT_TESTBED_DIR=${TESTBED_DIR} timeout 300 bash test/testbed/up.sh 2 </dev/null 2>&1 | indent
    testbed_healthy || die "the testbed did not come up; see the lines above"
    ok "hv1 (zone-a) and hv2 (zone-b) up: each its own network namespace, libvirtd and sshd"
  fi
}

start_server() {
  local ready=${QS_DIR}/server.json i
  rm -f "${ready}"
  mkdir -p "${GIT_ROOT}"
  setsid "${TSX[@]}" scripts/quickstart/serve.ts --git-root "${GIT_ROOT}" --guest-manifest "${GUEST_MANIFEST}" \
    --testbed-dir "${TESTBED_DIR}" --ready-file "${ready}" </dev/null >>"${SERVER_LOG}" 2>&1 &
  write_pidfile server "$!"
  for ((i = 0; i < 600; i++)); do
    [[ -f ${ready} ]] && break
    pid_of server >/dev/null || { tail -n 20 "${SERVER_LOG}" >&2; die "the git server did not start"; }
    sleep 0.1
  done
  [[ -f ${ready} ]] || die "the git server did not start within 60 s (${SERVER_LOG})"
  ST[GIT_URL]="$(sed -n 's/.*"gitBaseUrl":"\([^"]*\)".*/\1/p' "${ready}")/${REPO_NAME}.git"
  ST[IMAGE_URL]=$(sed -n 's/.*"imageUrl":"\([^"]*\)".*/\1/p' "${ready}")
  state_save
}

make_repo() {
  step "[3/5] Demo repository"
  if [[ ${REUSE} == 1 ]]; then
    ok "git server already serving ${ST[GIT_URL]}"
  else
    start_server
    ok "git server serving ${ST[GIT_URL]} (and the guest image at ${ST[IMAGE_URL]})"
  fi
  STEP_MS=$(now_ms)
  local made
  made=$(timeout 120 "${TSX[@]}" scripts/quickstart/make-repo.ts --testbed-dir "${TESTBED_DIR}" \
    --guest-manifest "${GUEST_MANIFEST}" --templates examples-repo/quickstart --git-dir "${BARE}" \
    --image-url "${ST[IMAGE_URL]}" --branch "${BRANCH}" </dev/null)
  ok "${made}"
  STEP_MS=$(now_ms)
  if [[ -d ${CLONE}/.git ]]; then
    git -C "${CLONE}" remote set-url origin "${ST[GIT_URL]}"
    timeout 60 git -C "${CLONE}" pull -q --ff-only origin "${BRANCH}" </dev/null 2>&1 | indent ||
      say "    (your clone has changes of its own: pull and push them yourself)"
    ok "your clone ${CLONE} is up to date"
  else
    timeout 60 git clone -q "${ST[GIT_URL]}" "${CLONE}" </dev/null
    git -C "${CLONE}" config user.name "quickstart user"
    git -C "${CLONE}" config user.email "quickstart@gitvirt.invalid"
    ok "cloned into ${CLONE} (edit, commit and push there)"
  fi
}

write_config() {
  step "[4/5] Controller configuration"
  mkdir -p "${QS_DIR}/controller"
  cat >"${CONFIG}" <<EOF
# gitvirt controller configuration of the quickstart demo (written by scripts/quickstart.sh).
source:
  git:
    url: ${ST[GIT_URL]}
    branch: ${BRANCH}
# A cycle every ${INTERVAL}: fetch, validate, compile, observe the hosts, plan, apply, status.
interval: ${INTERVAL}
ssh:
  # The testbed's client key, which every testbed host accepts for root.
  identityFile: ${TESTBED_DIR}/client/id_ed25519
statusBranch: ${STATUS_BRANCH}
listen: "${LISTEN}"
stateDir: ${QS_DIR}/controller
log:
  level: info
EOF
  ok "${CONFIG}: ${ST[GIT_URL]} (${BRANCH}) every ${INTERVAL}, /metrics on ${LISTEN}"
}

print_guide() {
  local ssh="ssh -F ${TESTBED_DIR}/ssh_config"
  cat <<EOF

gitvirt follows ${ST[GIT_URL]} (${BRANCH}). Have a look, in another terminal:

  metrics      curl -s ${LISTEN}/metrics | grep gitvirt_
  status       git -C ${CLONE} fetch -q && git -C ${CLONE} log --stat origin/${STATUS_BRANCH}
  notes        git -C ${CLONE} fetch -q origin 'refs/notes/*:refs/notes/*' && git -C ${CLONE} log --notes=gitvirt -1 origin/${BRANCH}
  hosts        ${ssh} hv1 virsh list --all        (and hv2; net-list --all, vol-list gitvirt)
  a guest      ${ssh} hv1 busybox wget -qO- http://192.168.110.11/hostname
  controller   ${CONTROLLER_LOG}   (JSON lines)

Change something: edit the clone, commit and push; the next cycle applies it (within ${INTERVAL}).
Two CPUs for the web VMs is a change that needs a reboot: gitvirt restarts them.

  cd ${CLONE}
  sed -i 's/cpus: 1/cpus: 2/' vms/web.yaml
  git commit -qam "web: two CPUs" && git push -q

Tear it all down (controller, git server, hosts):  bash scripts/quickstart.sh down

EOF
}

check_listen_free() {
  if curl -s --max-time 2 -o /dev/null "http://${LISTEN}/" 2>/dev/null; then
    die "${LISTEN} is already in use; set QUICKSTART_LISTEN to a free address (e.g. 127.0.0.1:9465)"
  fi
}

run_controller() {
  step "[5/5] Controller"
  stop_proc controller 40
  check_listen_free
  local run=(controller/main.ts run --config "${CONFIG}")
  if [[ ${DETACH} == 1 ]]; then
    setsid "${TSX[@]}" "${run[@]}" </dev/null >>"${CONTROLLER_LOG}" 2>&1 &
    write_pidfile controller "$!"
    say "    started in the background (pid $!); waiting for its first converged cycle (at most ${WAIT_SECONDS} s):"
    if ! timeout $((WAIT_SECONDS + 30)) "${TSX[@]}" scripts/quickstart/wait-converged.ts --metrics-url "http://${LISTEN}/metrics" \
      --log "${CONTROLLER_LOG}" --pid "$!" --git-dir "${BARE}" --status-branch "${STATUS_BRANCH}" \
      --timeout-seconds "${WAIT_SECONDS}" </dev/null | indent; then
      say "    last lines of ${CONTROLLER_LOG}:"
      tail -n 15 "${CONTROLLER_LOG}" | indent
      die "the controller did not converge; it is left running for a look (bash scripts/quickstart.sh down stops everything)"
    fi
    ok "controller running in the background; its log: ${CONTROLLER_LOG}"
    print_guide
    say "All up $(seconds_since "${STARTED_MS}") after the start."
    return 0
  fi
  print_guide
  say "The controller's log follows (the whole JSON lines go to ${CONTROLLER_LOG})."
  say "Ctrl-C stops the controller; the hosts and the git server stay up until 'bash scripts/quickstart.sh down'."
  say ""
  local rc=0
  trap 'interrupted=1' INT
  # shellcheck disable=SC2016
  bash -c "$(declare -f proc_start)"'; printf "%s %s\n" $$ "$(proc_start $$)" >"$1"; shift; exec "$@"' \
    _ "${QS_DIR}/controller.pid" "${TSX[@]}" "${run[@]}" </dev/null 2>&1 |
    "${TSX[@]}" scripts/quickstart/pretty-log.ts --raw "${CONTROLLER_LOG}" || rc=$?
  trap - INT
  rm -f "${QS_DIR}/controller.pid"
  say ""
  say "The controller stopped. The hosts and the git server are still up: look around, run this"
  say "script again to restart the controller, or 'bash scripts/quickstart.sh down' to tear it all down."
  return "${rc}"
}

cmd_up() {
  check_dirs
  [[ ${EUID} -eq 0 ]] || die "run as root: the testbed creates network namespaces and runs libvirtd"
  mkdir -p "${QS_DIR}"
  touch "${QS_DIR}/${MARK}"
  state_load
  REUSE=0
  if [[ -n ${ST[MODE]:-} ]]; then
    local why
    if why=$(previous_reusable); then
      REUSE=1
      say "An earlier quickstart run is still up in ${QS_DIR}: reusing its hosts, git server and repository."
    else
      say "An earlier quickstart run in ${QS_DIR} is only partly up (${why}); starting over."
      cmd_down | indent
      mkdir -p "${QS_DIR}"
      touch "${QS_DIR}/${MARK}"
      ST=()
    fi
  fi
  if [[ ${MODE} == own && ${REUSE} == 0 ]] && ! flock -n "${SESSION_LOCK}" true 2>/dev/null; then
    testbed_busy_message
    exit 1
  fi
  ST[MODE]=${MODE}
  ST[TESTBED_DIR]=${TESTBED_DIR}
  state_save
  install_deps
  bring_up_testbed
  make_repo
  write_config
  run_controller
}

# ---------------------------------------------------------------------------------------------

DETACH=${QUICKSTART_DETACH:-0}
COMMAND=up
for arg in "$@"; do
  case ${arg} in
    up) COMMAND=up ;;
    down) COMMAND=down ;;
    --detach | -d) DETACH=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ ${DETACH} == 1 ]] || DETACH=0

case ${COMMAND} in
  up) cmd_up ;;
  down)
    [[ ${EUID} -eq 0 ]] || die "run as root"
    cmd_down
    ;;
esac
