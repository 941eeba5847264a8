/** Disk I/O limit names gitvirt manages, paired with libvirt's `<iotune>` element names. */
export const IOTUNE_FIELDS = [
  ['totalBytesSec', 'total_bytes_sec'],
  ['readBytesSec', 'read_bytes_sec'],
  ['writeBytesSec', 'write_bytes_sec'],
  ['totalIopsSec', 'total_iops_sec'],
  ['readIopsSec', 'read_iops_sec'],
  ['writeIopsSec', 'write_iops_sec'],
] as const;

/** One managed I/O limit name. */
export type IoTuneKey = (typeof IOTUNE_FIELDS)[number][0];

/** I/O limits of one disk; a limit of 0 means "none" and is left out, as libvirt does. */
export type IoTune = Partial<Record<IoTuneKey, number>>;

/** Drops zero and missing limits and orders keys as in IOTUNE_FIELDS. */
export function normaliseIoTune(iotune: IoTune | undefined): IoTune {
  const out: IoTune = {};
  for (const [key] of IOTUNE_FIELDS) {
    const value = iotune?.[key];
    if (value !== undefined && value > 0) out[key] = value;
  }
  return out;
}
