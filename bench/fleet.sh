#!/usr/bin/env bash
# Runs the fleet benchmark from a clean clone, as root: node modules when missing, then
# bench/fleet.bench.ts, which installs the system packages it needs (testbed, Ansible,
# python3-libvirt), builds dist/, waits for the testbed session lock, brings up its own hosts,
# prints the table and tears everything down. Arguments go to the benchmark (--vms N, --hosts N,
# --runs N, --tools floor,gitvirt,ansible, --keep).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "${repo}"
if [[ ${EUID} -ne 0 ]]; then
  echo "bench/fleet.sh must run as root (the testbed creates network namespaces and runs libvirtd)" >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "node and npm (Node >= 20.19) are required" >&2
  exit 1
fi
if ! [[ -d node_modules ]] || ! timeout 60 npm ls --depth=0 >/dev/null 2>&1; then
  timeout 300 npm ci --no-audit --no-fund --loglevel=error </dev/null
fi
exec node --import tsx bench/fleet.bench.ts "$@" </dev/null
