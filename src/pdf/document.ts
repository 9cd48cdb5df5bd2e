// A page-flowing document on top of the PDF writer: text at a point, wrapped paragraphs that
// continue on a new page when the page is full, rules and boxes. Coordinates passed in and the
// flow cursor are measured from the top of the page, as one reads; PDF's own origin is the bottom.
import { serializePdf, type PdfInfo } from './pdf-file';
import { widthOf, wrapText, type FontName } from './measure';
import { toWinAnsi } from './winansi';

export const A4: [number, number] = [595, 842];
export const A4_LANDSCAPE: [number, number] = [842, 595];

export interface TextStyle {
  font?: FontName;
  size?: number;
  /** #rrggbb */
  colour?: string;
  /** Line height as a multiple of the size. */
  leading?: number;
  align?: 'left' | 'centre';
  indent?: number;
  /** Narrower than the text area, for a centred block that reads better short. */
  maxWidth?: number;
}

const num = (n: number): string => (Math.round(n * 100) / 100).toString();

/** #rgb or #rrggbb as PDF colour components; black when it cannot be read. */
export function rgb(hex: string | undefined): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!m) return [0, 0, 0];
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** A PDF literal string of WinAnsi bytes, with everything outside printable ASCII as an octal escape. */
export function literal(text: string): string {
  let s = '(';
  for (const b of toWinAnsi(text)) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b < 32 || b > 126) s += `\\${b.toString(8).padStart(3, '0')}`;
    else s += String.fromCharCode(b);
  }
  return `${s})`;
}

export class PdfDocument {
  private readonly pages: string[][] = [];
  /** Distance of the flow cursor from the top of the current page. */
  y: number;

  constructor(readonly width: number, readonly height: number, readonly margin: number) {
    this.y = margin;
    this.newPage();
  }

  get contentWidth(): number {
    return this.width - 2 * this.margin;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = this.margin;
  }

  private ops(): string[] {
    return this.pages[this.pages.length - 1];
  }

  private colour(hex: string | undefined, stroke: boolean): string {
    return `${rgb(hex).map(num).join(' ')} ${stroke ? 'RG' : 'rg'}`;
  }

  /** One line of text with its baseline at (x, top) from the page's top-left. */
  text(x: number, top: number, text: string, style: TextStyle = {}): void {
    const font = style.font === 'bold' ? 'F2' : 'F1';
    const size = style.size ?? 11;
    this.ops().push(`BT ${this.colour(style.colour, false)} /${font} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(this.height - top)} Tm ${literal(text)} Tj ET`);
  }

  line(x1: number, top1: number, x2: number, top2: number, width = 0.75, colour?: string): void {
    this.ops().push(`${this.colour(colour, true)} ${num(width)} w ${num(x1)} ${num(this.height - top1)} m ${num(x2)} ${num(this.height - top2)} l S`);
  }

  rect(x: number, top: number, w: number, h: number, width = 1, colour?: string): void {
    this.ops().push(`${this.colour(colour, true)} ${num(width)} w ${num(x)} ${num(this.height - top - h)} ${num(w)} ${num(h)} re S`);
  }

  /** Moves the cursor down (a following paragraph or keep() starts a new page if it must). */
  gap(points: number): void {
    this.y += points;
  }

  /** Starts a new page unless `points` still fit above the bottom margin. */
  keep(points: number): void {
    if (this.y + points > this.height - this.margin) this.newPage();
  }

  /** Wrapped text at the cursor, flowing onto new pages as needed. */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 11;
    const lineHeight = size * (style.leading ?? 1.35);
    const indent = style.indent ?? 0;
    const maxWidth = Math.min(style.maxWidth ?? Infinity, this.contentWidth - indent);
    for (const line of wrapText(text, style.font ?? 'regular', size, maxWidth)) {
      this.keep(lineHeight);
      this.y += lineHeight;
      if (!line) continue;
      const x = style.align === 'centre'
        ? (this.width - widthOf(line, style.font ?? 'regular', size)) / 2
        : this.margin + indent;
      this.text(x, this.y - (lineHeight - size) / 2, line, style);
    }
  }

  /** Ruled lines to write on by hand (the caller keeps them on one page with keep()). */
  writingLines(count: number, spacing = 22, colour = '#9aa5b1'): void {
    for (let i = 0; i < count; i++) {
      this.y += spacing;
      this.line(this.margin, this.y, this.width - this.margin, this.y, 0.5, colour);
    }
  }

  /** The file, with an optional footer on every page (given the page number and the count). */
  toBytes(info: PdfInfo, footer?: (page: number, count: number) => string): Uint8Array {
    if (footer) {
      this.pages.forEach((ops, i) => {
        const text = footer(i + 1, this.pages.length);
        const size = 8.5;
        ops.push(`BT 0.35 0.4 0.45 rg /F1 ${size} Tf 1 0 0 1 ${num((this.width - widthOf(text, 'regular', size)) / 2)} ${num(this.margin / 2)} Tm ${literal(text)} Tj ET`);
      });
    }
    return serializePdf(this.pages.map((ops) => ({ width: this.width, height: this.height, content: ops.join('\n') })), info);
  }
}
