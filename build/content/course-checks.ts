// Checks that need the whole course at once: Italian text left identical to the English, the
// SCORM 1.2 suspend_data budget for the largest possible learner state, and an estimated time in
// course.json that the content bears out.
import { LANGS, type Lang } from '../../src/content/types.js';
import type { JsonSource } from './json-source.js';
import type { LoadedCourse } from './load.js';
import type { Problem } from './problems.js';
import type { ResolvedCourse } from './resolve.js';
import { courseShapeOf } from '../../src/learner/course-shape.js';
import { worstCaseEncodedLength } from '../../src/learner/state-budget.js';
import { courseMinutes } from './time-estimate.js';
import { assessmentModule, fits, unloadBudget } from '../../src/scorm2004/unload-budget.js';

export const SCORM12_SUSPEND_DATA_LIMIT = 4096;
/** How far course.json's estimatedMinutes may stray from the time the content itself takes. */
export const ESTIMATE_TOLERANCE = 0.2;

type Path = (string | number)[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compareTexts(src: JsonSource, properNames: Set<string>, out: Problem[], en: unknown, it: unknown, itPath: Path): void {
  if (typeof en !== 'string' || typeof it !== 'string') return;
  const text = en.trim();
  // Numbers and symbols read the same in both languages.
  if (text === it.trim() && /\p{L}/u.test(text) && !properNames.has(text)) {
    out.push({ file: src.file, line: src.lineOf(itPath), message: `Italian text is identical to the English ("${text.slice(0, 40)}"); translate it, or list it in course/proper-names.json if it is a proper name` });
  }
}

function identicalTranslations(src: JsonSource, properNames: Set<string>, out: Problem[], path: Path = [], value: unknown = src.value): void {
  if (Array.isArray(value)) return value.forEach((v, i) => identicalTranslations(src, properNames, out, [...path, i], v));
  if (!isObject(value)) return;
  if (typeof value.en === 'string' && typeof value.it === 'string') return compareTexts(src, properNames, out, value.en, value.it, [...path, 'it']);
  // A counted interface string (course/ui.json): each plural form against its English namesake.
  if (isObject(value.en) && isObject(value.it)) {
    for (const form of Object.keys(value.it)) compareTexts(src, properNames, out, value.en[form], value.it[form], [...path, 'it', form]);
    return;
  }
  for (const [k, v] of Object.entries(value)) identicalTranslations(src, properNames, out, [...path, k], v);
}

export function checkResolved(loaded: LoadedCourse, resolved: Map<Lang, ResolvedCourse>): Problem[] {
  const problems: Problem[] = [];
  const names = new Set(loaded.properNames);
  // Every text a learner reads: course facts, interface strings, quiz items and interactive parts.
  const sources = [loaded.courseJson, loaded.uiJson, ...loaded.modules.flatMap((m) => [m.quiz, m.interactiveJson])];
  if (LANGS.includes('it')) for (const src of sources) if (src) identicalTranslations(src, names, problems);

  const outline = resolved.get(LANGS[0])!.outline;
  const worst = worstCaseEncodedLength(courseShapeOf(outline));
  if (worst > SCORM12_SUSPEND_DATA_LIMIT) {
    problems.push({
      file: `${loaded.root}/course/course.json`,
      line: 1,
      message: `the saved state of a learner who answers everything could reach ${worst} characters, over SCORM 1.2's ${SCORM12_SUSPEND_DATA_LIMIT}; shorten the course or the item lists`,
    });
  }
  // SCORM 2004 in Moodle: everything set must fit the post made while the page unloads.
  for (const [lang, r] of resolved) {
    const budget = unloadBudget({ id: r.outline.id, privacy: r.outline.privacy, modules: r.modules });
    if (fits(budget)) continue;
    const slug = assessmentModule(r.modules)?.slug;
    const quiz = loaded.modules.find((m) => m.slug === slug)?.quiz;
    problems.push({
      file: quiz?.file ?? loaded.courseJson.file,
      line: 1,
      message: `(${lang}) a learner's whole SCORM 2004 attempt would take ${budget.fixedBytes} bytes before any free text, even without question text and time, and leave ${budget.textBytes ?? 0} bytes for each of ${budget.texts} free texts; Moodle sends it all in one post of at most ${budget.limitBytes} bytes when the learner leaves (src/scorm2004/unload-budget.ts). Use fewer or shorter final assessment or evaluation items, or share fewer reflections`,
    });
  }
  // The longest language sets the figure: a learner in either should be able to finish in the time promised.
  const measured = Math.max(...[...resolved.values()].map((r) => courseMinutes(r.modules).total));
  const stated = loaded.course.estimatedMinutes;
  if (Math.abs(stated - measured) > measured * ESTIMATE_TOLERANCE) {
    problems.push({
      file: loaded.courseJson.file,
      line: loaded.courseJson.lineOf(['estimatedMinutes']),
      message: `"estimatedMinutes" is ${stated}, but the content takes about ${Math.round(measured)} minutes to read and do (see build/content/time-estimate.ts); set it within ${ESTIMATE_TOLERANCE * 100}% of that`,
    });
  }
  return problems;
}
