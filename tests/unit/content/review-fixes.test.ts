// What an independent expert review found wrong, pinned so it cannot creep back:
// a match key true of more than one format, claims stronger than the studies behind them,
// Balint's age, a founding year, and credit wording that an Italian physician reads as ECM.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseStrings } from '../../support/course-strings';
import { CONTENT_ROOT } from '../../../build/harness/paths';

type Text = { en: string; it: string };
const json = (path: string) => JSON.parse(readFileSync(join(CONTENT_ROOT, path), 'utf8'));

describe('the differences match item', () => {
  const item = json('modules/differences/quiz.json').items.find((i: { id: string }) => i.id === 'diff-match');
  const table = json('modules/differences/interactive.json')['diff-comparison'];
  const cell = (row: string, column: string): Text => table.rows.find((r: { id: string }) => r.id === row).cells[column];
  const balintOnly: { text: Text }[] = item.sources.filter((s: { target: string }) => s.target === 'balint');

  it('is built on a table that says Schwartz Rounds, too, judge no one and seek no solutions', () => {
    expect(cell('assessment', 'schwartz').en).toMatch(/^None/);
    expect(cell('outcome', 'schwartz').en).toMatch(/no problem-solving/);
  });

  it('keys to the Balint group only what the table gives no other format: no judging, no solutions', () => {
    expect(balintOnly.length).toBeGreaterThanOrEqual(2);
    for (const s of balintOnly) {
      expect(s.text.en).not.toMatch(/judg|assess|solution/i);
      expect(s.text.it).not.toMatch(/giudic|valut|soluzion/i);
    }
  });

  it('keys to the Balint group the study of one clinician–patient relationship, which the Schwartz column lacks', () => {
    expect(balintOnly.some((s) => /one clinician's relationship with one patient/.test(s.text.en) && /relazione di un curante con un paziente/.test(s.text.it))).toBe(true);
    expect(cell('focus', 'schwartz').en).not.toMatch(/relationship/i);
  });
});

// Each claim went further than its source; the phrases in both languages must not return.
const OVERCLAIMS: Record<'en' | 'it', [RegExp, string][]> = {
  en: [
    [/better communication is a common result/i, 'no gain rated by patients or observers has been shown'],
    [/fewer errors/i, 'no study measured errors'],
    [/clear benefits/i, 'the Swedish study interviewed nine long-standing members'],
    [/about half of (US )?family-medicine/i, 'a 2010 survey: 54% of 159 responding programmes'],
    [/can expect|expected result/i, 'a possibility, not a promise'],
    [/about as well as|in line with those of groups meeting in person/i, 'online groups rest on pilots and self-ratings'],
    [/Schwartz Rounds began in Boston in 1995/i, '1995 is when the Schwartz Center was founded'],
    [/counts nurses, midwives, physiotherapists/i, 'AMIGB promotes groups for these professions; it does not list them as members'],
  ],
  it: [
    [/comunicazione migliore è un risultato frequente/i, 'nessun miglioramento valutato da pazienti o osservatori'],
    [/lo stress e gli errori|meno errori/i, 'nessuno studio ha misurato gli errori'],
    [/benefici evidenti|vantaggi evidenti/i, 'interviste a partecipanti di lunga data'],
    [/circa la metà dei programmi/i, 'indagine del 2010: 54% di 159 programmi'],
    [/può attendersi|risultat[oi] attes[oi]/i, 'una possibilità, non una promessa'],
    [/più o meno come quelli in presenza|risultati simili a quelli dei gruppi in presenza/i, 'studi pilota e autovalutazioni'],
    [/nati a Boston nel 1995/i, 'nel 1995 nasce lo Schwartz Center'],
    [/conta tra i suoi membri infermieri/i, "l'AMIGB promuove gruppi per queste professioni"],
  ],
};

describe.each(['en', 'it'] as const)('the course in %s', (lang) => {
  const strings = courseStrings(lang);

  it.each(OVERCLAIMS[lang].map(([re, why]) => [re.source, re, why] as const))('never claims /%s/', (_, re, why) => {
    const found = strings.filter((s) => re.test(s.text)).map((s) => `${s.file}: ${why}`);
    expect(found).toEqual([]);
  });

  it('states the limits of the 2024 meta-analysis wherever it reports it: the Chinese trials, the spread, the self-ratings', () => {
    const meta = lang === 'en' ? /2024 meta-analysis/ : /metanalisi/;
    const paragraphs = strings.flatMap((s) => s.text.split(/\n\s*\n/)).filter((p) => meta.test(p) && !p.startsWith('- '));
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) {
      expect(p).toMatch(lang === 'en' ? /China/ : /cinesi/);
      expect(p).toMatch(lang === 'en' ? /varied widely/ : /variavano molto/);
      expect(p).toMatch(lang === 'en' ? /rated by the participants themselves/ : /valutata dai partecipanti stessi/);
    }
  });

  it('gives Balint\'s age on joining the Tavistock in 1948 as 51 (born 3 December 1896) wherever it states it', () => {
    const age = lang === 'en' ? /\b(?:[Aa]t|aged) (\d{2})\b/g : /\b[Aa] (\d{2}) anni\b/g;
    const ages = strings.filter((s) => /Tavistock|1948/.test(s.text) && !s.file.includes('references'))
      .flatMap((s) => [...s.text.matchAll(age)].map((m) => m[1]));
    expect(ages.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ages)).toEqual(new Set(['51']));
  });

  it('cites the BMJ obituary that names Philip Hopkins as the Balint Society\'s founder', () => {
    const refs = strings.find((s) => s.file === join('course', lang, 'references.md'))!.text;
    expect(refs).toMatch(/Philip Hopkins.*BMJ.* 2007;335:404/);
  });
});

describe('credit wording an Italian physician would not mistake for ECM credits', () => {
  const ui = json('course/ui.json');
  const it_ = courseStrings('it');

  it('labels the certificate line with self-certified training hours, in Italian and in English', () => {
    expect(ui['certificate.credit'].it).toBe('Ore di formazione autocertificate');
    expect(ui['certificate.credit'].en).toBe('CPD hours');
  });

  it('has no "Crediti" label and no heading about obtaining credits on the welcome page', () => {
    const welcome = readFileSync(join(CONTENT_ROOT, 'modules/welcome/it.md'), 'utf8');
    expect(welcome).not.toMatch(/\*\*Crediti\*\*/);
    expect(welcome).not.toMatch(/^#+ .*crediti/im);
    expect(welcome).toMatch(/\*\*Ore di formazione\*\*: fino a 3 ore di formazione autocertificate/);
  });

  it('mentions credits in Italian only to say these are not ECM credits', () => {
    const uses = it_.flatMap((s) => [...s.text.matchAll(/.{0,16}\bcrediti\b.{0,4}/gi)].map((m) => ({ file: s.file, at: m[0] })));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u.at, u.file).toMatch(/\bnon\b.*crediti ECM/i);
  });
});

describe('Italian a physician reads without stopping', () => {
  const prose = courseStrings('it');
  const CALQUES: [RegExp, string][] = [
    [/addestramento/i, 'formazione psicologica'],
    [/effett[oi] collateral[ei] benvenut[oi]/i, 'gradito effetto secondario: effetto collaterale means an unwanted effect'],
    [/\b(un|il) dirigente\b/i, 'every hospital doctor is a dirigente medico'],
    [/verifiche di qualità|gestione del rischio clinico/i, 'audit clinico, governo clinico'],
    [/grandi visite/i, 'giro visite'],
    [/prima di un ambulatorio/i, 'giornata di ambulatorio'],
    [/gruppo di lavoro/i, 'équipe'],
    [/custodi\w* i confini/i, 'custodire il setting'],
    [/descritt[oa] da vicino/i, 'studiata a fondo'],
    [/attenzione attenta/i, 'tautology'],
    [/valutazione professionale/i, 'UK appraisal has no Italian twin: portfolio professionale'],
    [/convertirvi/i, '"vi" reads as "you all"'],
    [/preferirebbe un medico che gli tiene/i, 'sequence of tenses'],
  ];

  it.each(CALQUES.map(([re, why]) => [re.source, re, why] as const))('never uses /%s/', (_, re, why) => {
    expect(prose.filter((s) => re.test(s.text)).map((s) => `${s.file}: ${why}`)).toEqual([]);
  });

  it('pairs "Falso mito" with "Fatto", never with "Vero"', () => {
    const labels = [
      ...json('modules/misconceptions/quiz.json').items.map((i: { labels?: Record<string, Text> }) => i.labels),
      ...json('modules/assessment/quiz.json').items.map((i: { labels?: Record<string, Text> }) => i.labels),
    ].filter((l) => l?.false.it === 'Falso mito');
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l.true.it).toBe('Fatto');
    expect(json('modules/misconceptions/interactive.json')['myths-cards'].verdictLabels.fact.it).toBe('Fatto');
  });

  it('uses Italian quotation marks, not straight ones, in the course pages', () => {
    for (const page of ['accessibility.md', 'privacy.md', 'references.md']) {
      const body = readFileSync(join(CONTENT_ROOT, 'course/it', page), 'utf8').replace(/^---[\s\S]*?---/, '');
      expect(body, page).not.toContain('"');
    }
  });
});
