#!/usr/bin/env bash
# Builds the gitvirt test guest from Debian packages into a cache directory:
#   vmlinuz      the kernel of the installed linux-image-amd64
#   vmlinux      the same kernel uncompressed (ELF, boots through its PVH entry): under TCG it
#                skips the xz decompression of vmlinuz, 3-12 s of emulated work on every boot
#   initrd.img   a busybox-static initramfs running ./init (modules, NoCloud seed, DHCP, HTTP)
#   disk.qcow2   a small empty qcow2 image for the Image/disk path (boot does not need it)
#   manifest.json  paths, sizes and sha256 of the three, the kernel version and the build key
# The build key hashes every input (these files, kernel, busybox, qemu-img); a cache whose key
# matches and whose artifacts have their recorded sizes is reused as is. Prints the manifest path on stdout, progress on stderr.
#
# Environment: GITVIRT_GUEST_CACHE (default /var/cache/gitvirt-test-guest),
#              GITVIRT_GUEST_KERNEL (kernel version, default: the one linux-image-amd64 depends on)
# Needs: linux-image-amd64, busybox-static, cpio, gzip, qemu-utils, util-linux (flock).
set -euo pipefail

readonly FORMAT=1
readonly DISK_SIZE=64M
readonly CMDLINE='console=ttyS0'
readonly READY_MARKER='GITVIRT-GUEST-READY'
HERE=${BASH_SOURCE[0]%/*}
[[ $HERE == "${BASH_SOURCE[0]}" ]] && HERE=.
[[ $HERE == /* ]] || HERE=$PWD/$HERE
readonly HERE
readonly CACHE=${GITVIRT_GUEST_CACHE:-/var/cache/gitvirt-test-guest}
readonly BUSYBOX=/bin/busybox
readonly INPUTS=(build.sh init guest-lib.sh udhcpc.script acpi-power modules.list)

log() { echo "guest-build: $*" >&2; }
die() { log "error: $*"; exit 1; }

kernel_version() {
  if [[ -n ${GITVIRT_GUEST_KERNEL:-} ]]; then echo "$GITVIRT_GUEST_KERNEL"; return; fi
  local dep
  dep=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null || true)
  if [[ $dep =~ linux-image-([0-9][^ ,|]*) ]]; then echo "${BASH_REMATCH[1]}"; return; fi
  local newest
  newest=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
  [[ -n $newest ]] || die "no kernel: install linux-image-amd64"
  echo "${newest#/boot/vmlinuz-}"
}

readonly KVER=$(kernel_version)
readonly VMLINUZ=/boot/vmlinuz-$KVER
readonly MODDIR=/lib/modules/$KVER
[[ -r $VMLINUZ ]] || die "$VMLINUZ missing or unreadable: install linux-image-amd64"
[[ -r $MODDIR/modules.dep ]] || die "$MODDIR/modules.dep missing: install linux-image-$KVER"
[[ -x $BUSYBOX ]] || die "$BUSYBOX missing: install busybox-static"
command -v qemu-img >/dev/null || die "qemu-img missing: install qemu-utils"
command -v cpio >/dev/null || die "cpio missing: install cpio"

build_key() {
  local inputs
  inputs=$(
    echo "format=$FORMAT kernel=$KVER disk=$DISK_SIZE cmdline=$CMDLINE"
    cd "$HERE" && sha256sum "${INPUTS[@]}"
    stat -L -c '%n %s %Y' "$VMLINUZ" "$MODDIR/modules.dep" "$BUSYBOX" "$(command -v qemu-img)"
  )
  local key _
  read -r key _ < <(sha256sum <<<"$inputs")
  echo "$key"
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

readonly ARTIFACTS=(vmlinuz vmlinux initrd.img disk.qcow2)

# Sizes of the artifacts on one line, or "missing".
artifact_sizes() {
  local sizes
  sizes=$(cd "$CACHE" && stat -c %s "${ARTIFACTS[@]}" 2>/dev/null) || sizes=missing
  echo "${sizes//$'\n'/ }"
}

# The cache is valid when .key holds the current build key and the artifacts still have the
# sizes recorded next to it (hashing the 60 MB vmlinux on every call would cost too much).
cache_valid() {
  local key sizes
  [[ -f $CACHE/manifest.json && -f $CACHE/.key ]] || return 1
  { read -r key && read -r sizes; } <"$CACHE/.key" || return 1
  [[ $key == "$KEY" && -n $sizes && $sizes == "$(artifact_sizes)" ]]
}

# Prints "name params" lines: the wanted modules and all their dependencies, each after what it
# needs (modules.dep lists a module's full dependency closure, last-needed-first).
resolve_modules() {
  local -A path_of=() deps_of=() params_of=() seen=()
  local line path name
  while IFS= read -r line; do
    path=${line%%:*}
    name=${path##*/}; name=${name%%.ko*}; name=${name//-/_}
    path_of[$name]=$path
    deps_of[$name]=${line#*:}
  done <"$MODDIR/modules.dep"

  local wanted=() mod params
  while read -r mod params; do
    [[ -z $mod || $mod == \#* ]] && continue
    wanted+=("${mod//-/_}")
    params_of[${mod//-/_}]=$params
  done <"$HERE/modules.list"

  emit() {
    local n=$1
    [[ -n ${seen[$n]:-} ]] && return
    seen[$n]=1
    echo "$n ${path_of[$n]} ${params_of[$n]:-}"
  }
  local dep deps i
  for mod in "${wanted[@]}"; do
    if [[ -z ${path_of[$mod]:-} ]]; then
      if grep -qE "/${mod}\.ko(\.[a-z]+)?\$|/${mod//_/-}\.ko(\.[a-z]+)?\$" "$MODDIR/modules.builtin" 2>/dev/null; then
        log "module $mod is built into $KVER"
        continue
      fi
      die "module $mod not found in $MODDIR/modules.dep"
    fi
    read -r -a deps <<<"${deps_of[$mod]}"
    for ((i = ${#deps[@]} - 1; i >= 0; i--)); do
      dep=${deps[i]##*/}; dep=${dep%%.ko*}; dep=${dep//-/_}
      emit "$dep"
    done
    emit "$mod"
  done
}

copy_module() { # copy_module SRC DEST: decompresses .ko.xz/.ko.zst/.ko.gz
  case $1 in
    *.ko) cp "$1" "$2" ;;
    *.ko.xz) xz -dc "$1" >"$2" ;;
    *.ko.zst) zstd -qdc "$1" >"$2" ;;
    *.ko.gz) gzip -dc "$1" >"$2" ;;
    *) die "unknown module format: $1" ;;
  esac
}

build_initrd() { # build_initrd WORKDIR
  local root=$1/root
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,run,tmp,etc/acpi/PWRF,lib/modules,www/seed,seed,var}
  cp "$BUSYBOX" "$root/bin/busybox"
  local applet
  for applet in $("$BUSYBOX" --list-full); do
    [[ -e $root/$applet || -L $root/$applet ]] || ln -s /bin/busybox "$root/$applet"
  done
  mknod -m 600 "$root/dev/console" c 5 1 2>/dev/null || log "mknod dev/console failed; /init reopens it"
  install -m 0755 "$HERE/init" "$root/init"
  install -m 0644 "$HERE/guest-lib.sh" "$root/etc/guest-lib.sh"
  install -m 0755 "$HERE/udhcpc.script" "$root/etc/udhcpc.script"
  install -m 0755 "$HERE/acpi-power" "$root/etc/acpi/PWRF/00000080"
  ln -s /proc/mounts "$root/etc/mtab"
  echo "root:x:0:0:root:/:/bin/sh" >"$root/etc/passwd"
  echo "root:x:0:" >"$root/etc/group"

  local name path params count=0
  : >"$root/lib/modules/load-order"
  while read -r name path params; do
    copy_module "$MODDIR/$path" "$root/lib/modules/$name.ko"
    echo "$name${params:+ $params}" >>"$root/lib/modules/load-order"
    count=$((count + 1))
  done < <(resolve_modules)
  log "initramfs: $count modules: $(cut -d' ' -f1 "$root/lib/modules/load-order" | tr '\n' ' ')"

  find "$root" -exec touch -h -d @0 {} +
  (cd "$root" && find . -print0 | LC_ALL=C sort -z |
    cpio --null -o -H newc -R 0:0 --reproducible --quiet) | gzip -9n >"$1/initrd.img"
}

# Writes the ELF kernel packed inside a bzImage: tries every offset where a compressed stream of
# a known format starts (as the kernel's scripts/extract-vmlinux does) until one yields ELF.
extract_vmlinux() { # extract_vmlinux BZIMAGE OUT
  local magic tool offset
  for magic in xz zstd gzip; do
    case $magic in
      xz) tool='xz -dc'; offset=$'\xfd7zXZ' ;;
      zstd) tool='zstd -qdc'; offset=$'\x28\xb5\x2f\xfd' ;;
      gzip) tool='gzip -dc'; offset=$'\x1f\x8b\x08' ;;
    esac
    command -v "${tool%% *}" >/dev/null || continue
    for offset in $(LC_ALL=C grep -abo "$offset" "$1" | cut -d: -f1); do
      tail -c +$((offset + 1)) "$1" | $tool >"$2" 2>/dev/null || true
      [[ $(head -c 4 "$2" | od -An -c | tr -d ' ') == '177ELF' ]] && return 0
    done
  done
  die "no ELF kernel found inside $1"
}

artifact_json() { # artifact_json NAME FILE
  printf '    "%s": { "path": "%s", "sha256": "%s", "bytes": %s }' \
    "$1" "$CACHE/$2" "$(sha256_of "$CACHE/$2")" "$(stat -c %s "$CACHE/$2")"
}

write_manifest() {
  local virtual
  virtual=$(qemu-img info --output=json "$CACHE/disk.qcow2" | sed -n 's/.*"virtual-size": \([0-9]*\).*/\1/p')
  {
    echo '{'
    echo "  \"format\": $FORMAT,"
    echo "  \"key\": \"$KEY\","
    echo "  \"kernelVersion\": \"$KVER\","
    echo "  \"cmdline\": \"$CMDLINE\","
    echo "  \"readyMarker\": \"$READY_MARKER\","
    echo "  \"diskVirtualBytes\": $virtual,"
    echo '  "artifacts": {'
    artifact_json kernel vmlinuz; echo ','
    artifact_json kernelElf vmlinux; echo ','
    artifact_json initrd initrd.img; echo ','
    artifact_json disk disk.qcow2; echo
    echo '  }'
    echo '}'
  } >"$CACHE/manifest.json.new"
  mv "$CACHE/manifest.json.new" "$CACHE/manifest.json"
}

if [[ ! -d $CACHE ]]; then
  mkdir -p "$CACHE"
  chmod 0755 "$CACHE"
fi
KEY=$(build_key)
readonly KEY
if cache_valid; then
  echo "$CACHE/manifest.json"
  exit 0
fi

exec 9>"$CACHE/.lock"
flock 9
if cache_valid; then # built by another process while this one waited
  echo "$CACHE/manifest.json"
  exit 0
fi

started=$(date +%s%N)
log "building into $CACHE (kernel $KVER, key ${KEY:0:12})"
rm -f "$CACHE/.key"
WORK=$(mktemp -d "$CACHE/.build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
build_initrd "$WORK"
cp "$VMLINUZ" "$WORK/vmlinuz"
extract_vmlinux "$VMLINUZ" "$WORK/vmlinux"
qemu-img create -q -f qcow2 "$WORK/disk.qcow2" "$DISK_SIZE"
for f in "${ARTIFACTS[@]}"; do chmod 0644 "$WORK/$f" && mv -f "$WORK/$f" "$CACHE/$f"; done
write_manifest
printf '%s\n%s\n' "$KEY" "$(artifact_sizes)" >"$CACHE/.key.new" && mv "$CACHE/.key.new" "$CACHE/.key"
log "done in $((($(date +%s%N) - started) / 1000000)) ms: initrd $(stat -c %s "$CACHE/initrd.img") bytes"
echo "$CACHE/manifest.json"
