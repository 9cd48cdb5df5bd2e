// The learner's state as one compact, versioned string for suspend_data, which SCORM 1.2 caps at
// 4096 characters. Pages and items are written by their position in the course, answers as bits
// (option positions, placement positions, masks), packed by bits.ts. Decoding never throws: a
// state from another version of the course, another course, or garbage comes back as a reason
// and the learner starts safely. Reflection text and free comments are never here (privacy, and length).
import { isScoredType, type ItemOutline } from '../content/types';
import type { Response } from '../quiz/response';
import { BitReader, BitWriter, CorruptState, bitsFor } from './bits';
import { FINGERPRINT_LENGTH, KEY_LENGTH, type CourseShape } from './course-shape';
import { emptyState, STATE_LIMITS, type LearnerState } from './learner-state';
import { hashChars } from './hash';

export type DecodeFailure = 'empty' | 'corrupt' | 'old-version' | 'other-course';
export type DecodeResult = { ok: true; state: LearnerState } | { ok: false; reason: DecodeFailure };

const MAGIC = 'B';
/** Bump when the layout below changes: older states then decode as 'old-version'. */
const FORMAT_VERSION = '1';
const CHECKSUM_LENGTH = 4;
const TRIES_BITS = 4;
const VARIABLE_BITS = { attempt: 16, seed: 32, attestedMinutes: 20, completedOn: 24, elapsedSeconds: 32 } as const;

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

export const isRating = (item: ItemOutline) => item.type === 'survey' && item.choiceIds.length > 0;

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
    if (isScoredType(item.type)) {
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
    if (isScoredType(item.type)) {
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

