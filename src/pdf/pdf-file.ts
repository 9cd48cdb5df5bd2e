// Writes the bytes of a PDF 1.4 file: catalog, page tree, the two standard Helvetica fonts in
// WinAnsiEncoding, the document information and one content stream per page, with a
// cross-reference table whose offsets point at each object. Streams are left uncompressed: the
// documents are small, and anyone (or any test) can read the text in them.

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  creationDate: Date;
}

export interface PdfPageContent {
  width: number;
  height: number;
  /** The page's content stream: ASCII operators only (text is escaped by the caller). */
  content: string;
}

/** A text string for the document information: UTF-16BE with a byte-order mark, so any name survives. */
function infoString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ, in UTC (PDF 1.4 §3.8.3). */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export function serializePdf(pages: PdfPageContent[], info: PdfInfo): Uint8Array {
  const objects: string[] = []; // objects[n - 1] is object n's body
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const infoEntries = [`/Title ${infoString(info.title)}`, `/Producer ${infoString('Balint course player')}`, `/CreationDate (${pdfDate(info.creationDate)})`];
  if (info.author) infoEntries.push(`/Author ${infoString(info.author)}`);
  if (info.subject) infoEntries.push(`/Subject ${infoString(info.subject)}`);
  const infoObj = add(`<< ${infoEntries.join(' ')} >>`);
  const pageRefs: number[] = [];
  for (const page of pages) {
    const content = add(`<< /Length ${page.content.length} >>\nstream\n${page.content}\nendstream`);
    pageRefs.push(add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${page.width} ${page.height}] ` +
      `/Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;

  // The binary comment marks the file as binary for transfer tools; everything else is ASCII, so
  // a string index is a byte offset.
  let out = '%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i) & 0xff;
  return bytes;
}
