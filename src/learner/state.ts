// The learner's progress and answers as one compact, versioned string for suspend_data, which
// SCORM 1.2 caps at 4096 characters. Pages and items are written by their position in the course,
// answers as bits (option positions, placement positions, masks), the whole packed six bits to a
// character of A–Z a–z 0–9 - _ , so no LMS escapes or mangles it. Decoding never throws: a state
// from another version of the course, another course, or garbage comes back as a reason and the
// learner starts safely. Reflection text and free comments are never here (privacy, and length).
import type { CourseData, CourseOutline, ItemOutline, QuizItem } from '../content/types';
import type { Response } from '../quiz/response';
import { itemOutline } from '../content/item-outline';

// ---- The data ----

/** What the codec needs of the course: the order of pages and items, and each item's choices.
 *  Built once per launch with courseShapeOf. */
export interface CourseShape {
  /** Short hash of the course id: tells a state of another course apart. */
  courseKey: string;
  /** Short hash of the page ids and of each item's id, type and choice ids: a state saved
   *  under another version of the course does not fit this one. */
  fingerprint: string;
  pageIds: string[];
  /** Every quiz item of every module, in course order (choiceIds: options, statements, sources
   *  or scale points; groupIds: categories or targets). */
  items: ItemOutline[];
}

/** A module quiz answer as last submitted. */
export interface SavedAnswer { response: Response; correct: boolean; tries: number }

export interface AssessmentState {
  /** The attempt under way or last submitted, from 1. */
  attempt: number;
  /** Seeds this attempt's item order (see drawAssessment). */
  seed: number;
  submitted: boolean;
  /** Answers of this attempt by item id, drafts included. */
  responses: Record<string, Response>;
  lastScore: number | null;
}

export interface LearnerState {
  /** Index of the page to resume at, in course order. */
  bookmark: number;
  /** One flag per page, in course order. */
  visited: boolean[];
  answers: Record<string, SavedAnswer>;
  assessment: AssessmentState;
  /** Course-evaluation ratings by item id (the scale point's id). Free comments stay out. */
  survey: Record<string, string>;
  attestedMinutes: number | null;
  completed: boolean;
  passed: boolean | null;
  /** Best assessment score, 0–100. */
  score: number | null;
  /** Day number (days since 1970-01-01, UTC) of the pass, for the certificate. */
  completedOn: number | null;
  /** Study time of earlier sittings. */
  elapsedSeconds: number;
}

export type DecodeFailure = 'empty' | 'corrupt' | 'old-version' | 'other-course';
export type DecodeResult = { ok: true; state: LearnerState } | { ok: false; reason: DecodeFailure };

/** The largest numbers the codec keeps; larger ones are saved as these. */
export const STATE_LIMITS = {
  tries: 15,
  attempt: 2 ** 16 - 1,
  seed: 2 ** 32 - 1,
  attestedMinutes: 2 ** 20 - 1,
  completedOn: 2 ** 24 - 1,
  elapsedSeconds: 2 ** 32 - 1,
} as const;

const MAGIC = 'B';
/** Bump when the layout below changes: older states then decode as 'old-version'. */
const FORMAT_VERSION = '1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const KEY_LENGTH = 4;
const FINGERPRINT_LENGTH = 6;
const CHECKSUM_LENGTH = 4;
const TRIES_BITS = 4;
const PERCENT_BITS = 7;
const VARIABLE_BITS = { attempt: 16, seed: 32, attestedMinutes: 20, completedOn: 24, elapsedSeconds: 32 } as const;

// ---- The course's shape ----

type CourseLike = Pick<CourseData, 'id' | 'modules'> | Pick<CourseOutline, 'id' | 'modules'>;

/** The outline of an item, whether the course came as full content or as the first-page outline. */
function outlineOf(item: QuizItem | ItemOutline): ItemOutline {
  if ('choiceIds' in item) return { id: item.id, type: item.type, choiceIds: [...item.choiceIds], groupIds: [...item.groupIds] };
  return itemOutline(item);
}

/** cyrb53: a fast 53-bit string hash, written as `length` characters of the alphabet. */
function hashChars(text: string, length: number): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  let h = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += ALPHABET[h % 64];
    h = Math.floor(h / 64);
  }
  return out;
}

/** The same shape from full course content or from the outline, in either language. */
export function courseShapeOf(course: CourseLike): CourseShape {
  const modules = course.modules as readonly { pages: readonly { id: string }[]; items: readonly (QuizItem | ItemOutline)[] }[];
  const pageIds = modules.flatMap((m) => m.pages.map((p) => p.id));
  const items = modules.flatMap((m) => m.items.map(outlineOf));
  const description = `p:${pageIds.join(',')};${items.map((i) => `i:${i.id}:${i.type}:${i.choiceIds.join(',')}:${i.groupIds.join(',')}`).join(';')}`;
  return { courseKey: hashChars(`course:${course.id}`, KEY_LENGTH), fingerprint: hashChars(description, FINGERPRINT_LENGTH), pageIds, items };
}

/** A learner who has not started. Pure: the same shape gives the same state. Pass
 *  `randomSeed()` as the seed to give each learner's first attempt its own order. */
export function emptyState(shape: CourseShape, seed = 1): LearnerState {
  return {
    bookmark: 0,
    visited: shape.pageIds.map(() => false),
    answers: {},
    assessment: { attempt: 1, seed, submitted: false, responses: {}, lastScore: null },
    survey: {},
    attestedMinutes: null,
    completed: false,
    passed: null,
    score: null,
    completedOn: null,
    elapsedSeconds: 0,
  };
}

// ---- Bits ----

class CorruptState extends Error {}

/** Bits needed to tell `count` values apart. */
function bitsFor(count: number): number {
  let bits = 0;
  while (2 ** bits < count) bits++;
  return bits;
}

const bitLength = (value: number): number => bitsFor(value + 1);

class BitWriter {
  private readonly bits: number[] = [];

  write(value: number, width: number): void {
    for (let b = width - 1; b >= 0; b--) this.bits.push(Math.floor(value / 2 ** b) % 2);
  }

  flag(value: boolean): void {
    this.write(value ? 1 : 0, 1);
  }

  /** A whole number of at most `maxBits` bits, written with its own length so small is short. */
  varying(value: number, maxBits: number): void {
    const length = bitLength(value);
    this.write(length, bitsFor(maxBits + 1));
    this.write(value, length);
  }

  /** null, or a whole number 0–100. */
  percent(value: number | null): void {
    this.flag(value !== null);
    if (value !== null) this.write(value, PERCENT_BITS);
  }

  toText(): string {
    let out = '';
    for (let i = 0; i < this.bits.length; i += 6) {
      let v = 0;
      for (let b = 0; b < 6; b++) v = v * 2 + (this.bits[i + b] ?? 0);
      out += ALPHABET[v];
    }
    return out;
  }
}

class BitReader {
  private readonly bits: number[] = [];
  private at = 0;

  constructor(text: string) {
    for (const ch of text) {
      const v = ALPHABET.indexOf(ch);
      if (v < 0) throw new CorruptState('character');
      for (let b = 5; b >= 0; b--) this.bits.push((v >> b) & 1);
    }
  }

  read(width: number): number {
    if (this.at + width > this.bits.length) throw new CorruptState('short');
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 2 + this.bits[this.at++];
    return v;
  }

  flag(): boolean {
    return this.read(1) === 1;
  }

  /** A number below `count`. */
  index(count: number): number {
    const v = this.read(bitsFor(count));
    if (v >= count) throw new CorruptState('index');
    return v;
  }

  varying(maxBits: number): number {
    const length = this.read(bitsFor(maxBits + 1));
    if (length > maxBits) throw new CorruptState('length');
    const v = this.read(length);
    // Written lengths are exact: a leading zero means the text was changed.
    if (length > 0 && v < 2 ** (length - 1)) throw new CorruptState('length');
    return v;
  }

  percent(): number | null {
    if (!this.flag()) return null;
    const v = this.read(PERCENT_BITS);
    if (v > 100) throw new CorruptState('percent');
    return v;
  }

  /** Only the zero padding of the last character may be left. */
  end(): void {
    if (this.bits.length - this.at >= 6 || this.bits.slice(this.at).some((b) => b !== 0)) throw new CorruptState('trailing');
  }
}

// ---- Numbers and responses, made to fit ----

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && typeof record === 'object' && Object.hasOwn(record, key) ? record[key] : undefined;

function wholeNumber(value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(max, Math.round(value)));
}

const optionalWhole = (value: unknown, max: number): number | null => (value === null || value === undefined ? null : wholeNumber(value, max));

/** The response in the codec's terms (positions in the item's lists), or null when it does not
 *  fit the item: another type, an option the course no longer has. Unknown ids are left out. */
function responseCode(item: ItemOutline, response: Response | undefined): number[] | null {
  if (!response || typeof response !== 'object' || response.type !== item.type) return null;
  switch (response.type) {
    case 'single': {
      const i = item.choiceIds.indexOf(response.optionId);
      return i < 0 ? null : [i];
    }
    case 'multiple': {
      if (!Array.isArray(response.optionIds)) return null;
      return item.choiceIds.map((id) => (response.optionIds.includes(id) ? 1 : 0));
    }
    case 'truefalse':
      return typeof response.value === 'boolean' ? [response.value ? 1 : 0] : null;
    case 'sort':
    case 'match': {
      if (!response.placements || typeof response.placements !== 'object') return null;
      // 0: not placed; k + 1: placed in group k.
      return item.choiceIds.map((id) => item.groupIds.indexOf(own(response.placements, id) ?? '') + 1);
    }
  }
}

function writeResponse(w: BitWriter, item: ItemOutline, code: number[]): void {
  switch (item.type) {
    case 'single':
      return w.write(code[0], bitsFor(item.choiceIds.length));
    case 'multiple':
    case 'truefalse':
      return code.forEach((bit) => w.write(bit, 1));
    default:
      return code.forEach((placed) => w.write(placed, bitsFor(item.groupIds.length + 1)));
  }
}

function readResponse(r: BitReader, item: ItemOutline): Response {
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: item.choiceIds[r.index(item.choiceIds.length)] };
    case 'multiple':
      return { type: 'multiple', optionIds: item.choiceIds.filter(() => r.flag()) };
    case 'truefalse':
      return { type: 'truefalse', value: r.flag() };
    case 'sort':
    case 'match': {
      const placements: Record<string, string> = {};
      for (const id of item.choiceIds) {
        const placed = r.index(item.groupIds.length + 1);
        if (placed > 0) placements[id] = item.groupIds[placed - 1];
      }
      return { type: item.type, placements };
    }
    default:
      throw new CorruptState('not a scored item');
  }
}

const isScoredOutline = (item: ItemOutline) => item.type !== 'reflection' && item.type !== 'survey';
const isRating = (item: ItemOutline) => item.type === 'survey' && item.choiceIds.length > 0;

// ---- The whole state ----
// Header: B, format version, ".", course key (4), fingerprint (6), checksum (4). Then the bits:
// bookmark, a flag per page, then per item in course order — scored: [answered, correct, tries,
// response] and [drafted in the assessment, response]; rating: [answered, scale point] — then the
// assessment (attempt, seed, submitted, last score) and the course result.

function encodePayload(state: LearnerState, shape: CourseShape): string {
  const w = new BitWriter();
  const pages = shape.pageIds.length;
  w.write(wholeNumber(state.bookmark, Math.max(0, pages - 1)), bitsFor(pages));
  for (let i = 0; i < pages; i++) w.flag(state.visited?.[i] === true);

  for (const item of shape.items) {
    if (isScoredOutline(item)) {
      const answer = own(state.answers, item.id);
      const answerCode = answer ? responseCode(item, answer.response) : null;
      w.flag(answerCode !== null);
      if (answer && answerCode) {
        w.flag(answer.correct === true);
        w.write(wholeNumber(answer.tries, STATE_LIMITS.tries), TRIES_BITS);
        writeResponse(w, item, answerCode);
      }
      const draftCode = responseCode(item, own(state.assessment?.responses, item.id));
      w.flag(draftCode !== null);
      if (draftCode) writeResponse(w, item, draftCode);
    } else if (isRating(item)) {
      const point = item.choiceIds.indexOf(own(state.survey, item.id) ?? '');
      w.flag(point >= 0);
      if (point >= 0) w.write(point, bitsFor(item.choiceIds.length));
    }
  }

  const a = state.assessment;
  w.varying(wholeNumber(a?.attempt, STATE_LIMITS.attempt), VARIABLE_BITS.attempt);
  // As seededRandom reads it, so the attempt's order survives the trip.
  w.varying(typeof a?.seed === 'number' && Number.isFinite(a.seed) ? a.seed >>> 0 : 0, VARIABLE_BITS.seed);
  w.flag(a?.submitted === true);
  w.percent(optionalWhole(a?.lastScore, 100));

  const attested = optionalWhole(state.attestedMinutes, STATE_LIMITS.attestedMinutes);
  w.flag(attested !== null);
  if (attested !== null) w.varying(attested, VARIABLE_BITS.attestedMinutes);
  w.flag(state.completed === true);
  w.write(state.passed === true ? 2 : state.passed === false ? 1 : 0, 2);
  w.percent(optionalWhole(state.score, 100));
  const completedOn = optionalWhole(state.completedOn, STATE_LIMITS.completedOn);
  w.flag(completedOn !== null);
  if (completedOn !== null) w.varying(completedOn, VARIABLE_BITS.completedOn);
  w.varying(wholeNumber(state.elapsedSeconds, STATE_LIMITS.elapsedSeconds), VARIABLE_BITS.elapsedSeconds);
  return w.toText();
}

function decodePayload(payload: string, shape: CourseShape): LearnerState {
  const r = new BitReader(payload);
  const state = emptyState(shape, 0);
  const pages = shape.pageIds.length;
  state.bookmark = pages > 0 ? r.index(pages) : 0;
  state.visited = shape.pageIds.map(() => r.flag());

  for (const item of shape.items) {
    if (isScoredOutline(item)) {
      if (r.flag()) {
        const correct = r.flag();
        const tries = r.read(TRIES_BITS);
        state.answers[item.id] = { response: readResponse(r, item), correct, tries };
      }
      if (r.flag()) state.assessment.responses[item.id] = readResponse(r, item);
    } else if (isRating(item)) {
      if (r.flag()) state.survey[item.id] = item.choiceIds[r.index(item.choiceIds.length)];
    }
  }

  state.assessment.attempt = r.varying(VARIABLE_BITS.attempt);
  state.assessment.seed = r.varying(VARIABLE_BITS.seed);
  state.assessment.submitted = r.flag();
  state.assessment.lastScore = r.percent();

  state.attestedMinutes = r.flag() ? r.varying(VARIABLE_BITS.attestedMinutes) : null;
  state.completed = r.flag();
  const passed = r.read(2);
  if (passed === 3) throw new CorruptState('passed');
  state.passed = passed === 2 ? true : passed === 1 ? false : null;
  state.score = r.percent();
  state.completedOn = r.flag() ? r.varying(VARIABLE_BITS.completedOn) : null;
  state.elapsedSeconds = r.varying(VARIABLE_BITS.elapsedSeconds);
  r.end();
  return state;
}

const headOf = (shape: CourseShape) => `${MAGIC}${FORMAT_VERSION}.${shape.courseKey}${shape.fingerprint}`;

/** The state as suspend_data. What the course no longer has (items, options) is left out;
 *  numbers beyond STATE_LIMITS are saved as the limit. */
export function encodeState(state: LearnerState, shape: CourseShape): string {
  const head = headOf(shape);
  const payload = encodePayload(state, shape);
  return `${head}${hashChars(head + payload, CHECKSUM_LENGTH)}${payload}`;
}

/** Reads suspend_data back. Never throws: anything but a sound state of this very course
 *  version is a reason, and the caller starts from emptyState. */
export function decodeState(text: string | null | undefined, shape: CourseShape): DecodeResult {
  try {
    if (typeof text !== 'string') return { ok: false, reason: 'empty' };
    const trimmed = text.trim();
    // Some LMSs hand back their own empty values as text.
    if (trimmed === '' || trimmed === 'null' || trimmed === 'undefined') return { ok: false, reason: 'empty' };
    if (trimmed[0] !== MAGIC || trimmed[2] !== '.' || !/^[0-9a-z]$/.test(trimmed[1] ?? '')) return { ok: false, reason: 'corrupt' };
    if (trimmed[1] !== FORMAT_VERSION) return { ok: false, reason: 'old-version' };

    const headLength = 3 + KEY_LENGTH + FINGERPRINT_LENGTH;
    if (trimmed.length < headLength + CHECKSUM_LENGTH) return { ok: false, reason: 'corrupt' };
    const head = trimmed.slice(0, headLength);
    const checksum = trimmed.slice(headLength, headLength + CHECKSUM_LENGTH);
    const payload = trimmed.slice(headLength + CHECKSUM_LENGTH);
    // The checksum first: a cut or altered text must not pass for another course or version.
    if (hashChars(head + payload, CHECKSUM_LENGTH) !== checksum) return { ok: false, reason: 'corrupt' };
    if (head.slice(3, 3 + KEY_LENGTH) !== shape.courseKey) return { ok: false, reason: 'other-course' };
    if (head.slice(3 + KEY_LENGTH) !== shape.fingerprint) return { ok: false, reason: 'old-version' };
    return { ok: true, state: decodePayload(payload, shape) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

// ---- The budget ----

/** The fullest answer an item can hold; every answer of a type takes the same room. */
function fullestResponse(item: ItemOutline): Response | null {
  const lastGroup = item.groupIds[item.groupIds.length - 1];
  switch (item.type) {
    case 'single':
      return item.choiceIds.length ? { type: 'single', optionId: item.choiceIds[item.choiceIds.length - 1] } : null;
    case 'multiple':
      return { type: 'multiple', optionIds: [...item.choiceIds] };
    case 'truefalse':
      return { type: 'truefalse', value: true };
    case 'sort':
    case 'match':
      return { type: item.type, placements: Object.fromEntries(item.choiceIds.map((id) => [id, lastGroup])) };
    default:
      return null;
  }
}

/** The longest state this course can produce: every page seen, every scored item answered both
 *  in its module and in the assessment, every rating given, every number at its limit. */
export function worstCaseState(shape: CourseShape): LearnerState {
  const state = emptyState(shape, STATE_LIMITS.seed);
  state.bookmark = Math.max(0, shape.pageIds.length - 1);
  state.visited = shape.pageIds.map(() => true);
  for (const item of shape.items) {
    const response = fullestResponse(item);
    if (response) {
      state.answers[item.id] = { response, correct: true, tries: STATE_LIMITS.tries };
      state.assessment.responses[item.id] = response;
    }
    if (isRating(item)) state.survey[item.id] = item.choiceIds[item.choiceIds.length - 1];
  }
  state.assessment.attempt = STATE_LIMITS.attempt;
  state.assessment.submitted = true;
  state.assessment.lastScore = 100;
  state.attestedMinutes = STATE_LIMITS.attestedMinutes;
  state.completed = true;
  state.passed = true;
  state.score = 100;
  state.completedOn = STATE_LIMITS.completedOn;
  state.elapsedSeconds = STATE_LIMITS.elapsedSeconds;
  return state;
}

/** The length of worstCaseState's encoding: no learner of this course can save more. The build
 *  fails when it passes SCORM 1.2's 4096. */
export function worstCaseEncodedLength(shape: CourseShape): number {
  return encodeState(worstCaseState(shape), shape).length;
}
