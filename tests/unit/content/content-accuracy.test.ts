// What a Balint group leader and an Italian CME editor found wrong or unsupported in the text, pinned
// so it cannot creep back, in both languages: a misspelt name, claims stronger than their sources
// (no assessment ever, voluntary groups only, burnout as an aim, a Swedish study read as a burnout
// study), details no source confirms, and Italian that a physician reads as a calque or as ECM jargon
// used wrongly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseStrings } from '../../support/course-strings';
import { CONTENT_ROOT } from '../../../build/harness/paths';

type Text = { en: string; it: string };
type Item = { id: string; type: string; prompt: Text; options?: { id: string; text: Text; correct: boolean; feedback: Text }[]; statements?: { id: string; text: Text; feedback: Text }[]; sources?: { id: string; feedback: Text }[] };
const read = (path: string) => readFileSync(join(CONTENT_ROOT, path), 'utf8');
const json = (path: string) => JSON.parse(read(path));
const item = (path: string, id: string): Item => json(path).items.find((i: Item) => i.id === id);
const option = (i: Item, id: string) => i.options!.find((o) => o.id === id)!;
const ui = json('course/ui.json');
const LANGS = ['en', 'it'] as const;

/** Every place a phrase occurs, as "file: …phrase…", so a failure says where to look. */
function occurrences(lang: 'en' | 'it', re: RegExp): string[] {
  return courseStrings(lang).flatMap((s) => [...s.text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => `${s.file}: …${m[0]}…`));
}

describe('facts a Balint leader checked against the literature', () => {
  it('spells Balint\'s birth name Bergsmann, as the German Balint Society does, wherever it is given', () => {
    for (const lang of LANGS) {
      expect(read(`modules/origins/${lang}.md`)).toMatch(/Mihály Bergsmann/);
      expect(json('modules/origins/interactive.json')['origins-timeline'].events[0].text[lang]).toMatch(/Bergsmann/);
      // Bergmann may appear only as the variant, beside Bergsmann.
      for (const s of courseStrings(lang).filter((x) => /Bergmann/.test(x.text))) expect(s.text, s.file).toMatch(/Bergsmann/);
    }
  });

  it('does not say a Balint group is never assessed: cases are not judged, and some schemes rate participation', () => {
    expect(occurrences('en', /never assessed|nobody is judged or graded|judges no one\./i)).toEqual([]);
    expect(occurrences('it', /non è mai oggetto di valutazione|nessuno viene giudicato o valutato|non giudica nessuno\./i)).toEqual([]);
    const cell = json('modules/differences/interactive.json')['diff-comparison'].rows.find((r: { id: string }) => r.id === 'assessment').cells.balint as Text;
    expect(cell.en).toMatch(/not judged.*rate a trainee's participation/);
    expect(cell.it).toMatch(/vengono giudicati.*partecipazione/);
    const cbd = option(item('modules/assessment/quiz.json', 'final-diff-cbd-assessed'), 'a').feedback;
    expect(cbd.en).toMatch(/rate a trainee's participation/);
    expect(cbd.it).toMatch(/valutare la partecipazione/);
    // Case-based discussion is a graded assessment in psychiatry training too.
    expect(read('modules/differences/en.md')).toMatch(/in general practice and in psychiatry alike/);
    expect(read('modules/differences/it.md')).toMatch(/in medicina generale come in psichiatria/);
  });

  it('says groups depend on confidentiality and work best when chosen, not that all participation is voluntary', () => {
    expect(occurrences('en', /depended on voluntary|Free, voluntary participation|Members must take part freely/i)).toEqual([]);
    expect(occurrences('it', /partecipazione volontaria e riservata|partecipazione libera e volontaria|La partecipazione deve essere libera/i)).toEqual([]);
    expect(read('modules/origins/en.md')).toMatch(/depended on confidentiality, and works best when its members have chosen to be there/);
    expect(read('modules/origins/it.md')).toMatch(/si regge sulla riservatezza, e funziona meglio quando chi partecipa ha scelto di esserci/);
  });

  it('keeps only the confidentiality half of the sorter statement, since attendance is logged in ordinary training', () => {
    const s = json('modules/can-and-cannot/interactive.json')['cancannot-sorter'].statements.find((x: { id: string }) => x.id === 'work-without-trust');
    expect(s.text.en).not.toMatch(/attendance|monitored/i);
    expect(s.text.it).not.toMatch(/presenz|controllat/i);
    expect(s.text.en).toMatch(/reported outside/);
  });

  it('treats less burnout as a hoped-for effect, not an aim, and credits the lists of premises and aims to the Italian deck', () => {
    const aims = item('modules/can-and-cannot/quiz.json', 'cancannot-aims-multiple');
    for (const o of aims.options!.filter((x) => x.correct)) {
      expect(o.text.en).not.toMatch(/burnout|stress/i);
      expect(o.text.it).not.toMatch(/burnout|stress/i);
    }
    expect(occurrences('en', /one of the four aims|It is one of the group's aims/)).toEqual([]);
    expect(occurrences('it', /uno dei quattro scopi|È uno degli scopi del gruppo/)).toEqual([]);
    expect(read('modules/can-and-cannot/en.md')).toMatch(/Prato Previde[^\n]*lists four aims[\s\S]*hoped-for effect than as an aim/);
    expect(read('modules/can-and-cannot/it.md')).toMatch(/Prato Previde[^\n]*quattro scopi[\s\S]*effetto sperato/);
    expect(read('modules/premises/en.md')).toMatch(/Prato Previde[^\n]*four premises/);
    expect(read('modules/premises/it.md')).toMatch(/Prato Previde[^\n]*quattro premesse/);
  });

  it('gives the Swedish GP study\'s design wherever it cites it: 20 against 21, one point in time, not a burnout measure', () => {
    for (const lang of LANGS) {
      const citing = courseStrings(lang).flatMap((s) => s.text.split(/\n\s*\n/).map((p) => ({ file: s.file, p }))).filter((x) => x.p.includes('[@kjeldmand-2004]'));
      expect(citing.length, lang).toBeGreaterThanOrEqual(3);
      for (const { file, p } of citing) {
        expect(p, file).toMatch(/\b20\b[\s\S]*\b21\b/);
        expect(p, file).toMatch(lang === 'en' ? /single point in time/ : /un solo momento/);
        expect(p, file).toMatch(lang === 'en' ? /not burnout|did not measure burnout/ : /non il burnout|non misurava il burnout/);
      }
    }
  });

  it('does not claim reviews and trials show protection against burnout, nor that a group flatly helps protect against it', () => {
    expect(occurrences('en', /Reviews and trials point towards|and help protect against burnout|There are also signs of protection against burnout/)).toEqual([]);
    expect(occurrences('it', /Revisioni e studi indicano benefici|\be aiutare a proteggersi dal burnout|Ci sono anche indizi di protezione dal burnout/)).toEqual([]);
    const c = option(item('modules/assessment/quiz.json', 'final-cancannot-evidence-summary'), 'c').feedback;
    expect(c.en).toMatch(/A few small trials suggest[\s\S]*did not fall/);
    expect(c.it).toMatch(/Alcuni piccoli studi suggeriscono[\s\S]*non è diminuito/);
    expect(read('modules/can-and-cannot/en.md')).toMatch(/and may help protect against burnout/);
    expect(read('modules/can-and-cannot/it.md')).toMatch(/e forse aiutare a proteggersi dal burnout/);
  });

  it('tells the end of the Budapest seminars only as far as the sources do: no police list, no plain-clothes officer', () => {
    expect(occurrences('en', /police|plain-clothes|participants' names/i)).toEqual([]);
    expect(occurrences('it', /polizia|in borghese|nomi dei partecipanti/i)).toEqual([]);
  });

  it('cites the two studies in which outsiders rated the change, instead of a universal negative', () => {
    const s3 = item('modules/can-and-cannot/quiz.json', 'cancannot-sort').statements!.find((s) => s.id === 's3')!.feedback;
    for (const lang of LANGS) expect(s3[lang]).toMatch(/\[@adams-2006\][\s\S]*\[@buffel-du-vaure-2017\]/);
    expect(occurrences('en', /No study has yet shown a change that patients or outside observers/i)).toEqual([]);
    expect(occurrences('it', /Nessuno studio ha ancora mostrato un cambiamento percepibile/i)).toEqual([]);
  });

  it('says "we found no study" of mistakes, rather than that none exists', () => {
    expect(occurrences('en', /no study has yet measured/i)).toEqual([]);
    expect(occurrences('it', /nessuno studio lo ha ancora misurato/i)).toEqual([]);
    expect(read('modules/can-and-cannot/en.md')).toMatch(/We found no study that has measured whether this also means fewer mistakes/);
    expect(read('modules/can-and-cannot/it.md')).toMatch(/Non abbiamo trovato studi che abbiano misurato/);
  });

  it('names German training with Balint work as it is: psychiatry and psychosomatic medicine included, paediatrics only since 2023', () => {
    const en = read('modules/misconceptions/en.md');
    const it_ = read('modules/misconceptions/it.md');
    expect(en).toMatch(/psychiatry, psychosomatic medicine, general practice, and obstetrics and gynaecology/);
    expect(en).toMatch(/Paediatrics joined the list only with the 2023 model training regulations, which the regional medical chambers are bringing in/);
    expect(it_).toMatch(/psichiatria, in medicina psicosomatica, in medicina generale e in ostetricia e ginecologia/);
    expect(it_).toMatch(/La pediatria si è aggiunta solo con il regolamento nazionale di riferimento del 2023/);
  });

  it('says a leader should not be the members\' line manager, with the source for external leaders', () => {
    expect(read('modules/how-a-group-works/en.md')).toMatch(/should not be the members' line manager[\s\S]*\[@baek-2007/);
    expect(read('modules/how-a-group-works/it.md')).toMatch(/non dovrebbe essere il responsabile gerarchico dei partecipanti[\s\S]*\[@baek-2007/);
  });
});

describe('Italian an Italian CME editor would sign', () => {
  const it_ = courseStrings('it');

  it('states the hours on the certificate without an instruction, and names the credit type plainly', () => {
    const cme = json('course/course.json').cme;
    expect(cme.statement.it).toBe('Impegno previsto: fino a 3 ore, dichiarate dal partecipante. Il corso non è accreditato ECM e non rilascia crediti ECM.');
    expect(cme.creditType.it).toBe('autocertificate, non ECM');
  });

  it('explains how the hours may count in Italy: autoformazione, self-certified on Co.Ge.A.P.S., within 20% of the three-year obligation', () => {
    const welcome = read('modules/welcome/it.md');
    expect(welcome).toMatch(/\*autoformazione\*, che si autocertifica sul portale Co\.Ge\.A\.P\.S\. e conta solo entro il 20% dell'obbligo formativo triennale \[@agenas-2024\]/);
    expect(welcome).toMatch(/Verifica che questa possibilità valga nel tuo caso/);
    expect(welcome).not.toMatch(/chiedi al tuo Ordine/);
  });

  it('never calls the learner\'s record a dossier formativo, the ECM planning tool', () => {
    expect(occurrences('it', /dossier formativo/i)).toEqual([]);
    expect(read('modules/welcome/it.md')).toMatch(/portfolio professionale/);
  });

  it('calls module tests quiz and the course evaluation a questionario di gradimento', () => {
    expect(occurrences('it', /questionari dei moduli|questionario di valutazione|breve questionario\.|rispondi ai questionari/i)).toEqual([]);
    expect(read('modules/welcome/it.md')).toMatch(/breve questionario di gradimento del corso/);
    expect(ui['home.modules'].it.other).toBe('{count} moduli, ognuno con un breve quiz e spunti di riflessione');
    expect(ui['directive.evaluation'].it).toBe('Questionario di gradimento');
  });

  it('names the attestation of time as the rest of the course does', () => {
    const page = read('course/it/accessibility.md');
    expect(page).toMatch(/la dichiarazione del tempo e l'attestato/);
    expect(page).not.toMatch(/l'attestazione e l'attestato/);
  });

  it('asks the administrator to grant a new attempt, with Moodle\'s own Italian labels', () => {
    expect(ui['assessment.noRetakes'].it).toMatch(/può concederti un nuovo tentativo/);
    // The labels Moodle shows on a SCORM activity's page (mod/scorm/locallib.php, Moodle 4.3: strings
    // 'newattempt', 'enter', 'browse'), as Moodle's Italian language pack (AMOS, 'it', mod_scorm)
    // gives them: «Avvia un nuovo tentativo», «Entra», «Anteprima», the same in its 2.5, 3.2 and 4.1 packs.
    expect(ui['assessment.reviewNewAttempt'].it).toMatch(/spunta «Avvia un nuovo tentativo», poi premi «Entra»/);
    expect(ui['assessment.browseNotRecorded'].it).toMatch(/con il pulsante «Entra», non con «Anteprima»/);
    expect(ui['assessment.reviewNewAttempt'].en).toMatch(/“Start a new attempt”, then press Enter/);
    expect(ui['assessment.browseNotRecorded'].en).toMatch(/Enter, not Preview/);
  });

  it('heads the objectives "Obiettivi del modulo", which also fits the final module\'s tasks', () => {
    expect(ui['page.objectives'].it).toBe('Obiettivi del modulo');
    expect(ui['page.objectives'].en).toBe('Objectives of this module');
  });

  it('writes the premises quiz in a clinician\'s Italian', () => {
    const quiz = read('modules/premises/quiz.json');
    expect(quiz).toMatch(/rischia di far sfuggire una malattia organica/);
    expect(quiz).toMatch(/quando un paziente non si comporta così\?/);
    expect(quiz).not.toMatch(/far perdere una malattia|non vi corrisponde/);
  });

  it('says change in therapy concerns the person, and uses one term for a graded assessment', () => {
    const cell = json('modules/differences/interactive.json')['diff-comparison'].rows.find((r: { id: string }) => r.id === 'assessment').cells.therapy as Text;
    expect(cell.it).toBe('Nessuna: il cambiamento riguarda la persona');
    expect(occurrences('it', /valutazione con (?:giudizio|voto|un giudizio)|con voto\b|con un giudizio/i)).toEqual([]);
    expect(read('modules/misconceptions/it.md')).toMatch(/valutazione formale, con esito/);
    expect(read('modules/differences/it.md')).toMatch(/valutazione formale, con esito/);
  });

  const CALQUES: [RegExp, string][] = [
    [/Da che cosa il conduttore tiene lontano/, 'Le derive che il conduttore evita'],
    [/in cima al cerchio/, 'in alto nel cerchio'],
    [/abbastanza poco da stare/, 'abbastanza brevi'],
    [/alla fine del conflitto/, 'no war is named yet: alla fine della Prima guerra mondiale'],
    [/domanda autoindulgente/, 'non è un esercizio di compiacimento'],
    [/sta rimettendo in scena della visita/, 'quando il gruppo rimette in scena ciò che è accaduto nella visita'],
    [/essenziale al loro lavoro/, 'essenziale nel lavoro'],
    [/le fasi della vita/, "la fascia d'età"],
    [/Ente erogatore/, 'one name for the provider: Organizzatore'],
    [/(?:incontro|revisione) di morbilità/, 'audit di morbilità e mortalità'],
    [/\bse stesso\b/, 'one spelling: sé stesso'],
    [/\b1 dicembre\b/, '1° dicembre'],
    [/sono segnati con la loro/, 'contrassegnati con la propria lingua'],
    [/le immagini delle pagine/, 'schermate'],
    [/gli ho fatto la richiesta/, "gli ho fatto l'impegnativa"],
  ];
  it.each(CALQUES.map(([re, why]) => [re.source, re, why] as const))('never uses /%s/', (_, re, why) => {
    expect(it_.filter((s) => re.test(s.text)).map((s) => `${s.file}: ${why}`)).toEqual([]);
  });

  it('writes the phrases the editor asked for', () => {
    expect(read('modules/how-a-group-works/it.md')).toMatch(/## Le derive che il conduttore evita \{#group-leader-limits\}/);
    expect(read('modules/origins/it.md')).toMatch(/si laurea alla fine della Prima guerra mondiale/);
    expect(read('modules/welcome/it.md')).toMatch(/\*\*Data di pubblicazione\*\*: 1° dicembre 2026/);
    expect(ui['journal.provider'].it).toBe('Organizzatore');
    expect(read('modules/misconceptions/it.md')).toMatch(/un audit di morbilità e mortalità/);
    expect(read('modules/differences/it.md')).toMatch(/un audit di morbilità e mortalità/);
    expect(read('course/it/accessibility.md')).toMatch(/contrassegnati con la propria lingua[\s\S]*le schermate delle pagine/);
    expect(read('modules/how-a-group-works/interactive.json')).toMatch(/gli ho fatto l'impegnativa/);
  });

  it('dates the Italian editions of Balint\'s book on the Sources page: Feltrinelli 1961, Fioriti 2014', () => {
    for (const lang of LANGS) expect(read(`course/${lang}/references.md`)).toMatch(/Feltrinelli; 1961[\s\S]*Giovanni Fioriti Editore; 2014/);
  });
});
