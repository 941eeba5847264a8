/**
 * What end-to-end tests of the controller look at: domains on the testbed hosts, the status branch
 * and notes in the test repository, /metrics, and the webhook; plus VirtualMachine manifests to push.
 */
import { parse, stringify } from 'yaml';
import type { Resource, VirtualMachine } from '../../controller/types/resources.js';
import type { GitServer } from '../testbed/git-server.js';
import type { Testbed, TestbedHost } from '../testbed/testbed.js';

/** virsh against the host's system libvirt. */
export const VIRSH = ['virsh', '-c', 'qemu:///system'] as const;

/** Directory of gitvirt's default storage pool on a host. */
export const POOL_DIR = '/var/lib/libvirt/images/gitvirt';

/** One condition of a status document. */
export interface StatusCondition { status: string; reason: string; message: string }

/** A status document, with its conditions by type. */
export interface StatusView { status: Record<string, unknown>; conditions: Record<string, StatusCondition> }

/** The gitvirt note of a source commit, parsed. */
export interface NoteView {
  revision: string;
  applies: { changes: { action: string; target: string; host: string; result: string }[]; hosts: Record<string, { result: string }> }[];
}

/** A small VM on one host: a blank 1 GiB disk, TCG, quick to shut down. */
export function vmManifest(name: string, host: TestbedHost | string, spec: Partial<VirtualMachine['spec']> = {}): VirtualMachine {
  return {
    apiVersion: 'gitvirt.io/v1alpha1', kind: 'VirtualMachine', metadata: { name, labels: { app: 'controller-e2e' } },
    spec: {
      placement: { host: typeof host === 'string' ? host : host.name }, cpus: 1, memoryMiB: 96, maxMemoryMiB: 192, domainType: 'qemu',
      runStrategy: 'Always', shutdownTimeoutSeconds: 5, disks: [{ name: 'root', sizeGiB: 1 }], ...spec,
    },
  };
}

/** `[path, YAML]` of a resource in the repository: hosts/ for Hosts, vms/ for the rest. */
export function manifestFile(resource: Resource): readonly [string, string] {
  return [`${resource.kind === 'Host' ? 'hosts' : 'vms'}/${resource.metadata.name}.yaml`, stringify(resource)];
}

/** Queries of one controller test: the testbed, the repository the controller follows, and its HTTP endpoint. */
export interface FleetProbe {
  virsh(host: TestbedHost, ...args: string[]): Promise<string>;
  /** Names of every domain defined on the host. */
  domains(host: TestbedHost): Promise<string[]>;
  /** `virsh domstate` of a domain (`running`, `shut off`, ...). */
  domState(host: TestbedHost, name: string): Promise<string>;
  /** Names of the files in the gitvirt pool directory, dotfiles included. */
  poolFiles(host: TestbedHost): Promise<string[]>;
  /** A metric sample's value from /metrics, or undefined. */
  metric(series: string): Promise<number | undefined>;
  /** A document of the status branch tip. */
  statusDoc(path: string): Promise<StatusView>;
  noteOf(revision: string): Promise<NoteView>;
  /** Sends a GitLab push event for `main` with the secret token. */
  pushHook(after: string): Promise<Response>;
  /** Destroys and undefines every domain whose name starts with `prefix`, and removes its files from the pool. */
  removeDomains(hosts: readonly TestbedHost[], prefix: string): Promise<void>;
}

/** Arguments of createFleetProbe. */
export interface FleetProbeArgs {
  testbed: Testbed;
  git: GitServer;
  repo: string;
  metricsUrl: string;
  webhookSecret: string;
}

/** The queries over one testbed, repository and controller. */
export function createFleetProbe(args: FleetProbeArgs): FleetProbe {
  const { testbed, git, repo } = args;
  const virsh = async (host: TestbedHost, ...rest: string[]) => (await testbed.run(host, [...VIRSH, ...rest], { timeoutMs: 60_000 })).stdout;
  return {
    virsh,
    domains: async (host) => (await virsh(host, 'list', '--all', '--name')).split('\n').map((s) => s.trim()).filter(Boolean),
    domState: async (host, name) => (await virsh(host, 'domstate', name)).trim(),
    poolFiles: async (host) => (await testbed.run(host, ['ls', '-1A', POOL_DIR], { allowFailure: true })).stdout.split('\n').filter(Boolean),
    async metric(series) {
      const text = await (await fetch(`${args.metricsUrl}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    },
    async statusDoc(path) {
      const doc = parse(await git.git(repo, ['show', `gitvirt/status:${path}`])) as { status: Record<string, unknown> & { conditions?: ({ type: string } & StatusCondition)[] } };
      return { status: doc.status, conditions: Object.fromEntries((doc.status.conditions ?? []).map((c) => [c.type, c])) };
    },
    noteOf: async (revision) => parse(await git.git(repo, ['notes', '--ref=gitvirt', 'show', revision])) as NoteView,
    pushHook: (after) => fetch(`${args.metricsUrl}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': args.webhookSecret },
      body: JSON.stringify({ object_kind: 'push', ref: 'refs/heads/main', before: '0'.repeat(40), after }),
    }),
    async removeDomains(hosts, prefix) {
      if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error(`unsafe domain prefix ${prefix}`);
      const v = VIRSH.join(' ');
      const script = `for d in $(${v} list --all --name | grep '^${prefix}'); do ${v} destroy "$d"; ${v} undefine "$d"; done; rm -f ${POOL_DIR}/${prefix}* ${POOL_DIR}/.${prefix}*; ${v} pool-refresh gitvirt; true`;
      for (const host of hosts) await testbed.run(host, ['sh', '-c', script], { allowFailure: true });
    },
  };
}
