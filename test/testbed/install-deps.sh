#!/usr/bin/env bash
# Installs the Debian packages, groups and user the testbed needs. Run as root.
# A quick no-op when everything is already present; quiet unless something fails.
set -euo pipefail

PACKAGES=(
  libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 qemu-utils
  openssh-server openssh-client iproute2 iptables dnsmasq-base genisoimage
  linux-image-amd64 busybox-static cpio xz-utils git curl
)

log() { printf 'install-deps: %s\n' "$*" >&2; }

if [[ ${EUID} -ne 0 ]]; then
  log "must run as root"
  exit 1
fi

# Prints the packages that are not fully installed ("ii"), one per line; one dpkg-query, no other fork.
missing_packages() {
  local -A installed=()
  local status name p
  while read -r status _ name; do
    [[ ${status} == ii ]] && installed[${name%%:*}]=1
  done < <(dpkg-query -W -f='${db:Status-Abbrev} - ${Package}\n' "${PACKAGES[@]}" 2>/dev/null || true)
  for p in "${PACKAGES[@]}"; do
    [[ -n ${installed[${p}]:-} ]] || printf '%s\n' "${p}"
  done
}

# Runs a command with its output kept in a log that is shown only when it fails.
quietly() {
  local out
  out=$(mktemp)
  if ! "$@" >"${out}" 2>&1; then
    log "failed: $*"
    cat "${out}" >&2
    rm -f "${out}"
    return 1
  fi
  rm -f "${out}"
}

install_packages() {
  local policy=/usr/sbin/policy-rc.d created_policy=0
  # Keep package scripts from starting a system-wide libvirtd or sshd.
  if [[ ! -e ${policy} ]]; then
    printf '#!/bin/sh\nexit 101\n' >"${policy}"
    chmod 755 "${policy}"
    created_policy=1
  fi
  local rc=0
  log "installing: $*"
  export DEBIAN_FRONTEND=noninteractive
  quietly apt-get -q update || rc=$?
  if [[ ${rc} -eq 0 ]]; then
    quietly apt-get -q install -y --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" || rc=$?
  fi
  if [[ ${created_policy} -eq 1 ]]; then rm -f "${policy}"; fi
  return "${rc}"
}

ensure_accounts() {
  getent group kvm >/dev/null || groupadd -r kvm
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  if ! getent passwd libvirt-qemu >/dev/null; then
    useradd -r -g libvirt-qemu -G kvm -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
  fi
}

mapfile -t missing < <(missing_packages)
if [[ ${#missing[@]} -gt 0 ]]; then
  install_packages "${missing[@]}"
  mapfile -t missing < <(missing_packages)
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "still missing after install: ${missing[*]}"
    exit 1
  fi
fi
ensure_accounts
