// Unicode text to WinAnsiEncoding bytes, the encoding the standard PDF fonts read. Latin-1 maps
// one to one; the typographic quotes, dashes, ellipsis and euro sit in 128–159; anything else is
// replaced by its closest plain form (accents stripped, arrows and signs spelt out), else '?'.

const HIGH: Record<string, number> = {
  '€': 128, '‚': 130, 'ƒ': 131, '„': 132, '…': 133, '†': 134, '‡': 135, 'ˆ': 136, '‰': 137, 'Š': 138, '‹': 139, 'Œ': 140, 'Ž': 142,
  '‘': 145, '’': 146, '“': 147, '”': 148, '•': 149, '–': 150, '—': 151, '˜': 152, '™': 153, 'š': 154, '›': 155, 'œ': 156, 'ž': 158, 'Ÿ': 159,
};

/** Characters outside WinAnsi with a sensible stand-in (an empty string drops the character). */
const SUBSTITUTES: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2015': '—', '\u2212': '-', '\u2032': '’', '\u2033': '”', '\u201B': '‘', '\u201F': '“',
  '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2192': '->', '\u2190': '<-', '\u2194': '<->', '\u21D2': '=>', '\u2248': '~',
  '\u2713': 'v', '\u2714': 'v', '\u2717': 'x', '\u2718': 'x', '\u00A0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202F': ' ', '\u2007': ' ',
  '\u200B': '', '\u200C': '', '\u200D': '', '\u2060': '', '\uFEFF': '', '\u00AD': '', '\u25CF': '•', '\u25E6': '•', '\u2023': '•',
  'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ŀ': 'l', 'ŉ': "'n", 'Ɨ': 'I', 'ĸ': 'k',
};

function codeOf(ch: string): number | null {
  const cp = ch.codePointAt(0)!;
  if ((cp >= 32 && cp <= 126) || (cp >= 160 && cp <= 255)) return cp;
  return HIGH[ch] ?? null;
}

/** One character as WinAnsi bytes (usually one; a substitute may give several, a dropped one none). */
function encodeChar(ch: string, out: number[]): void {
  // Substitutes first: a soft hyphen is in Latin-1 but must not print mid-word.
  if (ch in SUBSTITUTES) { for (const c of SUBSTITUTES[ch]) out.push(codeOf(c) ?? 63); return; }
  const direct = codeOf(ch);
  if (direct !== null) { out.push(direct); return; }
  if (ch === '\t') { out.push(32); return; }
  const cp = ch.codePointAt(0)!;
  if (cp < 32 || (cp >= 127 && cp < 160)) return; // control characters carry nothing printable
  // Letters with accents WinAnsi lacks (ő, ą, č…): keep the letter, lose the accent.
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  if (base && base !== ch && [...base].every((c) => codeOf(c) !== null)) { for (const c of base) out.push(codeOf(c)!); return; }
  if (/\p{M}/u.test(ch)) return; // a lone combining mark
  out.push(63); // '?'
}

/** Text in WinAnsi bytes. Composes first, so an "e" followed by a combining accent becomes "è". */
export function toWinAnsi(text: string): number[] {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) encodeChar(ch, out);
  return out;
}
