// Splits a content Markdown file into front matter, pages (`# Title {#id}`), sections
// (`## Title {#id}`), directives (`{{interactive id}}`, `{{assessment}}` …) and links,
// keeping the line of each so validation can point at it. Rendering happens elsewhere.
import { parseDocument, LineCounter } from 'yaml';
import type { Problems } from './problems.js';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Directives a page may hold; `interactive` takes an id. */
export const DIRECTIVES = ['interactive', 'assessment', 'evaluation', 'attestation', 'certificate'] as const;
export type DirectiveName = (typeof DIRECTIVES)[number];

export interface SourceLine { text: string; line: number }

export type RawBlock =
  | { kind: 'markdown'; lines: SourceLine[] }
  | { kind: 'directive'; name: DirectiveName; arg: string | null; line: number }
  | RawFigure;

/** A ```figure block: the SVG file (relative to the module folder) and this language's words for it. */
export interface RawFigure {
  kind: 'figure';
  src: string;
  line: number;
  alt: string;
  caption: string | null;
  description: string | null;
  labels: Record<string, string>;
  /** The line of each key (`alt`, `caption`, `labels.<key>` …), for problems that point at one. */
  lineOf: (key: string) => number;
  /** Set when its YAML did not parse (already reported): nothing more to check. */
  broken?: true;
}

export interface RawSection { id: string; title: string; line: number }
export interface RawPage { id: string; title: string; line: number; sections: RawSection[]; blocks: RawBlock[] }
export interface RawLink { target: string; line: number }

export interface MarkdownSource {
  file: string;
  frontMatter: Record<string, unknown>;
  frontMatterLine: (key: string) => number;
  pages: RawPage[];
  links: RawLink[];
}

const PAGE_HEADING = /^#\s+(.+?)\s*\{#([^}]*)\}\s*$/;
const SECTION_HEADING = /^##\s+(.+?)\s*\{#([^}]*)\}\s*$/;
const ANY_HEADING = /^(#{1,6})\s+/;
const DIRECTIVE = /^\{\{\s*([a-z-]+)(?:\s+([^\s}]+))?\s*\}\}\s*$/;
const LINK = /\]\((#[^)\s]*)\)/g;
const HTML_TAG = /<\/?[a-zA-Z!][^>]*>/;
/** `[words in another language]{lang=en}`: the language of a part (WCAG 3.1.2). */
const LANG_MARK = /(.)\{lang=([^}]*)\}/g;
const LANG_CODE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
const FIGURE_FENCE = /^```figure(?:\s+(\S*))?\s*$/;
const FIGURE_KEYS = ['alt', 'caption', 'description', 'labels'];

/** Reads the YAML inside a ```figure fence (lines[start..end) of the file). */
function readFigure(file: string, lines: string[], start: number, end: number, src: string, problems: Problems): RawFigure {
  const body = lines.slice(start, end);
  const lineOf = (key: string) => {
    const [head, sub] = key.split('.');
    let idx = body.findIndex((l) => l.startsWith(`${head}:`));
    if (idx >= 0 && sub) {
      const subIdx = body.slice(idx + 1).findIndex((l) => new RegExp(`^\\s+['"]?${sub}['"]?\\s*:`).test(l));
      if (subIdx >= 0) idx += subIdx + 1;
    }
    return idx < 0 ? start : start + idx + 1;
  };
  const fig: RawFigure = { kind: 'figure', src, line: start, alt: '', caption: null, description: null, labels: {}, lineOf };
  const counter = new LineCounter();
  const doc = parseDocument(body.join('\n'), { lineCounter: counter, prettyErrors: false });
  for (const err of doc.errors) {
    const hint = /mapping/i.test(err.message) ? ' (text with ": " inside must be in double quotes)' : '';
    problems.add(file, start + (err.linePos?.[0]?.line ?? counter.linePos(err.pos[0]).line), `figure: ${err.message.split('\n')[0]}${hint}`);
  }
  if (doc.errors.length) return { ...fig, broken: true };
  const value = doc.toJS() as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.add(file, start, 'a figure needs `alt:` (and may have `caption:`, `description:` and `labels:`) inside its ```figure fence');
    return fig;
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!FIGURE_KEYS.includes(key)) problems.add(file, lineOf(key), `figure: unknown key "${key}"; a figure has ${FIGURE_KEYS.join(', ')}`);
  if (typeof v.alt !== 'string' || !v.alt.trim()) problems.add(file, lineOf('alt'), 'figure needs "alt": what the figure shows, for readers who cannot see it');
  else fig.alt = v.alt.trim();
  for (const key of ['caption', 'description'] as const) {
    if (v[key] === undefined) continue;
    if (typeof v[key] !== 'string' || !v[key].trim()) problems.add(file, lineOf(key), `figure: "${key}" must be text`);
    else fig[key] = v[key].trim();
  }
  if (v.labels !== undefined) {
    if (!v.labels || typeof v.labels !== 'object' || Array.isArray(v.labels)) problems.add(file, lineOf('labels'), 'figure: "labels" must be a list of `key: words` lines');
    else for (const [k, t] of Object.entries(v.labels)) {
      if (typeof t !== 'string' && typeof t !== 'number') problems.add(file, lineOf(`labels.${k}`), `figure label "${k}" must be text`);
      else fig.labels[k] = String(t);
    }
  }
  return fig;
}

export function readMarkdown(file: string, text: string, problems: Problems): MarkdownSource {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let frontMatter: Record<string, unknown> = {};
  let frontMatterLine = (_key: string) => 1;
  let bodyStart = 0;

  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) {
      problems.add(file, 1, 'front matter starts with --- but never ends; add a closing --- line');
    } else {
      const yamlText = lines.slice(1, end).join('\n');
      const counter = new LineCounter();
      const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
      for (const err of doc.errors) {
        const at = err.linePos?.[0]?.line ?? 1;
        problems.add(file, at + 1, `front matter: ${err.message.split('\n')[0]}`);
      }
      const value = doc.errors.length ? null : doc.toJS();
      if (value && typeof value === 'object' && !Array.isArray(value)) frontMatter = value as Record<string, unknown>;
      else if (!doc.errors.length) problems.add(file, 2, 'front matter must be a list of `key: value` lines');
      frontMatterLine = (key: string) => {
        const idx = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`));
        return idx < 0 ? 1 : idx + 2;
      };
      bodyStart = end + 1;
    }
  }

  const pages: RawPage[] = [];
  const links: RawLink[] = [];
  let current: RawPage | null = null;
  let markdown: SourceLine[] = [];
  let inCode = false;

  const flush = () => {
    if (current && markdown.some((l) => l.text.trim() !== '')) current.blocks.push({ kind: 'markdown', lines: markdown });
    markdown = [];
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const text = lines[i];
    const line = i + 1;
    const fence = inCode ? null : FIGURE_FENCE.exec(text);
    if (fence) {
      const close = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      if (close < 0) {
        problems.add(file, line, 'this ```figure block never ends; close it with a ``` line');
        continue;
      }
      const src = fence[1] ?? '';
      if (!/^figures\/[a-z0-9]+(?:-[a-z0-9]+)*\.svg$/.test(src)) problems.add(file, line, `figure "${src}": name an SVG file in the module's figures folder, as in \`\`\`figure figures/session-shape.svg`);
      const fig = readFigure(file, lines, line, close, src, problems);
      if (fig.caption) for (const m of fig.caption.matchAll(LINK)) links.push({ target: m[1].slice(1), line: fig.lineOf('caption') });
      if (!current) problems.add(file, line, 'a figure before the first page; put it under a "# Title {#page-id}" heading');
      else {
        flush();
        current.blocks.push(fig);
      }
      i = close;
      continue;
    }
    if (text.startsWith('```')) inCode = !inCode;
    if (!inCode) {
      const page = PAGE_HEADING.exec(text);
      if (page) {
        flush();
        const id = page[2].trim();
        if (!ID_PATTERN.test(id)) problems.add(file, line, `page id "${id}" must use lower-case letters, digits and hyphens`);
        current = { id, title: page[1], line, sections: [], blocks: [] };
        pages.push(current);
        continue;
      }
      const heading = ANY_HEADING.exec(text);
      if (heading && heading[1].length <= 2 && !SECTION_HEADING.test(text)) {
        problems.add(file, line, `a level-${heading[1].length} heading needs an id: write it as "${heading[1]} Title {#some-id}"`);
      }
      for (const m of text.matchAll(LINK)) links.push({ target: m[1].slice(1), line });
      if (HTML_TAG.test(text)) problems.add(file, line, 'HTML is not allowed in content; use Markdown');
      for (const m of text.matchAll(LANG_MARK)) {
        if (!LANG_CODE.test(m[2])) problems.add(file, line, `{lang=${m[2]}}: not a language code; write a two-letter code such as en, it or de`);
        else if (m[1] !== ']') problems.add(file, line, `{lang=${m[2]}} must follow the words it marks in brackets, as in [case-based discussion]{lang=${m[2]}}`);
      }
      if (text.trim().startsWith('{{')) {
        const d = DIRECTIVE.exec(text.trim());
        const name = d?.[1] as DirectiveName | undefined;
        if (!d || !name || !DIRECTIVES.includes(name)) {
          problems.add(file, line, `unknown directive "${text.trim()}"; known: ${DIRECTIVES.map((n) => `{{${n}}}`).join(', ')}`);
        } else if (name === 'interactive' && !d[2]) {
          problems.add(file, line, '{{interactive}} needs the component id: {{interactive some-id}}');
        } else if (current) {
          flush();
          current.blocks.push({ kind: 'directive', name, arg: d[2] ?? null, line });
        }
        continue;
      }
    }
    if (!current) {
      if (text.trim() !== '') {
        problems.add(file, line, 'text before the first page; start each page with "# Title {#page-id}"');
        current = { id: '', title: '', line, sections: [], blocks: [] }; // keep reading, report once
      }
      continue;
    }
    const section = inCode ? null : SECTION_HEADING.exec(text);
    if (section) {
      const id = section[2].trim();
      if (!ID_PATTERN.test(id)) problems.add(file, line, `section id "${id}" must use lower-case letters, digits and hyphens`);
      current.sections.push({ id, title: section[1], line });
    }
    markdown.push({ text, line });
  }
  flush();
  if (pages.length === 0) problems.add(file, bodyStart + 1, 'no pages: start a page with "# Title {#page-id}"');
  return { file, frontMatter, frontMatterLine, pages: pages.filter((p) => p.id !== ''), links };
}
