// What the insights tool knows of the course it reports on: module order, every item (its module,
// type, options, what it teaches and its text per language), which items are reflections (never
// reported) and the evaluation's scales. Read from the same content the build packages.
import { loadCourse } from '../content/load.js';
import { resolveCourse } from '../content/resolve.js';
import { plainText } from '../../src/xapi/interaction.js';
import type { Lang, QuizItem } from '../../src/content/types.js';
import { courseShapeOf, type CourseShape } from '../../src/learner/course-shape.js';
import { localId, urnNamespace } from '../../src/scorm2004/identifiers.js';

export interface CatalogueItem {
  id: string;
  module: string;
  type: QuizItem['type'];
  teaches: string;
  /** Choice ids (single, multiple) or true/false, for each option's share. */
  options: string[];
  prompt: Record<Lang, string>;
  optionText: Record<Lang, Record<string, string>>;
  scale: { id: string; text: Record<Lang, string> }[] | null;
}

export interface CourseModel {
  id: string;
  iri: string;
  version: string;
  title: Record<Lang, string>;
  languages: Lang[];
  masteryScore: number;
  creditHours: number;
  modules: ModuleFacts[];
  /** The module holding the final assessment (its pages place the `assessment` directive), or null. */
  assessment: string | null;
  items: Map<string, CatalogueItem>;
  /** The suspend_data layout, to read attested time and the certificate's facts from saved states. */
  shape: CourseShape;
}

export interface ModuleFacts {
  slug: string;
  title: Record<Lang, string>;
  /** Teaches by myth or fact: one of its pages has a card set whose cards carry a verdict. */
  mythOrFact: boolean;
}

export const isScoredType = (t: QuizItem['type']) => t !== 'reflection' && t !== 'survey';

const cache = new Map<string, CourseModel>();

/** Renders both languages once per content root (tests run the tool many times in one process). */
export function loadCourseModel(root: string): CourseModel {
  const hit = cache.get(root);
  if (hit) return hit;
  const model = readCourseModel(root);
  cache.set(root, model);
  return model;
}

function readCourseModel(root: string): CourseModel {
  const loaded = loadCourse(root);
  const langs = loaded.course.languages as Lang[];
  const resolved = langs.map((l) => [l, resolveCourse(loaded, l)] as const);
  const [, first] = resolved[0];
  const items = new Map<string, CatalogueItem>();
  for (const [lang, course] of resolved) {
    for (const mod of course.modules) {
      for (const item of mod.items) {
        const entry = items.get(item.id) ?? {
          id: item.id, module: mod.slug, type: item.type, teaches: item.teaches,
          options: item.type === 'single' || item.type === 'multiple' ? item.options.map((o) => o.id) : item.type === 'truefalse' ? ['true', 'false'] : [],
          prompt: {} as Record<Lang, string>, optionText: {} as Record<Lang, Record<string, string>>,
          scale: item.type === 'survey' && item.scale ? item.scale.map((s) => ({ id: s.id, text: {} as Record<Lang, string> })) : null,
        };
        entry.prompt[lang] = plainText(item.prompt);
        entry.optionText[lang] = item.type === 'single' || item.type === 'multiple' ? Object.fromEntries(item.options.map((o) => [o.id, plainText(o.text)]))
          : item.type === 'truefalse' ? { true: plainText(item.labels?.true ?? 'true'), false: plainText(item.labels?.false ?? 'false') } : {};
        if (item.type === 'survey' && item.scale && entry.scale) for (const [i, s] of item.scale.entries()) entry.scale[i].text[lang] = plainText(s.text);
        items.set(item.id, entry);
      }
    }
  }
  return {
    id: first.outline.id, iri: first.outline.iri, version: first.outline.version, languages: langs,
    title: Object.fromEntries(resolved.map(([l, c]) => [l, c.outline.title])) as Record<Lang, string>,
    masteryScore: first.outline.masteryScore, creditHours: first.outline.cme.creditHours,
    modules: first.modules.map((m) => ({
      slug: m.slug,
      title: Object.fromEntries(resolved.map(([l, c]) => [l, c.modules.find((x) => x.slug === m.slug)!.title])) as Record<Lang, string>,
      mythOrFact: m.pages.some((p) => p.blocks.some((b) => b.kind === 'interactive' && b.data.type === 'cards' && b.data.cards.some((c) => c.verdict))),
    })),
    assessment: first.modules.find((m) => m.pages.some((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment')))?.slug ?? null,
    items,
    shape: courseShapeOf({ id: first.outline.id, modules: first.modules }),
  };
}

/** SCORM 2004 packages name interactions and objectives `urn:<namespace>:<item id, percent-encoded>`
 *  (src/scorm2004/identifiers.ts); SCORM 1.2 packages use the item id alone. Both name the same item. */
export const urnPrefix = (course: CourseModel) => `urn:${urnNamespace(course.id)}:`;

export const itemIdOf = (raw: string, course: CourseModel): string => localId(course.id, raw);
