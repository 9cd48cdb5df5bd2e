// The PDF writer on data: a valid file structure, the text present and decodable, wrapping by the
// Helvetica widths, page breaks for long text, and Italian accents and typography in WinAnsi.
import { describe, expect, it } from 'vitest';
import { PdfDocument, A4, literal } from '../../../src/pdf/document';
import { toWinAnsi } from '../../../src/pdf/winansi';
import { widthOf, wrapText } from '../../../src/pdf/measure';
import { HELVETICA, HELVETICA_BOLD } from '../../../src/pdf/helvetica-widths';
import { readPdf, pdfText } from '../../support/pdf-reader';
import { winAnsiWidths } from './afm-source';

const issued = new Date(Date.UTC(2026, 10, 23, 9, 5, 7));

describe('the PDF file', () => {
  it('has a header, objects at the offsets its xref gives, a trailer with /Root and /Info, and ends in %%EOF', () => {
    const doc = new PdfDocument(A4[0], A4[1], 50);
    doc.paragraph('Hello, reader.');
    const bytes = doc.toBytes({ title: 'A test', author: 'Dr Ada Rossi', creationDate: issued });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const pdf = readPdf(bytes);
    expect(pdf.problems).toEqual([]);
    expect(pdf.objects.size).toBeGreaterThanOrEqual(7);
    expect(pdf.trailer).toMatch(/\/Root \d+ 0 R/);
    expect(pdf.info).toMatchObject({ Title: 'A test', Author: 'Dr Ada Rossi', CreationDate: 'D:20261123090507Z' });
    expect(pdf.pages).toEqual(['Hello, reader.']);
  });

  it('notices a broken offset (the reader is a real check)', () => {
    const doc = new PdfDocument(A4[0], A4[1], 50);
    doc.paragraph('x');
    const bytes = doc.toBytes({ title: 't', creationDate: issued });
    const text = Buffer.from(bytes).toString('latin1').replace('%PDF-1.4\n', '%PDF-1.4\n\n'); // every offset is now one byte short
    expect(readPdf(Buffer.from(text, 'latin1')).problems.join('\n')).toMatch(/does not point at/);
  });

  it('keeps a name in any script in the document information (UTF-16)', () => {
    const doc = new PdfDocument(A4[0], A4[1], 50);
    const bytes = doc.toBytes({ title: 'Attestato', author: 'Łukasz Żółć — 李', creationDate: issued });
    expect(readPdf(bytes).info.Author).toBe('Łukasz Żółć — 李');
  });

  it('escapes parentheses and backslashes in text', () => {
    const doc = new PdfDocument(A4[0], A4[1], 50);
    doc.paragraph('a (b) \\ c');
    const pdf = readPdf(doc.toBytes({ title: 't', creationDate: issued }));
    expect(pdf.problems).toEqual([]);
    expect(pdf.pages[0]).toBe('a (b) \\ c');
  });
});

describe('WinAnsi text', () => {
  it('encodes Italian accented letters and typographic punctuation as single WinAnsi bytes', () => {
    expect(toWinAnsi('àèéìòù ÀÈÉÌÒÙ')).toEqual([0xe0, 0xe8, 0xe9, 0xec, 0xf2, 0xf9, 32, 0xc0, 0xc8, 0xc9, 0xcc, 0xd2, 0xd9]);
    expect(toWinAnsi('‘’“”–—…€')).toEqual([145, 146, 147, 148, 150, 151, 133, 128]);
    expect(literal('perché “sì” – è')).toBe('(perch\\351 \\223s\\354\\224 \\226 \\350)');
  });

  it('composes a letter and a combining accent, and strips accents WinAnsi lacks', () => {
    expect(toWinAnsi('e\u0300')).toEqual([0xe8]);
    expect(String.fromCharCode(...toWinAnsi('Dvořák, Łódź'))).toBe('Dvor\u00E1k, L\u00F3dz');
  });

  it('spells out signs outside WinAnsi, drops invisible ones, and shows ? for the rest', () => {
    expect(String.fromCharCode(...toWinAnsi('a ≤ b → c\u00ADd\u200Be 李'))).toBe('a <= b -> cde ?');
  });

  it('shows the accented Italian text in the PDF', () => {
    const doc = new PdfDocument(A4[0], A4[1], 50);
    const it = 'Perché il medico è la medicina più usata: “farmaco medico” – così scrisse Balint… Però più città, più virtù.';
    doc.paragraph(it);
    const pdf = readPdf(doc.toBytes({ title: 't', creationDate: issued }));
    expect(pdfText(pdf)).toBe(it);
  });
});

describe('widths and wrapping', () => {
  it('embeds Adobe’s Helvetica widths for the WinAnsi range', () => {
    const regular = winAnsiWidths('HR');
    const bold = winAnsiWidths('HB');
    if (regular && bold) {
      expect(HELVETICA).toEqual(regular);
      expect(HELVETICA_BOLD).toEqual(bold);
    }
    // Known values from the AFM, so the check holds without groff too.
    expect(widthOf('i', 'regular', 1000)).toBe(222);
    expect(widthOf('W', 'bold', 1000)).toBe(944);
    expect(widthOf('è', 'regular', 10)).toBeCloseTo(5.56);
  });

  it('wraps at spaces within the width, keeps the words and the paragraphs', () => {
    const text = 'The doctor himself is the drug most frequently prescribed in general practice.\n\nA second paragraph.';
    const lines = wrapText(text, 'regular', 12, 150);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(widthOf(l, 'regular', 12)).toBeLessThanOrEqual(150);
    expect(lines).toContain('');
    expect(lines.filter(Boolean).join(' ')).toBe(text.replace(/\n\n/, ' '));
  });

  it('breaks a word longer than the line', () => {
    const lines = wrapText('x'.repeat(200), 'regular', 10, 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(200));
    for (const l of lines) expect(widthOf(l, 'regular', 10)).toBeLessThanOrEqual(100);
  });

  it('wraps a paragraph in the PDF onto lines inside the margins', () => {
    const doc = new PdfDocument(A4[0], A4[1], 50);
    const text = 'word '.repeat(60).trim();
    doc.paragraph(text, { size: 12 });
    const stream = [...readPdf(doc.toBytes({ title: 't', creationDate: issued })).objects.values()].find((o) => o.includes('Tj'))!;
    const lines = [...stream.matchAll(/Tm \(([^)]*)\) Tj/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(widthOf(l, 'regular', 12)).toBeLessThanOrEqual(A4[0] - 100);
  });
});

describe('pages', () => {
  it('starts new pages for long text, with every line kept and page numbers in the footer', () => {
    const doc = new PdfDocument(A4[0], A4[1], 50);
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: ${'a reflective sentence about the patient and me. '.repeat(4)}`);
    for (const p of paragraphs) doc.paragraph(p);
    const pdf = readPdf(doc.toBytes({ title: 't', creationDate: issued }, (n, c) => `Page ${n} of ${c}`));
    expect(pdf.problems).toEqual([]);
    expect(pdf.pages.length).toBeGreaterThan(2);
    expect(pdf.pages.at(-1)).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
    const all = pdfText(pdf).replace(/ ?Page \d+ of \d+ ?/g, ' ');
    for (const p of paragraphs) expect(all).toContain(p.trim());
    // Nothing is drawn below the bottom margin except the footer.
    for (const o of pdf.objects.values()) {
      for (const m of o.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm \((?!Page)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(50 - 1);
    }
  });
});
