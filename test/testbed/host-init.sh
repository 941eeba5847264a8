#!/usr/bin/env bash
# Starts one testbed host (launched detached by up.sh) in two stages that share one pid:
#   outer <dir> <name>: records the pid, gives the host its cgroups, then enters the host's
#                       network namespace and fresh mount, UTS and cgroup namespaces;
#   inner <dir> <name>: private /run, /root, /tmp and libvirt state, virtlogd, libvirtd, sshd, then
#                       becomes the `sleep infinity` holding the namespaces (its pid is the handle).
set -euo pipefail

stage=$1
host_dir=$2
name=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=cgroups.sh
source "${here}/cgroups.sh"

starttime() {
  local stat fields
  stat=$(cat "/proc/$1/stat")
  stat=${stat##*) }
  read -r -a fields <<<"${stat}"
  printf '%s' "${fields[19]}"
}

if [[ ${stage} == outer ]]; then
  # Recorded first, so that a run killed half-way can still be cleaned up.
  printf '%s %s\n' "$$" "$(starttime $$)" >"${host_dir}/holder.pid"
  if ! cg_prepare "${host_dir}" "${name}"; then
    echo "cgroups: none for ${name} (no writable cgroup v1 controllers)" >&2
    : >"${host_dir}/cgroup-mounts"
  fi
  exec ip netns exec "gv${name}" unshare --mount --uts --cgroup --propagation private \
    bash "${BASH_SOURCE[0]}" inner "${host_dir}" "${name}"
fi

readlink "/proc/$$/ns/net" >"${host_dir}/netns"
printf '%s\n' "${name}" >/proc/sys/kernel/hostname

mount --make-rprivate /
mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/libvirt /run/sshd /run/lock /run/testbed
chmod 755 /run/sshd
# The host knows its own name, as a machine does: libvirtd resolves it at every domain start, and
# without an entry the lookup waits for the unreachable DNS server (about 10 s per start).
{ cat /etc/hosts; printf '127.0.1.1 %s\n' "${name}"; } >/run/hosts
mount --bind /run/hosts /etc/hosts
# The host's own directory stays in view at /run/testbed once /tmp is private (sshd re-reads
# its configuration and keys for every connection).
mount --bind "${host_dir}" /run/testbed
for d in /var/lib/libvirt /var/log/libvirt /etc/libvirt /var/cache/libvirt; do
  mkdir -p "${d}"
  mount --bind "${host_dir}/root${d}" "${d}"
done
# A home of its own, as on a separate machine (and no login scripts of this machine's root).
mount -t tmpfs -o mode=700 tmpfs /root
mkdir -m 700 /root/.ssh
cp "${host_dir}/authorized_keys" /root/.ssh/authorized_keys
if [[ -f ${host_dir}/shadow ]]; then
  mount --bind "${host_dir}/shadow" /etc/shadow
fi
cg_mount "${host_dir}"

/usr/sbin/virtlogd -d
/usr/sbin/libvirtd -d
/usr/sbin/sshd -f /run/testbed/sshd_config -E /run/testbed/sshd.log

touch "${host_dir}/started"
# A /tmp of its own too; from here on the state dir (under the main /tmp by default) is out of view.
mount -t tmpfs -o mode=1777 tmpfs /tmp
exec sleep infinity
