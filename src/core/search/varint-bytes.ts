/**
 * Unsigned varints (7 bits a byte, low first) for the compact index's postings: written into a
 * growing array, read back with a cursor that skips or decodes.
 */
/** Varints into a growing byte array. */
export class ByteWriter {
  private bytes: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  length = 0;

  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** 28) throw new Error(`cannot encode ${value} in the compact index`);
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  result(): Uint8Array<ArrayBuffer> {
    return this.bytes.slice(0, this.length);
  }
}

export class ByteReader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  /** Past `count` varints without decoding them. */
  skip(count: number): void {
    const bytes = this.bytes;
    for (let left = count; left > 0; left--) while (bytes[this.at++] >= 0x80);
    if (this.at > bytes.length) throw new Error('the compact index is truncated');
  }

  /** The next varint (at most 28 bits: term numbers, gaps, counts, offsets and weights all fit). */
  varint(): number {
    const bytes = this.bytes;
    let byte = bytes[this.at++];
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    for (let shift = 7; shift <= 21; shift += 7) {
      byte = bytes[this.at++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
    // Past the end, `byte` is undefined: a truncated index lands here too.
    throw new Error(this.at > bytes.length ? 'the compact index is truncated' : 'the compact index holds a malformed number');
  }
}
