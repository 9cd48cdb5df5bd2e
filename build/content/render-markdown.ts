// Renders content Markdown to HTML at build time (marked never ships to the browser).
// Section headings keep their authored ids; internal links stay `#id` for the player to route.
import { Marked } from 'marked';
import type { SourceLine } from './markdown-source.js';

const SECTION_ID = /\s*\{#([a-z0-9-]+)\}\s*$/;

/** `[words]{lang=it}`: a phrase in another language (WCAG SC 3.1.2), read with its own pronunciation. */
export const LANG_SPAN = /^\[([^\]\n]+)\]\{lang=([a-z]{2,3}(?:-[A-Z]{2})?)\}/;

const marked = new Marked({
  gfm: true,
  breaks: false,
  extensions: [
    {
      name: 'langSpan',
      level: 'inline',
      start: (src: string) => src.match(/\[[^\]\n]+\]\{lang=/)?.index,
      tokenizer(src: string) {
        const m = LANG_SPAN.exec(src);
        if (m) return { type: 'langSpan', raw: m[0], lang: m[2], tokens: this.lexer.inlineTokens(m[1]) };
        return undefined;
      },
      renderer(token) {
        return `<span lang="${token.lang as string}">${this.parser.parseInline(token.tokens ?? [])}</span>`;
      },
    },
  ],
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

export function renderMarkdown(lines: SourceLine[]): string {
  return (marked.parse(lines.map((l) => l.text).join('\n'), { async: false }) as string).trim();
}

export function renderInline(text: string): string {
  return marked.parseInline(text, { async: false }) as string;
}

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;
export function countWords(lines: SourceLine[]): number {
  return lines.reduce((n, l) => n + (l.text.replace(/\]\([^)]*\)/g, ']').replace(/\{(?:#|lang=)[^}]*\}/g, '').match(WORD)?.length ?? 0), 0);
}
