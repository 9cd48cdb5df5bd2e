// Markdown becomes the HTML a learner reads: ids on sections, internal links the player routes,
// external links that open apart, and parts in another language marked for screen readers.
import { describe, expect, it } from 'vitest';
import { countWords, renderMarkdown } from '../../../build/content/render-markdown';

const md = (...lines: string[]) => lines.map((text, i) => ({ text, line: i + 1 }));

describe('rendering content Markdown', () => {
  it('keeps a section id and routes internal links', () => {
    const html = renderMarkdown(md('## Why it matters {#why}', '', 'See [the origins](#origins).'));
    expect(html).toContain('<h2 id="why">Why it matters</h2>');
    expect(html).toContain('<a href="#origins" data-internal>the origins</a>');
  });

  it('marks a part in another language with its lang, and does not count the mark as a word', () => {
    const lines = md('Il libro [*The Doctor, His Patient and the Illness*]{lang=en} uscì nel 1957, con [Schwartz Rounds]{lang=en}.');
    const html = renderMarkdown(lines);
    expect(html).toContain('<span lang="en"><em>The Doctor, His Patient and the Illness</em></span> uscì');
    expect(html).toContain('<span lang="en">Schwartz Rounds</span>.');
    expect(html).not.toContain('{lang');
    expect(countWords(lines)).toBe(14);
  });
});
