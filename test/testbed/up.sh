#!/usr/bin/env bash
# Brings up N libvirt hosts (default 3) on this machine, each in its own network and mount
# namespace with its own libvirtd, virtlogd and sshd, and writes state.json into the state dir
# (${GITVIRT_TESTBED_DIR:-/tmp/gitvirt-testbed}). Cleans up an earlier, possibly killed, run first.
# Usage: up.sh [N]   (run as root; hv<i> listens on 10.77.<i>.2:22, the main side is 10.77.<i>.1)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "${here}/lib.sh"

count=${1:-3}
if ! [[ ${count} =~ ^[0-9]+$ ]] || ((count < 1 || count > 50)); then
  tb_log "usage: up.sh [N]  (1 <= N <= 50)"
  exit 2
fi
if [[ ${EUID} -ne 0 ]]; then
  tb_log "must run as root"
  exit 1
fi
tb_check_dir
for cmd in ip nsenter unshare setsid flock timeout ssh ssh-keygen virsh qemu-img \
  /usr/sbin/libvirtd /usr/sbin/virtlogd /usr/sbin/sshd; do
  command -v "${cmd}" >/dev/null || { tb_log "missing ${cmd}: run test/testbed/install-deps.sh"; exit 1; }
done
if ! getent passwd libvirt-qemu >/dev/null; then
  tb_log "missing user libvirt-qemu: run test/testbed/install-deps.sh"
  exit 1
fi

exec 9>"${TESTBED_DIR}.lock"
flock -w 120 9 || { tb_log "another testbed run holds ${TESTBED_DIR}.lock"; exit 1; }

started_at=$(date +%s%N)
tb_cleanup
umask 022
mkdir -p "${TESTBED_DIR}/hosts" "${TESTBED_DIR}/client"
touch "${TESTBED_DIR}/${TESTBED_MARK}"

client_key=${TESTBED_DIR}/client/id_ed25519
ssh-keygen -q -t ed25519 -N '' -C gitvirt-testbed-client -f "${client_key}"
known_hosts=${TESTBED_DIR}/known_hosts
ssh_config=${TESTBED_DIR}/ssh_config
: >"${known_hosts}"
cat >"${ssh_config}" <<EOF
Host *
  User root
  IdentityFile ${client_key}
  IdentitiesOnly yes
  UserKnownHostsFile ${known_hosts}
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
  ConnectTimeout 5
  LogLevel ERROR
EOF

# sshd refuses keys for an account whose password is locked with "!" when PAM is off; hosts
# get a copy of /etc/shadow (bind-mounted in their own mount namespace only) without the lock.
root_locked=0
if [[ $(getent shadow root | cut -d: -f2) == '!'* ]]; then root_locked=1; fi

# Writes one host's private directories, configuration and keys.
prepare_host() {
  local i=$1 name=hv$1 dir=${TESTBED_DIR}/hosts/hv$1 addr=10.77.$1.2
  mkdir -p "${dir}/root/var/lib/libvirt/images" "${dir}/root/var/log/libvirt/qemu" \
    "${dir}/root/etc/libvirt" "${dir}/root/var/cache/libvirt"
  # The configuration only: definitions of domains, networks and pools stay with the machine's own libvirtd.
  if [[ -d /etc/libvirt ]]; then
    cp -a /etc/libvirt/. "${dir}/root/etc/libvirt/"
    find "${dir}/root/etc/libvirt" -path '*/qemu/*.xml' -delete
    find "${dir}/root/etc/libvirt" \( -path '*/qemu/networks/*' -o -path '*/storage/*' -o -path '*/qemu/autostart/*' \) \
      \( -name '*.xml' -o -type l \) -delete
  fi
  cat >>"${dir}/root/etc/libvirt/libvirtd.conf" <<'EOF'

# testbed host
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
EOF
  cat >>"${dir}/root/etc/libvirt/qemu.conf" <<'EOF'

# testbed host
security_driver = "none"
EOF
  ssh-keygen -q -t ed25519 -N '' -C "${name}" -f "${dir}/ssh_host_ed25519_key"
  cp "${client_key}.pub" "${dir}/authorized_keys"
  cat >"${dir}/sshd_config" <<EOF
ListenAddress ${addr}
Port 22
HostKey /run/testbed/ssh_host_ed25519_key
PidFile /run/testbed/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 100:30:200
MaxSessions 64
LogLevel ERROR
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
  if ((root_locked)); then
    (umask 077 && getent shadow | sed -E 's/^root:!+/root:/' >"${dir}/shadow")
  fi
  printf '%s %s\n' "${addr}" "$(cut -d' ' -f1,2 "${dir}/ssh_host_ed25519_key.pub")" >>"${known_hosts}"
  cat >>"${ssh_config}" <<EOF

Host ${name}
  HostName ${addr}
  Port 22
EOF

  ip netns add "gvhv${i}"
  ip link add "gvhv${i}-br" type veth peer name "gvhv${i}-in"
  ip link set "gvhv${i}-in" netns "gvhv${i}"
  ip addr add "10.77.${i}.1/30" dev "gvhv${i}-br"
  ip link set "gvhv${i}-br" up
  ip -n "gvhv${i}" link set lo up
  ip -n "gvhv${i}" addr add "${addr}/30" dev "gvhv${i}-in"
  ip -n "gvhv${i}" link set "gvhv${i}-in" up
  ip -n "gvhv${i}" route add default via "10.77.${i}.1"
}

# Starts the host's namespace holder, detached from this script.
launch_host() {
  local i=$1 dir=${TESTBED_DIR}/hosts/hv$1
  setsid bash "${here}/host-init.sh" outer "${dir}" "hv${i}" </dev/null >"${dir}/init.log" 2>&1 9>&- &
}

# True while this script runs (waiters stop when it was killed).
script_alive() { kill -0 "$$" 2>/dev/null; }

# Waits (bounded) until the host's daemons started, libvirt answers and sshd lets the client in.
wait_host() {
  local i=$1 name=hv$1 dir=${TESTBED_DIR}/hosts/hv$1 deadline pid
  deadline=$((SECONDS + 60))
  until [[ -f ${dir}/started ]]; do
    script_alive || return 1
    if [[ -f ${dir}/holder.pid ]] && read -r pid _ <"${dir}/holder.pid" && ! kill -0 "${pid}" 2>/dev/null; then
      tb_log "${name}: host init failed; init.log:"; cat "${dir}/init.log" >&2; return 1
    fi
    if ((SECONDS >= deadline)); then
      tb_log "${name}: daemons did not start; init.log:"; cat "${dir}/init.log" >&2; return 1
    fi
    sleep 0.1
  done
  read -r pid _ <"${dir}/holder.pid"
  until timeout 10 nsenter -t "${pid}" -m -n virsh -c qemu:///system version >/dev/null 2>&1; do
    script_alive || return 1
    if ((SECONDS >= deadline)); then
      tb_log "${name}: libvirtd does not answer"
      tail -n 20 "${dir}/root/var/log/libvirt/libvirtd.log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
  until timeout 10 ssh -F "${ssh_config}" "${name}" virsh -c qemu:///system version >/dev/null 2>&1; do
    script_alive || return 1
    if ((SECONDS >= deadline)); then
      tb_log "${name}: sshd does not let the client in"; cat "${dir}/sshd.log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
  tb_log "${name} up after $((SECONDS - deadline + 60)) s"
}

# libvirtd probes every QEMU binary when it starts with an empty cache, which costs seconds per
# host; hosts start from the capabilities the previous run saw (libvirt re-probes if stale).
caps_cache=/var/cache/gitvirt-testbed/qemu-capabilities
seed_capabilities() {
  local dir=$1/root/var/cache/libvirt/qemu/capabilities
  compgen -G "${caps_cache}/*.xml" >/dev/null || return 0
  mkdir -p "${dir}"
  cp -p "${caps_cache}"/*.xml "${dir}/"
}
save_capabilities() {
  local dir=${TESTBED_DIR}/hosts/hv1/root/var/cache/libvirt/qemu/capabilities
  compgen -G "${dir}/*.xml" >/dev/null || return 0
  mkdir -p "${caps_cache}"
  rm -f "${caps_cache}"/*.xml
  cp -p "${dir}"/*.xml "${caps_cache}/"
}

for ((i = 1; i <= count; i++)); do
  prepare_host "${i}"
  seed_capabilities "${TESTBED_DIR}/hosts/hv${i}"
done
for ((i = 1; i <= count; i++)); do launch_host "${i}"; done
waiters=()
for ((i = 1; i <= count; i++)); do
  wait_host "${i}" 9>&- &
  waiters+=("$!")
done
failed=0
for w in "${waiters[@]}"; do wait "${w}" || failed=1; done
if ((failed)); then
  tb_log "bringing the hosts up failed; tearing down"
  tb_cleanup || true
  exit 1
fi

save_capabilities || tb_log "could not save the QEMU capabilities cache (continuing)"
kvm=false
read -r pid1 _ <"${TESTBED_DIR}/hosts/hv1/holder.pid"
if timeout 20 nsenter -t "${pid1}" -m -n virsh -c qemu:///system domcapabilities --virttype kvm \
  >/dev/null 2>&1; then
  kvm=true
fi

{
  printf '{\n  "version": 1,\n  "stateDir": "%s",\n' "${TESTBED_DIR}"
  printf '  "clientKeyPath": "%s",\n' "${client_key}"
  printf '  "clientPublicKey": "%s",\n' "$(cut -d' ' -f1,2 "${client_key}.pub")"
  printf '  "knownHostsPath": "%s",\n  "sshConfigPath": "%s",\n' "${known_hosts}" "${ssh_config}"
  printf '  "kvm": %s,\n  "hosts": [\n' "${kvm}"
  for ((i = 1; i <= count; i++)); do
    dir=${TESTBED_DIR}/hosts/hv${i}
    read -r pid _ <"${dir}/holder.pid"
    zone=zone-a
    if ((i % 2 == 0)); then zone=zone-b; fi
    printf '    { "name": "hv%s", "zone": "%s", "address": "10.77.%s.2", "port": 22, "user": "root", ' \
      "${i}" "${zone}" "${i}"
    printf '"hostKey": "%s", "pid": %s, "peerAddress": "10.77.%s.1" }' \
      "$(cut -d' ' -f1,2 "${dir}/ssh_host_ed25519_key.pub")" "${pid}" "${i}"
    if ((i < count)); then printf ',\n'; else printf '\n'; fi
  done
  printf '  ]\n}\n'
} >"${TESTBED_DIR}/state.json.tmp"
mv "${TESTBED_DIR}/state.json.tmp" "${TESTBED_DIR}/state.json"
tb_log "${count} hosts up in $(( ($(date +%s%N) - started_at) / 1000000 )) ms (kvm: ${kvm}); state: ${TESTBED_DIR}/state.json"
