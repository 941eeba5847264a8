# Shared by up.sh and down.sh: where the testbed keeps its state and how it is torn down.
# Only processes living in the testbed's own network namespaces (gvhv<i>) or recorded in its
# pid files (checked against their recorded start time) are ever signalled.

# shellcheck source=cgroups.sh
source "$(dirname "${BASH_SOURCE[0]}")/cgroups.sh"

TESTBED_DIR=${GITVIRT_TESTBED_DIR:-/tmp/gitvirt-testbed}
TESTBED_MARK=.gitvirt-testbed
NETNS_RE='^gvhv[0-9]+$'

tb_log() { printf 'testbed: %s\n' "$*" >&2; }

tb_check_dir() {
  case ${TESTBED_DIR} in
    /*) ;;
    *) tb_log "GITVIRT_TESTBED_DIR must be an absolute path: ${TESTBED_DIR}"; return 1 ;;
  esac
  if [[ ${TESTBED_DIR} == / || ${TESTBED_DIR} == *..* ]]; then
    tb_log "refusing state dir ${TESTBED_DIR}"
    return 1
  fi
}

# Start time (clock ticks since boot) of a process, empty when it is gone. No fork.
tb_starttime() {
  local stat fields
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 0
  stat=${stat##*) }
  # after the command name: field 3 is index 0, starttime (field 22) is index 19
  read -r -a fields <<<"${stat}"
  printf '%s' "${fields[19]:-}"
}

# Prints the network namespaces (as "net:[inode]") of the testbed: the named gvhv<i> ones and
# those recorded by hosts of the current or an earlier run (even if their name is gone).
tb_netns_inodes() {
  local named=() f want
  for f in /run/netns/gvhv*; do
    [[ -e ${f} && ${f##*/} =~ ${NETNS_RE} ]] && named+=("${f}")
  done
  if [[ ${#named[@]} -gt 0 ]]; then stat -L -c 'net:[%i]' "${named[@]}" 2>/dev/null || true; fi
  for f in "${TESTBED_DIR}"/hosts/*/netns; do
    [[ -f ${f} ]] || continue
    read -r want <"${f}" || true
    [[ ${want:-} == net:\[*\] ]] && printf '%s\n' "${want}"
  done
  return 0
}

# Prints the recorded namespace holders still alive (pid and start time must both match).
tb_holder_pids() {
  local f pid start
  for f in "${TESTBED_DIR}"/hosts/*/holder.pid; do
    [[ -f ${f} ]] || continue
    read -r pid start <"${f}" || true
    [[ ${pid:-} =~ ^[0-9]+$ && -n ${start:-} ]] || continue
    [[ $(tb_starttime "${pid}") == "${start}" ]] && printf '%s\n' "${pid}"
  done
  return 0
}

# Prints the pids of every process whose network namespace is one of the given ones.
tb_pids_in_netns() {
  local want=" $* " path ns pid
  [[ -n ${want// /} ]] || return 0
  while read -r path ns; do
    [[ ${want} == *" ${ns} "* ]] || continue
    pid=${path#/proc/}
    printf '%s\n' "${pid%%/*}"
  done < <(find /proc/[0-9]*/ns/net -maxdepth 0 -printf '%p %l\n' 2>/dev/null)
  return 0
}

# Signals every process of the testbed (anything in its namespaces, and the recorded holders),
# escalating from SIGTERM to SIGKILL; bounded to about 10 s.
tb_kill_all() {
  local inodes holders pids i h
  mapfile -t inodes < <(tb_netns_inodes)
  mapfile -t holders < <(tb_holder_pids)
  mapfile -t pids < <(tb_pids_in_netns "${inodes[@]}")
  pids+=("${holders[@]}")
  [[ ${#pids[@]} -gt 0 ]] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    ((i == 30)) && { kill -KILL "${pids[@]}" 2>/dev/null || true; }
    sleep 0.1
    mapfile -t pids < <(tb_pids_in_netns "${inodes[@]}")
    for h in "${holders[@]}"; do kill -0 "${h}" 2>/dev/null && pids+=("${h}"); done
    [[ ${#pids[@]} -gt 0 ]] || return 0
  done
  tb_log "processes still alive after SIGKILL: ${pids[*]}"
  return 1
}

# Removes the cgroups the hosts had (see cgroups.sh).
tb_remove_cgroups() {
  cg_remove "${TESTBED_DIR}"/hosts/*/cgroup-dirs
}

# Removes the testbed's namespaces and veths.
tb_remove_links() {
  local f link
  for f in /run/netns/gvhv*; do
    [[ -e ${f} && ${f##*/} =~ ${NETNS_RE} ]] && { ip netns del "${f##*/}" 2>/dev/null || true; }
  done
  while read -r link; do
    link=${link%%@*}
    [[ ${link} =~ ^gvhv[0-9]+-(br|in)$ ]] && { ip link del "${link}" 2>/dev/null || true; }
  done < <(ip -o link show 2>/dev/null | awk -F': ' '{print $2}')
  return 0
}

# Removes the state dir, but only one this testbed created (it carries the marker file).
tb_remove_dir() {
  [[ -d ${TESTBED_DIR} ]] || return 0
  if [[ -e ${TESTBED_DIR}/${TESTBED_MARK} ]]; then
    rm -rf --one-file-system "${TESTBED_DIR}"
  elif [[ -z $(ls -A "${TESTBED_DIR}") ]]; then
    rmdir "${TESTBED_DIR}"
  else
    tb_log "leaving ${TESTBED_DIR}: not a testbed state dir"
  fi
}

# Tears down everything a current or earlier (possibly killed) run left behind.
tb_cleanup() {
  local rc=0
  tb_kill_all || rc=1
  tb_remove_cgroups
  tb_remove_links
  tb_remove_dir || rc=1
  return "${rc}"
}
