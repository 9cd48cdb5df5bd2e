import { describe, expect, it } from 'vitest';
import type { MatchItem, MultipleItem, SingleItem, SortItem, TrueFalseItem } from '../../../src/content/types';
import { isComplete } from '../../../src/quiz/response';

const option = (id: string, correct = false) => ({ id, text: id, correct, feedback: `why ${id}` });
const single: SingleItem = { id: 'q-single', type: 'single', teaches: 'sec', prompt: 'Pick one', options: [option('a'), option('b', true)] };
const multiple: MultipleItem = { id: 'q-multiple', type: 'multiple', teaches: 'sec', prompt: 'Pick all', options: [option('a', true), option('b'), option('c', true)] };
const truefalse: TrueFalseItem = { id: 'q-tf', type: 'truefalse', teaches: 'sec', prompt: 'True?', labels: { true: 'Fact', false: 'Myth' }, answer: false, feedback: { true: 'no', false: 'yes' } };
const sort: SortItem = {
  id: 'q-sort', type: 'sort', teaches: 'sec', prompt: 'Sort',
  categories: [{ id: 'can', text: 'Can' }, { id: 'cannot', text: 'Cannot' }],
  statements: [{ id: 's1', text: 'one', category: 'can', feedback: 'f1' }, { id: 's2', text: 'two', category: 'cannot', feedback: 'f2' }],
};
const match: MatchItem = {
  id: 'q-match', type: 'match', teaches: 'sec', prompt: 'Match',
  targets: [{ id: 'balint', text: 'Balint group' }, { id: 'therapy', text: 'Therapy' }],
  sources: [{ id: 'm1', text: 'one', target: 'balint', feedback: 'f1' }, { id: 'm2', text: 'two', target: 'therapy', feedback: 'f2' }],
};

describe('whether a response answers the whole item', () => {
  it('a single choice is complete once an option of the item is chosen', () => {
    expect(isComplete(single, { type: 'single', optionId: 'a' })).toBe(true);
    expect(isComplete(single, { type: 'single', optionId: 'z' })).toBe(false);
  });

  it('a multiple choice needs at least one of its options ticked', () => {
    expect(isComplete(multiple, { type: 'multiple', optionIds: ['b'] })).toBe(true);
    expect(isComplete(multiple, { type: 'multiple', optionIds: [] })).toBe(false);
    expect(isComplete(multiple, { type: 'multiple', optionIds: ['zz'] })).toBe(false);
  });

  it('a true-or-false item is complete with either value', () => {
    expect(isComplete(truefalse, { type: 'truefalse', value: false })).toBe(true);
    expect(isComplete(truefalse, { type: 'truefalse', value: true })).toBe(true);
  });

  it('a sort item is incomplete while one statement is unplaced', () => {
    expect(isComplete(sort, { type: 'sort', placements: { s1: 'can' } })).toBe(false);
    expect(isComplete(sort, { type: 'sort', placements: { s1: 'can', s2: 'can' } })).toBe(true);
  });

  it('a placement into a category the item does not have does not count', () => {
    expect(isComplete(sort, { type: 'sort', placements: { s1: 'can', s2: 'elsewhere' } })).toBe(false);
  });

  it('a match item is complete when every source has one of its targets', () => {
    expect(isComplete(match, { type: 'match', placements: { m1: 'therapy', m2: 'therapy' } })).toBe(true);
    expect(isComplete(match, { type: 'match', placements: { m2: 'therapy' } })).toBe(false);
  });

  it('a missing response, or one of another type, is never complete', () => {
    expect(isComplete(single, null)).toBe(false);
    expect(isComplete(single, undefined)).toBe(false);
    expect(isComplete(single, { type: 'multiple', optionIds: ['a'] })).toBe(false);
    expect(isComplete(sort, { type: 'match', placements: { s1: 'can', s2: 'can' } })).toBe(false);
  });
});
