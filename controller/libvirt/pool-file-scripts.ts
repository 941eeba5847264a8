/** Prints `missing`, `not-a-file`, or `<bytes> <sha256>` of file $1. */
export const DIGEST_SCRIPT = `set -u
[ -e "$1" ] || { echo missing; exit 0; }
[ -f "$1" ] || { echo not-a-file; exit 0; }
s=$(stat -c %s -- "$1") || exit 1
h=$(sha256sum < "$1") || exit 1
echo "$s \${h%% *}"
`;

/** Writes $3 bytes of file $1 from byte $2 to standard output, gzip-compressed. */
export const READ_SCRIPT = 'dd if="$1" bs=1M iflag=skip_bytes,count_bytes skip="$2" count="$3" status=none | gzip -1 -c';

/** Replaces file $1 with an empty sparse file of $2 bytes. */
export const ALLOCATE_SCRIPT = 'rm -f -- "$1" && truncate -s "$2" -- "$1"';

/** Writes gzip-compressed standard input into file $1 at byte $2, seeking over zero blocks. */
export const WRITE_SCRIPT = 'gzip -dc | dd of="$1" bs=1M oflag=seek_bytes seek="$2" conv=notrunc,sparse status=none';

/** Sets overlay $1's backing file to $4 (format $5) when $4 is not empty (header only), then renames $1 to $2. $3 is $1's format. */
export const INSTALL_SCRIPT = `set -u
from=$1 to=$2 fmt=$3 backing=$4 bfmt=$5
[ -f "$from" ] || { echo "$from does not exist" >&2; exit 1; }
if [ -n "$backing" ]; then qemu-img rebase -u -f "$fmt" -F "$bfmt" -b "$backing" "$from" || exit 1; fi
mv -f -- "$from" "$to"
`;

/** Removes file $1 when it exists. */
export const REMOVE_SCRIPT = 'rm -f -- "$1"';
