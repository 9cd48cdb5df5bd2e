// What one learner does in a real run, as plain data (open a page, tick an input, press a button),
// so the same run can be played by Playwright here and by a Moodle rig step (a plain .mjs file).
import type { Lang } from '../../../src/content/types';
import { isScored } from '../../../src/content/types';
import { courseContent } from '../../../build/harness/course-content';
import { answerFor } from '../../../build/harness/course-driver';

export type Outcome = 'pass' | 'fail' | 'unfinished';
export type Action =
  | { kind: 'open'; pageId: string }
  | { kind: 'next' }
  | { kind: 'check'; selector: string }
  | { kind: 'fill'; selector: string; value: string }
  | { kind: 'click'; selector: string }
  | { kind: 'wait'; selector: string };

/** A reflection written in every run, so tests can prove it never reaches an output. */
export const SECRET_REFLECTION = 'PRIVATE-REFLECTION: my patient Mrs Example made me feel angry';

/** pass: every page, quizzes mostly right, the assessment right, evaluation, attestation.
 *  fail: every page, quizzes wrong, the assessment wrong. unfinished: three modules, then leaves. */
export function learnerPlan(lang: Lang, outcome: Outcome, variant = 0): Action[] {
  const content = courseContent(lang);
  const plan: Action[] = [{ kind: 'wait', selector: 'h1#page-title, main button.primary' }];
  const teaching = content.modules.filter((m) => m.slug !== 'assessment');
  const reach = outcome === 'unfinished' ? teaching.slice(0, 3) : content.modules;
  for (const mod of reach) for (const p of mod.pages) plan.push({ kind: 'open', pageId: p.id });
  for (const [n, mod] of (outcome === 'unfinished' ? teaching.slice(0, 2) : teaching).entries()) {
    const quizPage = mod.pages.find((p) => p.blocks.some((b) => b.kind === 'quiz'));
    if (!quizPage) continue;
    plan.push({ kind: 'open', pageId: quizPage.id });
    for (const [i, item] of mod.items.filter(isScored).entries()) {
      // A pass still gets some items wrong (a different one per variant), as real learners do.
      const right = outcome === 'pass' ? (i + n + variant) % 4 !== 0 : outcome === 'fail' ? (i + variant) % 3 === 0 : true;
      const form = `form[data-item="${item.id}"]`;
      for (const input of answerFor(item, right).inputs) plan.push({ kind: 'check', selector: `${form} ${input}` });
      plan.push({ kind: 'click', selector: `${form} button[type=submit]` }, { kind: 'wait', selector: `${form}[data-state="${right ? 'right' : 'wrong'}"]` });
    }
    const reflection = mod.items.find((i) => i.type === 'reflection');
    if (reflection && n === 0) {
      plan.push({ kind: 'fill', selector: `form[data-item="${reflection.id}"] textarea`, value: SECRET_REFLECTION });
      plan.push({ kind: 'click', selector: `form[data-item="${reflection.id}"] button[type=submit]` });
    }
  }
  if (outcome === 'unfinished') return plan;
  const assessment = content.modules.find((m) => m.slug === 'assessment')!;
  const pageWith = (name: string) => assessment.pages.find((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === name))!.id;
  plan.push({ kind: 'open', pageId: pageWith('assessment') });
  for (const [i, item] of assessment.items.filter(isScored).entries()) {
    // Pass: 2 of 28 wrong (93 %); fail: about half wrong.
    const right = outcome === 'pass' ? (i + variant) % 14 !== 3 : (i + variant) % 2 === 0;
    for (const input of answerFor(item, right).inputs) plan.push({ kind: 'check', selector: `fieldset[data-item="${item.id}"] ${input}` });
  }
  plan.push({ kind: 'click', selector: '.assessment button[type=submit]' }, { kind: 'wait', selector: '#assessment-result' });
  if (outcome === 'fail') return plan;
  plan.push({ kind: 'open', pageId: pageWith('evaluation') });
  const surveys = assessment.items.filter((i) => i.type === 'survey' && i.scale);
  for (const [n, item] of surveys.entries()) plan.push({ kind: 'check', selector: `.evaluation input[name="${item.id}"] >> nth=${(n + variant) % 2 === 0 ? 3 : 4}` });
  plan.push({ kind: 'fill', selector: '.evaluation textarea', value: 'PRIVATE-COMMENT: the evaluation comment' });
  plan.push({ kind: 'click', selector: '.evaluation button[type=submit]' }, { kind: 'wait', selector: '.evaluation .sent:not(:empty)' });
  plan.push({ kind: 'open', pageId: pageWith('attestation') });
  plan.push({ kind: 'fill', selector: '#attested-minutes', value: String(100 + variant * 5) });
  plan.push({ kind: 'click', selector: '.attestation button[type=submit]' });
  plan.push({ kind: 'open', pageId: pageWith('certificate') }, { kind: 'wait', selector: '.certificate' });
  return plan;
}
