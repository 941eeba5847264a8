import { shellQuote } from '../../controller/transport/shell-quote.js';
import type { DomainArtifact, HostArtifacts } from './fleet-artifacts.js';

/** libvirt connection every script uses. */
export const URI = 'qemu:///system';

/** Where the floor scripts write XML files on a host (each testbed host has its own /tmp). */
const WORK = '/tmp/gitvirt-bench-floor';

/** Quotes one argument for the shell, and for virsh's own parser, which follows the shell's single quotes. */
const q = shellQuote;

/** A shell line that writes `text` to `path` through a quoted here-document (no expansion). */
function fileLine(path: string, text: string): string {
  const end = 'GITVIRT_BENCH_EOF';
  if (text.split('\n').includes(end)) throw new Error(`file content contains the here-document delimiter ${end}`);
  return `cat >${q(path)} <<'${end}'\n${text.endsWith('\n') ? text : `${text}\n`}${end}`;
}

/** Runs virsh `commands` in one virsh process (commands on stdin); stops at the first failure. */
function virshBatch(commands: readonly string[]): string {
  const end = 'GITVIRT_BENCH_VIRSH';
  return `virsh -q -c ${q(URI)} <<'${end}'\n${commands.join('\n')}\n${end}`;
}

/** A script: strict mode, the XML files, then one virsh process with the commands. */
function script(files: ReadonlyMap<string, string>, commands: readonly string[]): string {
  const writes = [...files].map(([path, text]) => fileLine(path, text));
  const setup = files.size === 0 ? [] : [`rm -rf ${q(WORK)}`, `mkdir -p ${q(WORK)}`];
  return ['set -eu', ...setup, ...writes, virshBatch(commands)].join('\n');
}

const domainFile = (d: DomainArtifact) => `${WORK}/${d.name}.xml`;

/**
 * The floor of a cold converge on one host: the XML files written, then one virsh process that
 * defines, builds, starts and autostarts the pool; defines, starts and autostarts the network;
 * creates every volume; defines every domain and sets its autostart; starts every domain.
 */
export function floorColdScript(h: HostArtifacts): string {
  const files = new Map<string, string>([[`${WORK}/pool.xml`, h.pool.xml]]);
  h.networks.forEach((n) => files.set(`${WORK}/net-${n.name}.xml`, n.xml));
  h.domains.forEach((d) => files.set(domainFile(d), d.pinnedXml));
  const pool = h.pool.pool.name;
  return script(files, [
    `pool-define ${q(`${WORK}/pool.xml`)}`, `pool-build ${q(pool)}`, `pool-start ${q(pool)}`, `pool-autostart ${q(pool)}`,
    ...h.networks.flatMap((n) => [`net-define ${q(`${WORK}/net-${n.name}.xml`)}`, `net-start ${q(n.name)}`, ...(n.autostart ? [`net-autostart ${q(n.name)}`] : [])]),
    ...h.volumes.map((v) => `vol-create-as ${q(v.pool)} ${q(v.volume)} ${v.capacityBytes} --format ${q(v.format)}`),
    ...h.domains.flatMap((d) => [`define ${q(domainFile(d))}`, ...(d.autostart ? [`autostart ${q(d.name)}`] : [])]),
    ...h.domains.map((d) => `start ${q(d.name)}`),
  ]);
}

/**
 * The read a full check needs on one host, in one virsh process: domains (all, autostart), networks,
 * pools, the pool's volumes, and every domain's state and persistent XML and the networks' XML.
 */
function checkCommands(h: HostArtifacts): string[] {
  return [
    'list --all', 'list --all --autostart', 'net-list --all', 'pool-list --all', `vol-list ${q(h.pool.pool.name)}`,
    ...h.networks.map((n) => `net-dumpxml --inactive ${q(n.name)}`),
    ...h.domains.flatMap((d) => [`domstate ${q(d.name)}`, `dumpxml --inactive ${q(d.name)}`]),
  ];
}

/** The floor of a no-op cycle on one host: the full check, nothing changed. */
export function floorCheckScript(h: HostArtifacts): string {
  return script(new Map(), checkCommands(h));
}

/** What the floor must put right on a host after the check: domains to redefine (with a live memory change), start, autostart. */
export interface FloorRepair {
  redefine: readonly DomainArtifact[];
  start: readonly string[];
  autostart: readonly string[];
}

/** The floor of a change or a drift repair on one host: the full check, then exactly the commands that put it right. */
export function floorRepairScript(h: HostArtifacts, repair: FloorRepair): string {
  const files = new Map(repair.redefine.map((d) => [domainFile(d), d.pinnedXml]));
  return script(files, [
    ...checkCommands(h),
    ...repair.redefine.flatMap((d) => [`define ${q(domainFile(d))}`, `setmem ${q(d.name)} ${d.memoryMiB * 1024} --live`]),
    ...repair.autostart.map((name) => `autostart ${q(name)}`),
    ...repair.start.map((name) => `start ${q(name)}`),
  ]);
}

/** Removes every domain, network and storage pool of a host, and the pool's files: the empty host each tool starts from. */
export function resetScript(poolPath: string): string {
  return `set -u
V="virsh -q -c ${URI}"
for d in $($V list --all --name); do $V destroy -- "$d" >/dev/null 2>&1; $V undefine --nvram -- "$d" >/dev/null || exit 1; done
for n in $($V net-list --all --name); do $V net-destroy -- "$n" >/dev/null 2>&1; $V net-undefine -- "$n" >/dev/null || exit 1; done
for p in $($V pool-list --all --name); do $V pool-destroy -- "$p" >/dev/null 2>&1; $V pool-undefine -- "$p" >/dev/null || exit 1; done
rm -rf -- ${q(poolPath)}
`;
}

/**
 * Prints the state the verification compares, one line per object: `pool <name> <active> <autostart>`,
 * `network <name> <active> <autostart>`, `domain <name> <state> <autostart> <persistent currentMemory KiB>`,
 * `volume <file>`.
 */
export function stateScript(poolPath: string): string {
  return `set -u
V="virsh -q -c ${URI}"
for p in $($V pool-list --all --name); do printf 'pool %s %s\\n' "$p" "$($V pool-info -- "$p" | awk -F': *' '/^State/{s=$2} /^Autostart/{a=$2} END{print s, a}')"; done
for n in $($V net-list --all --name); do printf 'network %s %s\\n' "$n" "$($V net-info -- "$n" | awk -F': *' '/^Active/{s=$2} /^Autostart/{a=$2} END{print s, a}')"; done
for d in $($V list --all --name); do
  printf 'domain %s %s %s %s\\n' "$d" "$($V domstate -- "$d" | tr ' ' '-')" "$($V dominfo -- "$d" | awk -F': *' '/^Autostart/{print $2}')" \\
    "$($V dumpxml --inactive -- "$d" | sed -n 's/.*<currentMemory unit=.KiB.>\\([0-9]*\\)<.*/\\1/p')"
done
[ -d ${q(poolPath)} ] && ls -1 -- ${q(poolPath)} | sed 's/^/volume /'
exit 0
`;
}

/**
 * Changes made by hand on a host for the drift scenario: the first domain is forced off, the second
 * gets `memoryMiB` (live and persistent), the third loses autostart.
 */
export function driftScript(h: HostArtifacts, memoryMiB: number): string {
  const [off, resized, manual] = h.domains;
  const commands = [
    ...(off === undefined ? [] : [`destroy ${q(off.name)}`]),
    ...(resized === undefined ? [] : [`setmem ${q(resized.name)} ${memoryMiB * 1024} --live --config`]),
    ...(manual === undefined ? [] : [`autostart --disable ${q(manual.name)}`]),
  ];
  return script(new Map(), commands);
}

/** What driftScript changed on a host, as the repair the floor must make. */
export function driftRepair(h: HostArtifacts): FloorRepair {
  const [off, resized, manual] = h.domains;
  return { start: off === undefined ? [] : [off.name], redefine: resized === undefined ? [] : [resized], autostart: manual === undefined ? [] : [manual.name] };
}
