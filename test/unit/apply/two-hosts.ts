/** Two in-memory hosts for migration tests: domains with a run state, and pool files with real bytes (gzip on the wire, as the hosts send it). */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ActionOutcome, HostClient, PoolFiles } from '../../../controller/types/host-client.js';
import type { DomainState, LiveHostState } from '../../../controller/types/live.js';
import type { Action, ActionParams } from '../../../controller/types/plan.js';

export const POOL = '/pool';

/** One fake host: its domains, its pool files, and the log of what ran. */
export class MemoryHost {
  readonly domains = new Map<string, { state: DomainState; xml?: string; autostart: boolean; owned: boolean }>();
  readonly files = new Map<string, Buffer>();
  readonly log: string[] = [];
  /** Throws this when the matching step runs. */
  failOn?: (step: string) => Error | undefined;

  constructor(readonly name: string) {}

  private step(label: string): void {
    this.log.push(label);
    const failure = this.failOn?.(label);
    if (failure !== undefined) throw failure;
  }

  /** The HostClient of this host. */
  client(withFiles = true): HostClient {
    const files: PoolFiles = {
      digest: async (path) => {
        const data = this.files.get(path);
        return data === undefined ? null : { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
      },
      read: async (path, offset, length) => {
        this.step(`read ${path}@${offset}`);
        return gzipSync((this.files.get(path) ?? Buffer.alloc(0)).subarray(offset, offset + length));
      },
      allocate: async (path, bytes) => {
        this.files.set(path, Buffer.alloc(bytes));
      },
      write: async (path, offset, compressed) => {
        this.step(`write ${path}@${offset}`);
        gunzipSync(compressed).copy(this.files.get(path)!, offset);
      },
      install: async ({ from, to, backing }) => {
        this.step(`install ${to}${backing === undefined ? '' : ` backing ${backing.path}`}`);
        this.files.set(to, this.files.get(from)!);
        this.files.delete(from);
      },
      remove: async (path) => {
        this.files.delete(path);
      },
    };
    return {
      host: this.name,
      observe: async (): Promise<LiveHostState> => ({
        host: this.name, observedAt: '', node: { cpus: 4, memoryMiB: 4096 }, kvm: false, networks: [], pools: [],
        domains: [...this.domains].map(([name, d]) => ({ name, uuid: '', state: d.state, autostart: d.autostart, owner: d.owned ? { kind: 'VirtualMachine', name, specHash: '', revision: '' } : null })),
        volumes: [...this.files.keys()].map((path) => ({ pool: 'gitvirt', name: path.slice(POOL.length + 1), path, capacityBytes: 0 })),
      }),
      run: async (action: Action): Promise<ActionOutcome> => this.run(action),
      ...(withFiles ? { files } : {}),
    };
  }

  private async run(action: Action): Promise<ActionOutcome> {
    const p = action.params as Record<string, unknown>;
    const name = String(p['name'] ?? p['volume']);
    this.step(`${action.kind} ${name}`);
    const domain = this.domains.get(name);
    switch (action.kind) {
      case 'domain.stop':
        if (domain === undefined || domain.state === 'shutoff') return { result: 'unchanged' };
        domain.state = 'shutoff';
        return { result: 'configured', message: 'shut down gracefully' };
      case 'domain.define':
        this.domains.set(name, { state: domain?.state ?? 'shutoff', xml: (p as ActionParams['domain.define']).xml, autostart: domain?.autostart ?? false, owned: true });
        return { result: domain === undefined ? 'created' : 'configured' };
      case 'domain.set-autostart':
        domain!.autostart = (p as ActionParams['domain.set-autostart']).enabled;
        return { result: 'configured' };
      case 'domain.start':
        if (domain === undefined) throw new Error(`domain ${name} does not exist`);
        domain.state = 'running';
        return { result: 'configured' };
      case 'domain.delete':
        if (domain === undefined) return { result: 'unchanged' };
        this.domains.delete(name);
        return { result: 'deleted' };
      case 'volume.create': {
        const path = (p as ActionParams['volume.create']).path;
        if (this.files.has(path)) return { result: 'unchanged' };
        this.files.set(path, Buffer.from('fresh'));
        return { result: 'created' };
      }
      case 'volume.delete': {
        const path = (p as ActionParams['volume.delete']).path;
        return this.files.delete(path) ? { result: 'deleted' } : { result: 'unchanged' };
      }
      default:
        throw new Error(`unexpected ${action.kind}`);
    }
  }
}
