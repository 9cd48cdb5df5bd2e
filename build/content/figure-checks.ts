// Checks a module's figures: the SVG file exists and is safe (svg-figure.ts), every label the drawing
// uses has words in each language and every word a figure shows is on its page in that language (a
// reader who cannot see the figure, or reads a translation, misses nothing), and each figure stays
// within its gzip budget so a phone on a ward network pays little for it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LANGS, type Lang } from '../../src/content/types.js';
import type { MarkdownSource, RawFigure, RawPage } from './markdown-source.js';
import type { Problems } from './problems.js';
import { figureText, prepareSvg, renderFigure, type PreparedSvg } from './svg-figure.js';
import { renderInline } from './render-markdown.js';

/** A figure costs at most this much, gzipped, in any language. */
export const FIGURE_MAX_GZIP_BYTES = 8 * 1024;

const WORD = /[\p{L}\p{N}]+/gu;
export const wordsOf = (text: string): string[] => (text.toLocaleLowerCase().match(WORD) ?? []);

/** What a reader sees as text on the page: title, prose and figure captions (not ids or link targets). */
export function pageText(page: RawPage): string {
  const parts = [page.title];
  for (const b of page.blocks) {
    if (b.kind === 'markdown') parts.push(...b.lines.map((l) => l.text.replace(/\]\([^)]*\)/g, ']').replace(/\{(?:#|lang=)[^}]*\}/g, '')));
    if (b.kind === 'figure' && b.caption) parts.push(b.caption);
  }
  return parts.join('\n');
}

export const figureIdPrefix = (src: string) => `figure-${src.replace(/^figures\//, '').replace(/\.svg$/, '')}`;

/** The HTML of one figure in one language (the build's and the check's single way to make it). */
export const figureHtml = (svg: PreparedSvg, fig: RawFigure): string =>
  renderFigure(svg, fig, figureIdPrefix(fig.src), fig.caption ? renderInline(fig.caption) : null);

/** Reads and checks every figure the module's pages place; returns the usable ones by source path. */
export function checkFigures(dir: string, prose: Record<Lang, MarkdownSource>, problems: Problems): Map<string, PreparedSvg> {
  const prepared = new Map<string, PreparedSvg | null>();
  for (const lang of LANGS) {
    const md = prose[lang];
    const placed = new Set<string>();
    for (const page of md.pages) {
      const words = new Set(wordsOf(pageText(page)));
      for (const fig of page.blocks.filter((b): b is RawFigure => b.kind === 'figure')) {
        if (fig.broken || !/^figures\/[\w-]+\.svg$/.test(fig.src)) continue; // reported by the reader
        if (placed.has(fig.src)) problems.add(md.file, fig.line, `figure ${fig.src} is already placed in this file; place each figure once (its ids must be unique on the page)`);
        placed.add(fig.src);
        const file = join(dir, fig.src);
        if (!prepared.has(fig.src)) {
          if (!existsSync(file)) {
            problems.add(md.file, fig.line, `figure file ${fig.src} does not exist in this module's folder`);
            prepared.set(fig.src, null);
          } else {
            const { svg, problems: found } = prepareSvg(readFileSync(file, 'utf8'));
            for (const p of found) problems.add(file, p.line, p.message);
            prepared.set(fig.src, svg);
          }
        }
        const svg = prepared.get(fig.src);
        if (!svg) continue;
        for (const key of svg.labels) {
          if (!fig.labels[key]?.trim()) problems.add(md.file, fig.lineOf('labels'), `figure ${fig.src} shows {${key}}: give its words under "labels:" (${key}: …)`);
        }
        for (const key of Object.keys(fig.labels)) {
          if (!svg.labels.includes(key)) problems.add(md.file, fig.lineOf(`labels.${key}`), `figure label "${key}" is not used in ${fig.src}; its text has no {${key}}`);
        }
        const missing = [...new Set(wordsOf(figureText(svg, fig.labels)))].filter((w) => !words.has(w));
        if (missing.length) {
          problems.add(md.file, fig.line, `figure ${fig.src} shows ${missing.map((w) => `"${w}"`).join(', ')}, not in the text of page "${page.id}" in ${lang}; every word in a figure must also be on its page (change the label or add a sentence near the figure)`);
        }
        const bytes = gzipSync(figureHtml(svg, fig), { level: 9 }).length;
        if (bytes > FIGURE_MAX_GZIP_BYTES) {
          problems.add(md.file, fig.line, `figure ${fig.src} is ${(bytes / 1024).toFixed(1)} KB gzip (${bytes} bytes) in ${lang}; keep it within ${FIGURE_MAX_GZIP_BYTES / 1024} KB (simplify the drawing, reuse shapes with <use>)`);
        }
      }
    }
  }
  return new Map([...prepared].filter((e): e is [string, PreparedSvg] => e[1] !== null));
}

/** The same figure must appear on the same page in every language (the drawing is shared). */
export function checkSameFigures(prose: Record<Lang, MarkdownSource>, problems: Problems): void {
  const [first, ...others] = LANGS;
  const list = (md: MarkdownSource) => md.pages.flatMap((p) => p.blocks.filter((b): b is RawFigure => b.kind === 'figure').map((f) => ({ key: `${p.id} ${f.src}`, line: f.line, src: f.src, page: p.id })));
  const ref = list(prose[first]);
  for (const lang of others) {
    const own = list(prose[lang]);
    for (const f of own) if (!ref.some((r) => r.key === f.key)) problems.add(prose[lang].file, f.line, `figure ${f.src} on page "${f.page}" is not on that page in ${first}.md; both languages place the same figures on the same pages`);
    for (const r of ref) if (!own.some((f) => f.key === r.key)) problems.add(prose[lang].file, prose[lang].pages.find((p) => p.id === r.page)?.line ?? 1, `page "${r.page}" lacks figure ${r.src}, which ${first}.md places on it; add it with this language's alt text`);
  }
}
