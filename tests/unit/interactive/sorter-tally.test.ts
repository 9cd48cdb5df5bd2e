import { describe, expect, it } from 'vitest';
import { tallySorter } from '../../../src/interactive/sorter-tally';

const statements = [
  { id: 's1', category: 'can' },
  { id: 's2', category: 'cannot' },
  { id: 's3', category: 'can' },
];

describe('the sorter count', () => {
  it('starts with nothing placed', () => {
    expect(tallySorter(statements, {})).toEqual({ total: 3, placed: 0, right: 0 });
  });

  it('counts placed statements and the ones in their own category', () => {
    expect(tallySorter(statements, { s1: 'can', s2: 'can' })).toEqual({ total: 3, placed: 2, right: 1 });
  });

  it('follows a changed choice', () => {
    expect(tallySorter(statements, { s1: 'can', s2: 'cannot', s3: 'can' })).toEqual({ total: 3, placed: 3, right: 3 });
  });

  it('ignores choices for statements it does not know and cleared choices', () => {
    expect(tallySorter(statements, { other: 'can', s3: undefined })).toEqual({ total: 3, placed: 0, right: 0 });
  });
});
