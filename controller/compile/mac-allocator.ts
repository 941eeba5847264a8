import { createHash } from 'node:crypto';

/** Locally administered prefix of derived MACs (the one QEMU uses). */
export const MAC_PREFIX = '52:54:00';

/** Derives `52:54:00:xx:xx:xx` from sha256 of a key. */
export function deriveMac(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  const tail = [digest[0], digest[1], digest[2]].map((b) => (b ?? 0).toString(16).padStart(2, '0'));
  return `${MAC_PREFIX}:${tail.join(':')}`;
}

/** Hands out MACs unique within one desired state: given MACs are reserved first, derived ones re-hash on collision. */
export class MacAllocator {
  private readonly taken = new Map<string, string>();

  /** Records a MAC given in the manifests; returns the previous holder when it was already taken. */
  reserve(mac: string, holder: string): string | undefined {
    const normal = mac.toLowerCase();
    const previous = this.taken.get(normal);
    if (previous === undefined) this.taken.set(normal, holder);
    return previous;
  }

  /** Derives a stable MAC for interface `index` of `vm` on `network`, skipping MACs already taken. */
  derive(vm: string, index: number, network: string): string {
    const base = `${vm}/${index}/${network}`;
    for (let counter = 0; ; counter += 1) {
      const mac = deriveMac(counter === 0 ? base : `${base}/${counter}`);
      if (!this.taken.has(mac)) {
        this.taken.set(mac, `${vm}/${index}`);
        return mac;
      }
    }
  }
}
