// Counted interface strings read right for every number a learner can meet, in both languages:
// the form is chosen on the number, the number is written the local way.
import { describe, expect, it } from 'vitest';
import { formatUi, translator } from '../../../src/content/ui-format';
import { courseContent } from '../../../build/harness/course-content';

const en = translator(courseContent('en').outline.ui, 'en');
const it_ = translator(courseContent('it').outline.ui, 'it');

describe('counted interface strings', () => {
  it.each([
    [0, '(0 more attempts allowed)', '(ancora 0 tentativi)'],
    [1, '(1 more attempt allowed)', '(ancora 1 tentativo)'],
    [2, '(2 more attempts allowed)', '(ancora 2 tentativi)'],
  ])('%s retakes left', (left, english, italian) => {
    expect(en('assessment.retakesLeft', { left })).toContain(english);
    expect(it_('assessment.retakesLeft', { left })).toContain(italian);
  });

  it.each([
    [0, '0 hours', '0 ore'],
    [1, '1 hour', '1 ora'],
    [2, '2 hours', '2 ore'],
    [1.5, '1.5 hours', '1,5 ore'],
    [0.25, '0.25 hours', '0,25 ore'],
  ])('%s credit hours on the certificate', (hours, english, italian) => {
    expect(en('certificate.hours', { hours })).toBe(english);
    expect(it_('certificate.hours', { hours })).toBe(italian);
  });

  it('says 1 minute, 1 question, 1 module, 1 reflection in the singular', () => {
    expect(en('attestation.done', { minutes: 1 })).toBe('Confirmed: 1 minute.');
    expect(it_('attestation.done', { minutes: 1 })).toBe('Confermato: 1 minuto.');
    expect(en('assessment.missing', { count: 1 })).toBe('1 question still needs an answer.');
    expect(it_('assessment.missing', { count: 1 })).toBe('Manca ancora la risposta a 1 domanda.');
    expect(en('home.modules', { count: 1 })).toMatch(/^1 module,/);
    expect(it_('journal.deleteConfirmText', { count: 1 })).toContain(' 1 riflessione ');
    expect(en('menu.pagesSeen', { seen: 0, total: 1 })).toBe('0 of 1 page seen');
    expect(en('menu.pagesSeen', { seen: 1, total: 3 })).toBe('1 of 3 pages seen');
  });

  it('takes the general form when the browser knows a form the string does not give', () => {
    // Italian "many" (whole millions, recent CLDR) is not among the forms the build asks for.
    const text = { count: 'hours', forms: { one: '{hours} ora', other: '{hours} ore' } };
    expect(formatUi(text, { hours: 1_000_000 }, 'it')).toBe('1.000.000 ore');
  });

  it('leaves a plain string as it is and fills its placeholders', () => {
    expect(en('quiz.questionOf', { n: 1, total: 1 })).toBe('Question 1 of 1');
    expect(formatUi('Page {page} of {total}', { page: 2 }, 'en')).toBe('Page 2 of {total}');
  });
});
