#!/usr/bin/env bash
# Tears the testbed down: kills every process in the hosts' namespaces (libvirtd, sshd, guests,
# the holders), removes the namespaces, the veths and the state dir. Safe when nothing is up;
# bounded in time. Run as root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "${here}/lib.sh"

if [[ ${EUID} -ne 0 ]]; then
  tb_log "must run as root"
  exit 1
fi
tb_check_dir

exec 9>"${TESTBED_DIR}.lock"
flock -w 30 9 || tb_log "${TESTBED_DIR}.lock is held; tearing down anyway"

rc=0
tb_cleanup || rc=1
rm -f "${TESTBED_DIR}.lock"
exit "${rc}"
