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

# Start time (clock ticks since boot) of a process, empty when it is gone.
tb_starttime() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  # after the command name: field 3 is index 0, starttime (field 22) is index 19
  read -r -a fields <<<"${stat}"
  printf '%s' "${fields[19]:-}"
}

# Network namespace inode of a process ("net:[4026532...]"), empty when it is gone.
tb_netns_of() { readlink "/proc/$1/ns/net" 2>/dev/null || true; }

# Prints the pids of every process whose network namespace is one of the given inodes.
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

# Prints every process that belongs to the testbed: pids in gvhv namespaces, recorded holders,
# and anything still living in a namespace a recorded holder had (even if its name is gone).
tb_collect_pids() {
  local inodes=() ns pidfile pid start want nsfile
  while read -r ns _; do
    [[ ${ns} =~ ${NETNS_RE} ]] || continue
    ip netns pids "${ns}" 2>/dev/null || true
    if [[ -e /run/netns/${ns} ]]; then
      inodes+=("$(stat -L -c 'net:[%i]' "/run/netns/${ns}" 2>/dev/null || true)")
    fi
  done < <(ip netns list 2>/dev/null || true)
  for pidfile in "${TESTBED_DIR}"/hosts/*/holder.pid; do
    [[ -f ${pidfile} ]] || continue
    read -r pid start <"${pidfile}" || true
    [[ ${pid:-} =~ ^[0-9]+$ ]] || continue
    if [[ -n ${start:-} && $(tb_starttime "${pid}") == "${start}" ]]; then
      printf '%s\n' "${pid}"
    fi
  done
  for nsfile in "${TESTBED_DIR}"/hosts/*/netns; do
    [[ -f ${nsfile} ]] || continue
    read -r want <"${nsfile}" || true
    [[ ${want:-} == net:\[*\] ]] && inodes+=("${want}")
  done
  tb_pids_in_netns "${inodes[@]}"
}

# Signals the testbed's processes, escalating to SIGKILL; bounded to about 10 s.
tb_kill_all() {
  local pids i
  mapfile -t pids < <(tb_collect_pids | sort -un)
  [[ ${#pids[@]} -gt 0 ]] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    mapfile -t pids < <(tb_collect_pids | sort -un)
    [[ ${#pids[@]} -gt 0 ]] || return 0
    sleep 0.1
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    mapfile -t pids < <(tb_collect_pids | sort -un)
    [[ ${#pids[@]} -gt 0 ]] || return 0
    sleep 0.1
  done
  tb_log "processes still alive after SIGKILL: ${pids[*]}"
  return 1
}

# Removes the cgroups the hosts had (see cgroups.sh).
tb_remove_cgroups() {
  local dir
  for dir in "${TESTBED_DIR}"/hosts/*/; do
    [[ -d ${dir} ]] && cg_remove "${dir%/}"
  done
  return 0
}

# Removes the testbed's namespaces and veths.
tb_remove_links() {
  local ns link
  while read -r ns _; do
    [[ ${ns} =~ ${NETNS_RE} ]] && { ip netns del "${ns}" 2>/dev/null || true; }
  done < <(ip netns list 2>/dev/null || true)
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
