// Finds the sentences that state a checkable fact, the kind a reviewer asks the source of: a year,
// a percentage, an age, a count of people, studies, meetings or time, or what a study found. Pure:
// text in, matches out. The word lists are short on purpose: the rule must stay easy to explain,
// and a sentence the lists miss is still the author's to source (docs/authoring.md).
import type { Lang } from '../../src/content/types.js';

export type ClaimKind = 'year' | 'percentage' | 'age' | 'count' | 'study';
export interface Claim { kind: ClaimKind; text: string }

const words = (list: string) => list.trim().split(/\s+/).join('|');

/** Number words from two up: "one" / "un" is mostly not a count ("one of the…", "un gruppo"). */
const NUMBER_WORDS: Record<Lang, string> = {
  en: words(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen`),
  it: words(`due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici
    diciassette diciotto diciannove venti trenta quaranta cinquanta sessanta settanta ottanta novanta cento mille`),
};

/** What a count counts: people by role, studies, meetings, places, and spans of time. */
const COUNTED: Record<Lang, string> = {
  en: words(`doctors physicians GPs practitioners clinicians members participants residents trainees registrars
    students nurses midwives patients colleagues staff leaders facilitators storytellers psychiatrists
    paediatricians psychologists professionals specialists attendees respondents
    studies trials reviews surveys articles papers programmes programs
    sessions meetings groups countries societies
    years months weeks days hours minutes`),
  it: words(`medici curanti professionisti partecipanti specializzandi studenti infermieri infermiere ostetriche
    pazienti colleghi conduttori facilitatori relatori psichiatri pediatri psicologi specialisti membri
    studi trial revisioni indagini articoli programmi
    incontri sedute sessioni gruppi Paesi società
    anni mesi settimane giorni ore minuti`),
};

/** A study named together with what it found makes a result. */
const STUDY: Record<Lang, string> = {
  en: words(`study studies trial trials review reviews meta-analysis meta-analyses survey surveys evaluation
    evaluations experiment experiments research researchers pilot pilots`),
  it: words(`studio studi trial revisione revisioni metanalisi indagine indagini valutazione valutazioni
    esperimento esperimenti ricerca ricerche ricercatori`),
};
const FOUND: Record<Lang, string> = {
  en: words(`found find finds showed shown shows show suggest suggests suggested reported rated measured judged
    concluded point points pointed indicate indicates indicated observed`),
  it: words(`trovato trovano trovava rilevato rileva mostra mostrano mostrato suggerisce suggeriscono suggerito
    indica indicano indicato riferito riferivano riferiscono giudicavano giudicato misurato osservato
    notavano dimostrato concluso`),
};

const AGE: Record<Lang, RegExp[]> = {
  en: [/\b(?:at|aged) \d{1,2}\b(?![.,]\d|\s*%)/i, /\b\d{1,3}[- ]years?[- ]old\b/i,
    /\b(?:early|mid|late)[- ]?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/i],
  it: [/\ba \d{1,2} anni\b/i, /\b(?:vent|trent|quarant|cinquant|sessant|settant|ottant|novant)'anni\b/i],
};

/** 1800–2099 as a year or a decade ("1950s", "1918–1920"); Italian also names decades in words.
 *  A number right after a name in capitals is part of the name (SCORM 2004), not a year. */
const YEAR: Record<Lang, RegExp[]> = {
  en: [/(?<![\d.,]|\b[A-Z]{2,} )(?:1[89]\d\d|20\d\d)s?(?![\d.,]\d)/],
  it: [/(?<![\d.,]|\b[A-Z]{2,} )(?:1[89]\d\d|20\d\d)(?![\d.,]\d)/, /\banni (?:Venti|Trenta|Quaranta|Cinquanta|Sessanta|Settanta|Ottanta|Novanta|Duemila)\b/],
};

const PERCENT: Record<Lang, RegExp> = {
  en: /\d+(?:[.,]\d+)?\s?%|\bper ?cent\b/i,
  it: /\d+(?:[.,]\d+)?\s?%|\bper ?cento\b/i,
};

/** A whole number (not a version such as 2.0) or a number word. */
const NUMBER = (lang: Lang) => `(?:(?<![\\d.,])\\d+(?![.,]\\d)|\\b(?:${NUMBER_WORDS[lang]}))`;
/** A number, then at most two words ("nine or ten", "eleven randomised"), then what it counts. */
const countRe = (lang: Lang) => new RegExp(`${NUMBER(lang)}(?:[ -][\\p{L}-]+){0,2}?[ -](?:${COUNTED[lang]})\\b`, 'iu');
const studyRe = (lang: Lang) => new RegExp(`\\b(?:${STUDY[lang]})\\b`, 'i');
const foundRe = (lang: Lang) => new RegExp(`\\b(?:${FOUND[lang]})\\b`, 'i');
const COUNT = { en: countRe('en'), it: countRe('it') };
const STUDY_RE = { en: studyRe('en'), it: studyRe('it') };
const FOUND_RE = { en: foundRe('en'), it: foundRe('it') };

/** What the reader reads: no link targets, ids, language marks or source references. */
export const readable = (text: string) =>
  text.replace(/\]\([^)]*\)/g, ']').replace(/\{(?:#|lang=|@)[^}]*\}/g, '').replace(/\[@[^\]\n]*\]/g, '');

/** The facts a sentence states, by kind; empty if it states none the rule looks for. */
export function claimsIn(sentence: string, lang: Lang): Claim[] {
  const text = readable(sentence);
  const found: Claim[] = [];
  const first = (kind: ClaimKind, res: RegExp[]) => {
    for (const re of res) {
      const m = re.exec(text);
      if (m) return found.push({ kind, text: m[0] });
    }
  };
  first('year', YEAR[lang]);
  first('percentage', [PERCENT[lang]]);
  first('age', AGE[lang]);
  first('count', [COUNT[lang]]);
  const study = STUDY_RE[lang].exec(text);
  const result = study && FOUND_RE[lang].exec(text);
  if (study && result) found.push({ kind: 'study', text: `${study[0]} … ${result[0]}` });
  return found;
}

export interface Sentence { text: string; offset: number }

/** Splits running text into sentences. A reference written after the full stop
 *  ("… consultation. [@key]") belongs to the sentence before it. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const end = /[.!?…]["'»”’)]*\s+(?=[\p{Lu}\d"'«“‘(\[*_])/gu;
  let start = 0;
  for (const m of text.matchAll(end)) {
    const stop = m.index + m[0].length;
    out.push({ text: text.slice(start, stop), offset: start });
    start = stop;
  }
  if (start < text.length) out.push({ text: text.slice(start), offset: start });
  for (let i = 1; i < out.length; i++) {
    const lead = /^\[@[^\]\n]*\]\s*/.exec(out[i].text);
    if (!lead) continue;
    out[i - 1] = { ...out[i - 1], text: out[i - 1].text + lead[0] };
    out[i] = { text: out[i].text.slice(lead[0].length), offset: out[i].offset + lead[0].length };
  }
  return out.filter((s) => s.text.trim() !== '');
}
