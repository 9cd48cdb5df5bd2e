// A figure's SVG as the page gets it: one image to assistive technology, named and described in the
// page's language, with ids that cannot clash with the page's, the labels' words escaped, and the
// theme's colours untouched. What is refused is covered by the fixtures (content-errors.test.ts).
import { describe, expect, it } from 'vitest';
import { figureText, prepareSvg, renderFigure } from '../../../build/content/svg-figure';

const SOURCE = `<?xml version="1.0"?>
<!-- the presenter's chair -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" width="1000" font-size="16">
  <defs><marker id="head" viewBox="0 0 10 10" refX="5" refY="5"><path d="M0 0L10 5L0 10z" fill="var(--accent)"/></marker></defs>
  <line x1="0" y1="0" x2="10" y2="10" stroke="currentColor" marker-end="url(#head)"/>
  <use href="#head" x="4" y="4"/>
  <text x="20" y="40" fill="var(--text)">{who} 1957</text>
</svg>`;

function prepared() {
  const { svg, problems } = prepareSvg(SOURCE);
  expect(problems).toEqual([]);
  return svg!;
}

describe('a figure rendered into the page', () => {
  it('is an image named by the alt text and described by the description', () => {
    const html = renderFigure(prepared(), { alt: 'A chair', description: 'It moves back.', caption: null, labels: { who: 'presenter' } }, 'figure-chair', 'The <em>push-back</em>.');
    expect(html).toMatch(/^<figure class="figure" id="figure-chair"><svg [^>]*role="img" aria-labelledby="figure-chair-title" aria-describedby="figure-chair-desc">/);
    expect(html).toContain('<title id="figure-chair-title">A chair</title><desc id="figure-chair-desc">It moves back.</desc>');
    expect(html).toContain('<figcaption>The <em>push-back</em>.</figcaption></figure>');
  });

  it('prefixes every id and every reference to one, so two figures on a page never share an id', () => {
    const html = renderFigure(prepared(), { alt: 'x', description: null, caption: null, labels: { who: 'a' } }, 'figure-chair', null);
    expect(html).toContain('id="figure-chair-head"');
    expect(html).toContain('marker-end="url(#figure-chair-head)"');
    expect(html).toContain('href="#figure-chair-head"');
    expect(html).not.toMatch(/id="head"|#head\b/);
    expect(html).not.toContain('aria-describedby');
  });

  it('fills the labels with escaped words, keeps theme colours, and sizes itself from the viewBox', () => {
    const html = renderFigure(prepared(), { alt: 'x', description: null, caption: null, labels: { who: 'A & <B>' } }, 'f', null);
    expect(html).toContain('>A &amp; &lt;B&gt; 1957</text>');
    expect(html).toContain('fill="var(--text)"');
    expect(html).toContain('width="220" height="88"');
    expect(html).not.toContain('width="1000"');
    expect(html).not.toMatch(/<!--|<\?xml/);
  });

  it('reads the words a figure shows once its labels are filled', () => {
    expect(figureText(prepared(), { who: 'the presenter' }).split(/\s+/).filter(Boolean)).toEqual(['the', 'presenter', '1957']);
  });

  it('refuses a drawing that would run script or reach outside the package', () => {
    for (const bad of ['<script>x()</script>', '<rect onload="x()"/>', '<use href="http://e.org/#a"/>', '<foreignObject/>', '<rect fill="url(http://e.org/p)"/>', '<rect fill="#f00"/>', '<text font-family="Papyrus">a</text>']) {
      expect(prepareSvg(`<svg viewBox="0 0 1 1">${bad}</svg>`).svg, bad).toBeNull();
    }
  });
});
