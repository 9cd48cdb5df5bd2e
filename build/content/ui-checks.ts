// Interface strings (course/ui.json): text per language, and, for a string that shows a number
// of things, one text per plural form the language needs, so that no learner reads
// "1 more attempts" or "ancora 1 tentativi". Every problem names the line to fix.
import type { JsonChecker, Obj } from './json-checks.js';
import { isObj, langLabel } from './json-checks.js';


/** Placeholders that always hold a number of things, so the words around them change with it.
 *  A position ("Question {n} of {total}") or a percentage reads right for any number and is not here. */
export const COUNT_PLACEHOLDERS = ['count', 'left', 'minutes', 'hours', 'seen'];

/** Numbers a count in this course can show: whole numbers up to a thousand (attempts, questions,
 *  pages, modules, minutes) and quarter hours (credit, attested time). */
const COUNT_SAMPLES = [...Array.from({ length: 1001 }, (_, n) => n), 0.25, 0.5, 0.75, 1.5, 2.5];

/** Every plural form the language has (CLDR, through the build's Intl). */
export function pluralFormsOf(lang: string): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
}

/** The forms a count in this course can take, each with the first number that takes it. Italian's
 *  "many" (recent CLDR: "un milione di ore") is for whole millions only, so it is not among them. */
export function pluralFormsNeeded(lang: string): Map<Intl.LDMLPluralRule, number> {
  const rules = new Intl.PluralRules(lang);
  const needed = new Map<Intl.LDMLPluralRule, number>();
  for (const n of COUNT_SAMPLES) {
    const form = rules.select(n);
    if (!needed.has(form)) needed.set(form, n);
  }
  // In the order CLDR lists them ("one", "other"), as an author would write them.
  return new Map(pluralFormsOf(lang).filter((f) => needed.has(f)).map((f) => [f, needed.get(f)!]));
}

const placeholdersIn = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const quoted = (forms: Iterable<string>) => [...forms].map((f) => `"${f}"`).join(', ');

/** What an author writes for one language: { "one": "…", "other": "…" }. */
const formsSkeleton = (lang: string) => `{ ${[...pluralFormsNeeded(lang).keys()].map((f) => `"${f}": "…"`).join(', ')} }`;

/** A counted string: `count` names its number; each language gives exactly the forms it uses. */
function checkCounted(c: JsonChecker, key: string, entry: Obj): void {
  const count = entry.count;
  if (typeof count !== 'string' || count === '') {
    c.report([key], `plural forms need "count": the name of the placeholder that holds the number, e.g. "count": "left" for {left}`);
  }
  let countChecked = false;
  for (const lang of c.langs) {
    const forms = entry[lang];
    if (forms === undefined) {
      c.report([key], `missing ${langLabel(lang)} text`);
      continue;
    }
    const needed = pluralFormsNeeded(lang);
    if (!isObj(forms)) {
      c.report([key, lang], `${langLabel(lang)} needs its plural forms here, like ${formsSkeleton(lang)}, because this string counts {${count}}`);
      continue;
    }
    const known = pluralFormsOf(lang) as string[];
    for (const [form, text] of Object.entries(forms)) {
      if (!known.includes(form)) {
        c.report([key, lang, form], `${langLabel(lang)} has no plural form "${form}"; give ${quoted(needed.keys())}`);
      } else if (typeof text !== 'string' || text.trim() === '') {
        c.report([key, lang, form], `empty ${langLabel(lang)} text for the plural form "${form}"`);
      }
    }
    for (const [form, example] of needed) {
      if (!(form in forms)) c.report([key, lang], `${langLabel(lang)} needs the plural form "${form}" (the text for ${example} and numbers like it); give ${quoted(needed.keys())}`);
    }
    // "other" is the general form in every language: it must show the number "count" names.
    if (!countChecked && typeof count === 'string' && count !== '' && typeof forms.other === 'string' && !placeholdersIn(forms.other).includes(count)) {
      countChecked = true;
      c.report([key, 'count'], `"count": "${count}" names no placeholder of the ${langLabel(lang)} "other" text; name the one that holds the number (${quoted(placeholdersIn(forms.other)) || 'it has none'})`);
    }
  }
}

/** A plain string: the same text whatever the number, so it must not show a count. */
function checkPlain(c: JsonChecker, key: string, entry: unknown): void {
  c.checkAllLocalised(entry, [key]);
  if (!isObj(entry)) return;
  for (const lang of c.langs) {
    const text = entry[lang];
    const count = typeof text === 'string' ? placeholdersIn(text).find((p) => COUNT_PLACEHOLDERS.includes(p)) : undefined;
    if (count) {
      c.report([key], `{${count}} is a number of things, so this string needs a text per plural form (1 attempt, 2 attempts): write it as "count": "${count}", ${c.langs.map((l) => `"${l}": ${formsSkeleton(l)}`).join(', ')}`);
      return;
    }
  }
}

export function checkUiStrings(c: JsonChecker): void {
  const strings = c.src.value;
  if (!isObj(strings)) return c.checkAllLocalised();
  for (const [key, entry] of Object.entries(strings)) {
    const counted = isObj(entry) && ('count' in entry || c.langs.some((l) => isObj(entry[l])));
    if (counted) checkCounted(c, key, entry);
    else checkPlain(c, key, entry);
  }
}
