// Loads course/ and modules/ from disk, validates everything, and returns the sources with
// their per-language text still side by side. Any problem is collected with its file and line;
// `loadCourse` throws ContentInvalid with all of them so an author sees every mistake at once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, LANG_NAMES, type CourseSource, type Lang, type UiStringSource } from '../../src/content/types.js';
import { readJson, type JsonSource } from './json-source.js';
import { JsonChecker, isObj } from './json-checks.js';
import { checkQuiz, type ItemRef } from './quiz-checks.js';
import { checkInteractive } from './interactive-checks.js';
import { checkUiStrings } from './ui-checks.js';
import { checkTheme } from './theme-checks.js';
import { checkLogo } from './logo-checks.js';
import { ID_PATTERN, readMarkdown, type MarkdownSource } from './markdown-source.js';
import { urnNamespace } from '../../src/scorm2004/identifiers.js';
import { ContentInvalid, Problems } from './problems.js';
import { checkFigures, checkSameFigures } from './figure-checks.js';
import type { PreparedSvg } from './svg-figure.js';

export interface LoadedModule {
  slug: string;
  dir: string;
  prose: Record<Lang, MarkdownSource>;
  quiz: JsonSource;
  items: ItemRef[];
  interactive: Record<string, unknown>;
  interactiveJson: JsonSource | null;
  /** The module's checked figures by source path (`figures/name.svg`). */
  figures: Map<string, PreparedSvg>;
}

export interface LoadedCoursePage { name: string; prose: Record<Lang, MarkdownSource> }

export interface LoadedCourse {
  root: string;
  course: CourseSource;
  /** course.json as read, for problems that point at one of its lines. */
  courseJson: JsonSource;
  uiJson: JsonSource | null;
  ui: Record<string, UiStringSource>;
  properNames: string[];
  modules: LoadedModule[];
  coursePages: LoadedCoursePage[];
}


function readText(file: string, problems: Problems, what: string): string | null {
  if (!existsSync(file)) {
    problems.add(file, 1, `missing ${what}`);
    return null;
  }
  return readFileSync(file, 'utf8');
}

function loadJson(file: string, problems: Problems, what: string): JsonSource | null {
  const text = readText(file, problems, what);
  return text === null ? null : readJson(file, text, problems);
}

/** Registers every id in one course-wide namespace, so links and SCORM ids never collide. */
class IdRegistry {
  private readonly seen = new Map<string, string>();
  constructor(private readonly problems: Problems, private readonly root: string) {}
  add(id: string, file: string, line: number, what: string): void {
    const first = this.seen.get(id);
    if (first) this.problems.add(file, line, `duplicate id "${id}" (${what}); it is already used at ${first.replace(this.root + '/', '')}`);
    else this.seen.set(id, `${file}:${line}`);
  }
  has(id: string): boolean {
    return this.seen.has(id);
  }
}

function checkCourseJson(src: JsonSource, problems: Problems): CourseSource | null {
  const c = new JsonChecker(src, problems, LANGS);
  const v = src.value;
  if (!isObj(v)) {
    c.report([], 'course.json must be an object');
    return null;
  }
  for (const key of ['id', 'iri', 'version']) if (typeof v[key] !== 'string' || v[key] === '') c.report([key], `"${key}" must be a non-empty string`);
  // The id names the course's namespace in its SCORM 2004 ids (urn:<id>:<item id>), which strict runtimes check.
  if (typeof v.id === 'string' && v.id !== '' && !/^[a-z0-9][a-z0-9-]*$/.test(v.id) || (typeof v.id === 'string' && !/^.{1,32}$/.test(urnNamespace(v.id)))) c.report(['id'], '"id" must be letters, digits and hyphens, starting with a letter or digit, with at most 32 letters and digits (SCORM 2004 packages name every item urn:<id without hyphens>:<item id>)');
  if (typeof v.iri === 'string' && !/^https?:\/\/[^\s]+$/.test(v.iri)) c.report(['iri'], '"iri" must be an absolute http(s) IRI (it names the course in xAPI and cmi5)');
  if (!Array.isArray(v.languages) || v.languages.some((l) => !LANGS.includes(l as Lang))) c.report(['languages'], `"languages" must list some of ${LANGS.join(', ')}`);
  c.localised(v, 'title', []);
  c.localised(v, 'description', []);
  if (!Array.isArray(v.modules) || v.modules.some((m) => typeof m !== 'string')) c.report(['modules'], '"modules" must be a list of module folder names');
  // A slug is the module's objective id in every LMS: the same rule as every other id.
  else v.modules.forEach((m, i) => { if (!ID_PATTERN.test(m as string)) c.report(['modules', i], `module "${String(m)}": a module folder name uses lower-case letters, digits and hyphens (it is the module's id in every LMS)`); });
  if (typeof v.masteryScore !== 'number' || v.masteryScore < 0 || v.masteryScore > 100) c.report(['masteryScore'], '"masteryScore" must be a number from 0 to 100');
  if (typeof v.attemptsAllowed !== 'number' || v.attemptsAllowed < 0) c.report(['attemptsAllowed'], '"attemptsAllowed" must be 0 (unlimited) or more');
  if (typeof v.estimatedMinutes !== 'number' || v.estimatedMinutes <= 0) c.report(['estimatedMinutes'], '"estimatedMinutes" must be a positive number');
  if (!isObj(v.cme)) c.report(['cme'], '"cme" block is missing');
  if (!isObj(v.xapi)) c.report(['xapi'], '"xapi" block is missing');
  if (!isObj(v.theme)) c.report(['theme'], '"theme" block is missing');
  c.checkAllLocalised();
  return problems.any ? null : (v as unknown as CourseSource);
}

function loadProse(dir: string, name: string, problems: Problems): Record<Lang, MarkdownSource> | null {
  const prose = {} as Record<Lang, MarkdownSource>;
  for (const lang of LANGS) {
    const file = join(dir, `${name}${lang}.md`);
    const text = readText(file, problems, `${LANG_NAMES[lang]} prose (${lang}.md)`);
    if (text === null) return null;
    prose[lang] = readMarkdown(file, text, problems);
  }
  return prose;
}

/** Both languages must have the same pages and sections, in the same order. */
function checkSameStructure(prose: Record<Lang, MarkdownSource>, problems: Problems): void {
  const [first, ...others] = LANGS;
  const ref = prose[first];
  const refIds = ref.pages.flatMap((p) => [p.id, ...p.sections.map((s) => s.id)]);
  for (const lang of others) {
    const other = prose[lang];
    const entries = other.pages.flatMap((p) => [{ id: p.id, line: p.line }, ...p.sections.map((s) => ({ id: s.id, line: s.line }))]);
    const n = Math.max(refIds.length, entries.length);
    for (let i = 0; i < n; i++) {
      if (refIds[i] !== entries[i]?.id) {
        const line = entries[i]?.line ?? other.pages.at(-1)?.line ?? 1;
        problems.add(other.file, line, refIds[i]
          ? `expected page or section id "${refIds[i]}" here, as in ${first}.md (both languages need the same ids in the same order)`
          : `id "${entries[i].id}" is not in ${first}.md; both languages need the same ids in the same order`);
        break;
      }
    }
  }
}

function checkFrontMatter(md: MarkdownSource, problems: Problems, needObjectives: boolean): void {
  const fm = md.frontMatter;
  if (typeof fm.title !== 'string' || fm.title.trim() === '') problems.add(md.file, md.frontMatterLine('title'), 'front matter needs a non-empty "title"');
  if (!needObjectives) return;
  const obj = fm.objectives;
  if (!Array.isArray(obj) || obj.length < 2 || obj.length > 4 || obj.some((o) => typeof o !== 'string' || o.trim() === '')) {
    problems.add(md.file, md.frontMatterLine('objectives'), 'front matter needs "objectives": two to four measurable learning objectives');
  }
}

export function loadCourse(root: string): LoadedCourse {
  const problems = new Problems();
  const courseFile = join(root, 'course', 'course.json');
  const courseSrc = loadJson(courseFile, problems, 'course.json');
  const course = courseSrc ? checkCourseJson(courseSrc, problems) : null;
  if (course && courseSrc) {
    checkTheme(courseSrc, problems);
    checkLogo(courseSrc, root, problems);
  }
  if (!course || !courseSrc) throw new ContentInvalid(problems.list);

  const ids = new IdRegistry(problems, root);
  const uiSrc = loadJson(join(root, 'course', 'ui.json'), problems, 'interface strings (course/ui.json)');
  if (uiSrc) checkUiStrings(new JsonChecker(uiSrc, problems, LANGS));
  const namesSrc = existsSync(join(root, 'course', 'proper-names.json')) ? loadJson(join(root, 'course', 'proper-names.json'), problems, 'proper names') : null;

  const slugs = moduleFolders(root, course, courseSrc, problems);
  const loaded = slugs.map((slug) => loadModule(join(root, 'modules', slug), slug, ids, problems)).filter((m): m is LoadedModuleWithRefs => m !== null);
  const modules = loaded.map((m) => m.mod);
  const coursePages = loadCoursePages(root, ids, problems);
  checkCrossReferences(loaded, modules, coursePages, ids, problems);

  if (problems.any) throw new ContentInvalid(problems.list);
  const ui = (uiSrc?.value ?? {}) as Record<string, UiStringSource>;
  const properNames = Array.isArray(namesSrc?.value) ? (namesSrc.value as string[]) : [];
  return { root, course, courseJson: courseSrc, uiJson: uiSrc, ui, properNames, modules, coursePages };
}

/** The module folders, in the order course.json gives; a folder and the order must agree. */
function moduleFolders(root: string, course: CourseSource, courseSrc: JsonSource, problems: Problems): string[] {
  const courseFile = courseSrc.file;
  const modulesDir = join(root, 'modules');
  const folders = existsSync(modulesDir) ? readdirSync(modulesDir).filter((f) => statSync(join(modulesDir, f)).isDirectory()).sort() : [];
  course.modules.forEach((slug, i) => {
    if (!folders.includes(slug)) problems.add(courseFile, courseSrc.lineOf(['modules', i]), `module "${slug}" is in "modules" but there is no folder modules/${slug}/`);
  });
  for (const folder of folders) {
    if (!course.modules.includes(folder)) problems.add(courseFile, courseSrc.lineOf(['modules']), `folder modules/${folder}/ is not in "modules"; add it to the order or remove the folder`);
  }
  return course.modules.filter((s) => folders.includes(s));
}

interface LoadedModuleWithRefs { mod: LoadedModule; refs: ItemRef[] }

/** One module folder: its prose in every language, its quiz, its interactive components and figures. */
function loadModule(dir: string, slug: string, ids: IdRegistry, problems: Problems): LoadedModuleWithRefs | null {
  const prose = loadProse(dir, '', problems);
  const quiz = loadJson(join(dir, 'quiz.json'), problems, 'quiz items (quiz.json)');
  const interactiveFile = join(dir, 'interactive.json');
  const interactiveSrc = existsSync(interactiveFile) ? loadJson(interactiveFile, problems, 'interactive.json') : null;
  if (!prose || !quiz) return null;
  checkSameStructure(prose, problems);
  for (const lang of LANGS) checkFrontMatter(prose[lang], problems, true);

  const qc = new JsonChecker(quiz, problems, LANGS);
  const items = checkQuiz(qc);
  qc.checkAllLocalised();
  let interactive: Record<string, unknown> = {};
  if (interactiveSrc) {
    const ic = new JsonChecker(interactiveSrc, problems, LANGS);
    for (const id of checkInteractive(ic)) ids.add(id, interactiveFile, interactiveSrc.lineOf([id]), 'interactive component');
    ic.checkAllLocalised();
    if (isObj(interactiveSrc.value)) interactive = interactiveSrc.value;
  }
  checkSameFigures(prose, problems);
  const figures = checkFigures(dir, prose, problems);
  const mod: LoadedModule = { slug, dir, prose, quiz, items, interactive, interactiveJson: interactiveSrc, figures };

  addPageIds(prose, ids);
  for (const ref of items) ids.add(ref.id, quiz.file, quiz.lineOf([...ref.path, 'id']), 'quiz item');
  for (const lang of LANGS) {
    for (const block of prose[lang].pages.flatMap((p) => p.blocks)) {
      if (block.kind === 'directive' && block.name === 'interactive' && !(block.arg! in interactive)) {
        problems.add(prose[lang].file, block.line, `{{interactive ${block.arg}}} names no component in ${slug}/interactive.json`);
      }
    }
  }
  return { mod, refs: items };
}

function addPageIds(prose: Record<Lang, MarkdownSource>, ids: IdRegistry): void {
  const first = prose[LANGS[0]];
  for (const page of first.pages) {
    ids.add(page.id, first.file, page.line, 'page');
    for (const s of page.sections) ids.add(s.id, first.file, s.line, 'section');
  }
}

/** Course-level pages: the same files in every language. */
function loadCoursePages(root: string, ids: IdRegistry, problems: Problems): LoadedCoursePage[] {
  const coursePages: LoadedCoursePage[] = [];
  const pageFiles = (lang: Lang) => {
    const d = join(root, 'course', lang);
    return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.md')).sort() : [];
  };
  for (const name of new Set(LANGS.flatMap(pageFiles))) {
    const prose = {} as Record<Lang, MarkdownSource>;
    let complete = true;
    for (const lang of LANGS) {
      const file = join(root, 'course', lang, name);
      const text = readText(file, problems, `${LANG_NAMES[lang]} version of course page ${name}`);
      if (text === null) { complete = false; continue; }
      prose[lang] = readMarkdown(file, text, problems);
      checkFrontMatter(prose[lang], problems, false);
      for (const b of prose[lang].pages.flatMap((p) => p.blocks)) if (b.kind === 'figure') problems.add(file, b.line, 'figures go in module pages (modules/<slug>/figures/); course-level pages have none');
    }
    if (!complete) continue;
    checkSameStructure(prose, problems);
    addPageIds(prose, ids);
    coursePages.push({ name: name.replace(/\.md$/, ''), prose });
  }
  return coursePages;
}

/** Cross-references, once every id is known: what each quiz item teaches, and every link. */
function checkCrossReferences(loaded: LoadedModuleWithRefs[], modules: LoadedModule[], coursePages: LoadedCoursePage[], ids: IdRegistry, problems: Problems): void {
  for (const { mod, refs } of loaded) {
    for (const ref of refs) {
      if (ref.teaches === null) continue;
      const [slug, section] = ref.teaches.includes('/') ? ref.teaches.split('/') : [mod.slug, ref.teaches];
      const target = modules.find((m) => m.slug === slug);
      const found = target?.prose[LANGS[0]].pages.some((p) => p.sections.some((s) => s.id === section));
      if (!found) problems.add(mod.quiz.file, mod.quiz.lineOf([...ref.path, 'teaches']), `"teaches": "${ref.teaches}" names no section (## … {#${section}}) in module ${slug}`);
    }
  }
  for (const prose of [...modules.map((m) => m.prose), ...coursePages.map((p) => p.prose)]) {
    for (const lang of LANGS) {
      for (const link of prose[lang].links) {
        if (!ids.has(link.target)) problems.add(prose[lang].file, link.line, `broken link: no page or section has the id "${link.target}"`);
      }
    }
  }
}
