// The course as one linear sequence of pages (what Next and Back walk through), built from
// the outline. Pure: no DOM.
import type { CourseOutline } from '../content/types';

export interface FlatPage {
  index: number;
  id: string;
  title: string;
  moduleIndex: number;
  moduleSlug: string;
  /** Page number inside its module, from 1. */
  numberInModule: number;
  pagesInModule: number;
}

export function flattenPages(outline: CourseOutline): FlatPage[] {
  const pages: FlatPage[] = [];
  outline.modules.forEach((m, moduleIndex) => {
    m.pages.forEach((p, i) => {
      pages.push({ index: pages.length, id: p.id, title: p.title, moduleIndex, moduleSlug: m.slug, numberInModule: i + 1, pagesInModule: m.pages.length });
    });
  });
  return pages;
}

/** The page that holds an id: a page id or a section id (for internal links). */
export function pageIndexOf(outline: CourseOutline, pages: FlatPage[], id: string): number | null {
  for (const m of outline.modules) {
    for (const p of m.pages) {
      if (p.id === id || p.sections.includes(id)) return pages.find((fp) => fp.id === p.id)?.index ?? null;
    }
  }
  return null;
}
