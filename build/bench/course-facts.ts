// What the first-control benchmark and its tests need to know about the course in one language:
// the names of the controls a learner presses, page 1, and the bookmarked page a returning learner
// left with answers on it (a quiz page halfway through the course).
import type { Lang, ScoredItem } from '../../src/content/types.js';
import { isScored } from '../../src/content/types.js';
import type { ResolvedCourse } from '../content/resolve.js';

/** The returning learner left on this module's quiz page, every knowledge check answered. */
export const BOOKMARK_MODULE = 'misconceptions';

export interface CourseFacts {
  lang: Lang;
  /** The course IRI (the cmi5 AU is `${iri}/au`, the Tin Can activity the IRI itself). */
  iri: string;
  /** "Start the course", "Next" in this language. */
  startName: string;
  nextName: string;
  firstPage: { id: string; title: string };
  bookmark: {
    moduleTitle: string;
    firstPageTitle: string;
    page: { id: string; title: string };
    /** The page after it, where the returning learner's Next leads. */
    following: { id: string; title: string };
    items: ScoredItem[];
  };
}

const plain = (c: ResolvedCourse, key: string): string => {
  const s = c.outline.ui[key];
  if (typeof s !== 'string') throw new Error(`ui string ${key} is missing or counted`);
  return s;
};

export function courseFacts(c: ResolvedCourse): CourseFacts {
  const pages = c.modules.flatMap((m) => m.pages.map((p) => ({ id: p.id, title: p.title, slug: m.slug })));
  const mod = c.modules.find((m) => m.slug === BOOKMARK_MODULE);
  if (!mod) throw new Error(`module ${BOOKMARK_MODULE} not in the course`);
  const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'));
  if (!quizPage) throw new Error(`module ${BOOKMARK_MODULE} has no quiz page`);
  const at = pages.findIndex((p) => p.id === quizPage.id);
  return {
    lang: c.outline.lang,
    iri: c.outline.iri,
    startName: plain(c, 'home.start'),
    nextName: plain(c, 'nav.next'),
    firstPage: { id: pages[0].id, title: pages[0].title },
    bookmark: {
      moduleTitle: c.outline.modules.find((m) => m.slug === BOOKMARK_MODULE)!.title,
      firstPageTitle: mod.pages[0].title,
      page: { id: quizPage.id, title: quizPage.title },
      following: { id: pages[at + 1].id, title: pages[at + 1].title },
      items: mod.items.filter(isScored),
    },
  };
}

/** The inputs a learner checks to answer an item right (single, multiple and true/false items). */
export function rightAnswerInputs(item: ScoredItem): string[] {
  switch (item.type) {
    case 'single':
      return [`input[name="${item.id}"][value="${item.options.find((o) => o.correct)!.id}"]`];
    case 'multiple':
      return item.options.filter((o) => o.correct).map((o) => `input[type=checkbox][value="${o.id}"]`);
    case 'truefalse':
      return [`input[name="${item.id}"][value="${String(item.answer)}"]`];
    default:
      throw new Error(`the bookmarked page's item ${item.id} is a ${item.type} item: answer it in course-facts.ts`);
  }
}
