/** Prints the virtual size in bytes of image "$1" (format "$2"), first line of `qemu-img info`. */
const VIRTUAL_SIZE = `qemu-img info -U --output=json -f "$2" "$1" | sed -n 's/^ *"virtual-size": \\([0-9]*\\),*$/\\1/p' | head -n 1`;

/**
 * Creates volume $1 through temporary file $2 and renames it into place; `present` when $1 exists.
 * $3 mode (overlay | copy | blank), $4 format, $5 capacity in bytes (0 = the image's size; a
 * larger one grows the new volume), $6 source image path, $7 source image format.
 */
export const CREATE_VOLUME_SCRIPT = `set -u
path=$1 tmp=$2 mode=$3 fmt=$4 size=$5 src=$6 srcfmt=$7
[ -e "$path" ] && { echo present; exit 0; }
vsize() { ${VIRTUAL_SIZE}; }
trap 'rm -f "$tmp"' EXIT
trap 'exit 143' TERM INT HUP
rm -f "$tmp"
case $mode in
  overlay) qemu-img create -q -f qcow2 -F "$srcfmt" -b "$src" "$tmp" || exit 1 ;;
  copy) qemu-img convert -f "$srcfmt" -O "$fmt" "$src" "$tmp" || exit 1 ;;
  blank) qemu-img create -q -f "$fmt" "$tmp" "$size" || exit 1 ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
if [ "$mode" != blank ] && [ "$size" -gt 0 ]; then
  have=$(vsize "$tmp" "$fmt") || exit 1
  if [ "$size" -gt "\${have:-0}" ]; then qemu-img resize -q -f "$fmt" "$tmp" "$size" || exit 1; fi
fi
mv -f "$tmp" "$path" || exit 1
echo created
`;

/**
 * Removes file $1 when it resolves to a regular file inside directory $2. Prints `missing`,
 * `outside <resolved path>`, `not-a-file` or `deleted`.
 */
export const DELETE_VOLUME_SCRIPT = `set -u
p=$(realpath -e -- "$1" 2>/dev/null) || { echo missing; exit 0; }
root=$(realpath -e -- "$2") || exit 1
case $p in "$root"/*) ;; *) printf 'outside %s\\n' "$p"; exit 0 ;; esac
[ -f "$p" ] || { echo not-a-file; exit 0; }
rm -f -- "$p" || exit 1
echo deleted
`;
