// The certificate as a one-page A4 landscape PDF: the same facts as the certificate page.
import { A4_LANDSCAPE, PdfDocument } from './document';
import { widthOf } from './measure';

export interface CertificateDocument {
  /** "Certificate of completion", in the course's language. */
  heading: string;
  courseTitle: string;
  learner: string;
  /** Label and value pairs: version, date, score, credit, certificate id. */
  facts: [string, string][];
  statement: string;
  provider: string;
  /** The course theme's accent colour, #rrggbb. */
  accent?: string;
  issued: Date;
}

export function certificatePdf(c: CertificateDocument): Uint8Array {
  const [w, h] = A4_LANDSCAPE;
  const accent = c.accent ?? '#1d5c7a';
  // Laid out once to measure, then again centred vertically inside the border.
  const scratch = new PdfDocument(w, h, 70);
  layOut(scratch, c, accent, 0);
  const doc = new PdfDocument(w, h, 70);
  doc.rect(24, 24, w - 48, h - 48, 3, accent);
  doc.rect(32, 32, w - 64, h - 64, 0.75, accent);
  layOut(doc, c, accent, Math.max(50, (h - scratch.y) / 2));
  return doc.toBytes({ title: `${c.heading}: ${c.courseTitle}`, author: c.learner, subject: c.facts.map((f) => f.join(': ')).join('; '), creationDate: c.issued });
}

function layOut(doc: PdfDocument, c: CertificateDocument, accent: string, top: number): void {
  const ink = '#1f2933';
  const centre = doc.width / 2;
  doc.y = top;
  doc.paragraph(c.heading.toUpperCase(), { size: 14, colour: accent, align: 'centre' });
  doc.gap(14);
  doc.paragraph(c.courseTitle, { font: 'bold', size: 24, colour: ink, align: 'centre', leading: 1.25, maxWidth: 620 });
  doc.gap(22);
  doc.paragraph(c.learner, { font: 'bold', size: 30, colour: ink, align: 'centre', maxWidth: 620 });
  doc.line(centre - 190, doc.y + 10, centre + 190, doc.y + 10, 0.75, accent);
  doc.gap(28);

  // The facts as two columns meeting at the page's centre: labels right-aligned, values left.
  // A label or value too long for its half of the page is set smaller rather than crossing the border.
  const size = 12.5;
  const half = centre - doc.margin - 10;
  const fit = (text: string, font: 'regular' | 'bold') => Math.min(size, (size * half) / Math.max(1, widthOf(text, font, size)));
  for (const [label, value] of c.facts) {
    doc.y += size * 1.7;
    const labelSize = fit(label, 'bold');
    doc.text(centre - 10 - widthOf(label, 'bold', labelSize), doc.y, label, { font: 'bold', size: labelSize, colour: ink });
    doc.text(centre + 10, doc.y, value, { size: fit(value, 'regular'), colour: ink });
  }
  doc.gap(26);
  doc.paragraph(c.statement, { size: 11, colour: ink, align: 'centre', maxWidth: 520 });
  doc.gap(8);
  doc.paragraph(c.provider, { size: 11, colour: '#52606d', align: 'centre' });
}
