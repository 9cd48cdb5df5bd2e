// Quiz answers as SCORM interaction fields: the formats of each standard, free text made to fit,
// and every record accepted by scorm-again's own validators (the runtime our packages are tested in).
import { describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { MatchItem, MultipleItem, ReflectionItem, SingleItem, SortItem, SurveyItem, TrueFalseItem } from '../../../src/content/types';
import { toInteraction, toReflectionInteraction, toSurveyInteraction, type InteractionRecord } from '../../../src/scorm/interaction';
import { toLmsText } from '../../../src/scorm/lms-text';
import { scorm12Dialect } from '../../../src/scorm12/dialect';
import { scorm2004Dialect } from '../../../src/scorm2004/dialect';

const dialects = { scorm12: scorm12Dialect, scorm2004: scorm2004Dialect };
type ScormStandard = keyof typeof dialects;
const scorm12 = scorm12Dialect.responses;
const scorm2004 = scorm2004Dialect.responses;

const option = (id: string, correct = false) => ({ id, text: `option ${id}`, correct, feedback: `why ${id}` });
const single: SingleItem = { id: 'q-single', type: 'single', teaches: 's', prompt: 'Which one?', options: [option('a'), option('b', true), option('c')] };
const multiple: MultipleItem = { id: 'q-multiple', type: 'multiple', teaches: 's', prompt: 'Which apply?', options: [option('a', true), option('b'), option('c', true)] };
const wordy: SingleItem = { id: 'q-wordy', type: 'single', teaches: 's', prompt: 'Which?', options: [option('listen'), option('advise', true), option('refer')] };
const truefalse: TrueFalseItem = {
  id: 'q-tf', type: 'truefalse', teaches: 's', prompt: 'A Balint group is therapy.',
  labels: { true: 'Fact', false: 'Myth' }, answer: false, feedback: { true: 'No', false: 'Right' },
};
const sort: SortItem = {
  id: 'q-sort', type: 'sort', teaches: 's', prompt: 'Sort each statement',
  categories: [{ id: 'can', text: 'Can' }, { id: 'cannot', text: 'Cannot' }],
  statements: [
    { id: 's1', text: 'one', category: 'can', feedback: '' },
    { id: 's2', text: 'two', category: 'cannot', feedback: '' },
    { id: 's3', text: 'three', category: 'can', feedback: '' },
  ],
};
const match: MatchItem = {
  id: 'q-match', type: 'match', teaches: 's', prompt: 'Match each feature',
  targets: [{ id: 'balint', text: 'Balint' }, { id: 'therapy', text: 'Therapy' }],
  sources: [{ id: 'm1', text: 'one', target: 'balint', feedback: '' }, { id: 'm2', text: 'two', target: 'therapy', feedback: '' }],
};
const reflection: ReflectionItem = { id: 'q-reflect', type: 'reflection', teaches: 's', prompt: 'What did you feel?', hint: 'Anonymise.' };
const rating: SurveyItem = { id: 'eval-useful', type: 'survey', teaches: 's', prompt: 'How useful was it?', scale: ['1', '2', '3', '4', '5'].map((id) => ({ id, text: id })) };
const wordyRating: SurveyItem = { id: 'eval-agree', type: 'survey', teaches: 's', prompt: 'I would recommend it', scale: ['disagree', 'neutral', 'agree'].map((id) => ({ id, text: id })) };
const comment: SurveyItem = { id: 'eval-comment', type: 'survey', teaches: 's', prompt: 'Any comment?', scale: null };

describe('scored answers as SCORM 1.2 interactions', () => {
  it('a choice sends option ids that are single letters as they are', () => {
    expect(toInteraction(single, { type: 'single', optionId: 'c' }, scorm12)).toEqual({
      id: 'q-single', type: 'choice', learnerResponse: 'c', correctPattern: 'b', result: 'wrong', description: 'Which one?',
    });
  });

  it('a choice with longer option ids sends letters by position', () => {
    expect(toInteraction(wordy, { type: 'single', optionId: 'refer' }, scorm12)).toMatchObject({ learnerResponse: 'c', correctPattern: 'b' });
  });

  it('a multiple choice lists the chosen options in the item’s order, each once', () => {
    const i = toInteraction(multiple, { type: 'multiple', optionIds: ['c', 'a', 'c', 'unknown'] }, scorm12);
    expect(i).toMatchObject({ learnerResponse: 'a,c', correctPattern: 'a,c', result: 'correct' });
  });

  it('true-or-false uses t and f', () => {
    expect(toInteraction(truefalse, { type: 'truefalse', value: true }, scorm12)).toMatchObject({ type: 'true-false', learnerResponse: 't', correctPattern: 'f', result: 'wrong' });
  });

  it('sorting and matching become pairs of single characters: statements by position from 0, groups from a', () => {
    const i = toInteraction(sort, { type: 'sort', placements: { s1: 'can', s2: 'cannot', s3: 'can' } }, scorm12);
    expect(i).toMatchObject({ type: 'matching', learnerResponse: '0.a,1.b,2.a', correctPattern: '0.a,1.b,2.a', result: 'correct' });
    expect(toInteraction(match, { type: 'match', placements: { m2: 'balint', m1: 'balint' } }, scorm12)).toMatchObject({ learnerResponse: '0.a,1.a', correctPattern: '0.a,1.b', result: 'wrong' });
  });

  it('a statement not yet placed is left out of the pairs', () => {
    expect(toInteraction(sort, { type: 'sort', placements: { s2: 'can' } }, scorm12).learnerResponse).toBe('1.a');
  });
});

describe('scored answers as SCORM 2004 interactions', () => {
  it('a choice uses the option ids with [,] between them', () => {
    expect(toInteraction(multiple, { type: 'multiple', optionIds: ['b', 'a'] }, scorm2004)).toEqual({
      id: 'q-multiple', type: 'choice', learnerResponse: 'a[,]b', correctPattern: 'a[,]c', result: 'incorrect', description: 'Which apply?',
    });
    expect(toInteraction(wordy, { type: 'single', optionId: 'advise' }, scorm2004)).toMatchObject({ learnerResponse: 'advise', correctPattern: 'advise', result: 'correct' });
  });

  it('true-or-false uses true and false', () => {
    expect(toInteraction(truefalse, { type: 'truefalse', value: false }, scorm2004)).toMatchObject({ learnerResponse: 'false', correctPattern: 'false', result: 'correct' });
  });

  it('matching pairs the ids with [.] and separates pairs with [,]', () => {
    expect(toInteraction(match, { type: 'match', placements: { m1: 'balint', m2: 'balint' } }, scorm2004)).toMatchObject({
      type: 'matching', learnerResponse: 'm1[.]balint[,]m2[.]balint', correctPattern: 'm1[.]balint[,]m2[.]therapy', result: 'incorrect',
    });
  });

  it('the description is the prompt on one line, at most 250 characters', () => {
    const long: SingleItem = { ...single, prompt: `Think of a patient.\nWhich ${'very '.repeat(80)}long question?` };
    const d = toInteraction(long, { type: 'single', optionId: 'b' }, scorm2004).description;
    expect(d.length).toBeLessThanOrEqual(250);
    expect(d).not.toMatch(/\n/);
    expect(d.endsWith('…')).toBe(true);
  });
});

describe('free text as interactions', () => {
  it('a reflection is a SCORM 1.2 fill-in cut to 255 characters, and says it was cut', () => {
    const r = toReflectionInteraction(reflection, 'x'.repeat(300), scorm12);
    expect(r).toMatchObject({ id: 'q-reflect', type: 'fill-in', correctPattern: null, result: 'neutral', truncated: true });
    expect(r.learnerResponse).toHaveLength(255);
  });

  it('a reflection is a SCORM 2004 long-fill-in of up to 4000 characters', () => {
    const r = toReflectionInteraction(reflection, 'y'.repeat(5000), scorm2004);
    expect(r).toMatchObject({ type: 'long-fill-in', truncated: true });
    expect(r.learnerResponse).toHaveLength(4000);
    expect(toReflectionInteraction(reflection, 'y'.repeat(4000), scorm2004).truncated).toBe(false);
  });

  it('a short reflection is sent whole', () => {
    expect(toReflectionInteraction(reflection, 'I felt rushed.', scorm12)).toMatchObject({ learnerResponse: 'I felt rushed.', truncated: false });
  });

  it('line breaks become spaces, since LMSs refuse multi-line values', () => {
    expect(toReflectionInteraction(reflection, 'First.\n\nSecond.\r\nThird.', scorm2004).learnerResponse).toBe('First. Second. Third.');
  });

  it('a text starting with a brace is not mistaken for a SCORM 2004 language tag', () => {
    expect(toReflectionInteraction(reflection, '{sic} I felt', scorm2004).learnerResponse).toBe('(sic} I felt');
  });

  it('a cut never splits a character made of two code units', () => {
    const text = toLmsText(`${'a'.repeat(254)}😀 and more`, 255);
    expect(text).toEqual({ text: 'a'.repeat(254), truncated: true });
  });

  it('a rating is likert with the scale point; SCORM 1.2 letters stand for long scale ids', () => {
    expect(toSurveyInteraction(rating, '4', scorm2004)).toMatchObject({ type: 'likert', learnerResponse: '4', correctPattern: null, result: 'neutral' });
    expect(toSurveyInteraction(rating, '4', scorm12)).toMatchObject({ type: 'likert', learnerResponse: '4' });
    expect(toSurveyInteraction(wordyRating, 'agree', scorm2004).learnerResponse).toBe('agree');
    expect(toSurveyInteraction(wordyRating, 'agree', scorm12).learnerResponse).toBe('c');
  });

  it('a free comment is text like a reflection', () => {
    expect(toSurveyInteraction(comment, 'Good.\nMore cases, please.', scorm12)).toMatchObject({ type: 'fill-in', learnerResponse: 'Good. More cases, please.', truncated: false });
    expect(toSurveyInteraction(comment, 'z'.repeat(300), scorm2004)).toMatchObject({ type: 'long-fill-in', truncated: false });
  });
});

describe('what scorm-again accepts', () => {
  const records = (standard: ScormStandard): [string, InteractionRecord][] => [
    ['single', toInteraction(single, { type: 'single', optionId: 'a' }, dialects[standard].responses)],
    ['single with word ids', toInteraction(wordy, { type: 'single', optionId: 'listen' }, dialects[standard].responses)],
    ['multiple', toInteraction(multiple, { type: 'multiple', optionIds: ['a', 'b', 'c'] }, dialects[standard].responses)],
    ['true-false', toInteraction(truefalse, { type: 'truefalse', value: true }, dialects[standard].responses)],
    ['sort', toInteraction(sort, { type: 'sort', placements: { s1: 'cannot', s2: 'cannot', s3: 'can' } }, dialects[standard].responses)],
    ['match', toInteraction(match, { type: 'match', placements: { m1: 'balint', m2: 'therapy' } }, dialects[standard].responses)],
    ['reflection', toReflectionInteraction(reflection, `{Line one}\nline two ${'é'.repeat(5000)}`, dialects[standard].responses)],
    ['rating', toSurveyInteraction(rating, '5', dialects[standard].responses)],
    ['word rating', toSurveyInteraction(wordyRating, 'neutral', dialects[standard].responses)],
    ['comment', toSurveyInteraction(comment, 'Thank you.\nMore time for the group.', dialects[standard].responses)],
  ];

  /** Sets the record as the tracker does, through the version's dialect; returns the values the runtime refused. */
  function refused(standard: ScormStandard, i: InteractionRecord): string[] {
    const pairs = dialects[standard].interactionValues(0, { ...i, timestamp: new Date(2026, 11, 1, 9, 30), latencySeconds: 12.5 });
    if (standard === 'scorm12') {
      const api = new Scorm12API({ logLevel: 5 });
      api.LMSInitialize('');
      return pairs.filter(([el, v]) => api.LMSSetValue(el, v) !== 'true').map(([el, v]) => `${el}=${v.slice(0, 40)} (error ${api.LMSGetLastError()})`);
    }
    const api = new Scorm2004API({ logLevel: 5 });
    api.Initialize('');
    return pairs.filter(([el, v]) => api.SetValue(el, v) !== 'true').map(([el, v]) => `${el}=${v.slice(0, 40)} (error ${api.GetLastError()})`);
  }

  for (const standard of ['scorm12', 'scorm2004'] as const) {
    it(`takes every kind of ${standard} interaction we record`, () => {
      for (const [name, record] of records(standard)) expect({ name, refused: refused(standard, record) }).toEqual({ name, refused: [] });
    });
  }

  it('notices a value the runtime refuses, so the check above means something', () => {
    const broken = { ...toReflectionInteraction(reflection, 'one', scorm2004), learnerResponse: 'one\ntwo' };
    expect(refused('scorm2004', broken)).toHaveLength(1);
    expect(refused('scorm12', { ...broken, type: 'fill-in' })).toHaveLength(1);
  });

  it('keeps SCORM 1.2 responses within 255 characters', () => {
    for (const [, record] of records('scorm12')) {
      expect(record.learnerResponse.length).toBeLessThanOrEqual(255);
      expect((record.correctPattern ?? '').length).toBeLessThanOrEqual(255);
    }
  });

  it('an answer with no response is wrong and has an empty learner response', () => {
    expect(toInteraction(single, undefined, scorm12)).toMatchObject({ learnerResponse: '', result: 'wrong', correctPattern: 'b' });
  });
});
