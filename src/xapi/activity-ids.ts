// Activity IRIs under the course IRI from course.json. The same in every language (the language
// goes in context.language), so an LRS sees one activity per page or question, not one per zip.
const segment = (s: string) => encodeURIComponent(s);

export const activityIds = {
  module: (courseIri: string, slug: string) => `${courseIri}/module/${segment(slug)}`,
  page: (courseIri: string, slug: string, pageId: string) => `${courseIri}/module/${segment(slug)}/page/${segment(pageId)}`,
  item: (courseIri: string, slug: string, itemId: string) => `${courseIri}/module/${segment(slug)}/item/${segment(itemId)}`,
};

/** True for an absolute IRI with a scheme (what xAPI requires of ids). */
export function isIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}
