// An honest estimate of the learner's time, from what the course asks them to read and do, so the
// welcome page, the manifests and the CPD credit never promise a figure the content cannot bear.
// The rates are stated here, in one place, for a CME coordinator to question.
import type { InteractiveData, Module, QuizItem } from '../../src/content/types.js';
import { INTERACTIVE_TYPES } from '../../src/content/interactive-types.js';

/** Reading professional prose on a screen with care (words per minute; e-learning estimates use 200–250). */
export const READING_WPM = 200;
/** Minutes a learner spends on one reflective prompt: reading it, thinking, writing a few lines. */
export const REFLECTION_MINUTES = 4;
/** Seconds to decide on one choice, card, statement to sort or pair to match, beyond reading it. */
export const DECISION_SECONDS = 10;
/** Seconds to answer one rating-scale evaluation question; a free comment counts as a reflection's half. */
export const SURVEY_SECONDS = 15;

export interface ModuleTime {
  slug: string;
  readingMinutes: number;
  activityMinutes: number;
  minutes: number;
}

const words = (text: string): number => text.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
const read = (text: string): number => words(text) / READING_WPM;

/** Minutes for one quiz item: read the prompt and the choices, decide, read the feedback shown. */
function itemMinutes(item: QuizItem): number {
  switch (item.type) {
    case 'reflection':
      return REFLECTION_MINUTES + read(item.prompt);
    case 'survey':
      return item.scale ? SURVEY_SECONDS / 60 + read(item.prompt) : REFLECTION_MINUTES / 2;
    case 'single':
    case 'multiple': {
      const feedback = item.options.filter((o) => o.correct).map((o) => o.feedback).join(' ');
      return read([item.prompt, ...item.options.map((o) => o.text), feedback].join(' ')) + DECISION_SECONDS / 60;
    }
    case 'truefalse':
      return read(`${item.prompt} ${item.feedback?.true ?? ''}`) + DECISION_SECONDS / 60;
    case 'sort':
      return read([item.prompt, ...item.statements.map((s) => s.text)].join(' ')) + (item.statements.length * DECISION_SECONDS) / 60;
    case 'match':
      return read([item.prompt, ...item.sources.map((s) => s.text), ...item.targets.map((t) => t.text)].join(' ')) + (item.sources.length * DECISION_SECONDS) / 60;
  }
}

/** Every string a learner reads in a component's data; ids and category keys are not read. */
function textsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['id', 'type', 'category', 'verdict'].includes(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => textsOf(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textsOf(v, k));
  return [];
}

/** An interactive component: the minutes to read every text it holds, and to decide on each element. */
function interactiveMinutes(data: InteractiveData): { reading: number; deciding: number } {
  const texts = textsOf(data);
  const decided = INTERACTIVE_TYPES[data.type].decided;
  const elements = decided ? ((data as unknown as Record<string, unknown[]>)[decided]?.length ?? 0) : 0;
  return { reading: read(texts.join(' ')), deciding: (elements * DECISION_SECONDS) / 60 };
}

export function moduleTime(mod: Module): ModuleTime {
  const prose = mod.wordCount / READING_WPM;
  let interactive = 0;
  let deciding = 0;
  for (const page of mod.pages) {
    for (const b of page.blocks) {
      if (b.kind !== 'interactive') continue;
      const t = interactiveMinutes(b.data);
      interactive += t.reading;
      deciding += t.deciding;
    }
  }
  const activities = mod.items.reduce((n, i) => n + itemMinutes(i), 0);
  // The attestation and the certificate take a minute between them.
  const closing = mod.pages.some((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'attestation')) ? 1 : 0;
  const readingMinutes = prose + interactive;
  const activityMinutes = activities + deciding + closing;
  return { slug: mod.slug, readingMinutes, activityMinutes, minutes: readingMinutes + activityMinutes };
}

export function courseMinutes(modules: Module[]): { total: number; modules: ModuleTime[] } {
  const times = modules.map(moduleTime);
  return { total: times.reduce((n, t) => n + t.minutes, 0), modules: times };
}
