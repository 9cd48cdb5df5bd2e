// Synthetic load for the insights tool: a national programme's statement export (10,000 learners,
// about 1.4 million statements) written as JSON lines, built with the course's own statement
// builders (src/xapi/statements.ts) so every statement has the shape the course sends and the
// real LRS accepts. Learners differ in ability and items in difficulty, so facility and
// discrimination come out varied; a quarter leave part-way, some fail.
//   npx tsx build/insights/synthetic-load.ts --learners 10000 [--min-statements 1400000] --out /tmp/load.jsonl
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Statement } from '@xapi/xapi';
import { loadCourse } from '../content/load.js';
import { resolveCourse } from '../content/resolve.js';
import { isScored, type Lang, type Module, type ScoredItem } from '../../src/content/types.js';
import type { Response } from '../../src/quiz/response.js';
import { answerStatement, completedStatement, pageStatement, reflectionStatement, sessionStatement, surveyStatement, verdictStatement, type Stamp, type StatementScope } from '../../src/xapi/statements.js';

const PLACEHOLDER = /@@(ID|TS|REG|NAME|ACC)@@/g;

/** mulberry32: a small seeded generator, so the same arguments write the same file. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 UUID from the seeded generator (xAPI ids and registrations must be UUIDs). */
function uuid(rand: () => number): string {
  const hex = (bits: number) => Math.floor(rand() * 2 ** bits).toString(16).padStart(bits / 4, '0');
  return `${hex(32)}-${hex(16)}-4${hex(12)}-${'89ab'[Math.floor(rand() * 4)]}${hex(12)}-${hex(24)}${hex(24)}`;
}

/** A right or a wrong response to an item, in the course's own response model. */
function responseFor(item: ScoredItem, right: boolean, rand: () => number): Response {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  switch (item.type) {
    case 'single': return { type: 'single', optionId: (right ? item.options.find((o) => o.correct) : pick(item.options.filter((o) => !o.correct)))!.id };
    case 'multiple': return { type: 'multiple', optionIds: right ? item.options.filter((o) => o.correct).map((o) => o.id) : [pick(item.options.filter((o) => !o.correct)).id] };
    case 'truefalse': return { type: 'truefalse', value: right ? item.answer : !item.answer };
    case 'sort': return { type: 'sort', placements: Object.fromEntries(item.statements.map((s, i) => [s.id, right || i > 0 ? s.category : item.categories.find((c) => c.id !== s.category)!.id])) };
    case 'match': return { type: 'match', placements: Object.fromEntries(item.sources.map((s, i) => [s.id, right || i > 0 ? s.target : item.targets.find((t) => t.id !== s.target)!.id])) };
  }
}

export interface LoadOptions {
  learners: number;
  /** Keep adding learners until the file holds at least this many statements. */
  minStatements?: number;
  out: string;
  root: string;
  seed?: number;
  homePage?: string;
}

export async function writeSyntheticLoad(o: LoadOptions): Promise<{ learners: number; statements: number; bytes: number }> {
  const loaded = loadCourse(o.root);
  const courses = Object.fromEntries((loaded.course.languages as Lang[]).map((l) => [l, resolveCourse(loaded, l)]));
  const rand = prng(o.seed ?? 1957);
  const difficulty = new Map<string, number>();
  for (const m of Object.values(courses)[0].modules) for (const i of m.items) difficulty.set(i.id, rand() * 3 - 2);
  const out = createWriteStream(o.out);
  let statements = 0;
  let bytes = 0;
  let buffer: string[] = [];
  const flush = async () => {
    const chunk = buffer.join('');
    buffer = [];
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const start = Date.parse('2026-09-01T07:00:00Z');
  const homePage = o.homePage ?? 'https://lms.example.org';
  const scopes = Object.fromEntries(Object.entries(courses).map(([lang, course]) => [lang, {
    actor: { objectType: 'Agent', name: '@@NAME@@', account: { homePage, name: '@@ACC@@' } } as StatementScope['actor'],
    courseIri: course.outline.iri, root: { objectType: 'Activity', id: course.outline.iri }, lang: lang as Lang, registration: '@@REG@@',
    contextTemplate: null, cmi5: false, modules: course.outline.modules,
  } satisfies StatementScope])) as Record<Lang, StatementScope>;
  const templates = new Map<string, string>();
  const templateOf = (key: string, build: (st: Stamp) => Statement) => {
    let text = templates.get(key);
    if (text === undefined) {
      text = `${JSON.stringify(build({ id: '@@ID@@', timestamp: '@@TS@@' }))}\n`;
      templates.set(key, text);
    }
    return text;
  };
  let learners = 0;
  for (let n = 0; n < o.learners || statements < (o.minStatements ?? 0); n++) {
    learners++;
    const lang: Lang = rand() < 0.7 ? 'en' : 'it';
    const course = courses[lang];
    const ability = rand() * 3 - 0.5;
    const modules = course.modules as Module[];
    const teaching = modules.filter((m) => m.slug !== 'assessment');
    const leaves = rand() < 0.25 ? 1 + Math.floor(rand() * (teaching.length - 1)) : null;
    const scope = scopes[lang];
    const who: Record<string, string> = { NAME: `Learner ${n + 1}`, ACC: `learner-${n + 1}`, REG: uuid(rand) };
    let t = start + Math.floor(rand() * 90 * 86_400_000);
    // Each distinct statement is built once by the course's builders with placeholders for who,
    // when and its id (templateOf); a learner's statement is that text with the placeholders filled.
    let pending = 0;
    const push = (key: string, build: (st: Stamp) => Statement) => {
      t += Math.round(pending * 1000);
      const values: Record<string, string> = { ...who, ID: uuid(rand), TS: new Date(t).toISOString() };
      buffer.push(templateOf(`${lang}|${key}`, build).replace(PLACEHOLDER, (_, k: string) => values[k]));
      statements++;
    };
    /** Seconds until the next statement. */
    const wait = (gapS: number) => void (pending = gapS);
    const answer = (mod: Module, item: ScoredItem) => {
      const right = rand() < 1 / (1 + Math.exp(-(ability - (difficulty.get(item.id) ?? 0)) * 1.7));
      const response = responseFor(item, right, rand);
      wait(20 + rand() * 60);
      push(`a|${item.id}|${JSON.stringify(response)}`, (st) => answerStatement(scope, st, { item, kind: mod.slug === 'assessment' ? 'assessment' : 'check', response, correct: right, latencyMs: 20_000, moduleSlug: mod.slug, objective: { id: mod.slug, scorePercent: 0, status: 'incomplete' } }));
      return right;
    };
    wait(0);
    push('init', (st) => sessionStatement(scope, st, 'initialized'));
    // Most learners take the course in two or three sittings.
    const breaks = new Set([2 + Math.floor(rand() * 3), 5 + Math.floor(rand() * 3)]);
    for (const [k, mod] of teaching.entries()) {
      if (leaves !== null && k >= leaves) break;
      if (breaks.has(k)) {
        wait(10);
        push('susp', (st) => sessionStatement(scope, st, 'suspended', 1_800_000));
        wait(1);
        push('term', (st) => sessionStatement(scope, st, 'terminated', 1_800_000));
        wait(86_400 * rand() * 5);
        push('init', (st) => sessionStatement(scope, st, 'initialized'));
        wait(1);
        push('res', (st) => sessionStatement(scope, st, 'resumed'));
      }
      for (const p of mod.pages) {
        wait(40 + rand() * 150);
        push(`p|${p.id}`, (st) => pageStatement(scope, st, mod.slug, p.id));
      }
      for (const item of mod.items) {
        if (isScored(item)) answer(mod, item);
        else if (item.type === 'reflection' && rand() < 0.9) {
          wait(60 + rand() * 200);
          push(`r|${item.id}`, (st) => reflectionStatement(scope, st, { item, text: '', moduleSlug: mod.slug }, false));
        }
      }
    }
    if (leaves !== null) {
      wait(30);
      push('susp', (st) => sessionStatement(scope, st, 'suspended', 1_800_000));
      wait(1);
      push('term', (st) => sessionStatement(scope, st, 'terminated', 1_800_000));
    } else {
      const assessment = modules.find((m) => m.slug === 'assessment')!;
      for (const p of assessment.pages) {
        wait(30 + rand() * 60);
        push(`p|${p.id}`, (st) => pageStatement(scope, st, assessment.slug, p.id));
      }
      const items = assessment.items.filter(isScored);
      let right = 0;
      for (const item of items) if (answer(assessment, item)) right++;
      const score = Math.round((right / items.length) * 100);
      const passed = score >= course.outline.masteryScore;
      wait(2);
      push('done', (st) => completedStatement(scope, st, 3_600_000));
      wait(1);
      push(`v|${score}`, (st) => verdictStatement(scope, st, passed, score, 3_600_000, null));
      if (passed) {
        for (const item of assessment.items) {
          if (item.type !== 'survey' || !item.scale) continue;
          const answer = item.scale[Math.min(item.scale.length - 1, Math.floor(rand() * 2 + (rand() < 0.7 ? 3 : 1)))].id;
          wait(5);
          push(`s|${item.id}|${answer}`, (st) => surveyStatement(scope, st, { item, answer, moduleSlug: assessment.slug }));
        }
      }
      wait(20);
      push('end', (st) => sessionStatement(scope, st, 'terminated', 3_600_000));
    }
    if (buffer.length > 2000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { learners, statements, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
  const out = resolve(arg('--out') ?? 'synthetic-statements.jsonl');
  const t0 = performance.now();
  const r = await writeSyntheticLoad({ learners: Number(arg('--learners') ?? 10_000), minStatements: Number(arg('--min-statements') ?? 0), out, root: resolve(import.meta.dirname, '..', '..') });
  console.log(`${out}: ${r.learners} learners, ${r.statements} statements, ${(r.bytes / 1e6).toFixed(0)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
