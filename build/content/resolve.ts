// Turns the validated sources into what the player reads for one language: the outline
// (first-page data) and one content object per module. Text per language collapses to one string.
import { LANGS, placesAssessment, type Block, type CourseOutline, type Lang, type Module, type QuizItem, type InteractiveData, type CoursePage, type UiString, type UiStringSource } from '../../src/content/types.js';
import type { LoadedCourse, LoadedModule } from './load.js';
import type { MarkdownSource } from './markdown-source.js';
import { countWords, renderMarkdown } from './render-markdown.js';
import { sourceIndex, stripReferences, type ReferenceRendering } from './source-refs.js';
import { unloadBudget } from '../../src/scorm2004/unload-budget.js';
import { itemOutline } from '../../src/content/item-outline.js';
import { extname, join } from 'node:path';
import { figureHtml } from './figure-checks.js';

/** Replaces every `{ en, it }` object with the text of `lang`. */
export function pickLang(value: unknown, lang: Lang): unknown {
  if (Array.isArray(value)) return value.map((v) => pickLang(v, lang));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (LANGS.some((l) => l in obj) && Object.keys(obj).every((k) => (LANGS as readonly string[]).includes(k))) return obj[lang];
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, pickLang(v, lang)]));
  }
  return value;
}

/** An interface string for one language; a counted one keeps its forms and the name of its count. */
function uiString(source: UiStringSource, lang: Lang): UiString {
  return 'count' in source ? { count: source.count, forms: source[lang] } : source[lang];
}

const uiText = (source: UiStringSource | undefined, lang: Lang): string | undefined => {
  const s = source && uiString(source, lang);
  return typeof s === 'string' ? s : undefined;
};

// Quiz and interactive text reaches the LMS too (interaction descriptions), so its source
// references are dropped here; prose shows them as links to the Sources page.
function moduleItems(mod: LoadedModule, lang: Lang): QuizItem[] {
  const items = (mod.quiz.value as { items: unknown[] }).items;
  return stripReferences(pickLang(items, lang)) as QuizItem[];
}

/** How this language's prose shows a source reference: a link named "Source 12" (ui.json `source.link`). */
function referenceRendering(loaded: LoadedCourse, lang: Lang): ReferenceRendering {
  const index = sourceIndex(loaded.coursePages.map((p) => p.prose[lang]));
  const label = uiText(loaded.ui['source.link'], lang) ?? 'Source {n}';
  return { index, label: (n) => label.replace('{n}', String(n)) };
}

function renderPages(md: MarkdownSource, mod: LoadedModule | null, lang: Lang, refs: ReferenceRendering) {
  return md.pages.map((page) => {
    const blocks: Block[] = page.blocks.map((b): Block => {
      if (b.kind === 'markdown') return { kind: 'html', html: renderMarkdown(b.lines, refs) };
      // Inlined into the page's HTML, so a figure arrives with its module's chunk, never the first page.
      if (b.kind === 'figure') return { kind: 'html', html: figureHtml(mod!.figures.get(b.src)!, b) };
      if (b.name === 'interactive') return { kind: 'interactive', id: b.arg!, data: stripReferences(pickLang(mod!.interactive[b.arg!], lang)) as InteractiveData };
      return { kind: 'directive', name: b.name };
    });
    return { id: page.id, title: page.title, sections: page.sections.map((s) => s.id), blocks };
  });
}

export interface ResolvedCourse {
  outline: CourseOutline;
  modules: Module[];
  coursePages: CoursePage[];
  /** The logo file to put in the package at `outline.logo.src`, or null. */
  logoFile: string | null;
}

export function resolveCourse(loaded: LoadedCourse, lang: Lang): ResolvedCourse {
  const { course } = loaded;
  const logo = course.theme.logo ?? null;
  const refs = referenceRendering(loaded, lang);
  const modules: Module[] = loaded.modules.map((mod) => {
    const md = mod.prose[lang];
    const items = moduleItems(mod, lang);
    const pages = renderPages(md, mod, lang, refs);
    // Each teaching module ends with its quiz page, unless the module places its own blocks (assessment).
    const ownsQuiz = pages.some((p) => p.blocks.some((b) => b.kind === 'directive'));
    if (!ownsQuiz && items.length > 0) {
      pages.push({ id: `${mod.slug}-quiz`, title: uiText(loaded.ui['quiz.title'], lang) ?? 'Quiz', sections: [], blocks: [{ kind: 'quiz', itemIds: items.map((i) => i.id) }] });
    }
    return {
      slug: mod.slug,
      title: String(md.frontMatter.title),
      objectives: (md.frontMatter.objectives as string[]) ?? [],
      pages,
      items,
      wordCount: md.pages.reduce((n, p) => n + p.blocks.reduce((m, b) => m + (b.kind === 'markdown' ? countWords(b.lines) : 0), 0), 0),
    };
  });
  const coursePages: CoursePage[] = loaded.coursePages.flatMap((cp) =>
    renderPages(cp.prose[lang], null, lang, refs).map((p) => ({ id: p.id, title: p.title, html: p.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('\n') })),
  );
  const { textBytes, brief } = unloadBudget({ id: course.id, privacy: course.privacy, modules });
  const outline: CourseOutline = {
    lang,
    id: course.id,
    iri: course.iri,
    version: course.version,
    title: course.title[lang],
    description: course.description[lang],
    masteryScore: course.masteryScore,
    attemptsAllowed: course.attemptsAllowed,
    estimatedMinutes: course.estimatedMinutes,
    cme: pickLang(course.cme, lang) as CourseOutline['cme'],
    privacy: course.privacy,
    xapi: course.xapi,
    modules: modules.map((m) => ({
      slug: m.slug,
      title: m.title,
      assessment: placesAssessment(m),
      objectives: m.objectives,
      pages: m.pages.map((p) => ({ id: p.id, title: p.title, sections: p.sections })),
      items: m.items.map(itemOutline),
    })),
    coursePages: coursePages.map((p) => ({ id: p.id, title: p.title, sections: [] })),
    logo: logo ? { src: `assets/logo${extname(logo.file).toLowerCase()}`, alt: logo.alt[lang] } : null,
    ui: Object.fromEntries(Object.entries(loaded.ui).map(([key, s]) => [key, uiString(s, lang)])),
    scorm2004: { textBytes, brief },
  };
  return { outline, modules, coursePages, logoFile: logo ? join(loaded.root, logo.file) : null };
}
