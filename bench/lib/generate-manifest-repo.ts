import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Size of a generated repository. */
export interface ManifestRepoShape {
  hosts: number;
  zones: number;
  images: number;
  networks: number;
  vms: number;
  vmsPerFile: number;
}

/** 2,000 manifests: 100 hosts, 10 images, 50 networks, 1,840 VMs (8 per file). */
export const DEFAULT_SHAPE: ManifestRepoShape = { hosts: 100, zones: 5, images: 10, networks: 50, vms: 1840, vmsPerFile: 8 };

/** Deterministic hex string of `length` characters derived from `seed`. */
function hex(seed: number, length: number): string {
  let out = '';
  let x = (seed * 2654435761) >>> 0;
  while (out.length < length) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A pinned-looking ed25519 host key line (the base64 body is well-formed, the key is not real). */
function hostKey(i: number): string {
  const body = Buffer.concat([Buffer.from('0000000b7373682d6564323535313900000020', 'hex'), Buffer.from(hex(i, 64), 'hex')]);
  return `ssh-ed25519 ${body.toString('base64')} root@hv${i}`;
}

/** YAML documents, keyed by repository-relative file, for a valid repository of the given shape. Pure. */
export function manifestRepoFiles(shape: ManifestRepoShape = DEFAULT_SHAPE): Map<string, string> {
  const files = new Map<string, string>();
  const head = (kind: string, name: string) => `apiVersion: gitvirt.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  labels:\n    team: t${name.length % 7}\n`;
  for (let h = 0; h < shape.hosts; h++) {
    files.set(
      `hosts/hv${h}.yaml`,
      `# hypervisor ${h}\n${head('Host', `hv${h}`)}spec:\n  address: 10.${77 + Math.floor(h / 250)}.${h % 250}.2\n  hostKey: ${hostKey(h)}\n  zone: z${h % shape.zones}\n  capacity:\n    cpus: 64\n    memoryMiB: 262144\n  reserved:\n    cpus: 2\n    memoryMiB: 8192\n`,
    );
  }
  const images = Array.from({ length: shape.images }, (_, i) =>
    `${head('Image', `img-${i}`)}spec:\n  source:\n    url: https://images.example.com/base/img-${i}.qcow2\n    sha256: ${hex(1000 + i, 64)}\n  format: qcow2\n`,
  );
  files.set('images/images.yaml', images.join('---\n'));
  for (let n = 0; n < shape.networks; n++) {
    files.set(
      `networks/net-${n}.yaml`,
      `${head('Network', `net-${n}`)}spec:\n  mode: nat\n  cidr: 172.16.${n}.0/24\n  dhcp:\n    start: 172.16.${n}.100\n    end: 172.16.${n}.199\n    reservations:\n      - mac: "52:54:01:00:${hex(n, 2)}:01"\n        ip: 172.16.${n}.2\n  hosts:\n    zones: [z${n % shape.zones}]\n`,
    );
  }
  const staticIps = new Map<number, number>();
  let docs: string[] = [];
  for (let v = 0; v < shape.vms; v++) {
    const zone = v % shape.zones;
    const net = zone + shape.zones * (Math.floor(v / shape.zones) % Math.floor(shape.networks / shape.zones));
    let iface = `    - network: net-${net}\n`;
    if (v % 4 === 0) {
      const k = (staticIps.get(net) ?? 9) + 1;
      staticIps.set(net, k);
      iface += `      ip: 172.16.${net}.${k}\n`;
    }
    const data = v % 3 === 0 ? `    - name: data\n      sizeGiB: ${10 + (v % 50)}\n` : '';
    docs.push(
      `${head('VirtualMachine', `vm-${v}`)}spec:\n  placement:\n    zone: z${zone}\n  cpus: ${1 + (v % 2)}\n  memoryMiB: ${1024 * (1 + (v % 2))}\n  disks:\n    - name: root\n      image: img-${v % shape.images}\n      sizeGiB: 20\n${data}  interfaces:\n${iface}  cloudInit:\n    hostname: vm-${v}\n`,
    );
    if (docs.length === shape.vmsPerFile || v === shape.vms - 1) {
      files.set(`vms/group-${Math.floor(v / shape.vmsPerFile)}.yaml`, docs.join('---\n'));
      docs = [];
    }
  }
  return files;
}

/** Writes a generated repository under `dir`; returns the number of files and documents. */
export async function writeManifestRepo(dir: string, shape: ManifestRepoShape = DEFAULT_SHAPE): Promise<{ files: number; documents: number }> {
  const files = manifestRepoFiles(shape);
  for (const [file, text] of files) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return { files: files.size, documents: shape.hosts + shape.images + shape.networks + shape.vms };
}
