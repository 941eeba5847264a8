import { shellQuote } from '../transport/shell-quote.js';
import { virshQuote } from './virsh-quote.js';

/** Inputs of the observe script. */
export interface ObserveScriptInput {
  /** libvirt connection URI of the host (`qemu:///system`). */
  uri: string;
  /** Name of gitvirt's storage pool; its volumes are read. */
  pool: string;
  /** Section marker, unguessable per run (`@@gv` + hex), so no XML content can fake a section. */
  marker: string;
}

/** Object groups per virsh invocation in the second stage (keeps each command string far below the 128 KiB argument limit). */
export const OBSERVE_CHUNK = 150;

/** Shape of a marker; anything else is refused (it is pasted into the script and into awk patterns). */
export const OBSERVE_MARKER = /^@@gv[0-9a-f]{8,32}$/;

/**
 * Sections of the first virsh invocation: one `echo <marker> <section>` then one command each.
 * The pool's volumes are refreshed first so files changed behind libvirt's back are seen.
 */
function inventoryCommands(marker: string, pool: string): string {
  const quotedPool = virshQuote(pool);
  const sections: [string, string][] = [
    ['nodeinfo', 'nodeinfo'],
    ['kvm', 'domcapabilities --virttype kvm'],
    ['domains', 'list --all --uuid'],
    ['domains-autostart', 'list --all --uuid --autostart'],
    ['networks', 'net-list --all --uuid'],
    ['networks-active', 'net-list --uuid'],
    ['networks-autostart', 'net-list --all --uuid --autostart'],
    ['pool-refresh', `pool-refresh -- ${quotedPool}`],
    ['pools', 'pool-list --all --uuid'],
    ['pools-active', 'pool-list --uuid'],
    ['pools-autostart', 'pool-list --all --uuid --autostart'],
    ['pool-path', `pool-dumpxml -- ${quotedPool}`],
  ];
  return [...sections.map(([name, command]) => `echo ${marker} ${name}; ${command}`), `echo ${marker} inventory-end`].join('; ');
}

/** awk: from the inventory, one line of virsh commands per domain, network and pool (addressed by UUID, never by name). */
const DETAIL_AWK = String.raw`
$1 == m { s = $2; next }
NF != 1 || length($1) != 36 || $1 !~ /^[0-9a-f-]+$/ { next }
s == "domains" { print "echo " m " domain " $1 "; domstate -- " $1 "; dumpxml --inactive -- " $1 }
s == "networks" { print "echo " m " network " $1 "; net-dumpxml --inactive -- " $1 }
s == "pools" { print "echo " m " pool " $1 "; pool-dumpxml -- " $1 }
`;

/** awk: the target path of gitvirt's pool from its XML, entities decoded. */
const POOL_PATH_AWK = String.raw`
$1 == m { s = $2; next }
s == "pool-path" && /<path>.*<\/path>/ {
  sub(/^[ \t]*<path>/, ""); sub(/<\/path>[ \t]*$/, "")
  gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&quot;/, "\""); gsub(/&apos;/, "\047"); gsub(/&amp;/, "\\&")
  print; exit
}
`;

/** awk: joins command lines into chunks of `n`, one virsh command string per output line. */
const CHUNK_AWK = String.raw`{ b = b $0 "; "; if (++c >= n) { print b; b = ""; c = 0 } } END { if (c) print b }`;

/**
 * The POSIX sh script observe runs in one round trip. Stage one: a single virsh invocation lists
 * node info, KVM support, and the UUIDs of domains, networks and pools (all, active, autostart),
 * and the gitvirt pool's path. Stage two: virsh invocations of up to OBSERVE_CHUNK objects each
 * dump every domain's inactive XML and state, every network's and pool's XML, and the XML of every
 * file in the pool directory (addressed by path, quoted for virsh in the shell). Output is
 * sections headed `<marker> <section> [uuid]`, ending with `<marker> end`.
 */
export function buildObserveScript(input: ObserveScriptInput): string {
  const { marker } = input;
  if (!OBSERVE_MARKER.test(marker)) throw new Error(`invalid observe marker ${JSON.stringify(marker)}`);
  return `set -u
U=${shellQuote(input.uri)}
M=${marker}
SQ="'"
NL='
'
vq() {
  s=$1; q=
  while :; do
    case $s in
      *"$SQ"*) pre=\${s%%"$SQ"*}; q=$q$pre$SQ\\\\$SQ$SQ; s=\${s#*"$SQ"} ;;
      *) q=$SQ$q$s$SQ; return 0 ;;
    esac
  done
}
echo "$M begin"
inv=$(virsh -c "$U" ${shellQuote(inventoryCommands(marker, input.pool))} </dev/null)
rc=$?
printf '%s\\n' "$inv"
case $inv in *"$M inventory-end"*) ;; *) exit $(( rc == 0 ? 1 : rc )) ;; esac
dir=$(printf '%s\\n' "$inv" | awk -v m="$M" ${shellQuote(POOL_PATH_AWK)})
{
  printf '%s\\n' "$inv" | awk -v m="$M" ${shellQuote(DETAIL_AWK)}
  if [ -n "$dir" ] && [ -d "$dir" ]; then
    for f in "$dir"/*; do
      [ -f "$f" ] || continue
      case $f in *"$NL"*) continue ;; esac
      vq "$f"
      printf 'echo %s volume; vol-dumpxml -- %s\\n' "$M" "$q"
    done
  fi
} | awk -v n=${OBSERVE_CHUNK} ${shellQuote(CHUNK_AWK)} | while IFS= read -r cmds; do
  virsh -c "$U" "$cmds" </dev/null
done
echo "$M end"
`;
}
