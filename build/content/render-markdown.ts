// Renders content Markdown to HTML at build time (marked never ships to the browser).
// Section headings keep their authored ids; internal links stay `#id` for the player to route.
// Source references ([@key]) become small numbered links to their Sources entries; the entries
// ({@key} at the end of a list item) become a numbered list whose items are the links' targets.
import { Marked, type MarkedExtension, type Tokens } from 'marked';
import type { SourceLine } from './markdown-source.js';
import { entryAnchor, entryKeyOf, referenceHtml, referencesIn, type ReferenceRendering } from './source-refs.js';

const SECTION_ID = /\s*\{#([a-z0-9-]+)\}\s*$/;

/** `[words]{lang=it}`: a phrase in another language (WCAG SC 3.1.2), read with its own pronunciation. */
export const LANG_SPAN = /^\[([^\]\n]+)\]\{lang=([a-z]{2,3}(?:-[A-Z]{2})?)\}/;
const SOURCE_REF = /^\[@[^\]\n]*\]/;
const ENTRY_MARK = /^\s*\{@[^}\s]*\}/;

function markdownFor(refs: ReferenceRendering | null): Marked {
  const extension: MarkedExtension = {
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
      {
        name: 'sourceRef',
        level: 'inline',
        start: (src: string) => src.match(/\[@/)?.index,
        tokenizer(src: string) {
          const m = SOURCE_REF.exec(src);
          return m ? { type: 'sourceRef', raw: m[0], keys: referencesIn(m[0])[0]?.keys ?? [] } : undefined;
        },
        renderer: (token) => (refs ? referenceHtml(token.keys as string[], refs) : ''),
      },
      {
        name: 'sourceEntryMark',
        level: 'inline',
        start: (src: string) => src.match(/\s*\{@/)?.index,
        tokenizer(src: string) {
          const m = ENTRY_MARK.exec(src);
          return m ? { type: 'sourceEntryMark', raw: m[0] } : undefined;
        },
        renderer: () => '',
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
      // A list of Sources entries is numbered from its first entry's number, so the numbers
      // readers see beside a sentence match the list; each entry is the target of its links.
      list(token: Tokens.List) {
        const keys = token.items.map((item) => entryKeyOf(item.text.split('\n')[0]));
        const numbers = keys.map((k) => (k && refs ? refs.index.get(k)?.number : undefined));
        if (numbers.some((n) => n === undefined)) return false;
        const items = token.items.map((item, i) => this.listitem(item).replace(/^<li>/, `<li id="${entryAnchor(keys[i]!)}" tabindex="-1">`));
        return `<ol class="sources" start="${numbers[0]}">\n${items.join('')}</ol>\n`;
      },
    },
  };
  return new Marked(extension);
}

const plain = markdownFor(null);
const byRendering = new WeakMap<ReferenceRendering, Marked>();
function markedFor(refs: ReferenceRendering | null): Marked {
  if (!refs) return plain;
  let m = byRendering.get(refs);
  if (!m) byRendering.set(refs, (m = markdownFor(refs)));
  return m;
}

/** A reference sits against the word before it, as a footnote number does. */
const hugReferences = (text: string) => text.replace(/[ \t]+(\[@)/g, '$1');

export function renderMarkdown(lines: SourceLine[], refs: ReferenceRendering | null = null): string {
  return (markedFor(refs).parse(lines.map((l) => hugReferences(l.text)).join('\n'), { async: false }) as string).trim();
}

export function renderInline(text: string, refs: ReferenceRendering | null = null): string {
  return markedFor(refs).parseInline(hugReferences(text), { async: false }) as string;
}

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;
/** Words a reader reads: link targets, ids, language marks and source references are not words. */
export function countWords(lines: SourceLine[]): number {
  return lines.reduce((n, l) => n + (l.text.replace(/\]\([^)]*\)/g, ']').replace(/\{(?:#|lang=|@)[^}]*\}/g, '').replace(/\[@[^\]\n]*\]/g, '').match(WORD)?.length ?? 0), 0);
}
