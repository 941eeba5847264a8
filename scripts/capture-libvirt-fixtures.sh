#!/usr/bin/env bash
# Captures libvirt XML and virsh output fixtures from a real libvirtd into test/fixtures/libvirt/.
#
# The objects defined are rendered by gitvirt's own renderer (test/fixtures/libvirt/render-cases.ts),
# all named gvfixture-*, and removed again at the end. Uses the libvirtd answering on qemu:///system;
# when none answers, starts a throwaway one (and its virtlogd) and stops only those on exit.
# Run as root from the repository root:  scripts/capture-libvirt-fixtures.sh
set -euo pipefail

URI=${GVFIXTURE_URI:-qemu:///system}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/test/fixtures/libvirt"
POOL=gvfixture-pool
POOL_PATH=/var/lib/libvirt/images/gvfixture-pool
WORK=$(mktemp -d /tmp/gvfixture.XXXXXX)
STARTED_PIDS=()

# v ARGS...: virsh on $URI; fails when virsh fails or prints an error (some commands, such as
# `metadata --live --config`, print an error yet exit 0).
v() {
  local errfile status=0
  errfile=$(mktemp)
  virsh -q -c "$URI" "$@" 2>"$errfile" || status=$?
  cat "$errfile" >&2
  if [ "$status" -eq 0 ] && grep -q '^error:' "$errfile"; then status=1; fi
  rm -f "$errfile"
  return "$status"
}

cleanup() {
  set +e
  for dom in $(virsh -q -c "$URI" list --all --name 2>/dev/null | grep '^gvfixture-'); do
    v destroy "$dom" >/dev/null 2>&1; v undefine "$dom" >/dev/null 2>&1
  done
  for net in $(virsh -q -c "$URI" net-list --all --name 2>/dev/null | grep '^gvfixture-'); do
    v net-destroy "$net" >/dev/null 2>&1; v net-undefine "$net" >/dev/null 2>&1
  done
  if v pool-info "$POOL" >/dev/null 2>&1; then
    for vol in $(virsh -q -c "$URI" vol-list "$POOL" 2>/dev/null | awk '{print $1}'); do v vol-delete --pool "$POOL" "$vol" >/dev/null 2>&1; done
    v pool-destroy "$POOL" >/dev/null 2>&1; v pool-delete "$POOL" >/dev/null 2>&1; v pool-undefine "$POOL" >/dev/null 2>&1
  fi
  rm -rf "$WORK"
}

stop_started() {
  cleanup
  for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_started EXIT

ensure_libvirtd() {
  if virsh -c "$URI" version >/dev/null 2>&1; then return; fi
  getent group kvm >/dev/null || groupadd -r kvm
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  id libvirt-qemu >/dev/null 2>&1 || useradd -r -g libvirt-qemu -G kvm libvirt-qemu
  mkdir -p /var/lib/libvirt/images /var/log/libvirt/qemu /run/libvirt
  if ! pgrep -x virtlogd >/dev/null; then /usr/sbin/virtlogd -d; sleep 0.5; STARTED_PIDS+=("$(cat /run/virtlogd.pid)"); fi
  /usr/sbin/libvirtd -d
  for _ in $(seq 1 50); do virsh -c "$URI" version >/dev/null 2>&1 && break; sleep 0.2; done
  STARTED_PIDS+=("$(cat /run/libvirtd.pid)")
}

# err NAME CMD...: runs a command expected to fail and keeps its stderr as an error-text fixture.
err() {
  local name=$1; shift
  if "$@" >/dev/null 2>"$OUT/errors/$name.txt"; then echo "expected failure did not happen: $name" >&2; exit 1; fi
}

ensure_libvirtd
cleanup
WORK=$(mktemp -d /tmp/gvfixture.XXXXXX)
rm -rf "$OUT"/{rendered,domain,network,storage,drift,virsh,errors}
mkdir -p "$OUT"/{rendered,domain,network,storage,drift,virsh,errors}

(cd "$ROOT" && npx --no-install tsx test/fixtures/libvirt/render-cases.ts "$OUT/rendered")
R="$OUT/rendered"

# storage: dir pool, base image, overlay, seed, raw disks
v pool-define "$R/pool-$POOL.xml" >/dev/null
v pool-build "$POOL" >/dev/null
v pool-start "$POOL" >/dev/null
for f in "$R"/vol-image-*.xml "$R"/vol-gvfixture-*.xml; do v vol-create "$POOL" "$f" >/dev/null; done
v pool-dumpxml "$POOL" > "$OUT/storage/pool-$POOL.xml"
for vol in $(v vol-list "$POOL" | awk '{print $1}'); do v vol-dumpxml --pool "$POOL" "$vol" > "$OUT/storage/vol-$vol.xml"; done
v vol-list "$POOL" --details > "$OUT/virsh/vol-list-details.txt"

# networks: define all, start those that need no host bridge
for f in "$R"/net-*.xml; do v net-define "$f" >/dev/null; done
for net in gvfixture-nat gvfixture-iso; do v net-start "$net" >/dev/null; done
for f in "$R"/net-*.xml; do
  net=$(basename "$f" .xml); net=${net#net-}
  v net-dumpxml --inactive "$net" > "$OUT/network/$net.inactive.xml"
  v net-dumpxml "$net" > "$OUT/network/$net.live.xml"
done

# domains: define all, start gvfixture-basic and gvfixture-full (type qemu)
for f in "$R"/dom-*.xml; do v define "$f" >/dev/null; done
sed -e '/<metadata>/,/<\/metadata>/d' -e 's|<name>gvfixture-basic</name>|<name>gvfixture-unowned</name>|' \
  "$R/dom-gvfixture-basic.xml" > "$WORK/unowned.xml"
v define "$WORK/unowned.xml" >/dev/null
for dom in gvfixture-basic gvfixture-full; do v start "$dom" >/dev/null; done
for dom in gvfixture-basic gvfixture-full gvfixture-pc gvfixture-unowned; do
  v dumpxml --inactive "$dom" > "$OUT/domain/$dom.inactive.xml"
  v dumpxml "$dom" > "$OUT/domain/$dom.live.xml"
done

# listings and host facts
virsh -c "$URI" list --all --name | grep '^gvfixture-' > "$OUT/virsh/list-all-name.txt"
virsh -c "$URI" list --all | grep -E '^ (Id|-)|gvfixture-' > "$OUT/virsh/list-all.txt"
virsh -c "$URI" net-list --all | grep -E '^ (Name|-)|gvfixture-' > "$OUT/virsh/net-list-all.txt"
for dom in gvfixture-basic gvfixture-pc; do v dominfo "$dom" > "$OUT/virsh/dominfo-$dom.txt"; done
v domstate gvfixture-basic > "$OUT/virsh/domstate-running.txt"
v domstate gvfixture-pc > "$OUT/virsh/domstate-shutoff.txt"
v nodeinfo > "$OUT/virsh/nodeinfo.txt"
v domcapabilities --virttype qemu | sed -n '1,/<\/cpu>/p' > "$OUT/virsh/domcapabilities-qemu.xml"
echo '</domainCapabilities>' >> "$OUT/virsh/domcapabilities-qemu.xml"
v domcapabilities > "$OUT/virsh/domcapabilities-default.xml.tmp" 2>&1 || true
sed -n '1,/<\/arch>/p' "$OUT/virsh/domcapabilities-default.xml.tmp" > "$OUT/virsh/domcapabilities-default-head.txt"
rm -f "$OUT/virsh/domcapabilities-default.xml.tmp"
virsh -c "$URI" version > "$OUT/virsh/version.txt"

# hand-made drift
v setmem gvfixture-basic 163840 --live --config
sleep 1
v dumpxml gvfixture-basic > "$OUT/drift/setmem-gvfixture-basic.live.xml"
v dumpxml --inactive gvfixture-basic > "$OUT/drift/setmem-gvfixture-basic.inactive.xml"
v setvcpus gvfixture-full 1 --config
v dumpxml --inactive gvfixture-full > "$OUT/drift/setvcpus-gvfixture-full.inactive.xml"
v dumpxml --inactive gvfixture-pc \
  | sed -e "s|bus='scsi'/>|bus='sata'/>|" \
        -e "s|<target dev='sda' bus='sata'/>|<target dev='sda' bus='sata'/>\n      <iotune>\n        <total_iops_sec>500</total_iops_sec>\n      </iotune>|" \
  > "$WORK/pc-edited.xml"
v define "$WORK/pc-edited.xml" >/dev/null
v dumpxml --inactive gvfixture-pc > "$OUT/drift/define-edited-gvfixture-pc.inactive.xml"
v metadata gvfixture-basic --uri https://gitvirt.io/xmlns/owner/v1alpha1 --key gitvirt \
  --set "$(cat "$R/owner-gvfixture-basic-refreshed.xml")" --live --config
v dumpxml --inactive gvfixture-basic > "$OUT/drift/metadata-set-gvfixture-basic.inactive.xml"
v net-update gvfixture-nat add ip-dhcp-host "<host mac='52:54:00:aa:00:03' name='added-by-hand' ip='10.211.0.12'/>" --live --config >/dev/null
v net-dumpxml gvfixture-nat > "$OUT/drift/net-update-gvfixture-nat.live.xml"

# error texts libvirt prints for common failures
err domain-already-active v start gvfixture-basic
err domain-not-running v shutdown gvfixture-pc
err domain-not-found v dominfo gvfixture-missing
err network-not-found v net-start gvfixture-missing
v net-start gvfixture-br >/dev/null
sed -e 's|<name>gvfixture-basic</name>|<name>gvfixture-onbridge</name>|' -e 's|network="gvfixture-nat"|network="gvfixture-br"|' \
  -e '/<metadata>/,/<\/metadata>/d' "$R/dom-gvfixture-basic.xml" > "$WORK/onbridge.xml"
err network-bridge-missing v create "$WORK/onbridge.xml"
sed -e 's|<name>gvfixture-iso</name>|<name>gvfixture-iso2</name>|' -e 's|10.212.0.1|10.214.0.1|' "$R/net-gvfixture-iso.xml" > "$WORK/iso2.xml"
err network-bridge-in-use v net-define "$WORK/iso2.xml"
sed -e 's|<name>gvfixture-iso</name>|<name>gvfixture-iso3</name>|' -e 's|gvfx-iso0|gvfx-iso3|' "$R/net-gvfixture-iso.xml" > "$WORK/iso3.xml"
v net-define "$WORK/iso3.xml" >/dev/null
err network-address-in-use v net-start gvfixture-iso3
sed -e 's|<name>gvfixture-pc</name>|<name>gvfixture-nodisk</name>|' -e 's|gvfixture-pc-root.raw|gvfixture-absent.raw|' "$R/dom-gvfixture-pc.xml" > "$WORK/nodisk.xml"
v define "$WORK/nodisk.xml" >/dev/null
err storage-file-missing v start gvfixture-nodisk
err domain-already-exists v create "$WORK/unowned.xml"
err kvm-unavailable v domcapabilities --virttype kvm
sed -e 's|<name>gvfixture-pc</name>|<name>gvfixture-kvm</name>|' -e 's|<domain type="qemu">|<domain type="kvm">|' "$R/dom-gvfixture-pc.xml" > "$WORK/kvm.xml"
err kvm-define-unsupported v define "$WORK/kvm.xml"
sed -e 's|<name>gvfixture-pc</name>|<name>gvfixture-bigcpu</name>|' -e 's|<vcpu placement="static">1</vcpu>|<vcpu placement="static">4096</vcpu>|' "$R/dom-gvfixture-pc.xml" > "$WORK/bigcpu.xml"
err vcpus-too-many v define "$WORK/bigcpu.xml"
sed -e 's|<name>gvfixture-pc</name>|<name>gvfixture-badmachine</name>|' -e 's|machine="pc"|machine="gvfixture-none"|' "$R/dom-gvfixture-pc.xml" > "$WORK/badmachine.xml"
err machine-unsupported v define "$WORK/badmachine.xml"
err memory-above-max v setmem gvfixture-basic 1048576 --config
err vol-already-exists v vol-create "$POOL" "$R/vol-gvfixture-pc-root.raw.xml"
err pool-not-found v pool-info gvfixture-missing
err xml-invalid v define /dev/null
err setvcpus-above-max v setvcpus gvfixture-basic 8 --config

cat > "$OUT/README.md" <<README
# libvirt fixtures

Captured from a real libvirtd by \`scripts/capture-libvirt-fixtures.sh\` (never hand-written), on
$(sed -n 's/^Using library: //p' "$OUT/virsh/version.txt") with $(sed -n 's/^Running hypervisor: //p' "$OUT/virsh/version.txt"), domain type qemu (no /dev/kvm where captured).

- \`cases.ts\`: the desired objects; \`rendered/\`: what gitvirt's renderer produced from them and was defined.
- \`domain/\`, \`network/\`, \`storage/\`: \`virsh dumpxml\` (\`.inactive.xml\` with --inactive, \`.live.xml\` without), \`net-dumpxml\`, \`pool-dumpxml\`, \`vol-dumpxml\`.
  \`gvfixture-basic\` and \`gvfixture-full\` were running, \`gvfixture-pc\` shut off; \`gvfixture-unowned\` is \`gvfixture-basic\` without owner metadata.
- \`drift/\`: hand-made changes: \`setmem 160MiB --live --config\`, \`setvcpus 1 --config\`, \`define\` of edited XML (disk bus scsi→sata, iotune added), \`net-update add ip-dhcp-host\`,
  and \`virsh metadata --set\` of a refreshed owner element (what a metadata-only update does).
- \`virsh/\`: \`list\`, \`net-list\`, \`dominfo\`, \`domstate\`, \`nodeinfo\`, \`domcapabilities\` excerpts, \`vol-list --details\`, \`version\`.
- \`errors/\`: stderr of failing virsh commands, one file per case.
README
echo "fixtures written to $OUT"
