// The course meets its own content standard in both languages: objectives, length, an
// interactive part, enough scored items with feedback on every choice, reflective prompts that
// ask for no patient details, a final assessment of at least 20 items.
import { describe, expect, it } from 'vitest';
import { courseContent } from '../../../build/harness/course-content';
import { isScored, type Module, type ScoredItem } from '../../../src/content/types';

const LANGS = ['en', 'it'] as const;
const TEACHING = ['origins', 'premises', 'how-a-group-works', 'misconceptions', 'can-and-cannot', 'differences', 'balint-today'];

function feedbackTexts(item: ScoredItem): string[] {
  switch (item.type) {
    case 'single':
    case 'multiple': return item.options.map((o) => o.feedback);
    case 'truefalse': return [item.feedback.true, item.feedback.false];
    case 'sort': return item.statements.map((s) => s.feedback);
    case 'match': return item.sources.map((s) => s.feedback);
  }
}

describe.each(LANGS)('the course in %s', (lang) => {
  const course = courseContent(lang);
  const bySlug = new Map(course.modules.map((m) => [m.slug, m]));

  it('has the nine modules of the outline in order', () => {
    expect(course.modules.map((m) => m.slug)).toEqual(['welcome', ...TEACHING, 'assessment']);
  });

  describe.each(TEACHING)('module %s', (slug) => {
    const mod = () => bySlug.get(slug) as Module;

    it('states two to four learning objectives', () => {
      expect(mod().objectives.length).toBeGreaterThanOrEqual(2);
      expect(mod().objectives.length).toBeLessThanOrEqual(4);
    });

    it('has 800 to 1,500 words of prose', () => {
      expect(mod().wordCount).toBeGreaterThanOrEqual(800);
      expect(mod().wordCount).toBeLessThanOrEqual(1500);
    });

    it('has at least one interactive component', () => {
      expect(mod().pages.some((p) => p.blocks.some((b) => b.kind === 'interactive'))).toBe(true);
    });

    it('has at least four scored items with feedback on every choice', () => {
      const scored = mod().items.filter(isScored);
      expect(scored.length).toBeGreaterThanOrEqual(4);
      for (const item of scored) for (const f of feedbackTexts(item)) expect(f.trim().length, item.id).toBeGreaterThan(20);
    });

    it('has at least two reflective prompts that remind the learner to anonymise', () => {
      const reflections = mod().items.filter((i) => i.type === 'reflection');
      expect(reflections.length).toBeGreaterThanOrEqual(2);
      const anonymise = lang === 'en' ? /identif|anonym|name/i : /identific|anonim|nom/i;
      for (const r of reflections) expect(r.type === 'reflection' && r.hint, r.id).toMatch(anonymise);
    });

    it('tests nothing before it is taught: every item names a section of this module', () => {
      const sections = new Set(mod().pages.flatMap((p) => p.sections));
      for (const item of mod().items) expect(sections.has(item.teaches), `${item.id} teaches ${item.teaches}`).toBe(true);
    });
  });

  it('has a final assessment of at least 20 scored items drawn from the teaching modules', () => {
    const assessment = bySlug.get('assessment')!;
    const scored = assessment.items.filter(isScored);
    expect(scored.length).toBeGreaterThanOrEqual(20);
    const covered = new Set(scored.map((i) => i.teaches.split('/')[0]));
    for (const slug of TEACHING) expect(covered.has(slug), `no final item on ${slug}`).toBe(true);
    for (const item of scored) {
      const [slug, section] = item.teaches.split('/');
      expect(bySlug.get(slug)?.pages.some((p) => p.sections.includes(section)), item.id).toBe(true);
    }
  });

  it('takes its mastery score from course.json', () => {
    expect(course.outline.masteryScore).toBe(80);
  });

  it('has a course evaluation of five to eight unscored questions, with a free comment', () => {
    const survey = bySlug.get('assessment')!.items.filter((i) => i.type === 'survey');
    expect(survey.length).toBeGreaterThanOrEqual(5);
    expect(survey.length).toBeLessThanOrEqual(8);
    expect(survey.some((i) => i.type === 'survey' && i.scale === null)).toBe(true);
  });
});

describe('Italian written apart from the English', () => {
  it('shares no sentence of prose with the English', () => {
    const en = courseContent('en');
    const it = courseContent('it');
    const sentences = (html: string) => html.replace(/<[^>]+>/g, ' ').split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 5);
    const english = new Set(en.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'html' ? sentences(b.html) : [])))));
    const shared = it.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'html' ? sentences(b.html) : [])))).filter((s) => english.has(s));
    expect(shared).toEqual([]);
  });
});
