// The learner's progress and answers as one compact, versioned string for suspend_data (SCORM
// 1.2 allows 4096 characters in all). Items and pages are written by their position in the
// course, responses as option positions, numbers in base 36, using only letters, digits and
// `. , - _ ~` so no LMS mangles it. Decoding never throws: a state from another version of the
// course, another course, or plain garbage comes back as a reason, and the learner starts safely.
// Reflection text is never here (privacy).
import type { CourseOutline, ItemOutline } from '../content/types';
import type { Response } from '../quiz/response';

const VERSION = 'B1';

export interface CourseShape {
  courseKey: string;
  fingerprint: string;
  pageIds: string[];
  items: ItemOutline[];
}

export interface AnswerState { response: Response; correct: boolean; tries: number }

export interface LearnerState {
  bookmark: number;
  visited: boolean[];
  answers: Record<string, AnswerState>;
  assessment: { attempt: number; seed: number; submitted: boolean; responses: Record<string, Response>; lastScore: number | null };
  /** Course-evaluation ratings by item id (scale point id). Free comments stay in the browser. */
  survey: Record<string, string>;
  attestedMinutes: number | null;
  completed: boolean;
  passed: boolean | null;
  score: number | null;
  /** Day number (days since 1970-01-01) of the pass, for the certificate. */
  completedOn: number | null;
  elapsedSeconds: number;
}

export type DecodeResult = { ok: true; state: LearnerState } | { ok: false; reason: 'empty' | 'corrupt' | 'old-version' | 'other-course' };

/** FNV-1a in base 36: a short, stable fingerprint. */
function hash36(text: string, length: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-length);
}

export function courseShapeOf(outline: CourseOutline): CourseShape {
  const pageIds = outline.modules.flatMap((m) => m.pages.map((p) => p.id));
  const items = outline.modules.flatMap((m) => m.items);
  const description = [pageIds.join(','), ...items.map((i) => `${i.id}:${i.type}:${i.choiceIds.join('|')}:${i.groupIds.join('|')}`)].join(';');
  return { courseKey: hash36(outline.id, 4), fingerprint: hash36(description, 6), pageIds, items };
}

export function emptyState(shape: CourseShape): LearnerState {
  return {
    bookmark: 0,
    visited: shape.pageIds.map(() => false),
    answers: {},
    assessment: { attempt: 1, seed: 1, submitted: false, responses: {}, lastScore: null },
    survey: {},
    attestedMinutes: null,
    completed: false,
    passed: null,
    score: null,
    completedOn: null,
    elapsedSeconds: 0,
  };
}

// ---- numbers and bits ----

const B64 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const n36 = (n: number) => Math.max(0, Math.floor(n)).toString(36);
const opt36 = (n: number | null) => (n === null ? '_' : n36(n));
const MAX_TRIES = 1295; // two base-36 digits
const MAX_ATTEMPT = 1295;
const MAX_SECONDS = 36 ** 6 - 1; // about 25 days of study: far beyond any real course

function parse36(text: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^[0-9a-z]{1,11}$/.test(text)) throw new Error('number');
  const n = Number.parseInt(text, 36);
  if (!Number.isFinite(n) || n > max) throw new Error('range');
  return n;
}
const parseOpt36 = (text: string, max?: number) => (text === '_' ? null : parse36(text, max));

function encodeBits(bits: boolean[]): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let v = 0;
    for (let b = 0; b < 6; b++) if (bits[i + b]) v |= 1 << b;
    out += B64[v];
  }
  return out;
}

function decodeBits(text: string, length: number): boolean[] {
  if (text.length !== Math.ceil(length / 6)) throw new Error('bits');
  const bits: boolean[] = [];
  for (let i = 0; i < length; i++) {
    const v = B64.indexOf(text[Math.floor(i / 6)]);
    if (v < 0) throw new Error('bits');
    bits.push((v & (1 << (i % 6))) !== 0);
  }
  return bits;
}

// ---- responses ----

function encodeResponse(item: ItemOutline, r: Response): string {
  switch (r.type) {
    case 'single':
      return n36(item.choiceIds.indexOf(r.optionId));
    case 'multiple':
      return n36(item.choiceIds.reduce((mask, id, i) => (r.optionIds.includes(id) ? mask + 2 ** i : mask), 0));
    case 'truefalse':
      return r.value ? 't' : 'f';
    case 'sort':
    case 'match':
      return item.choiceIds.map((id) => (r.placements[id] === undefined ? '_' : n36(item.groupIds.indexOf(r.placements[id])))).join('');
  }
}

function decodeResponse(item: ItemOutline, text: string): Response {
  switch (item.type) {
    case 'single': {
      const id = item.choiceIds[parse36(text)];
      if (id === undefined) throw new Error('option');
      return { type: 'single', optionId: id };
    }
    case 'multiple': {
      const mask = parse36(text, 2 ** item.choiceIds.length - 1);
      return { type: 'multiple', optionIds: item.choiceIds.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1) };
    }
    case 'truefalse':
      if (text !== 't' && text !== 'f') throw new Error('truefalse');
      return { type: 'truefalse', value: text === 't' };
    case 'sort':
    case 'match': {
      if (text.length !== item.choiceIds.length) throw new Error('placements');
      const placements: Record<string, string> = {};
      item.choiceIds.forEach((id, i) => {
        if (text[i] === '_') return;
        const group = item.groupIds[parse36(text[i])];
        if (group === undefined) throw new Error('group');
        placements[id] = group;
      });
      return { type: item.type, placements };
    }
    default:
      throw new Error('not a scored item');
  }
}

// ---- the whole state ----
// VERSION.courseKey.fingerprint~bookmark~visited~answers~assessment~assessmentResponses~survey~attested~flags

export function encodeState(state: LearnerState, shape: CourseShape): string {
  const index = new Map(shape.items.map((item, i) => [item.id, i]));
  const answers = Object.entries(state.answers)
    .filter(([id]) => index.has(id))
    .map(([id, a]) => {
      const i = index.get(id)!;
      return `${n36(i)}-${encodeResponse(shape.items[i], a.response)}-${a.correct ? 1 : 0}${n36(Math.min(a.tries, MAX_TRIES))}`;
    })
    .join(',');
  const a = state.assessment;
  const assessment = [n36(Math.min(a.attempt, MAX_ATTEMPT)), n36(a.seed >>> 0), a.submitted ? '1' : '0', opt36(a.lastScore)].join('-');
  const assessmentResponses = Object.entries(a.responses)
    .filter(([id]) => index.has(id))
    .map(([id, r]) => `${n36(index.get(id)!)}-${encodeResponse(shape.items[index.get(id)!], r)}`)
    .join(',');
  const survey = Object.entries(state.survey)
    .filter(([id]) => index.has(id) && shape.items[index.get(id)!].choiceIds.includes(state.survey[id]))
    .map(([id, v]) => `${n36(index.get(id)!)}-${n36(shape.items[index.get(id)!].choiceIds.indexOf(v))}`)
    .join(',');
  const flags = [
    state.completed ? '1' : '0',
    state.passed === null ? '_' : state.passed ? '1' : '0',
    opt36(state.score),
    opt36(state.completedOn),
    n36(Math.min(state.elapsedSeconds, MAX_SECONDS)),
  ].join('-');
  return [
    `${VERSION}.${shape.courseKey}.${shape.fingerprint}`,
    n36(Math.min(state.bookmark, shape.pageIds.length - 1)),
    encodeBits(shape.pageIds.map((_, i) => state.visited[i] === true)),
    answers,
    assessment,
    assessmentResponses,
    survey,
    opt36(state.attestedMinutes),
    flags,
  ].join('~');
}

export function decodeState(text: string | null | undefined, shape: CourseShape): DecodeResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'empty' };
  const [head, ...fields] = text.split('~');
  const [version, courseKey, fingerprint] = head.split('.');
  if (!/^B\d+$/.test(version ?? '') || fields.length !== 8) return { ok: false, reason: 'corrupt' };
  if (courseKey !== shape.courseKey) return { ok: false, reason: 'other-course' };
  if (version !== VERSION || fingerprint !== shape.fingerprint) return { ok: false, reason: 'old-version' };
  try {
    const [bookmark, visited, answers, assessment, assessmentResponses, survey, attested, flags] = fields;
    const state = emptyState(shape);
    state.bookmark = parse36(bookmark, shape.pageIds.length - 1);
    state.visited = decodeBits(visited, shape.pageIds.length);
    const itemAt = (idx: string) => {
      const item = shape.items[parse36(idx)];
      if (!item) throw new Error('item');
      return item;
    };
    for (const entry of answers ? answers.split(',') : []) {
      const [idx, resp, meta] = entry.split('-');
      const item = itemAt(idx);
      if (!meta || !/^[01]/.test(meta)) throw new Error('answer');
      state.answers[item.id] = { response: decodeResponse(item, resp), correct: meta[0] === '1', tries: parse36(meta.slice(1), MAX_TRIES) };
    }
    const [attempt, seed, submitted, lastScore] = assessment.split('-');
    if (submitted !== '0' && submitted !== '1') throw new Error('assessment');
    state.assessment = { attempt: parse36(attempt, MAX_ATTEMPT), seed: parse36(seed, 2 ** 32 - 1), submitted: submitted === '1', responses: {}, lastScore: parseOpt36(lastScore, 100) };
    for (const entry of assessmentResponses ? assessmentResponses.split(',') : []) {
      const [idx, resp] = entry.split('-');
      const item = itemAt(idx);
      state.assessment.responses[item.id] = decodeResponse(item, resp ?? '');
    }
    for (const entry of survey ? survey.split(',') : []) {
      const [idx, point] = entry.split('-');
      const item = itemAt(idx);
      const id = item.choiceIds[parse36(point ?? '')];
      if (id === undefined) throw new Error('survey');
      state.survey[item.id] = id;
    }
    state.attestedMinutes = parseOpt36(attested, 100_000);
    const [completed, passed, score, completedOn, elapsed] = flags.split('-');
    if (!['0', '1'].includes(completed) || !['0', '1', '_'].includes(passed)) throw new Error('flags');
    state.completed = completed === '1';
    state.passed = passed === '_' ? null : passed === '1';
    state.score = parseOpt36(score, 100);
    state.completedOn = parseOpt36(completedOn, 1_000_000);
    state.elapsedSeconds = parse36(elapsed, MAX_SECONDS);
    return { ok: true, state };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

/** The longest state this course can produce: every page seen, every item answered at its longest. */
export function worstCaseState(shape: CourseShape): LearnerState {
  const state = emptyState(shape);
  state.bookmark = shape.pageIds.length - 1;
  state.visited = shape.pageIds.map(() => true);
  const longest = (item: ItemOutline): Response | null => {
    switch (item.type) {
      case 'single': return { type: 'single', optionId: item.choiceIds[item.choiceIds.length - 1] };
      case 'multiple': return { type: 'multiple', optionIds: [...item.choiceIds] };
      case 'truefalse': return { type: 'truefalse', value: true };
      case 'sort':
      case 'match': return { type: item.type, placements: Object.fromEntries(item.choiceIds.map((id) => [id, item.groupIds[item.groupIds.length - 1]])) };
      default: return null;
    }
  };
  for (const item of shape.items) {
    const r = longest(item);
    if (r) {
      state.answers[item.id] = { response: r, correct: true, tries: MAX_TRIES };
      state.assessment.responses[item.id] = r;
    }
    if (item.type === 'survey' && item.choiceIds.length) state.survey[item.id] = item.choiceIds[item.choiceIds.length - 1];
  }
  state.assessment = { ...state.assessment, attempt: MAX_ATTEMPT, seed: 2 ** 31 - 1, submitted: true, lastScore: 100 };
  state.attestedMinutes = 99_999;
  state.completed = true;
  state.passed = true;
  state.score = 100;
  state.completedOn = 999_999;
  state.elapsedSeconds = MAX_SECONDS;
  return state;
}

export function worstCaseEncodedLength(shape: CourseShape): number {
  return encodeState(worstCaseState(shape), shape).length;
}
