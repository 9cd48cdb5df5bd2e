// Adding a module is a content change only: a throwaway module, written into a copy of the real
// course as docs/authoring.md says (a folder with its prose in each language and its quiz, and its
// slug in course.json), passes the checks and builds into a package that carries it. No code moves.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent } from '../../../build/content/check';
import { bundle } from '../../../build/bundle/vite-build';
import { writePackage } from '../../../build/package';
import { readZip } from '../../../build/harness/packages';
import { ROOT } from '../../../build/harness/paths';

const prose = (lang: 'en' | 'it') => {
  const t = lang === 'en'
    ? { title: 'Sitting with silence', o1: 'Describe what a pause in the group can offer', o2: 'Notice your own wish to fill a silence', p1: 'When nobody speaks', s1: 'What a pause offers', s2: 'Your wish to fill it', body: 'A pause lets the group think before it answers.' }
    : { title: 'Stare nel silenzio', o1: 'Descrivere che cosa può offrire una pausa nel gruppo', o2: 'Notare il proprio desiderio di riempire un silenzio', p1: 'Quando nessuno parla', s1: 'Che cosa offre una pausa', s2: 'Il desiderio di riempirla', body: 'Una pausa lascia al gruppo il tempo di pensare prima di rispondere.' };
  return `---\ntitle: ${t.title}\nobjectives:\n  - ${t.o1}\n  - ${t.o2}\n---\n\n# ${t.p1} {#silence-start}\n\n${t.body}\n\n## ${t.s1} {#silence-offers}\n\n${t.body}\n\n## ${t.s2} {#silence-wish}\n\n${t.body}\n`;
};

const quiz = {
  items: [
    ...['one', 'two', 'three', 'four'].map((n) => ({
      id: `silence-check-${n}`,
      type: 'truefalse',
      teaches: 'silence-offers',
      prompt: { en: 'A pause can give the group time to think.', it: 'Una pausa può dare al gruppo il tempo di pensare.' },
      labels: { true: { en: 'True', it: 'Vero' }, false: { en: 'False', it: 'Falso' } },
      answer: true,
      feedback: {
        true: { en: 'Right: a pause lets thinking happen before answers.', it: 'Giusto: una pausa lascia spazio al pensiero prima delle risposte.' },
        false: { en: 'Not quite: a pause lets thinking happen before answers.', it: 'Non proprio: una pausa lascia spazio al pensiero prima delle risposte.' },
      },
    })),
    ...['one', 'two'].map((n) => ({
      id: `silence-reflect-${n}`,
      type: 'reflection',
      teaches: 'silence-wish',
      prompt: { en: 'What did you notice in yourself during a silence?', it: 'Che cosa hai notato in te durante un silenzio?' },
      hint: { en: 'Leave out anything that could identify a patient.', it: 'Ometti tutto ciò che potrebbe identificare un paziente.' },
    })),
  ],
};

describe('a new module', () => {
  it('is added with content files alone, and the built package carries it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'balint-new-module-'));
    try {
      for (const dir of ['course', 'modules']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
      const dir = join(root, 'modules', 'sitting-with-silence');
      mkdirSync(dir);
      writeFileSync(join(dir, 'en.md'), prose('en'));
      writeFileSync(join(dir, 'it.md'), prose('it'));
      writeFileSync(join(dir, 'quiz.json'), JSON.stringify(quiz, null, 2));
      const courseJson = join(root, 'course', 'course.json');
      const course = JSON.parse(readFileSync(courseJson, 'utf8')) as { modules: string[] };
      course.modules.splice(course.modules.indexOf('balint-today') + 1, 0, 'sitting-with-silence');
      writeFileSync(courseJson, JSON.stringify(course, null, 2));

      const { loaded, resolved } = checkContent(root);
      const en = resolved.get('en')!;
      expect(en.outline.modules.map((m) => m.slug)).toContain('sitting-with-silence');

      const stage = join(root, 'stage');
      await bundle({ format: 'scorm12', lang: 'en', content: en, outDir: stage, connectSrc: [], theme: loaded.course.theme, hasLrs: false });
      const zip = readZip(writePackage(loaded.course, 'en', 'scorm12', stage, join(root, 'dist')).path);
      const chunks = [...zip.entries()].filter(([name]) => name.endsWith('.js')).map(([, bytes]) => new TextDecoder().decode(bytes)).join('\n');
      expect(chunks).toContain('Sitting with silence');
      expect(chunks).toContain('silence-check-four');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
