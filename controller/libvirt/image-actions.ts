import type { ActionOutcome } from '../types/host-client.js';
import { unchanged, type ActionExecutor } from './action-context.js';
import { refreshPool } from './pool-actions.js';
import { HostToolMissingError, ImageChecksumMismatchError, LibvirtCommandError } from './host-client-errors.js';
import { redactUrl } from './redact-url.js';
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

/** What the fetch scripts print, and what it means as an outcome. */
const FETCH_OUTCOMES: Readonly<Record<string, (path: string) => ActionOutcome>> = {
  present: (path) => unchanged(`${path} is present`),
  'present-sum': (path) => unchanged(`${path} is present with the right sha256`),
  fetched: (path) => ({ result: 'created', message: `downloaded to ${path}` }),
  copied: (path) => ({ result: 'created', message: `copied to ${path}` }),
  replaced: (path) => ({ result: 'configured', message: `downloaded again to ${path}: the file there had another sha256` }),
};

/**
 * `image.fetch`: puts the image into the pool — a URL downloaded on the host and checked against its
 * sha256 (a mismatch removes the download and throws ImageChecksumMismatchError), or a file on the
 * host copied. An existing file with the right sha256 (or, for a path source, any existing file)
 * is left alone. created | configured | unchanged.
 */
export const fetchImage: ActionExecutor<'image.fetch'> = async ({ image, path }, { cmd }) => {
  const subject = { operation: 'fetch', kind: 'image', name: image.name };
  let status: string;
  if ('url' in image.source) {
    const { url } = image.source;
    const sha256 = image.source.sha256.toLowerCase();
    cmd.progress(`downloading ${redactUrl(url)} to ${path}`);
    const [word = '', sum = ''] = lastLine((await cmd.script(FETCH_URL_SCRIPT, [path, url, sha256, partialPath(path)], subject)).stdout).split(' ');
    if (word === 'mismatch') throw new ImageChecksumMismatchError({ host: cmd.host, image: image.name, url: redactUrl(url), expected: sha256, actual: sum });
    if (word === 'no-downloader') throw new HostToolMissingError({ host: cmd.host, action: 'image.fetch', tools: ['curl', 'wget'] });
    status = word === 'present' ? 'present-sum' : word;
  } else {
    cmd.progress(`copying ${image.source.path} to ${path}`);
    status = lastLine((await cmd.script(COPY_IMAGE_SCRIPT, [path, image.source.path, partialPath(path)], subject)).stdout);
  }
  const outcome = FETCH_OUTCOMES[status]?.(path);
  if (outcome === undefined) {
    throw new LibvirtCommandError(`unexpected output of the fetch script: ${status}`, { ...subject, host: cmd.host, action: cmd.action, command: [] });
  }
  if (outcome.result !== 'unchanged') await refreshPool(cmd, image.pool);
  return outcome;
};

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
