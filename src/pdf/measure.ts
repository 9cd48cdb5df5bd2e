// Text widths and line wrapping by the standard Helvetica metrics, in PDF points.
import { FIRST_CODE, HELVETICA, HELVETICA_BOLD } from './helvetica-widths';
import { toWinAnsi } from './winansi';

export type FontName = 'regular' | 'bold';

export function widthOf(text: string, font: FontName, size: number): number {
  const table = font === 'bold' ? HELVETICA_BOLD : HELVETICA;
  let units = 0;
  for (const code of toWinAnsi(text)) units += table[code - FIRST_CODE] ?? 556;
  return (units * size) / 1000;
}

/** Splits a word wider than the line into pieces that fit (a URL, a long id). */
function breakWord(word: string, font: FontName, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && widthOf(piece + ch, font, size) > maxWidth) { pieces.push(piece); piece = ''; }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Lines that fit maxWidth, breaking at spaces; the text's own line breaks are kept, and a blank
 *  line stays as an empty line so paragraphs remain apart. */
export function wrapText(text: string, font: FontName, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter(Boolean);
    if (words.length === 0) { lines.push(''); continue; }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (widthOf(candidate, font, size) <= maxWidth) { line = candidate; continue; }
      if (line) lines.push(line);
      if (widthOf(word, font, size) <= maxWidth) { line = word; continue; }
      const pieces = breakWord(word, font, size, maxWidth);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1];
    }
    lines.push(line);
  }
  return lines;
}
