// A figure's SVG, read strictly: only drawing elements and attributes on an allow-list, no script,
// no event handlers, no links or url() outside the figure, no fonts or colours that bypass the
// course's theme. The SVG is language-neutral: text says `{label}` and each language's Markdown
// gives the words, so one drawing serves every language. Pure functions, no I/O.

export interface SvgProblem { line: number; message: string }

interface Attr { name: string; value: string }
type Token =
  | { kind: 'open'; name: string; attrs: Attr[]; selfClosing: boolean; line: number }
  | { kind: 'close'; name: string; line: number }
  | { kind: 'text'; text: string; line: number };

/** A checked SVG, ready to be given labels and ids for one page. */
export interface PreparedSvg {
  tokens: Token[];
  /** Label keys the drawing uses (`{key}` in its text), in order of first use. */
  labels: string[];
  viewBox: [number, number, number, number];
}

const ELEMENTS = new Set(['svg', 'g', 'defs', 'use', 'symbol', 'marker', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon', 'text', 'tspan']);
const ATTRIBUTES = new Set([
  'xmlns', 'viewBox', 'width', 'height', 'id', 'class', 'transform', 'href', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'points',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'color', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'dx', 'dy', 'marker-start', 'marker-mid', 'marker-end',
  'markerWidth', 'markerHeight', 'refX', 'refY', 'orient', 'markerUnits', 'preserveAspectRatio', 'vector-effect', 'paint-order',
]);
/** Paint that follows the theme: the page's text colour, nothing, or one of the player's CSS variables. */
const THEME_PAINT = /^(?:none|transparent|currentColor|var\(--[a-z][a-z0-9-]*\))$/;
const PAINT_ATTRIBUTES = new Set(['fill', 'stroke', 'color']);
const LABEL = /\{([a-z0-9]+(?:-[a-z0-9]+)*)\}/g;
const TEXT_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;

const lineAt = (src: string, index: number) => src.slice(0, index).split('\n').length;

function tokenize(src: string, problems: SvgProblem[]): Token[] {
  const tokens: Token[] = [];
  const TAG = /<!--[\s\S]*?-->|<\?xml[^>]*\?>|<!\[CDATA\[|<!\w[^>]*>|<\/([A-Za-z][\w:-]*)\s*>|<([A-Za-z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>|</g;
  let last = 0;
  for (const m of src.matchAll(TAG)) {
    const line = lineAt(src, m.index);
    if (m.index > last) tokens.push({ kind: 'text', text: src.slice(last, m.index), line: lineAt(src, last) });
    last = m.index + m[0].length;
    const whole = m[0];
    if (whole.startsWith('<!--') || whole.startsWith('<?xml')) continue;
    if (whole.startsWith('<![CDATA[') || whole.startsWith('<!')) {
      problems.push({ line, message: `${whole.startsWith('<![') ? 'CDATA' : 'a DOCTYPE or declaration'} is not allowed in a figure; write plain SVG elements` });
      continue;
    }
    if (m[1]) { tokens.push({ kind: 'close', name: m[1], line }); continue; }
    if (!m[2]) { problems.push({ line, message: 'a "<" that starts no tag; write &lt; in text' }); continue; }
    const attrs: Attr[] = [];
    for (const a of (m[3] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      if (a[4] !== undefined || (a[2] === undefined && a[3] === undefined)) problems.push({ line, message: `attribute ${a[1]} needs a quoted value` });
      attrs.push({ name: a[1], value: a[2] ?? a[3] ?? a[4] ?? '' });
    }
    tokens.push({ kind: 'open', name: m[2], attrs, selfClosing: m[4] === '/', line });
  }
  if (last < src.length) tokens.push({ kind: 'text', text: src.slice(last), line: lineAt(src, last) });
  return tokens;
}

function checkAttribute(el: string, a: Attr, line: number, problems: SvgProblem[]): void {
  const name = a.name;
  if (/^on/i.test(name)) return void problems.push({ line, message: `event handler ${name}= is not allowed in a figure (no script runs in course content)` });
  if (name === 'style') return void problems.push({ line, message: 'style= is not allowed in a figure; use attributes such as fill="var(--accent)"' });
  if (/^font-family$/i.test(name)) return void problems.push({ line, message: 'font-family is not allowed in a figure: its text uses the course\'s own font' });
  if (name === 'href' || name === 'xlink:href') {
    if (!/^#[A-Za-z][\w-]*$/.test(a.value)) problems.push({ line, message: `href="${a.value}" points outside the figure; a figure may only refer to its own parts (#id)` });
    if (name === 'xlink:href') problems.push({ line, message: 'write href, not xlink:href' });
    return;
  }
  if (!ATTRIBUTES.has(name)) return void problems.push({ line, message: `attribute ${name}= on <${el}> is not allowed in a figure` });
  if (/url\(/i.test(a.value) && !/^url\(#[A-Za-z][\w-]*\)$/.test(a.value)) problems.push({ line, message: `${name}="${a.value}" points outside the figure; use url(#id) of a part of the figure` });
  if (PAINT_ATTRIBUTES.has(name) && !THEME_PAINT.test(a.value) && !/url\(/i.test(a.value)) {
    problems.push({ line, message: `${name}="${a.value}" bypasses the theme; use currentColor, none or a theme variable such as var(--accent), var(--text), var(--bg), var(--soft), var(--line)` });
  }
}

/** Reads a figure's SVG source; every problem carries the line of the SVG file to fix. */
export function prepareSvg(src: string): { svg: PreparedSvg | null; problems: SvgProblem[] } {
  const problems: SvgProblem[] = [];
  const tokens = tokenize(src, problems);
  const stack: string[] = [];
  const labels: string[] = [];
  let viewBox: PreparedSvg['viewBox'] | null = null;
  let roots = 0;
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (stack.length === 0) {
        if (t.text.trim()) problems.push({ line: t.line, message: 'text outside the <svg> element' });
        continue;
      }
      if (TEXT_ENTITY.test(t.text)) problems.push({ line: t.line, message: 'only &amp; &lt; &gt; &quot; &apos; and numeric character references are allowed in figure text' });
      if (t.text.trim() && ELEMENTS.has(stack.at(-1)!) && !['text', 'tspan'].includes(stack.at(-1)!)) problems.push({ line: t.line, message: `text inside <${stack.at(-1)}>; words belong in <text> or <tspan>` });
      for (const m of t.text.matchAll(LABEL)) if (!labels.includes(m[1])) labels.push(m[1]);
      continue;
    }
    if (t.kind === 'close') {
      if (stack.at(-1) !== t.name) problems.push({ line: t.line, message: `</${t.name}> closes nothing open${stack.length ? ` (<${stack.at(-1)}> is open)` : ''}` });
      else stack.pop();
      continue;
    }
    if (!ELEMENTS.has(t.name)) {
      const why = t.name === 'script' ? ' (no script runs in course content)' : t.name === 'foreignObject' ? ' (it could carry HTML into the page)' : t.name === 'style' ? ' (use attributes: fill="var(--accent)")' : '';
      problems.push({ line: t.line, message: `<${t.name}> is not allowed in a figure${why}` });
    }
    if (t.name === 'svg') {
      if (stack.length) problems.push({ line: t.line, message: 'a figure is one <svg> element; do not nest another' });
      roots++;
      const vb = t.attrs.find((a) => a.name === 'viewBox')?.value.trim().split(/[\s,]+/).map(Number);
      if (vb?.length === 4 && vb.every(Number.isFinite) && vb[2] > 0 && vb[3] > 0) viewBox = vb as PreparedSvg['viewBox'];
      else problems.push({ line: t.line, message: 'the <svg> element needs a viewBox="0 0 width height", so the figure scales to the screen' });
    } else if (stack.length === 0) {
      problems.push({ line: t.line, message: `<${t.name}> outside the <svg> element` });
    }
    for (const a of t.attrs) checkAttribute(t.name, a, t.line, problems);
    if (!t.selfClosing) stack.push(t.name);
  }
  if (stack.length) problems.push({ line: lineAt(src, src.length), message: `<${stack.at(-1)}> is never closed` });
  if (roots === 0) problems.push({ line: 1, message: 'no <svg> element' });
  return { svg: problems.length || !viewBox ? null : { tokens, labels, viewBox }, problems };
}

/** CSS px per drawing unit at a figure's natural (desktop) size. */
export const FIGURE_SCALE = 1.1;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The words a figure shows, once its labels are filled in: what a sighted reader reads in it. */
export function figureText(svg: PreparedSvg, labels: Record<string, string>): string {
  return svg.tokens
    .filter((t): t is Extract<Token, { kind: 'text' }> => t.kind === 'text')
    .map((t) => t.text.replace(LABEL, (_, key: string) => labels[key] ?? ''))
    .join(' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, ' ');
}

export interface FigureText { alt: string; caption: string | null; description: string | null; labels: Record<string, string> }

/**
 * The figure as page HTML: `<figure>` with the SVG inline (so it comes with its module's chunk and
 * paints with the theme's CSS variables) and a `<figcaption>`. The SVG is one image to assistive
 * technology, named by the alt text and described by the description; its ids get `idPrefix` so
 * two figures on a page never share one.
 */
export function renderFigure(svg: PreparedSvg, text: FigureText, idPrefix: string, captionHtml: string | null): string {
  const id = (local: string) => `${idPrefix}-${local}`;
  const out: string[] = [];
  for (const t of svg.tokens) {
    if (t.kind === 'close') { out.push(`</${t.name}>`); continue; }
    if (t.kind === 'text') {
      out.push(t.text.replace(/\s+/g, ' ').replace(LABEL, (_, key: string) => escapeText(text.labels[key] ?? '')));
      continue;
    }
    const attrs = t.attrs.map(({ name, value }) => {
      if (name === 'id') return `id="${id(value)}"`;
      if (name === 'href') return `href="#${id(value.slice(1))}"`;
      return `${name}="${escapeAttr(value.replace(/url\(#([\w-]+)\)/g, (_, ref: string) => `url(#${id(ref)})`))}"`;
    });
    if (t.name === 'svg') {
      // Natural size a little above the drawing's units (text drawn at 15–16 units reads at about
      // the prose's 17 px on a desktop); CSS lets it shrink to the column on a phone.
      const [, , w, h] = svg.viewBox;
      const kept = attrs.filter((a) => !/^(?:width|height|xmlns)=/.test(a));
      const described = text.description ? ` aria-describedby="${id('desc')}"` : '';
      out.push(`<svg ${kept.join(' ')} width="${Math.round(w * FIGURE_SCALE)}" height="${Math.round(h * FIGURE_SCALE)}" role="img" aria-labelledby="${id('title')}"${described}>`);
      out.push(`<title id="${id('title')}">${escapeText(text.alt)}</title>`);
      if (text.description) out.push(`<desc id="${id('desc')}">${escapeText(text.description)}</desc>`);
      continue;
    }
    out.push(`<${t.name}${attrs.length ? ' ' + attrs.join(' ') : ''}${t.selfClosing ? '/>' : '>'}`);
  }
  const caption = captionHtml ? `<figcaption>${captionHtml}</figcaption>` : '';
  return `<figure class="figure" id="${idPrefix}">${out.join('').replace(/>\s+</g, '><').trim()}${caption}</figure>`;
}
