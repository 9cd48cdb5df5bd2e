// Every fact a reviewer would ask the source of carries one: a sentence of module prose, quiz text or
// interactive text that states a year, a percentage, an age, a count of people, studies, meetings or
// time, or a study's result (claims.ts) must hold a reference ([@key], source-refs.ts) to an entry of
// the Sources page, or [@course] for the course's own facts. Every reference must name an entry, and
// both languages' Sources pages list the same entries in the same order, so the numbers agree.
import { relative } from 'node:path';
import { LANGS, type Lang } from '../../src/content/types.js';
import type { LoadedCourse } from './load.js';
import type { JsonPath, JsonSource } from './json-source.js';
import type { MarkdownSource } from './markdown-source.js';
import type { Problem } from './problems.js';
import { claimsIn, sentencesOf, type Claim } from './claims.js';
import { COURSE_KEY, SOURCE_KEY, entryKeyOf, referencesIn, sourceEntries, type SourceEntry } from './source-refs.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const DESCRIBE: Record<Claim['kind'], string> = {
  year: 'a year',
  percentage: 'a percentage',
  age: 'an age',
  count: 'a count',
  study: "a study's result",
};

/** The check's view of where an author writes: a file, a line, a language, some text. */
interface Text { file: string; line: number; lang: Lang; text: string }

/** The course's own dates (course.json: release, review, expiry) as a reader sees them written
 *  in full, "1 December 2026", "1° dicembre 2026" or "2026-12-01": not facts that need a source. */
export function ownDatesPattern(isoDates: string[]): RegExp | null {
  const forms = isoDates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).flatMap((iso) => {
    const date = new Date(`${iso}T00:00:00Z`);
    const written = [...LANGS, 'en-GB'].map((lang) => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date));
    return [iso, ...written.map((w) => w.replace(/^(\d+) /, '$1°? '))];
  });
  return forms.length ? new RegExp(forms.join('|'), 'gi') : null;
}

class SourceCheck {
  readonly problems: Problem[] = [];
  private readonly known = new Set<string>([COURSE_KEY]);
  private sourcesFile = 'course/<lang>/references.md';

  constructor(private readonly root: string, private readonly ownDates: RegExp | null) {}

  private add(file: string, line: number, message: string) {
    this.problems.push({ file, line, message });
  }

  private rel = (file: string) => relative(this.root, file);

  /** The entries of each language: well-formed keys, each once, the same list in every language. */
  entries(byLang: Record<Lang, SourceEntry[]>) {
    const [first, ...others] = LANGS;
    for (const lang of LANGS) {
      const seen = new Map<string, SourceEntry>();
      for (const e of byLang[lang]) {
        if (e.key === COURSE_KEY) this.add(e.file, e.line, `{@${COURSE_KEY}} is kept for the course's own facts; give this entry another key`);
        else if (!SOURCE_KEY.test(e.key)) this.add(e.file, e.line, `source key {@${e.key}} must use lower-case letters, digits and hyphens, such as {@kjeldmand-2004}`);
        const before = seen.get(e.key);
        if (before) this.add(e.file, e.line, `source {@${e.key}} is listed twice; it is already at ${this.rel(before.file)}:${before.line}`);
        else seen.set(e.key, e);
      }
    }
    const ref = byLang[first];
    for (const e of ref) this.known.add(e.key);
    if (ref.length) this.sourcesFile = this.rel(ref[0].file);
    for (const lang of others) {
      const list = byLang[lang];
      const n = Math.max(ref.length, list.length);
      for (let i = 0; i < n; i++) {
        if (ref[i]?.key === list[i]?.key) continue;
        const at = list[i] ?? list.at(-1);
        const file = at?.file ?? ref[i].file;
        const line = at?.line ?? 1;
        this.add(file, line, ref[i]
          ? `expected source {@${ref[i].key}} here, as in ${this.rel(ref[i].file)}:${ref[i].line} (the Sources pages of every language list the same entries in the same order, so their numbers agree)`
          : `source {@${list[i].key}} is not in ${this.sourcesFile}; the Sources pages of every language list the same entries in the same order`);
        break;
      }
    }
  }

  /** One unit of running text: its references name entries, and (unless it is not checked for facts)
   *  each sentence with a fact has one. */
  text(t: Text, checkFacts = true) {
    for (const r of referencesIn(t.text)) {
      if (!r.keys.length) this.add(t.file, t.line, `"${r.raw}" is not a source reference; write [@key] or [@key-one; @key-two], keys in lower-case letters, digits and hyphens`);
      for (const key of r.keys) {
        if (!this.known.has(key)) this.add(t.file, t.line, `[@${key}] names no entry on the Sources page; end its entry in ${this.sourcesFile} with {@${key}}, or correct the key`);
      }
    }
    if (!checkFacts) return;
    for (const s of sentencesOf(t.text)) {
      if (referencesIn(s.text).length) continue;
      const claim = claimsIn(this.ownDates ? s.text.replace(this.ownDates, '') : s.text, t.lang)[0];
      if (!claim) continue;
      const line = t.line + (t.text.slice(0, s.offset).match(/\n/g)?.length ?? 0);
      this.add(t.file, line, `this sentence states ${DESCRIBE[claim.kind]} ("${claim.text}") but cites no source; add the [@key] of its Sources entry, or [@course] for a fact about the course itself`);
    }
  }

  /** Prose: paragraphs and list items, not headings, figures or directives; Sources entries are exempt. */
  prose(md: MarkdownSource, lang: Lang, onCoursePage: boolean) {
    for (const page of md.pages) {
      for (const block of page.blocks) {
        if (block.kind !== 'markdown') continue;
        let unit: Text | null = null;
        const flush = () => {
          if (unit) this.text(unit);
          unit = null;
        };
        let inCode = false;
        for (const l of block.lines) {
          if (l.text.startsWith('```')) inCode = !inCode;
          const blank = l.text.trim() === '';
          if (inCode || blank || /^#{1,6}\s/.test(l.text)) {
            flush();
            if (!inCode && !blank) this.text({ file: md.file, line: l.line, lang, text: l.text }, false);
            continue;
          }
          const item = /^\s*(?:[-*+]|\d+[.)])\s/.test(l.text);
          if (item && entryKeyOf(l.text) !== null) {
            flush();
            if (!onCoursePage) this.add(md.file, l.line, `{@${entryKeyOf(l.text)}} marks an entry of the Sources page; entries belong in ${this.sourcesFile}`);
            continue;
          }
          if (item || !unit) {
            flush();
            unit = { file: md.file, line: l.line, lang, text: l.text };
          } else {
            (unit as Text).text += `\n${l.text}`;
          }
        }
        flush();
      }
    }
  }

  /** Quiz or interactive JSON: every text in every language, except those a learner is asked to judge
   *  (options, statements to sort or match, a true-or-false statement, the front of a card) and the
   *  labels of categories, targets and columns: the feedback that says whether they hold is checked.
   *  A dated timeline event sources its text; the simulated session (type "session") is an invented
   *  scene and is not checked. */
  json(src: JsonSource) {
    const walk = (value: unknown, path: JsonPath, parent: unknown) => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i], value));
      if (!isObject(value)) return;
      if (value.type === 'session') return;
      if (typeof value.en === 'string') {
        const facts = !isJudged(path, parent);
        for (const lang of LANGS) {
          if (typeof value[lang] === 'string') this.text({ file: src.file, line: src.lineOf([...path, lang]), lang, text: value[lang] as string }, facts);
        }
        return;
      }
      if (typeof value.year === 'string' && isObject(value.text)) {
        for (const lang of LANGS) {
          const text = value.text[lang];
          if (typeof text === 'string' && !referencesIn(text).some((r) => r.keys.length)) {
            this.add(src.file, src.lineOf([...path, 'text', lang]), `this timeline event is dated ${value.year} but its text cites no source; add the [@key] of its Sources entry`);
          }
        }
      }
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k], value);
    };
    walk(src.value, [], null);
  }
}

/** Lists whose entries' `text` a learner judges or reads as a label, not as a statement of fact. */
const JUDGED_LISTS = new Set(['options', 'statements', 'sources', 'targets', 'categories', 'columns']);

/** Is the text at `path` (a `{ en, it }` pair inside `parent`) one a learner judges rather than reads as fact? */
function isJudged(path: JsonPath, parent: unknown): boolean {
  const key = path.at(-1);
  if (key === 'labels' || key === 'verdictLabels' || path.includes('labels') || path.includes('verdictLabels')) return true;
  if (key === 'text' && typeof path.at(-2) === 'number' && JUDGED_LISTS.has(String(path.at(-3)))) return true;
  if (key === 'front' && path.at(-3) === 'cards') return true;
  return key === 'prompt' && isObject(parent) && parent.type === 'truefalse';
}

export function checkSources(loaded: LoadedCourse): Problem[] {
  const cme = loaded.course.cme;
  const check = new SourceCheck(loaded.root, ownDatesPattern([cme?.releaseDate, cme?.reviewDate, cme?.expiryDate].filter((d): d is string => typeof d === 'string')));
  const byLang = Object.fromEntries(LANGS.map((lang) => [lang, sourceEntries(loaded.coursePages.map((p) => p.prose[lang]))])) as Record<Lang, SourceEntry[]>;
  check.entries(byLang);
  for (const mod of loaded.modules) {
    for (const lang of LANGS) check.prose(mod.prose[lang], lang, false);
    check.json(mod.quiz);
    if (mod.interactiveJson) check.json(mod.interactiveJson);
  }
  for (const page of loaded.coursePages) for (const lang of LANGS) check.prose(page.prose[lang], lang, true);
  return check.problems;
}
