/** Copies of the recorded scenario manifests with extra documents, for status cases the recordings do not cover. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadScenario } from '../../fixtures/engine/capture.js';
import type { ScenarioName } from './cycle.js';

/** A password planted in cloud-init user-data; it must never reach status, notes or commit messages. */
export const PLANTED_SECRET = 'Planted-Pa55w0rd-7f3e9c';

/** A VM on hv3 whose cloud-init user-data sets a password. */
export const SECRET_VM = `apiVersion: gitvirt.io/v1alpha1
kind: VirtualMachine
metadata:
  name: vault1
spec:
  placement:
    host: hv3
  cpus: 1
  memoryMiB: 128
  domainType: qemu
  disks:
    - name: root
      image: guest
      sizeGiB: 1
  interfaces:
    - network: gvnet
      ip: 192.168.240.31
  cloudInit:
    hostname: vault1
    userData: |
      chpasswd:
        expire: false
        list: |
          root:${PLANTED_SECRET}
      password: ${PLANTED_SECRET}
  boot:
    kernel: /var/cache/gitvirt-test-guest/vmlinux
    initrd: /var/cache/gitvirt-test-guest/initrd.img
    cmdline: console=ttyS0
`;

/** A VM that fits on no host. */
export const HUGE_VM = `apiVersion: gitvirt.io/v1alpha1
kind: VirtualMachine
metadata:
  name: huge1
spec:
  placement:
    zone: zone-a
  cpus: 64
  memoryMiB: 1048576
  domainType: qemu
  disks:
    - name: root
      sizeGiB: 1
`;

/** A cluster of one member in zone-a. */
export const CLUSTER = `apiVersion: gitvirt.io/v1alpha1
kind: Cluster
metadata:
  name: api
spec:
  zones:
    - name: zone-b
      replicas: 1
  template:
    spec:
      cpus: 1
      memoryMiB: 128
      domainType: qemu
      disks:
        - name: root
          image: guest
          sizeGiB: 1
      interfaces:
        - network: gvnet
`;

/** A scenario's manifests copied into a temporary folder with `extra` files (path → YAML) added. */
export async function manifestsWith(name: ScenarioName, extra: Record<string, string>): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'gitvirt-status-manifests-'));
  const dir = join(root, 'manifests');
  await cp((await loadScenario(name)).manifestsDir, dir, { recursive: true });
  for (const [path, text] of Object.entries(extra)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
