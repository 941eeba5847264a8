/** Bytes per unit for libvirt's scaled integers (`unit` attribute), lower-cased. */
export const UNIT_BYTES: Readonly<Record<string, number>> = {
  b: 1, bytes: 1,
  kb: 1000, k: 1024, kib: 1024,
  mb: 1000 ** 2, m: 1024 ** 2, mib: 1024 ** 2,
  gb: 1000 ** 3, g: 1024 ** 3, gib: 1024 ** 3,
  tb: 1000 ** 4, t: 1024 ** 4, tib: 1024 ** 4,
};

/** Converts a libvirt scaled integer to bytes; `defaultUnit` applies when no unit is given. Undefined for junk. */
export function scaledToBytes(value: string | undefined, unit: string | undefined, defaultUnit: string): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  const factor = UNIT_BYTES[(unit ?? defaultUnit).toLowerCase()];
  if (factor === undefined) return undefined;
  return Number.parseInt(value, 10) * factor;
}

/** Bytes to MiB (may be fractional when libvirt holds an odd size). */
export function bytesToMiB(bytes: number): number {
  return bytes / 1024 ** 2;
}
