/** Reads the SSH wire encoding (RFC 4251): uint32 and length-prefixed strings; throws on truncation. */
export class SshReader {
  private offset = 0;
  constructor(private readonly buf: Buffer) {}

  /** Reads a big-endian uint32. */
  uint32(): number {
    if (this.offset + 4 > this.buf.length) throw new Error('truncated SSH data');
    const value = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** Reads a length-prefixed byte string. */
  string(): Buffer {
    const length = this.uint32();
    if (this.offset + length > this.buf.length) throw new Error('truncated SSH data');
    const value = this.buf.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** Reads `n` raw bytes. */
  bytes(n: number): Buffer {
    if (this.offset + n > this.buf.length) throw new Error('truncated SSH data');
    const value = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return value;
  }

  /** True when every byte was read. */
  done(): boolean {
    return this.offset === this.buf.length;
  }
}

/** Encodes a length-prefixed SSH string. */
export function sshString(value: Buffer | string): Buffer {
  const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/** An SSH mpint as an unsigned big-endian integer without leading zero bytes. */
export function unsignedMpint(value: Buffer): Buffer {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  return value.subarray(start);
}
