// Reads Adobe's Helvetica metrics from groff's PostScript font descriptions (generated from the
// AFM files by afmtodit), so a test can check the widths the player embeds against the source.
import { existsSync, readFileSync } from 'node:fs';

export const GROFF_DEVPS = '/usr/share/groff/1.22.4/font/devps';

/** The glyph of each WinAnsiEncoding code 32–255 (PDF 1.4 Appendix D); '' where the code is unused. */
export const WINANSI_GLYPHS: string[] = (() => {
  const ascii = ('space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash ' +
    'zero one two three four five six seven eight nine colon semicolon less equal greater question at ' +
    'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore grave ' +
    'a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde -').split(' ');
  const high = ('Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron guilsinglleft OE - Zcaron - ' +
    '- quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde trademark scaron guilsinglright oe - zcaron Ydieresis ' +
    'space exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft logicalnot hyphen registered macron ' +
    'degree plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown ' +
    'Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis ' +
    'Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls ' +
    'agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis ' +
    'eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex udieresis yacute thorn ydieresis').split(' ');
  return [...ascii, ...high].map((g) => (g === '-' ? '' : g));
})();

/** Advance widths (1/1000 em) by PostScript glyph name, from a groff devps font file (HR, HB). */
export function groffWidths(font: 'HR' | 'HB'): Map<string, number> | null {
  const file = `${GROFF_DEVPS}/${font}`;
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const widths = new Map<string, number>();
  let inCharset = false;
  for (const line of lines) {
    if (line.startsWith('charset')) { inCharset = true; continue; }
    if (!inCharset) continue;
    const cols = line.split('\t');
    if (cols.length >= 5) widths.set(cols[4], Number(cols[1].split(',')[0]));
  }
  return widths;
}

/** The WinAnsi width table for codes 32–255 (unused codes get the bullet's width, as Acrobat does). */
export function winAnsiWidths(font: 'HR' | 'HB'): number[] | null {
  const w = groffWidths(font);
  if (!w) return null;
  return WINANSI_GLYPHS.map((g) => w.get(g || 'bullet')!);
}
