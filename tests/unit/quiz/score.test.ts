import { describe, expect, it } from 'vitest';
import type { MatchItem, MultipleItem, SingleItem, SortItem, TrueFalseItem } from '../../../src/content/types';
import { scoreItem } from '../../../src/quiz/score';

const option = (id: string, correct = false) => ({ id, text: `option ${id}`, correct, feedback: `why ${id}` });
const single: SingleItem = { id: 'q-single', type: 'single', teaches: 'sec', prompt: 'Pick one', options: [option('a'), option('b', true), option('c')] };
const multiple: MultipleItem = { id: 'q-multiple', type: 'multiple', teaches: 'sec', prompt: 'Pick all', options: [option('a', true), option('b'), option('c', true), option('d')] };
const truefalse: TrueFalseItem = {
  id: 'q-tf', type: 'truefalse', teaches: 'sec', prompt: 'Balint groups are therapy.',
  labels: { true: 'Fact', false: 'Myth' }, answer: false, feedback: { true: 'They are not therapy…', false: 'Right: the case, not the doctor…' },
};
const sort: SortItem = {
  id: 'q-sort', type: 'sort', teaches: 'sec', prompt: 'Sort',
  categories: [{ id: 'can', text: 'Can' }, { id: 'cannot', text: 'Cannot' }],
  statements: [
    { id: 's1', text: 'one', category: 'can', feedback: 'why s1' },
    { id: 's2', text: 'two', category: 'cannot', feedback: 'why s2' },
    { id: 's3', text: 'three', category: 'can', feedback: 'why s3' },
  ],
};
const match: MatchItem = {
  id: 'q-match', type: 'match', teaches: 'sec', prompt: 'Match',
  targets: [{ id: 'balint', text: 'Balint group' }, { id: 'therapy', text: 'Therapy' }],
  sources: [{ id: 'm1', text: 'one', target: 'balint', feedback: 'why m1' }, { id: 'm2', text: 'two', target: 'therapy', feedback: 'why m2' }],
};

describe('scoring a single choice', () => {
  it('is right when the correct option is chosen, with that option’s feedback', () => {
    expect(scoreItem(single, { type: 'single', optionId: 'b' })).toEqual({ correct: true, feedback: [{ id: 'b', text: 'why b', correct: true }] });
  });

  it('is wrong with a wrong option, and explains only the option chosen', () => {
    expect(scoreItem(single, { type: 'single', optionId: 'c' })).toEqual({ correct: false, feedback: [{ id: 'c', text: 'why c', correct: false }] });
  });
});

describe('scoring a multiple choice', () => {
  it('is right only when exactly the correct options are ticked', () => {
    expect(scoreItem(multiple, { type: 'multiple', optionIds: ['c', 'a'] }).correct).toBe(true);
    expect(scoreItem(multiple, { type: 'multiple', optionIds: ['a'] }).correct).toBe(false);
    expect(scoreItem(multiple, { type: 'multiple', optionIds: ['a', 'b', 'c'] }).correct).toBe(false);
  });

  it('gives a line for every option, saying whether ticking or leaving it was right', () => {
    const result = scoreItem(multiple, { type: 'multiple', optionIds: ['a', 'b'] });
    expect(result.feedback).toEqual([
      { id: 'a', text: 'why a', correct: true },
      { id: 'b', text: 'why b', correct: false },
      { id: 'c', text: 'why c', correct: false },
      { id: 'd', text: 'why d', correct: true },
    ]);
  });
});

describe('scoring a true-or-false item', () => {
  it('gives the feedback of the value chosen', () => {
    expect(scoreItem(truefalse, { type: 'truefalse', value: false })).toEqual({ correct: true, feedback: [{ id: 'false', text: 'Right: the case, not the doctor…', correct: true }] });
    expect(scoreItem(truefalse, { type: 'truefalse', value: true })).toEqual({ correct: false, feedback: [{ id: 'true', text: 'They are not therapy…', correct: false }] });
  });
});

describe('scoring a sort item', () => {
  it('is right when every statement is in its category', () => {
    const result = scoreItem(sort, { type: 'sort', placements: { s1: 'can', s2: 'cannot', s3: 'can' } });
    expect(result.correct).toBe(true);
    expect(result.feedback.every((l) => l.correct)).toBe(true);
  });

  it('is wrong when one statement is misplaced, and says which one', () => {
    const result = scoreItem(sort, { type: 'sort', placements: { s1: 'can', s2: 'can', s3: 'can' } });
    expect(result.correct).toBe(false);
    expect(result.feedback).toEqual([
      { id: 's1', text: 'why s1', correct: true },
      { id: 's2', text: 'why s2', correct: false },
      { id: 's3', text: 'why s3', correct: true },
    ]);
  });

  it('counts an unplaced statement as wrong', () => {
    const result = scoreItem(sort, { type: 'sort', placements: { s1: 'can', s2: 'cannot' } });
    expect(result.correct).toBe(false);
    expect(result.feedback.map((l) => l.correct)).toEqual([true, true, false]);
  });
});

describe('scoring a match item', () => {
  it('gives one line per source and is right only when all are matched right', () => {
    expect(scoreItem(match, { type: 'match', placements: { m1: 'balint', m2: 'therapy' } }).correct).toBe(true);
    const wrong = scoreItem(match, { type: 'match', placements: { m1: 'balint', m2: 'balint' } });
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback).toEqual([{ id: 'm1', text: 'why m1', correct: true }, { id: 'm2', text: 'why m2', correct: false }]);
  });
});

describe('scoring what is not an answer', () => {
  it('a missing response is wrong, with no feedback to show', () => {
    expect(scoreItem(single, undefined)).toEqual({ correct: false, feedback: [] });
    expect(scoreItem(truefalse, null)).toEqual({ correct: false, feedback: [] });
  });

  it('a response of another item type is wrong', () => {
    expect(scoreItem(single, { type: 'multiple', optionIds: ['b'] }).correct).toBe(false);
    expect(scoreItem(sort, { type: 'match', placements: { s1: 'can', s2: 'cannot', s3: 'can' } }).correct).toBe(false);
  });

  it('an option the item does not have is wrong', () => {
    expect(scoreItem(single, { type: 'single', optionId: 'zz' })).toEqual({ correct: false, feedback: [] });
  });
});
