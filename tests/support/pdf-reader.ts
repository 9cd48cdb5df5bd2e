// A small, independent PDF reader for tests: checks the file's structure (header, xref offsets
// pointing at their objects, trailer, /Root catalog, stream lengths) and pulls out the text the
// pages show, decoded as Windows-1252 (WinAnsiEncoding), so a test can read a PDF as a person would.
import { inflateSync } from 'node:zlib';

export interface ReadPdf {
  version: string;
  objects: Map<number, string>;
  trailer: string;
  info: Record<string, string>;
  pages: string[];
  /** Problems found in the structure; empty for a valid file. */
  problems: string[];
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
// Node's windows-1252 decoder may lack the 128–159 block, so that block is spelt out here
// (Windows-1252 as published by Microsoft; the PDF's WinAnsiEncoding matches it).
const HIGH_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const cp1252 = { decode: (bytes: Uint8Array) => [...bytes].map((b) => (b >= 128 && b < 160 ? HIGH_1252[b - 128] : String.fromCharCode(b))).join('') };

/** The bytes of a PDF literal string's body (escapes resolved). */
function unescapeLiteral(body: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') { out.push(c.charCodeAt(0)); continue; }
    const next = body[++i];
    const oct = /^[0-7]{1,3}/.exec(body.slice(i, i + 3));
    if (oct) { out.push(parseInt(oct[0], 8)); i += oct[0].length - 1; continue; }
    const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    out.push(map[next] ?? next.charCodeAt(0));
  }
  return out;
}

/** Text-showing strings of a content stream, one entry per Tj, in order. */
export function showStrings(stream: string): string[] {
  const out: string[] = [];
  for (const m of stream.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) out.push(cp1252.decode(new Uint8Array(unescapeLiteral(m[1]))));
  return out;
}

function infoValue(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s/g, '');
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return cp1252.decode(new Uint8Array(unescapeLiteral(raw.slice(1, -1))));
}

export function readPdf(bytes: Uint8Array): ReadPdf {
  const text = latin1(bytes);
  const problems: string[] = [];
  const version = /^%PDF-(\d\.\d)/.exec(text)?.[1] ?? '';
  if (!version) problems.push('no %PDF- header');
  if (!/%%EOF\s*$/.test(text)) problems.push('no %%EOF at the end');

  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const objects = new Map<number, string>();
  let trailer = '';
  if (!startxref) problems.push('no startxref');
  else {
    const at = Number(startxref[1]);
    if (text.slice(at, at + 4) !== 'xref') problems.push(`startxref ${at} does not point at "xref"`);
    const head = /^xref\s+(\d+)\s+(\d+)\s+/.exec(text.slice(at));
    if (!head) problems.push('unreadable xref table');
    else {
      const first = Number(head[1]);
      const count = Number(head[2]);
      const entriesAt = at + head[0].length;
      for (let i = 0; i < count; i++) {
        const entry = text.slice(entriesAt + i * 20, entriesAt + (i + 1) * 20);
        const m = /^(\d{10}) (\d{5}) ([nf])(?: \n| \r|\r\n)$/.exec(entry);
        if (!m) { problems.push(`xref entry ${first + i} is not 20 bytes of "nnnnnnnnnn ggggg n"`); continue; }
        if (m[3] === 'f') continue;
        const n = first + i;
        const offset = Number(m[1]);
        const obj = new RegExp(`^${n} 0 obj\\s`).exec(text.slice(offset, offset + 20));
        if (!obj) { problems.push(`xref offset of object ${n} (${offset}) does not point at "${n} 0 obj"`); continue; }
        const end = text.indexOf('endobj', offset);
        objects.set(n, text.slice(offset + obj[0].length, end).trim());
      }
      trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(entriesAt))?.[1] ?? '';
      if (!trailer) problems.push('no trailer dictionary');
      const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
      if (size !== first + count) problems.push(`trailer /Size ${size} but xref has ${first + count} entries`);
    }
  }

  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const root = objects.get(ref(trailer, 'Root'));
  if (!root || !/\/Type\s*\/Catalog/.test(root)) problems.push('/Root is not a /Catalog');
  const pageTree = root ? objects.get(ref(root, 'Pages')) : undefined;
  if (!pageTree || !/\/Type\s*\/Pages/.test(pageTree)) problems.push('catalog /Pages is not a page tree');

  const pages: string[] = [];
  const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(pageTree ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  if (pageTree && Number(/\/Count (\d+)/.exec(pageTree)?.[1]) !== kids.length) problems.push('page tree /Count differs from its /Kids');
  for (const kid of kids) {
    const page = objects.get(kid) ?? '';
    if (!/\/Type\s*\/Page\b/.test(page)) problems.push(`object ${kid} is not a /Page`);
    const content = objects.get(ref(page, 'Contents')) ?? '';
    const m = /^<<([\s\S]*?)>>\s*stream\r?\n([\s\S]*?)\r?\nendstream$/.exec(content);
    if (!m) { problems.push(`page ${kid} has no content stream`); pages.push(''); continue; }
    const length = Number(/\/Length (\d+)/.exec(m[1])?.[1]);
    if (length !== m[2].length) problems.push(`page ${kid} stream /Length ${length} but ${m[2].length} bytes`);
    const data = /\/FlateDecode/.test(m[1]) ? inflateSync(Buffer.from(m[2], 'latin1')).toString('latin1') : m[2];
    pages.push(showStrings(data).join(' '));
  }

  const info: Record<string, string> = {};
  const infoDict = objects.get(ref(trailer, 'Info')) ?? '';
  for (const m of infoDict.matchAll(/\/(\w+)\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/g)) info[m[1]] = infoValue(m[2]);
  return { version, objects, trailer, info, pages, problems };
}

/** All the text of the document, whitespace collapsed, as one string to search. */
export const pdfText = (pdf: ReadPdf): string => pdf.pages.join(' ').replace(/\s+/g, ' ');
