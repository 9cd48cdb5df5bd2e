// A statement export with a known answer: learners' stories told as the course's own xAPI statements
// (src/xapi/statements.ts builds every one), written as an LRS exports them (one gzipped JSON-lines
// file a day), with the mess a real export holds, and beside it the CME register and in-progress
// list those stories must give. The expectation is worked out from each story and the xAPI 1.0.3
// specification, never from the insights queries:
// - a statement voided by a later `voided` statement (its object a StatementRef) is disregarded, and a
//   voiding statement cannot itself be voided (Part Two, 2.3.2);
// - a statement id is unique, so a statement exported twice is one statement (2.4.1);
// - an agent is identified by one inverse functional identifier (2.4.2.3): one person under an
//   e-mail in one LMS and an account in another is two agents; an e-mail's domain is case-insensitive (2.3.1);
// - a timestamp is an instant, whatever offset it is written with (4.5);
// - the register holds the first valid pass: its day, its score, and the best score beside it.
// The mess: voided passes, voided-then-real passes, two passes with different scores, duplicated
// statements (overlapping daily exports, retried posts), statements out of timestamp order, times near
// midnight written with +02:00 and -05:00, names with commas, quotes, emoji and a leading = + - @ or
// tab, statements of another course (whose IRI starts like this course's), a cmi5 launch, and
// reflection text that must appear in no output.
//   npx tsx build/insights/ground-truth.ts --learners 10000 [--min-statements 1400000] --out DIR
import { createWriteStream, mkdirSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import type { Agent, Context, Statement } from '@xapi/xapi';
import { loadCourse } from '../content/load.js';
import { resolveCourse } from '../content/resolve.js';
import { isScored, type Lang, type Module, type ScoredItem } from '../../src/content/types.js';
import type { Response } from '../../src/quiz/response.js';
import { answerStatement, completedStatement, pageStatement, reflectionStatement, sessionStatement, surveyStatement, verdictStatement, type Stamp, type StatementScope } from '../../src/xapi/statements.js';

/** Reflection and comment text: the tool must drop it on the way in. */
export const SECRET = 'SECRET-REFLECTION';
const DAY = 86_400_000;
const START = Date.parse('2026-09-01T07:00:00Z');
const ADMIN: Agent = { objectType: 'Agent', name: 'LRS administrator', mbox: 'mailto:lrs-admin@trust.example.org' } as Agent;

/** mulberry32: a small seeded generator, so the same options write the same files. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 UUID from the seeded generator (xAPI ids and registrations are UUIDs). */
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

// ---- Stories ----

/** How the LMS identified the learner (one inverse functional identifier) and named them. */
type Identity = { name: string | null } & ({ mbox: string } | { account: { homePage: string; name: string } });

interface Attempt {
  /** Share of the assessment's items answered right, 0-1 (the score is what the course computes from it). */
  right: number;
  /** An administrator voids the verdict statement later. */
  voided?: boolean;
  /** The attempt's verdict is at this instant (ms), for times near midnight. */
  at?: number;
  /** Days between the previous attempt and this one. */
  daysLater?: number;
  lang?: Lang;
}

interface Story {
  who: Identity;
  lang: Lang;
  /** Teaching modules taken before leaving; null: all, then the assessment attempts. */
  leavesAfter: number | null;
  attempts: Attempt[];
  /** How the LMS writes times: an offset such as '+02:00', or UTC when absent. */
  offset?: string;
  cmi5?: boolean;
  /** The mbox domain written in upper case in every other statement. */
  shoutyDomain?: boolean;
  /** Every statement exported twice. */
  duplicated?: boolean;
  /** The learner's statements exported newest first. */
  reversed?: boolean;
  /** Also took another course with the same home page. */
  otherCourse?: boolean;
  /** Took only the other course. */
  otherCourseOnly?: boolean;
  /** Writes reflections (and a comment) whose text the course sends. */
  writesReflections?: boolean;
}

const HOME = 'https://moodle.trust.example.org';
const mbox = (name: string, local: string): Identity => ({ name, mbox: `mailto:${local}@trust.example.org` });
const account = (name: string | null, user: string): Identity => ({ name, account: { homePage: HOME, name: user } });
const pass = (right = 0.93, more: Partial<Attempt> = {}): Attempt => ({ right, ...more });
const fail = (right = 0.5, more: Partial<Attempt> = {}): Attempt => ({ right, ...more });

/** One story for each case the register must get right. */
function specialStories(): Story[] {
  return [
    { who: mbox('Ada Voided', 'ada.voided'), lang: 'en', leavesAfter: null, attempts: [fail(0.6), pass(0.9, { voided: true })] },
    { who: mbox('Ben Revoked', 'ben.revoked'), lang: 'en', leavesAfter: null, attempts: [pass(0.9, { voided: true }), pass(0.86, { daysLater: 4 })] },
    { who: mbox('Cleo Twice', 'cleo.twice'), lang: 'it', leavesAfter: null, attempts: [pass(0.82), pass(0.97, { daysLater: 9 })] },
    { who: account('Dev Duplicated', 'ddup'), lang: 'en', leavesAfter: null, attempts: [pass(0.89)], duplicated: true },
    { who: account('Eve Late', 'elate'), lang: 'en', leavesAfter: null, attempts: [fail(0.4), pass(0.85, { daysLater: 2 })], reversed: true },
    { who: mbox('Fay Minus Five', 'fay.minus'), lang: 'en', leavesAfter: null, attempts: [pass(0.93, { at: Date.parse('2026-10-01T23:40:00-05:00') })], offset: '-05:00' },
    { who: mbox('Gus Plus Two', 'gus.plus'), lang: 'it', leavesAfter: null, attempts: [pass(0.93, { at: Date.parse('2026-10-03T00:20:00+02:00') })], offset: '+02:00' },
    { who: mbox('Hal Just Before Midnight', 'hal.utc'), lang: 'en', leavesAfter: null, attempts: [pass(0.93, { at: Date.parse('2026-10-04T23:59:30Z') })] },
    // One person, two LMSs: an e-mail in one, an account in the other. Two agents to xAPI.
    { who: mbox('Sam Person', 'sam.person'), lang: 'en', leavesAfter: 3, attempts: [] },
    { who: account('Sam Person', 'sperson'), lang: 'en', leavesAfter: null, attempts: [pass(0.89)] },
    { who: mbox('Rossi, Ada', 'ada.rossi'), lang: 'it', leavesAfter: null, attempts: [pass(0.96)], writesReflections: true },
    { who: mbox('Dana "Doc" O\'Neil', 'dana.oneil'), lang: 'en', leavesAfter: 5, attempts: [], writesReflections: true },
    { who: account('Zoë 🩺 Ng', 'zng'), lang: 'en', leavesAfter: null, attempts: [pass(0.82)] },
    { who: account('=HYPERLINK("http://evil.example","Click")', 'formula1'), lang: 'en', leavesAfter: null, attempts: [pass(0.93)] },
    { who: account('+44 7700 900123', 'plus'), lang: 'it', leavesAfter: 2, attempts: [] },
    { who: account('-2+3 Minus', 'minus'), lang: 'en', leavesAfter: null, attempts: [fail(0.3), fail(0.5)] },
    { who: account('@SUM(A1:A9)', 'at'), lang: 'en', leavesAfter: null, attempts: [pass(0.86)] },
    { who: account('\tTabitha Tab', 'tab'), lang: 'it', leavesAfter: 6, attempts: [] },
    { who: mbox('Otto Other Course', 'otto.other'), lang: 'en', leavesAfter: null, attempts: [pass(0.93)], otherCourseOnly: true },
    { who: mbox('Pia Both Courses', 'pia.both'), lang: 'en', leavesAfter: 4, attempts: [], otherCourse: true },
    { who: account('Quinn Cmi5', 'qcmi5'), lang: 'it', leavesAfter: null, attempts: [fail(0.6), pass(0.93, { daysLater: 1 })], cmi5: true },
    { who: mbox('Ann Case', 'Ann.Case'), lang: 'en', leavesAfter: null, attempts: [pass(0.86)], shoutyDomain: true },
    { who: account(null, 'no-name-42'), lang: 'en', leavesAfter: null, attempts: [pass(0.89)] },
    { who: mbox('Lia Two Languages', 'lia.langs'), lang: 'it', leavesAfter: null, attempts: [pass(0.86), pass(0.93, { daysLater: 3, lang: 'en' })] },
    { who: mbox('Ola Always Fails', 'ola.fails'), lang: 'it', leavesAfter: null, attempts: [fail(0.5), fail(0.7, { daysLater: 2 }), fail(0.75, { daysLater: 2 })], writesReflections: true },
  ];
}

/** A learner of the crowd, with the mess in the proportions a large export has. */
function crowdStory(n: number, rand: () => number): Story {
  const lang: Lang = rand() < 0.7 ? 'en' : 'it';
  const name = `Learner ${n}`;
  const who = rand() < 0.5 ? account(name, `learner-${n}`) : mbox(name, `learner.${n}`);
  const ability = rand();
  const leaves = rand() < 0.25;
  const attempts: Attempt[] = [];
  if (!leaves) {
    for (let k = 0; k < 3; k++) {
      const right = Math.min(1, 0.45 + ability * 0.55 + rand() * 0.15);
      const voided = rand() < 0.01;
      attempts.push({ right, voided, daysLater: k ? 1 + Math.floor(rand() * 5) : undefined });
      if (right >= 0.8 && !voided) break;
    }
    if (rand() < 0.03) attempts.push({ right: 0.8 + rand() * 0.2, daysLater: 10 }); // comes back and passes again
  }
  return {
    who, lang, attempts,
    leavesAfter: leaves ? Math.floor(rand() * 8) : null,
    offset: rand() < 0.1 ? (rand() < 0.5 ? '+02:00' : '-05:00') : undefined,
    duplicated: rand() < 0.01,
    reversed: rand() < 0.01,
    otherCourse: rand() < 0.03,
    writesReflections: rand() < 0.05,
    cmi5: rand() < 0.05,
  };
}

// ---- What the register must say ----

interface Expected {
  key: string;
  name: string;
  firstPass: { t: number; score: number; lang: Lang } | null;
  best: number | null;
  failed: boolean;
  first: number;
  last: number;
  lastLang: Lang;
  furthest: number;
}

/** An RFC 4180 cell, with a formula-like start neutralised by an apostrophe (OWASP, CSV injection). */
function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
const csv = (rows: (string | number | null)[][]) => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** The day (YYYY-MM-DD) an instant falls on in a time zone. */
function dayIn(t: number, zone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

export function expectedCsvs(learners: Iterable<Expected>, zone: string, o: { version: string; slugs: string[] }): { register: string; inProgress: string } {
  const all = [...learners];
  const passed = all.filter((l) => l.firstPass).sort((a, b) => a.firstPass!.t - b.firstPass!.t || byBytes(a.key, b.key));
  const open = all.filter((l) => !l.firstPass).sort((a, b) => b.last - a.last || byBytes(a.key, b.key));
  return {
    register: csv([
      ['learner', 'account', 'completion_date', 'time_zone', 'score', 'best_score', 'attested_minutes', 'hours', 'certificate_id', 'language', 'course_version'],
      ...passed.map((l) => [l.name, l.key, dayIn(l.firstPass!.t, zone), zone, l.firstPass!.score, l.best, null, null, null, l.firstPass!.lang, o.version]),
    ]),
    inProgress: csv([
      ['learner', 'account', 'language', 'started', 'last_activity', 'time_zone', 'last_module_reached', 'status', 'best_score'],
      ...open.map((l) => [l.name, l.key, l.lastLang, dayIn(l.first, zone), dayIn(l.last, zone), zone, l.furthest >= 0 ? o.slugs[l.furthest] : null, l.failed ? 'failed' : 'in progress', l.best]),
    ]),
  };
}

// ---- Writing the export ----

/** One gzipped JSON-lines file per UTC day, as LRSs export; `plain` keeps the first days uncompressed. */
class DailyFiles {
  private open = new Map<string, { out: WriteStream | Gzip; file: WriteStream; parts: string[]; size: number }>();
  readonly files: string[] = [];
  lines = 0;
  bytes = 0;
  constructor(private dir: string, private gzip: boolean) {}

  async add(day: string, line: string): Promise<void> {
    let f = this.open.get(day);
    if (!f) {
      const path = join(this.dir, `statements-${day}.jsonl${this.gzip ? '.gz' : ''}`);
      const file = createWriteStream(path);
      const out = this.gzip ? createGzip({ level: 1 }) : file;
      if (out !== file) (out as Gzip).pipe(file);
      f = { out, file, parts: [], size: 0 };
      this.open.set(day, f);
      this.files.push(path);
    }
    f.parts.push(line);
    f.size += line.length;
    this.lines++;
    this.bytes += Buffer.byteLength(line);
    if (f.size > 1 << 20) await this.flush(f);
  }

  private async flush(f: { out: WriteStream | Gzip; parts: string[]; size: number }): Promise<void> {
    const chunk = f.parts.join('');
    f.parts = [];
    f.size = 0;
    if (!f.out.write(chunk)) await once(f.out, 'drain');
  }

  async close(): Promise<void> {
    for (const f of this.open.values()) {
      await this.flush(f);
      f.out.end();
      await once(f.file, 'finish');
    }
  }
}

export interface GroundTruthOptions {
  /** Content root (course/ and modules/). */
  root: string;
  /** Folder to write: statements/ (the export) and expected/<zone>/ (the register and in-progress list). */
  out: string;
  /** Learners of the crowd, besides one learner per special case. */
  learners: number;
  /** Keep adding learners until the export holds at least this many lines. */
  minStatements?: number;
  seed?: number;
  /** Zones to write the expected CSVs for (default UTC). */
  zones?: string[];
  /** Gzip each day's file (default true). */
  gzip?: boolean;
}

export interface GroundTruth { statementsDir: string; files: string[]; lines: number; bytes: number; learners: number; events: number; expectedDir: (zone: string) => string }

export const zoneDir = (zone: string) => zone.replace(/\//g, '_');

export async function writeGroundTruth(o: GroundTruthOptions): Promise<GroundTruth> {
  const loaded = loadCourse(o.root);
  const courses = Object.fromEntries((loaded.course.languages as Lang[]).map((l) => [l, resolveCourse(loaded, l)])) as Record<Lang, ReturnType<typeof resolveCourse>>;
  const base = Object.values(courses)[0];
  const iri = base.outline.iri;
  const otherIri = `${iri}-advanced`; // starts like this course's IRI: must not be taken for it
  const mastery = base.outline.masteryScore;
  const slugs = base.modules.map((m) => m.slug);
  const assessmentSlug = base.modules.find((m) => m.pages.some((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment')))!.slug;
  const rand = prng(o.seed ?? 1957);
  const statementsDir = join(o.out, 'statements');
  rmSync(o.out, { recursive: true, force: true });
  mkdirSync(statementsDir, { recursive: true });
  const files = new DailyFiles(statementsDir, o.gzip ?? true);
  const expected = new Map<string, Expected>();
  let events = 0; // valid statements about this course, each id once
  const voidings: { t: number; target: string; id: string }[] = [];

  // Each distinct statement is built once by the course's builders, with placeholders for who, when,
  // which registration and session; a learner's statement is that text with the placeholders filled.
  const templates = new Map<string, string>();
  const scopeFor = (lang: Lang, other: boolean, cmi5: boolean): StatementScope => {
    const course = courses[lang];
    const courseIri = other ? otherIri : iri;
    return {
      actor: '@@ACTOR@@' as unknown as Agent, courseIri, lang, registration: '@@REG@@', cmi5, modules: course.outline.modules,
      root: { objectType: 'Activity', id: cmi5 ? `${HOME}/cmi5/course/7/au/0` : courseIri },
      // A cmi5 LMS names the AU its own way and puts the course's AU id in the context's grouping.
      contextTemplate: cmi5 ? ({ registration: '@@REG@@', contextActivities: { grouping: [{ id: `${courseIri}/au`, objectType: 'Activity' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': '@@SESSION@@' } } as unknown as Context) : null,
    };
  };
  const template = (key: string, build: (st: Stamp) => Statement) => {
    let text = templates.get(key);
    if (text === undefined) {
      text = JSON.stringify(build({ id: '@@ID@@', timestamp: '@@TS@@' }));
      templates.set(key, text);
    }
    return text;
  };
  const actorJson = (who: Identity, shout: boolean) => {
    const a: Record<string, unknown> = { objectType: 'Agent', ...(who.name !== null && { name: who.name }) };
    if ('mbox' in who) a.mbox = shout ? who.mbox.replace(/@(.*)$/, (_, d: string) => `@${d.toUpperCase()}`) : who.mbox;
    else a.account = who.account;
    return JSON.stringify(a);
  };
  const keyOf = (who: Identity) => ('mbox' in who ? who.mbox.replace(/@(.*)$/, (_, d: string) => `@${d.toLowerCase()}`) : `${who.account.homePage}|${who.account.name}`);
  const written = (t: number, offset: string | undefined) => {
    const iso = new Date(t).toISOString();
    if (!offset) return iso;
    const minutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    return new Date(t + minutes * 60_000).toISOString().slice(0, -1) + offset;
  };

  async function tell(story: Story, n: number): Promise<void> {
    const who = story.who;
    const key = keyOf(who);
    const exp: Expected = expected.get(key) ?? { key, name: who.name ?? ('account' in who ? who.account.name : key), firstPass: null, best: null, failed: false, first: Infinity, last: -Infinity, lastLang: story.lang, furthest: -1 };
    const lines: { t: number; text: string }[] = [];
    const pinned = story.attempts.find((a) => a.at)?.at;
    let t = pinned ? pinned - 2 * DAY : START + Math.floor(rand() * 90 * DAY);
    let lang = story.lang;
    let reg = uuid(rand);
    let session = uuid(rand);
    let count = 0;
    const actors = [actorJson(who, false), actorJson(who, true)];
    const push = (key: string, build: (s: StatementScope, st: Stamp) => Statement, o: { module?: string; other?: boolean; verdict?: { passed: boolean; score: number }; voided?: boolean; gap?: number } = {}) => {
      t += Math.round((o.gap ?? 20 + rand() * 60) * 1000);
      const other = o.other ?? story.otherCourseOnly ?? false;
      const cmi5 = story.cmi5 ?? false;
      const text = template(`${lang}|${other}|${cmi5}|${key}`, (st) => build(scopeFor(lang, other, cmi5), st));
      const id = uuid(rand);
      const values: Record<string, string> = { ID: id, TS: written(t, story.offset), REG: reg, SESSION: session };
      const actor = actors[story.shoutyDomain && count++ % 2 === 1 ? 1 : 0];
      lines.push({ t, text: text.replace('"@@ACTOR@@"', actor).replace(/@@(ID|TS|REG|SESSION)@@/g, (_, k: string) => values[k]) });
      if (other) return;
      if (o.voided) {
        voidings.push({ t: t + (1 + rand() * 3) * DAY, target: id, id: uuid(rand) });
        return;
      }
      events++;
      exp.first = Math.min(exp.first, t);
      if (t >= exp.last) [exp.last, exp.lastLang] = [t, lang];
      if (o.module) exp.furthest = Math.max(exp.furthest, slugs.indexOf(o.module));
      if (o.verdict) {
        exp.best = Math.max(exp.best ?? -Infinity, o.verdict.score);
        if (!o.verdict.passed) exp.failed = true;
        else if (!exp.firstPass || t < exp.firstPass.t) exp.firstPass = { t, score: o.verdict.score, lang };
      }
    };
    const sitting = (verb: 'initialized' | 'resumed') => {
      push(verb === 'initialized' ? 'init' : 'res', (s, st) => sessionStatement(s, st, verb), { gap: verb === 'initialized' ? 0 : 1 });
    };
    const leave = (gapDays: number) => {
      push('susp', (s, st) => sessionStatement(s, st, 'suspended', 1_800_000), { gap: 10 });
      push('term', (s, st) => sessionStatement(s, st, 'terminated', 1_800_000), { gap: 1 });
      t += gapDays * DAY;
      session = uuid(rand);
    };
    const answer = (mod: Module, item: ScoredItem, right: boolean) => {
      const response = responseFor(item, right, rand);
      push(`a|${item.id}|${JSON.stringify(response)}`, (s, st) => answerStatement(s, st, { item, kind: mod.slug === assessmentSlug ? 'assessment' : 'check', response, correct: right, latencyMs: 20_000, moduleSlug: mod.slug, objective: { id: mod.slug, scorePercent: 0, status: 'incomplete' } }), { module: mod.slug });
    };
    const modules = () => {
      const course = courses[lang];
      const teaching = course.modules.filter((m) => m.slug !== assessmentSlug);
      const breaks = pinned ? new Set<number>() : new Set([2 + Math.floor(rand() * 3), 5 + Math.floor(rand() * 3)]);
      for (const [k, mod] of teaching.entries()) {
        if (story.leavesAfter !== null && k >= story.leavesAfter) break;
        if (breaks.has(k)) {
          leave(rand() * 4);
          sitting('initialized');
          sitting('resumed');
        }
        for (const p of mod.pages) push(`p|${p.id}`, (s, st) => pageStatement(s, st, mod.slug, p.id), { module: mod.slug, gap: 40 + rand() * 150 });
        for (const item of mod.items) {
          if (isScored(item)) answer(mod, item, rand() < 0.75);
          else if (item.type === 'reflection' && (story.writesReflections || rand() < 0.9)) {
            const text = story.writesReflections ? `${SECRET} ${n}: what I felt with my patient` : '';
            push(`r|${item.id}|${text}`, (s, st) => reflectionStatement(s, st, { item, text, moduleSlug: mod.slug }, story.writesReflections ?? false), { module: mod.slug });
          }
        }
      }
    };
    const assessmentAttempt = (a: Attempt) => {
      const assessment = courses[lang].modules.find((m) => m.slug === assessmentSlug)!;
      for (const p of assessment.pages) push(`p|${p.id}`, (s, st) => pageStatement(s, st, assessment.slug, p.id), { module: assessment.slug });
      const items = assessment.items.filter(isScored);
      const rightCount = Math.round(a.right * items.length);
      for (const [i, item] of items.entries()) answer(assessment, item, i < rightCount);
      const score = Math.round((rightCount / items.length) * 100);
      const passed = score >= mastery;
      if (a.at) t = Math.max(t, a.at - 5000);
      push('done', (s, st) => completedStatement(s, st, 3_600_000), { gap: 2 });
      if (a.at) t = a.at - 1000;
      push(`v|${passed}|${score}`, (s, st) => verdictStatement(s, st, passed, score, 3_600_000, story.cmi5 ? mastery / 100 : null), { gap: 1, verdict: { passed, score }, voided: a.voided });
      if (passed) {
        for (const item of assessment.items) {
          if (item.type !== 'survey') continue;
          const answerId = item.scale ? item.scale[Math.min(item.scale.length - 1, 2 + Math.floor(rand() * 3))].id : story.writesReflections ? `${SECRET} ${n}: a comment` : null;
          if (answerId !== null) push(`s|${item.id}|${answerId}`, (s, st) => surveyStatement(s, st, { item, answer: answerId, moduleSlug: assessment.slug }), { module: assessment.slug, gap: 5 });
        }
      }
    };

    if (story.otherCourse) {
      // The other course first, with a pass: none of it may reach this course's register.
      push('init', (s, st) => sessionStatement(s, st, 'initialized'), { other: true, gap: 0 });
      push('other-pass', (s, st) => verdictStatement(s, st, true, 100, 600_000, null), { other: true });
      t += DAY;
    }
    sitting('initialized');
    modules();
    if (story.leavesAfter !== null) leave(0);
    for (const [k, a] of story.attempts.entries()) {
      if (k > 0) {
        leave(a.daysLater ?? 1);
        reg = a.daysLater ? uuid(rand) : reg;
        sitting('initialized');
      }
      if (a.lang) lang = a.lang;
      assessmentAttempt(a);
    }
    if (story.leavesAfter === null) push('end', (s, st) => sessionStatement(s, st, 'terminated', 3_600_000), { gap: 20 });
    if (!story.otherCourseOnly) expected.set(key, exp);

    if (story.reversed) lines.reverse();
    for (const line of lines) {
      const json = `${line.text.slice(0, -1)},"stored":"${new Date(line.t + 700).toISOString()}","authority":{"objectType":"Agent","name":"lrs-key","mbox":"mailto:lrs-key@trust.example.org"},"version":"1.0.0"}\n`;
      const day = new Date(line.t + 700).toISOString().slice(0, 10);
      await files.add(day, json);
      // Daily exports overlap by an hour: what was stored just after midnight is in both days' files.
      if (new Date(line.t + 700).getUTCHours() === 0) await files.add(new Date(line.t + 700 - DAY).toISOString().slice(0, 10), json);
      else if (story.duplicated || rand() < 0.002) await files.add(day, json); // a retried post
    }
  }

  let n = 0;
  for (const s of specialStories()) await tell(s, ++n);
  for (let k = 0; k < o.learners || files.lines < (o.minStatements ?? 0); k++) {
    await tell(crowdStory(++n, rand), n);
  }
  // The administrator's voiding statements, stored days later.
  for (const v of voidings) {
    const line = JSON.stringify({ id: v.id, actor: ADMIN, verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: v.target }, timestamp: new Date(v.t).toISOString(), stored: new Date(v.t).toISOString(), version: '1.0.0' });
    await files.add(new Date(v.t).toISOString().slice(0, 10), `${line}\n`);
  }
  await files.close();

  const expectedDir = (zone: string) => join(o.out, 'expected', zoneDir(zone));
  for (const zone of o.zones ?? ['UTC']) {
    const { register, inProgress } = expectedCsvs(expected.values(), zone, { version: base.outline.version, slugs });
    mkdirSync(expectedDir(zone), { recursive: true });
    writeFileSync(join(expectedDir(zone), 'cme-register.csv'), register);
    writeFileSync(join(expectedDir(zone), 'in-progress.csv'), inProgress);
  }
  writeFileSync(join(o.out, 'expected', 'events.txt'), `${events}\n`);
  return { statementsDir, files: files.files.sort(), lines: files.lines, bytes: files.bytes, learners: expected.size, events, expectedDir };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
  const out = resolve(arg('--out') ?? 'ground-truth');
  const t0 = performance.now();
  const r = await writeGroundTruth({ learners: Number(arg('--learners') ?? 10_000), minStatements: Number(arg('--min-statements') ?? 0), out, root: resolve(import.meta.dirname, '..', '..'), zones: (arg('--zones') ?? 'UTC').split(',') });
  console.log(`${out}: ${r.learners} learners, ${r.lines} lines (${r.events} statements about the course), ${r.files.length} files, ${(r.bytes / 1e6).toFixed(0)} MB before gzip, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
