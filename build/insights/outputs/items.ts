// items.csv: one row per scored item with its facility, discrimination, each option's share and a
// flag when the item needs a look: facility under 0.3 or over 0.95, or negative discrimination (docs/insights.md).
import type { CourseModel } from '../course-model.js';
import { toCsv } from './csv.js';

export interface ItemStats { item: string; answered: number; facility: number; discrimination: number | null; options: { opt: string; n: number }[] | null }
export interface ItemRow extends ItemStats { module: string; teaches: string; flags: string[]; prompt: string }

export const FLAG_RULES = { tooHard: 0.3, tooEasy: 0.95 } as const;

export function flagsOf(s: ItemStats): string[] {
  const flags: string[] = [];
  if (s.facility < FLAG_RULES.tooHard) flags.push('too hard');
  if (s.facility > FLAG_RULES.tooEasy) flags.push('too easy');
  if (s.discrimination !== null && s.discrimination < 0) flags.push('negative discrimination');
  return flags;
}

/** Rows in course order (module, then the item's place in its quiz). */
export function itemRows(stats: ItemStats[], course: CourseModel): ItemRow[] {
  const order = [...course.items.keys()];
  return stats
    .map((s) => {
      const c = course.items.get(s.item)!;
      return { ...s, answered: Number(s.answered), facility: Number(s.facility), discrimination: s.discrimination === null ? null : Number(s.discrimination), options: (s.options ?? []).map((o) => ({ opt: o.opt, n: Number(o.n) })), module: c.module, teaches: c.teaches, flags: [], prompt: c.prompt.en ?? Object.values(c.prompt)[0] };
    })
    .map((r) => ({ ...r, flags: flagsOf(r) }))
    .sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
}

const round = (x: number | null, d = 3) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

export function itemsCsv(rows: ItemRow[]): string {
  return toCsv(
    ['item', 'module', 'teaches', 'times_answered', 'facility', 'discrimination', 'option_shares', 'flagged', 'question'],
    rows.map((r) => [r.item, r.module, r.teaches, r.answered, round(r.facility), round(r.discrimination), (r.options ?? []).map((o) => `${o.opt}: ${round(o.n / r.answered, 2)}`).join('; '), r.flags.join('; '), r.prompt]),
  );
}
