// The course's hashes: short, stable, non-cryptographic, enough to tell one course, version, state
// or name apart from another, never to keep a secret. Three sizes for three uses: hashChars (cyrb53)
// for the state codec's keys and checksum, fnv1a (32 bits) for certificate ids, hash128 (cyrb128)
// for name-based UUIDs. Each one's output is stored somewhere (suspend_data, printed certificates,
// statement ids), so none may change.
import { ALPHABET } from './bits';

/** cyrb53: a fast 53-bit string hash, written as `length` characters of the alphabet. */
export function hashChars(text: string, length: number): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  let h = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += ALPHABET[h % 64];
    h = Math.floor(h / 64);
  }
  return out;
}


/** FNV-1a, 32 bits: short, stable, no crypto needed for an identifier. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 128-bit hash (cyrb128): not cryptographic, only stable and well spread. */
export function hash128(text: string): Uint8Array {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  [h1, h2, h3, h4].forEach((h, i) => view.setUint32(i * 4, h >>> 0));
  return out;
}

