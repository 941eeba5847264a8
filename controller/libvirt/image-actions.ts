import type { ActionOutcome } from '../types/host-client.js';
import { unchanged, type ActionExecutor } from './action-context.js';
import { refreshPool } from './pool-actions.js';
import { HostToolMissingError, ImageChecksumMismatchError } from './host-client-errors.js';
import { partialPath } from './temp-path.js';

/**
 * Downloads $2 to $4 with curl or wget, checks its sha256 against $3, and renames it to $1.
 * Prints one status line: `present <sum>` (already there with the right sum), `fetched <sum>`,
 * `replaced <sum>` (an earlier file had another sum), `mismatch <sum>` (download removed), `no-downloader`.
 */
export const FETCH_URL_SCRIPT = `set -u
path=$1 url=$2 want=$3 tmp=$4 status=fetched
if [ -f "$path" ]; then
  have=$(sha256sum < "$path") || exit 1
  [ "\${have%% *}" = "$want" ] && { echo "present $want"; exit 0; }
  status=replaced
fi
trap 'rm -f "$tmp"' EXIT
trap 'exit 143' TERM INT HUP
if command -v curl >/dev/null 2>&1; then
  curl -fsSL --retry 3 -o "$tmp" "$url" || exit $?
elif command -v wget >/dev/null 2>&1; then
  wget -q --tries=3 -O "$tmp" "$url" || exit $?
else
  echo no-downloader; exit 0
fi
have=$(sha256sum < "$tmp") || exit 1
have=\${have%% *}
[ "$have" = "$want" ] || { echo "mismatch $have"; exit 0; }
chmod 0644 "$tmp" && mv -f "$tmp" "$path" || exit 1
echo "$status $have"
`;

/** Copies $2 to $3 (reflink when the file system can) and renames it to $1; `present` when $1 exists. */
export const COPY_IMAGE_SCRIPT = `set -u
path=$1 src=$2 tmp=$3
[ -f "$path" ] && { echo present; exit 0; }
trap 'rm -f "$tmp"' EXIT
trap 'exit 143' TERM INT HUP
cp --reflink=auto -- "$src" "$tmp" && chmod 0644 "$tmp" && mv -f "$tmp" "$path" || exit 1
echo copied
`;

/**
 * `image.fetch`: puts the image into the pool — a URL downloaded on the host and checked against its
 * sha256 (a mismatch removes the download and throws ImageChecksumMismatchError), or a file on the
 * host copied. An existing file with the right sha256 (or, for a path source, any existing file)
 * is left alone. created | configured | unchanged.
 */
export const fetchImage: ActionExecutor<'image.fetch'> = async ({ image, path }, ctx) => {
  const { cmd } = ctx;
  const subject = { operation: 'fetch', kind: 'image', name: image.name };
  let status: string;
  if ('url' in image.source) {
    const { url, sha256 } = image.source;
    cmd.progress(`downloading ${url} to ${path}`);
    const result = await cmd.script(FETCH_URL_SCRIPT, [path, url, sha256.toLowerCase(), partialPath(path)], subject);
    status = lastLine(result.stdout);
    const [word = '', sum = ''] = status.split(' ');
    if (word === 'mismatch') throw new ImageChecksumMismatchError({ host: cmd.host, image: image.name, url, expected: sha256.toLowerCase(), actual: sum });
    if (word === 'no-downloader') throw new HostToolMissingError({ host: cmd.host, action: 'image.fetch', tools: ['curl', 'wget'] });
  } else {
    cmd.progress(`copying ${image.source.path} to ${path}`);
    status = lastLine((await cmd.script(COPY_IMAGE_SCRIPT, [path, image.source.path, partialPath(path)], subject)).stdout);
  }
  if (status.startsWith('present')) return unchanged(`${path} is present${status.length > 8 ? ' with the right sha256' : ''}`);
  await refreshPool(cmd, image.pool);
  const outcome: ActionOutcome = status.startsWith('replaced')
    ? { result: 'configured', message: `replaced ${path}: the file there had another sha256` }
    : { result: 'created', message: `${status.startsWith('copied') ? 'copied' : 'downloaded'} to ${path}` };
  return outcome;
};

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
