// Bits packed six to a character of A–Z a–z 0–9 - _ (an alphabet no LMS escapes or mangles), and
// read back with every length and range checked: a changed or cut text throws CorruptState.

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Bits of a percentage (0–100). */
const PERCENT_BITS = 7;

export class CorruptState extends Error {}

/** Bits needed to tell `count` values apart. */
export function bitsFor(count: number): number {
  let bits = 0;
  while (2 ** bits < count) bits++;
  return bits;
}

const bitLength = (value: number): number => bitsFor(value + 1);

export class BitWriter {
  private readonly bits: number[] = [];

  write(value: number, width: number): void {
    for (let b = width - 1; b >= 0; b--) this.bits.push(Math.floor(value / 2 ** b) % 2);
  }

  flag(value: boolean): void {
    this.write(value ? 1 : 0, 1);
  }

  /** A whole number of at most `maxBits` bits, written with its own length so small is short. */
  varying(value: number, maxBits: number): void {
    const length = bitLength(value);
    this.write(length, bitsFor(maxBits + 1));
    this.write(value, length);
  }

  /** null, or a whole number 0–100. */
  percent(value: number | null): void {
    this.flag(value !== null);
    if (value !== null) this.write(value, PERCENT_BITS);
  }

  toText(): string {
    let out = '';
    for (let i = 0; i < this.bits.length; i += 6) {
      let v = 0;
      for (let b = 0; b < 6; b++) v = v * 2 + (this.bits[i + b] ?? 0);
      out += ALPHABET[v];
    }
    return out;
  }
}

export class BitReader {
  private readonly bits: number[] = [];
  private at = 0;

  constructor(text: string) {
    for (const ch of text) {
      const v = ALPHABET.indexOf(ch);
      if (v < 0) throw new CorruptState('character');
      for (let b = 5; b >= 0; b--) this.bits.push((v >> b) & 1);
    }
  }

  read(width: number): number {
    if (this.at + width > this.bits.length) throw new CorruptState('short');
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 2 + this.bits[this.at++];
    return v;
  }

  flag(): boolean {
    return this.read(1) === 1;
  }

  /** A number below `count`. */
  index(count: number): number {
    const v = this.read(bitsFor(count));
    if (v >= count) throw new CorruptState('index');
    return v;
  }

  varying(maxBits: number): number {
    const length = this.read(bitsFor(maxBits + 1));
    if (length > maxBits) throw new CorruptState('length');
    const v = this.read(length);
    // Written lengths are exact: a leading zero means the text was changed.
    if (length > 0 && v < 2 ** (length - 1)) throw new CorruptState('length');
    return v;
  }

  percent(): number | null {
    if (!this.flag()) return null;
    const v = this.read(PERCENT_BITS);
    if (v > 100) throw new CorruptState('percent');
    return v;
  }

  /** Only the zero padding of the last character may be left. */
  end(): void {
    if (this.bits.length - this.at >= 6 || this.bits.slice(this.at).some((b) => b !== 0)) throw new CorruptState('trailing');
  }
}

