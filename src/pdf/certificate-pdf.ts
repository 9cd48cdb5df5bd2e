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
  const doc = new PdfDocument(w, h, 70);
  const accent = c.accent ?? '#1d5c7a';
  const ink = '#1f2933';
  doc.rect(24, 24, w - 48, h - 48, 3, accent);
  doc.rect(32, 32, w - 64, h - 64, 0.75, accent);

  doc.y = 62;
  doc.paragraph(c.heading.toUpperCase(), { size: 13, colour: accent, align: 'centre' });
  doc.gap(10);
  doc.paragraph(c.courseTitle, { font: 'bold', size: 22, colour: ink, align: 'centre', leading: 1.25 });
  doc.gap(18);
  doc.paragraph(c.learner, { font: 'bold', size: 26, colour: ink, align: 'centre' });
  doc.line(w / 2 - 180, doc.y + 8, w / 2 + 180, doc.y + 8, 0.5, accent);
  doc.gap(26);

  // The facts as two columns meeting at the page's centre: labels right-aligned, values left.
  const size = 11.5;
  for (const [label, value] of c.facts) {
    doc.y += size * 1.6;
    doc.text(w / 2 - 8 - widthOf(label, 'bold', size), doc.y, label, { font: 'bold', size, colour: ink });
    doc.text(w / 2 + 8, doc.y, value, { size, colour: ink });
  }
  doc.gap(18);
  doc.paragraph(c.statement, { size: 10, colour: ink, align: 'centre' });
  doc.gap(4);
  doc.paragraph(c.provider, { size: 10, colour: '#52606d', align: 'centre' });
  return doc.toBytes({ title: `${c.heading}: ${c.courseTitle}`, author: c.learner, subject: c.facts.map((f) => f.join(': ')).join('; '), creationDate: c.issued });
}
