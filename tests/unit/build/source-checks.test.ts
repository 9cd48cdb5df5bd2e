// The source check an author meets: which sentences count as facts (and which do not, so the
// check does not cry wolf), how a reference is written and where it belongs, how prose shows it to
// a reader and how quiz text drops it, and that the real course's Sources pages agree.
import { describe, expect, it } from 'vitest';
import { claimsIn, sentencesOf } from '../../../build/content/claims';
import { referencesIn, stripReferences, withoutReferences, sourceIndex, type ReferenceRendering } from '../../../build/content/source-refs';
import { ownDatesPattern } from '../../../build/content/source-checks';
import { renderMarkdown } from '../../../build/content/render-markdown';
import { loadCourse } from '../../../build/content/load';
import { CONTENT_ROOT } from '../../../build/harness/paths';

const kinds = (s: string, lang: 'en' | 'it' = 'en') => claimsIn(s, lang).map((c) => c.kind);
const md = (...lines: string[]) => lines.map((text, i) => ({ text, line: i + 1 }));

describe('what counts as a fact that needs a source', () => {
  it.each([
    ['Balint joined the Tavistock in 1948.', 'en', 'year'],
    ['The first groups met in the early 1950s.', 'en', 'year'],
    ['All\'inizio degli anni Venti la coppia vive a Berlino.', 'it', 'year'],
    ['54% of the 159 programmes that replied had a group.', 'en', 'percentage'],
    ['At 51 he joined the staff.', 'en', 'age'],
    ['He was now in his late forties, a refugee.', 'en', 'age'],
    ['Ha quasi cinquant\'anni, è un rifugiato.', 'it', 'age'],
    ['Nine or ten doctors met every week.', 'en', 'count'],
    ['A classic group keeps going for at least two years.', 'en', 'count'],
    ['Un ciclo di dieci-dodici incontri permette di provare.', 'it', 'count'],
    ['A review found the research sparse.', 'en', 'study'],
    ['Gli studi di neuroimmagine suggeriscono che vedere qualcuno soffrire attiva le stesse reti.', 'it', 'study'],
  ] as const)('"%s" (%s) states a %s', (sentence, lang, kind) => {
    expect(kinds(sentence, lang)).toContain(kind);
  });

  it.each([
    ['A case is never only about two people.', 'en'],
    ['The course uses SCORM 2004 and SCORM 1.2 packages.', 'en'],
    ['Nel progetto Balint 2.0 i medici si incontrano in rete.', 'it'],
    ['One of the premises is that experience is not enough.', 'en'],
    ['Read the page at 1280 pixels on a desktop.', 'en'],
    ['The group studies what happened in the consultation.', 'en'],
    ['Myth 3: it is obsolete.', 'en'],
  ] as const)('"%s" (%s) states none', (sentence, lang) => {
    expect(kinds(sentence, lang)).toEqual([]);
  });

  it('leaves out the course\'s own dates as written in full in either language', () => {
    const own = ownDatesPattern(['2026-12-01'])!;
    for (const s of ['Release date: 1 December 2026.', 'Data di pubblicazione: 1° dicembre 2026.', 'Data: 1 dicembre 2026.']) {
      expect(kinds(s.replace(own, ''), s.startsWith('Release') ? 'en' : 'it')).toEqual([]);
    }
    expect(kinds('In 2026 a study found more.'.replace(own, ''))).toContain('year');
  });
});

describe('sentences and references', () => {
  it('splits running text into sentences, keeping a reference written after the full stop with its sentence', () => {
    const s = sentencesOf('Balint was born in 1896. [@lakasing-2005] He later changed his name. Dr Kildare listened.');
    expect(s.map((x) => x.text.trim())).toEqual(['Balint was born in 1896. [@lakasing-2005]', 'He later changed his name.', 'Dr Kildare listened.']);
  });

  it('reads one or several keys, and marks a misspelt reference as not well formed', () => {
    expect(referencesIn('x [@adams-2006; @buffel-du-vaure-2017].')[0].keys).toEqual(['adams-2006', 'buffel-du-vaure-2017']);
    expect(referencesIn('x [@Adams 2006].')[0].keys).toEqual([]);
  });

  it('drops references from quiz and interactive text, with the space before them', () => {
    expect(withoutReferences('It was founded in 1970 [@amigb].')).toBe('It was founded in 1970.');
    expect(stripReferences({ en: 'In 1957 [@balint-1957].', it: 'Nel 1957 [@balint-1957].', n: 3 })).toEqual({ en: 'In 1957.', it: 'Nel 1957.', n: 3 });
  });
});

describe('how a reader sees a reference', () => {
  const index = sourceIndex([{ file: 'course/en/references.md', frontMatter: {}, frontMatterLine: () => 1, links: [], pages: [{ id: 'references', title: 'Sources', line: 1, sections: [], blocks: [{ kind: 'markdown', lines: md('- Adams KE. A study. {@adams-2006}', '- Lakasing E. A life. {@lakasing-2005}') }] }] }]);
  const refs: ReferenceRendering = { index, label: (n) => `Source ${n}` };

  it('as a small numbered link named "Source n", against the word before it; [@course] as nothing', () => {
    const html = renderMarkdown(md('Balint was born in 1896 [@lakasing-2005; @course]. The pass mark is 80% [@course].'), refs);
    expect(html).toBe('<p>Balint was born in 1896<sup class="source-ref"><a href="#src-lakasing-2005" data-internal data-course-page="references" aria-label="Source 2">2</a></sup>. The pass mark is 80%.</p>');
  });

  it('lists the Sources entries as a numbered list whose items the links point at, without their keys', () => {
    const html = renderMarkdown(md('- Adams KE. A study. {@adams-2006}', '- Lakasing E. A life. {@lakasing-2005}'), refs);
    expect(html).toContain('<ol class="sources" start="1">');
    expect(html).toContain('<li id="src-adams-2006" tabindex="-1">Adams KE. A study.</li>');
    expect(html).not.toContain('{@');
  });
});

describe('the course\'s Sources pages', () => {
  const loaded = loadCourse(CONTENT_ROOT);
  const keysOf = (lang: 'en' | 'it') => [...sourceIndex(loaded.coursePages.map((p) => p.prose[lang])).keys()];

  it('list the same entries in the same order in both languages, so the numbers agree', () => {
    expect(keysOf('en').length).toBeGreaterThan(40);
    expect(keysOf('it')).toEqual(keysOf('en'));
  });
});
