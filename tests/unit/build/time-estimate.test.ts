// The course's estimated time comes from its content: words read, decisions made, reflections written.
import { describe, expect, it } from 'vitest';
import { moduleTime, READING_WPM, REFLECTION_MINUTES } from '../../../build/content/time-estimate';
import type { Module } from '../../../src/content/types';

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

function module(wordCount: number, items: Module['items'], blocks: Module['pages'][number]['blocks'] = []): Module {
  return { slug: 'm', title: 'M', objectives: [], pages: [{ id: 'p', title: 'P', sections: [], blocks }], items, wordCount };
}

describe('estimated learning time', () => {
  it('reads prose at the stated rate', () => {
    expect(moduleTime(module(READING_WPM * 5, [])).minutes).toBeCloseTo(5, 5);
  });

  it('gives each reflection its writing time, and each choice its reading and a decision', () => {
    const reflection = { id: 'r', type: 'reflection' as const, teaches: 's', prompt: words(20), hint: '' };
    const single = {
      id: 'q', type: 'single' as const, teaches: 's', prompt: words(40),
      options: [{ id: 'a', text: words(10), correct: true, feedback: words(30) }, { id: 'b', text: words(10), correct: false, feedback: words(30) }],
    };
    const t = moduleTime(module(0, [reflection, single]));
    // Prompt, both options and the feedback of the right answer are read; the wrong one's feedback is not counted.
    expect(t.activityMinutes).toBeCloseTo(REFLECTION_MINUTES + 20 / READING_WPM + 90 / READING_WPM + 10 / 60, 5);
  });

  it('counts the text of an interactive component and a decision for each card', () => {
    const cards = { type: 'cards' as const, title: 'T', cards: [{ id: 'c1', front: words(10), back: words(30) }, { id: 'c2', front: words(10), back: words(30) }] };
    const t = moduleTime(module(0, [], [{ kind: 'interactive', id: 'x', data: cards }]));
    expect(t.readingMinutes).toBeCloseTo(81 / READING_WPM, 5);
    expect(t.activityMinutes).toBeCloseTo(20 / 60, 5);
  });
});
