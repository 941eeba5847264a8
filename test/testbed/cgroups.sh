# Gives a host its own cgroup subtree, so that its libvirtd can use cgroups (cpu shares, ...)
# without its /machine cgroups colliding with another host's. Sourced by host-init.sh.
#
# Works with cgroup v1 controllers (one hierarchy per controller under /sys/fs/cgroup): the host
# gets a child of this process's cgroup in every hierarchy, enters a cgroup namespace rooted
# there and mounts the same controllers inside its mount namespace. Anything else (pure cgroup
# v2, read-only cgroupfs): the host runs without cgroups, as libvirt allows.

# Outer stage, main namespaces: creates and enters the host's cgroups. Writes the cgroup dirs
# into $1/cgroup-dirs (for teardown) and the controllers to mount into $1/cgroup-mounts.
cg_prepare() {
  local dir=$1 name=$2 lines line ctrls path base target parent f
  : >"${dir}/cgroup-dirs"
  : >"${dir}/cgroup-mounts"
  mapfile -t lines </proc/self/cgroup
  for line in "${lines[@]}"; do
    line=${line#*:}
    ctrls=${line%%:*}
    path=${line#*:}
    [[ -n ${ctrls} && ${ctrls} != name=* ]] || continue
    base=/sys/fs/cgroup/${ctrls}
    [[ -f ${base}/cgroup.procs ]] || continue
    parent=${base}${path%/}
    target=${parent}/gitvirt-testbed-${name}
    mkdir -p "${target}" || return 1
    printf '%s\n' "${target}" >>"${dir}/cgroup-dirs"
    if [[ ,${ctrls}, == *,cpuset,* ]]; then
      for f in cpuset.cpus cpuset.mems; do cat "${parent}/${f}" >"${target}/${f}" || return 1; done
    fi
    printf '%s\n' "$$" >"${target}/cgroup.procs" || return 1
    printf '%s\n' "${ctrls}" >>"${dir}/cgroup-mounts"
  done
  [[ -s ${dir}/cgroup-mounts ]]
}

# Inner stage, inside the host's mount and cgroup namespaces: mounts its cgroup controllers.
cg_mount() {
  local dir=$1 ctrls c
  [[ -s ${dir}/cgroup-mounts ]] || return 0
  mount -t tmpfs -o mode=755 cgroup /sys/fs/cgroup
  while read -r ctrls; do
    mkdir -p "/sys/fs/cgroup/${ctrls}"
    mount -t cgroup -o "${ctrls}" cgroup "/sys/fs/cgroup/${ctrls}"
    if [[ ${ctrls} == *,* ]]; then
      for c in ${ctrls//,/ }; do ln -sfn "${ctrls}" "/sys/fs/cgroup/${c}"; done
    fi
  done <"${dir}/cgroup-mounts"
}

# Teardown, once the hosts' processes are gone: removes the cgroups listed in the given
# cgroup-dirs files, deepest first.
cg_remove() {
  local file target targets=()
  for file in "$@"; do
    [[ -f ${file} ]] || continue
    while read -r target; do
      [[ ${target} == /sys/fs/cgroup/*/gitvirt-testbed-hv* && -d ${target} ]] && targets+=("${target}")
    done <"${file}"
  done
  [[ ${#targets[@]} -gt 0 ]] || return 0
  find "${targets[@]}" -depth -type d -exec rmdir {} + 2>/dev/null || true
}
