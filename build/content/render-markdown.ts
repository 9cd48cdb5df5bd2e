// Renders content Markdown to HTML at build time (marked never ships to the browser).
// Section headings keep their authored ids; internal links stay `#id` for the player to route.
import { Marked } from 'marked';
import type { SourceLine } from './markdown-source.js';

const SECTION_ID = /\s*\{#([a-z0-9-]+)\}\s*$/;

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    heading({ tokens, depth }) {
      const last = tokens.at(-1);
      let id = '';
      if (last && last.type === 'text') {
        const m = SECTION_ID.exec(last.text);
        if (m) {
          id = m[1];
          last.text = last.text.replace(SECTION_ID, '');
          if ('raw' in last) last.raw = last.text;
        }
      }
      const inner = this.parser.parseInline(tokens);
      return `<h${depth}${id ? ` id="${id}"` : ''}>${inner}</h${depth}>\n`;
    },
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (href.startsWith('#')) return `<a href="${href}" data-internal>${text}</a>`;
      return `<a href="${href}" rel="noopener noreferrer" target="_blank">${text}</a>`;
    },
  },
});

/** `<em>…</em>{lang=en}` (from `*…*{lang=en}`) becomes `<em lang="en">…</em>`: a part in another language. */
const markLanguageParts = (html: string): string => html.replace(/<(em|strong)>((?:(?!<\/\1>).)*)<\/\1>\{lang=(en|it)\}/g, '<$1 lang="$3">$2</$1>');

export function renderMarkdown(lines: SourceLine[]): string {
  return markLanguageParts((marked.parse(lines.map((l) => l.text).join('\n'), { async: false }) as string).trim());
}

export function renderInline(text: string): string {
  return markLanguageParts(marked.parseInline(text, { async: false }) as string);
}

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;
export function countWords(lines: SourceLine[]): number {
  return lines.reduce((n, l) => n + (l.text.replace(/\]\([^)]*\)/g, ']').replace(/\{#[^}]*\}/g, '').replace(/\{lang=[^}]*\}/g, '').match(WORD)?.length ?? 0), 0);
}
