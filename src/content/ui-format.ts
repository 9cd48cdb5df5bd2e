// Interface strings with their placeholders filled in. A counted string picks the text for the
// number's plural form in the learner's language (1 → "1 more attempt", 2 → "2 more attempts");
// numbers are written the local way (2.5 hours, 2,5 ore). Pure: no DOM.
import type { UiString } from './types';

export type UiValues = Record<string, string | number>;
/** What components call to show an interface string: `t('assessment.retakesLeft', { left: 1 })`. */
export type Translate = (key: string, values?: UiValues) => string;

function template(text: UiString, values: UiValues, lang: string): string {
  if (typeof text === 'string') return text;
  const n = values[text.count];
  // The build makes sure every form a count below a thousand can take is there; a browser whose
  // plural data knows a rarer form (Italian "many", for whole millions) gets the general one.
  const form = typeof n === 'number' ? new Intl.PluralRules(lang).select(n) : 'other';
  return text.forms[form] ?? text.forms.other ?? '';
}

export function formatUi(text: UiString, values: UiValues, lang: string): string {
  return template(text, values, lang).replace(/\{(\w+)\}/g, (whole, k: string) => {
    const v = values[k];
    return v === undefined ? whole : typeof v === 'number' ? v.toLocaleString(lang) : v;
  });
}

/** `t` over a course's strings. A missing string is a defect (a key misspelt, or a late string used
 *  before its chunk loaded, see late-strings.ts): it says so loudly, where the browser tests watch
 *  for console errors, and shows the key. */
export function translator(ui: Record<string, UiString>, lang: string): Translate {
  return (key, values = {}) => {
    const text = ui[key];
    if (text === undefined) {
      console.error(`missing interface string "${key}"`);
      return key;
    }
    return formatUi(text, values, lang);
  };
}
