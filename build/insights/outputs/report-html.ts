// report.html: one self-contained page (no script, no external request, prints on paper, fits
// 320 px). A language filter made of radio buttons and CSS :has() shows all learners or one
// language's; each chart is inline SVG with its data table beside it.
import type { CourseModel } from '../course-model.js';
import type { Insights, LangSlice } from '../compute.js';
import type { BadLine } from '../sources/lines.js';
import { esc, table } from './html.js';
import { barChart } from './svg-bars.js';
import { LANG_NAMES } from '../../../src/content/types.js';

/** The report's language filter: every language, or one by its name. */
const FILTER_NAMES: Record<string, string> = { all: 'All languages', ...LANG_NAMES };
const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${Math.round(x * 100)} %`);
const fixed = (x: number | null, d = 2) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));

/** The misconceptions a learner can hold: the items of a myth-or-fact module, the sorters, and the assessment. */
const isMisconceptionItem = (r: { module: string; item: string }, course: CourseModel) =>
  r.module === course.assessment || course.modules.some((m) => m.slug === r.module && m.mythOrFact) || course.items.get(r.item)?.type === 'sort';

function figure(id: string, heading: string, chart: string, tableHtml: string, note = '', wide = false): string {
  return `<section class="block" aria-labelledby="${id}-h"><h3 id="${id}-h">${esc(heading)}</h3>${note ? `<p class="note">${note}</p>` : ''}<div class="pair${wide ? ' wide' : ''}">${chart}${tableHtml}</div></section>`;
}

function sliceHtml(key: string, s: LangSlice, course: CourseModel, meta: { hasTimes: boolean }): string {
  const id = (name: string) => `${key}-${name}`;
  const title = (slug: string) => `${course.modules.findIndex((m) => m.slug === slug) + 1}. ${course.modules.find((m) => m.slug === slug)?.title.en ?? slug}`;
  const out: string[] = [];
  out.push(`<h2 id="${id('h')}">${esc(FILTER_NAMES[key] ?? key)}: ${s.learners} learners, ${s.passed} passed</h2>`);

  const funnel = [...s.funnel.map((f) => ({ label: title(f.slug), value: f.learners })), { label: 'Passed the assessment', value: s.passed }];
  out.push(figure(id('funnel'), 'Completion funnel: learners who reached each module', barChart(id('funnel-c'), 'Learners who reached each module, then passed', funnel, { max: s.learners }),
    table(id('funnel-t'), 'Learners per module', ['Module', 'Learners', 'Share of all'], funnel.map((f) => [f.label, f.value, pct(s.learners ? f.value / s.learners : null)]), [false, true, true]),
    'A learner counts for a module once anything is recorded in it or in a later one; the drop between two bars is where learners stop.'));

  if (meta.hasTimes) {
    // Minutes, or seconds when every module takes under two minutes (a quick test run).
    const inSeconds = Math.max(0, ...s.time.map((t) => t.median_minutes ?? 0)) < 2;
    const [unit, factor] = inSeconds ? ['seconds', 60] : ['minutes', 1];
    const value = (m: number | null) => (m === null ? null : Math.round(m * factor * 10) / 10);
    out.push(figure(id('time'), `Time per module (median ${unit})`, barChart(id('time-c'), `Median ${unit} per module`, s.time.map((t) => ({ label: title(t.slug), value: value(t.median_minutes) ?? 0 })), { unit: inSeconds ? ' s' : ' min' }),
      table(id('time-t'), `Median ${unit} per module`, ['Module', `Median ${unit}`, 'Learners timed'], s.time.map((t) => [title(t.slug), fixed(value(t.median_minutes), 1), t.learners]), [false, true, true]),
      'From the time between a learner\'s recorded events; pauses over 30 minutes are not counted.'));
  } else {
    out.push(`<section class="block"><h3>Time per module</h3><p class="note">This source has no time per event (Moodle's reports record one time per attempt), so time per module cannot be shown.</p></section>`);
  }

  const bins = Array.from({ length: 10 }, (_, i) => ({ bin: i * 10, learners: s.scores.find((b) => b.bin === i * 10)?.learners ?? 0 }));
  const binLabel = (b: number) => (b === 90 ? '90–100' : `${b}–${b + 9}`);
  out.push(figure(id('scores'), 'Score distribution (best final assessment score)', barChart(id('scores-c'), 'Learners per score band', bins.map((b) => ({ label: binLabel(b.bin), value: b.learners }))),
    table(id('scores-t'), 'Learners per score band', ['Score', 'Learners'], bins.map((b) => [binLabel(b.bin), b.learners]), [false, true]),
    `Pass mark: ${course.masteryScore}.`));

  const myths = s.items.filter((r) => isMisconceptionItem(r, course)).sort((a, b) => a.facility - b.facility || b.answered - a.answered).slice(0, 8);
  out.push(figure(id('myths'), 'Misconceptions most held', barChart(id('myths-c'), 'Share of learners who got each item wrong', myths.map((r) => ({ label: r.item, value: Math.round((1 - r.facility) * 100) })), { max: 100, unit: ' %' }),
    table(id('myths-t'), 'Items most often answered wrongly (myth-or-fact, sorter, assessment)', ['Item', 'Wrong', 'Answered', 'What it asks'], myths.map((r) => [r.item, pct(1 - r.facility), r.answered, r.prompt]), [false, true, true, false]), '', true));

  const flagged = s.items.filter((r) => r.flags.length);
  out.push(`<section class="block" aria-labelledby="${id('items-h')}"><h3 id="${id('items-h')}">Item analysis</h3>
    <p class="note">Facility is the share of learners who answered right at their first try; discrimination is how well the item separates learners who do well on the rest of the course from those who do not (−1 to 1). Flagged: facility under 0.3 or over 0.95, or negative discrimination. ${flagged.length} of ${s.items.length} items flagged.</p>
    ${table(id('items-t'), 'Every scored item', ['Item', 'Module', 'Answered', 'Facility', 'Discrimination', 'Flag'], s.items.map((r) => [r.item, r.module, r.answered, fixed(r.facility), fixed(r.discrimination), r.flags.join(', ')]), [false, false, true, true, true, false])}</section>`);

  const surveys = [...course.items.values()].filter((i) => i.type === 'survey' && i.scale);
  const rated = surveys.map((i) => {
    const counts = i.scale!.map((p) => s.survey.find((r) => r.item === i.id && r.response === p.id)?.learners ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    const mean = total ? counts.reduce((a, c, k) => a + c * (k + 1), 0) / total : 0;
    return { item: i, counts, total, mean };
  });
  const scaleHead = surveys[0]?.scale?.map((p) => p.text.en ?? p.id) ?? [];
  out.push(figure(id('survey'), 'Course evaluation', barChart(id('survey-c'), `Mean rating per question, 1 to ${scaleHead.length}`, rated.map((r) => ({ label: r.item.id, value: Math.round(r.mean * 10) / 10 })), { max: scaleHead.length }),
    table(id('survey-t'), 'Answers per rating', ['Question', ...scaleHead, 'Answers'], rated.map((r) => [r.item.prompt.en, ...r.counts, r.total]), [false, ...scaleHead.map(() => true), true]),
    'Free comments are not shown: they stay with the learner\'s record.', true));

  return `<section class="slice" data-lang="${esc(key)}" aria-labelledby="${id('h')}">${out.join('\n')}</section>`;
}

export interface ReportFacts {
  source: string;
  generatedAt: string;
  hasTimes: boolean;
  /** The zone every date is a day in. */
  zone: string;
  /** True when Moodle's zoneless times were read as `zone` because no --tz was given. */
  zoneAssumed: boolean;
  /** Lines skipped with --skip-invalid. */
  skipped: BadLine[];
}

function skippedHtml(skipped: BadLine[]): string {
  if (!skipped.length) return '';
  return `<section class="block" aria-labelledby="skipped-h"><h2 id="skipped-h">Lines skipped (${skipped.length})</h2><p class="note">The tool was run with --skip-invalid: these lines of the export are not xAPI statements and were left out. Everything else in this report comes from the other lines.</p>${table('skipped-t', 'Skipped lines', ['File', 'Line', 'Why', 'Starts with'], skipped.map((b) => [b.file, b.line, b.reason, b.start]), [false, true, false, false])}</section>`;
}

export function reportHtml(insights: Insights, course: CourseModel, o: ReportFacts): string {
  const keys = insights.slices.map(([k]) => k);
  const filter = keys.length > 1
    ? `<fieldset class="lang-filter"><legend>Show learners who took the course in</legend>${keys.map((k, i) => `<label><input type="radio" name="lang" id="lang-${esc(k)}" value="${esc(k)}"${i === 0 ? ' checked' : ''}> ${esc(FILTER_NAMES[k] ?? k)}</label>`).join(' ')}</fieldset>`
    : '';
  const show = keys.slice(1).map((k) => `body:has(#lang-${k}:checked) .slice[data-lang="all"] { display: none; } body:has(#lang-${k}:checked) .slice[data-lang="${k}"] { display: block; }`).join('\n');
  const passRate = insights.slices[0][1].learners ? insights.register.length / insights.slices[0][1].learners : null;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Course insights: ${esc(course.title.en)}</title>
<style>
:root { --text: #1f2933; --bg: #fff; --accent: #1d5c7a; --muted: #52606d; --line: #cbd2d9; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--bg); }
header, main { max-width: 70rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 3px solid var(--accent); padding-bottom: .5rem; }
h1 { font-size: 1.6rem; margin: 1rem 0 .25rem; } h2 { font-size: 1.3rem; margin-top: 1.5rem; } h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; }
.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .5rem 0; padding: 0; list-style: none; }
.note { color: var(--muted); margin: .25rem 0 .5rem; max-width: 48rem; }
.lang-filter { border: 1px solid var(--line); border-radius: 4px; margin: 1rem 0; padding: .25rem .75rem .5rem; }
.lang-filter label { display: inline-block; margin-right: 1rem; padding: .25rem 0; }
.slice { display: none; } .slice[data-lang="all"] { display: block; }
${show}
.pair { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.pair > .chart { flex: 1 1 20rem; min-width: 0; max-width: 32rem; }
.pair > .table-wrap { flex: 2 1 18rem; }
.pair.wide > .chart, .pair.wide > .table-wrap { flex-basis: 100%; }
.chart { width: 100%; height: auto; font-size: 12.5px; }
.chart rect { fill: var(--accent); } .chart text { fill: var(--text); }
.table-wrap { max-width: 100%; overflow-x: auto; }
.table-wrap:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  body { font-size: 11pt; } .lang-filter { display: none; }
  .block { break-inside: avoid; } .table-wrap { overflow: visible; }
  header, main { max-width: none; }
}
</style>
</head>
<body>
<header>
<h1>Course insights</h1>
<ul class="facts">
<li>${esc(course.title.en)}, version ${esc(course.version)}</li>
<li>Source: ${esc(o.source)}</li>
<li>Made ${esc(o.generatedAt.slice(0, 16).replace('T', ' '))} UTC</li>
<li>Dates are days in ${esc(o.zone)}${o.zoneAssumed ? ` (Moodle's reports carry no time zone, and none was given with --tz: their times were read as ${esc(o.zone)})` : ''}</li>
<li>${insights.register.length} passed, ${insights.inProgress.length} started but not passed${passRate === null ? '' : ` (pass rate ${pct(passRate)})`}</li>
</ul>
</header>
<main>
${filter}
${insights.slices.map(([k, s]) => sliceHtml(k, s, course, { hasTimes: o.hasTimes })).join('\n')}
${skippedHtml(o.skipped)}
${insights.freeText.length ? `<section class="block" aria-labelledby="free-h"><h2 id="free-h">Reflections and comments (included on request)</h2><p class="note">This report was made with --include-reflections: the trust opted in to collecting this text. Handle it as the learners were told it would be handled.</p>${table('free-t', 'Free text written by learners', ['Learner', 'Date', 'Question', 'Text'], insights.freeText.map((f) => [f.name, f.day, f.item, f.response]))}</section>` : ''}
</main>
</body>
</html>
`;
}
