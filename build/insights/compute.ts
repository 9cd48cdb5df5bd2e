// Runs the queries once the events table is filled: everything the three outputs need, for all
// learners and for each language the report can filter on.
import type { CourseModel } from './course-model.js';
import type { Db } from './db.js';
import { CREATE_LEARNERS, CREATE_STUDY_TIME, createFirstAnswers, freeTextQuery, funnelQuery, inProgressQuery, itemsQuery, passedCountQuery, registerQuery, scoreDistributionQuery, surveyQuery, timePerModuleQuery, type LangFilter } from './queries.js';
import { itemRows, type ItemRow, type ItemStats } from './outputs/items.js';
import type { FreeTextRow, InProgressRow, RegisterRow } from './outputs/register.js';

export interface LangSlice {
  learners: number;
  passed: number;
  funnel: { slug: string; learners: number }[];
  time: { slug: string; median_minutes: number | null; learners: number }[];
  scores: { bin: number; learners: number }[];
  items: ItemRow[];
  survey: { item: string; response: string; learners: number }[];
}

export interface Insights {
  register: RegisterRow[];
  inProgress: InProgressRow[];
  items: ItemRow[];
  /** Reflections and free comments; empty unless --include-reflections. */
  freeText: FreeTextRow[];
  /** 'all', then each language found in the data. */
  slices: [string, LangSlice][];
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function slice(db: Db, course: CourseModel, lang: LangFilter): Promise<LangSlice> {
  const [counts] = await db.rows<{ passed: string; learners: string }>(passedCountQuery(lang));
  return {
    learners: Number(counts.learners),
    passed: Number(counts.passed),
    funnel: (await db.rows<{ slug: string; learners: string }>(funnelQuery(lang))).map((r) => ({ slug: r.slug, learners: Number(r.learners) })),
    time: (await db.rows<{ slug: string; median_minutes: number | null; learners: string }>(timePerModuleQuery(lang))).map((r) => ({ slug: r.slug, median_minutes: n(r.median_minutes), learners: Number(r.learners) })),
    scores: (await db.rows<{ bin: number; learners: string }>(scoreDistributionQuery(lang))).map((r) => ({ bin: Number(r.bin), learners: Number(r.learners) })),
    items: itemRows(await db.rows<ItemStats>(itemsQuery(lang)), course),
    survey: (await db.rows<{ item: string; response: string; learners: string }>(surveyQuery(course, lang))).map((r) => ({ ...r, learners: Number(r.learners) })),
  };
}

/** Every date is the day it fell on in `zone`. */
export async function computeInsights(db: Db, course: CourseModel, zone: string): Promise<Insights> {
  await db.run(CREATE_LEARNERS);
  await db.run(CREATE_STUDY_TIME);
  await db.run(createFirstAnswers(course));
  const register = await db.rows<RegisterRow>(registerQuery(course, zone));
  const inProgress = await db.rows<InProgressRow>(inProgressQuery(zone));
  const langs = (await db.rows<{ lang: string }>(`SELECT DISTINCT lang FROM learners WHERE lang IS NOT NULL ORDER BY lang`)).map((r) => r.lang);
  const slices: [string, LangSlice][] = [['all', await slice(db, course, null)]];
  if (langs.length > 1) for (const l of langs) slices.push([l, await slice(db, course, l)]);
  const freeText = await db.rows<Insights['freeText'][number]>(freeTextQuery(course, zone));
  return { register, inProgress, items: slices[0][1].items, freeText, slices };
}
