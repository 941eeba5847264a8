/** Builds a large, valid repository in memory: hosts, networks, an image and many pinned VMs. */
export function generateRepo(count: number): { file: string; text: string }[] {
  const hosts = 50;
  const networks = 20;
  const parts: string[] = [];
  for (let i = 0; i < hosts; i++) {
    parts.push(`apiVersion: gitvirt.io/v1alpha1
kind: Host
metadata:
  name: hv${i}
spec:
  address: hv${i}.example.com
  hostKey: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8
  zone: zone-${i % 3}
  capacity: { cpus: 64, memoryMiB: 262144 }
`);
  }
  for (let i = 0; i < networks; i++) {
    parts.push(`apiVersion: gitvirt.io/v1alpha1
kind: Network
metadata:
  name: net${i}
spec:
  mode: nat
  cidr: 10.${i}.0.0/16
  dhcp: { start: 10.${i}.200.1, end: 10.${i}.200.250 }
`);
  }
  parts.push('apiVersion: gitvirt.io/v1alpha1\nkind: Image\nmetadata: { name: debian }\nspec: { source: { path: /img/debian.qcow2 } }\n');
  for (let i = 0; parts.length < count; i++) {
    parts.push(`apiVersion: gitvirt.io/v1alpha1
kind: VirtualMachine
metadata:
  name: vm-${i}
  labels: { app: web }
spec:
  placement:
    host: hv${i % hosts}
  cpus: 2
  memoryMiB: 2048
  disks:
    - name: root
      image: debian
  interfaces:
    - network: net${i % networks}
      ip: 10.${i % networks}.${Math.floor(i / 200) + 1}.${(i % 200) + 1}
  cloudInit:
    hostname: vm-${i}
`);
  }
  return parts.map((text, i) => ({ file: `m/${String(i).padStart(4, '0')}.yaml`, text }));
}
