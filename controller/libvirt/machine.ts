/** Machine-type families: libvirt expands an alias (`q35`) to a versioned type (`pc-q35-7.2`); both normalise to the family. */
export const MACHINE_FAMILIES: readonly { pattern: RegExp; family: string }[] = [
  { pattern: /^(?:q35|pc-q35-[0-9.]+)$/, family: 'q35' },
  { pattern: /^(?:pc|pc-i440fx-[0-9.]+)$/, family: 'pc' },
  { pattern: /^(?:microvm)$/, family: 'microvm' },
];

/** The family of a machine type, or the type itself when it belongs to no known family. */
export function machineFamily(machine: string | undefined): string {
  const value = (machine ?? '').trim();
  return MACHINE_FAMILIES.find((row) => row.pattern.test(value))?.family ?? value;
}
