/** The shell script that removes a demo's objects from one host (pure). */
import { shellJoin, shellQuote } from '../../controller/transport/index.js';

/** Marker of gitvirt's ownership in a domain's or network's XML. */
export const OWNER_NAMESPACE = 'https://gitvirt.io/xmlns/owner/v1alpha1';

/**
 * A `sh` script for one host: destroys and undefines the named domains and networks that carry
 * gitvirt's owner element (nothing else is touched), deletes the pool's files matching the volume
 * globs, and removes the pool when it is left empty. Prints one `removed <what> <name>` line per removal.
 */
export function cleanHostScript(args: { domains: readonly string[]; networks: readonly string[]; volumeGlobs: readonly string[]; pool: string; poolPath: string }): string {
  const q = shellQuote;
  const globs = args.volumeGlobs.map((g) => `${q(args.poolPath)}/${g.replace(/[^A-Za-z0-9*._-]/g, '')}`).join(' ');
  return [
    'V="virsh -q -c qemu:///system"',
    `owned() { $V "$@" 2>/dev/null | grep -q ${q(OWNER_NAMESPACE)}; }`,
    args.domains.length === 0 ? ':' : `for d in ${shellJoin(args.domains)}; do`,
    ...(args.domains.length === 0 ? [] : [
      '  owned dumpxml --inactive "$d" || continue',
      '  $V destroy "$d" >/dev/null 2>&1',
      '  $V undefine "$d" --managed-save --snapshots-metadata --nvram >/dev/null 2>&1 || $V undefine "$d" >/dev/null 2>&1',
      '  echo "removed domain $d"',
      'done',
    ]),
    args.networks.length === 0 ? ':' : `for n in ${shellJoin(args.networks)}; do`,
    ...(args.networks.length === 0 ? [] : [
      '  owned net-dumpxml "$n" || continue',
      '  $V net-destroy "$n" >/dev/null 2>&1',
      '  $V net-undefine "$n" >/dev/null 2>&1',
      '  echo "removed network $n"',
      'done',
    ]),
    `for f in ${globs || ':'}; do`,
    '  [ -e "$f" ] || continue',
    '  rm -f -- "$f" && echo "removed volume ${f##*/}"',
    'done',
    `if [ -d ${q(args.poolPath)} ] && [ -z "$(ls -A ${q(args.poolPath)})" ]; then`,
    `  $V pool-destroy ${q(args.pool)} >/dev/null 2>&1`,
    `  $V pool-undefine ${q(args.pool)} >/dev/null 2>&1`,
    `  rmdir ${q(args.poolPath)} && echo "removed pool ${args.pool.replace(/[^A-Za-z0-9._-]/g, '')}"`,
    'else',
    `  $V pool-refresh ${q(args.pool)} >/dev/null 2>&1`,
    'fi',
    'exit 0',
  ].join('\n');
}
