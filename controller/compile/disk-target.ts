/** Device-name prefix of each disk bus; sata and scsi share the `sd` namespace. */
export const DISK_TARGET_PREFIX: Readonly<Record<'virtio' | 'sata' | 'scsi', string>> = {
  virtio: 'vd',
  sata: 'sd',
  scsi: 'sd',
};

/** Linux-style drive suffix for a 0-based index: a..z, aa..az, ba... */
export function driveLetters(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** Assigns target device names in array order, counting each prefix separately (vda, vdb, sda, ...). */
export function assignDiskTargets(buses: readonly ('virtio' | 'sata' | 'scsi')[]): string[] {
  const next = new Map<string, number>();
  return buses.map((bus) => {
    const prefix = DISK_TARGET_PREFIX[bus];
    const index = next.get(prefix) ?? 0;
    next.set(prefix, index + 1);
    return prefix + driveLetters(index);
  });
}
