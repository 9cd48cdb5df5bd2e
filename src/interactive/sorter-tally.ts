// The sorter's running count. It is practice, never scored or tracked: this only feeds the
// "n of N placed, m right" line the learner sees.

export interface SorterTally {
  total: number;
  placed: number;
  right: number;
}

/** Counts the statements the learner has placed and how many sit in their own category.
 *  `choices` maps statement id to the chosen category id; unknown ids are ignored. */
export function tallySorter(
  statements: readonly { id: string; category: string }[],
  choices: Readonly<Record<string, string | undefined>>,
): SorterTally {
  let placed = 0;
  let right = 0;
  for (const s of statements) {
    const chosen = choices[s.id];
    if (chosen === undefined) continue;
    placed++;
    if (chosen === s.category) right++;
  }
  return { total: statements.length, placed, right };
}
