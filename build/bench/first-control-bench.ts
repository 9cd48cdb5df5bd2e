// `npm run bench -- --first-control`: the table of first text and first working control, median of
// the runs, for every format and language, new and returning learner (first-control.ts measures a run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/content/types.js';
import type { Format } from '../formats.js';
import { launchBrowser } from '../harness/browser.js';
import { sitToBookmark, type Learner, type ResumeSeed } from './launches.js';
import { FIRST_CONTROL_TARGET_MS, FIRST_TEXT_TARGET_MS, SLOW_PHONE, measureOnce, startBenchHarness, type FirstControlOptions, type RunResult, type Tally } from './first-control.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number | null) => (x === null ? '—' : `${Math.round(x)} ms`);

interface Row { format: Format; lang: Lang; learner: Learner; runs: RunResult[]; failures: string[] }

function printTable(rows: Row[], o: FirstControlOptions): void {
  console.log(`\nFirst text and first working control on a slow phone (${SLOW_PHONE.latency} ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU ${SLOW_PHONE.cpuSlowdown}× slower; cold cache, a fresh context per run;`);
  console.log(`files served as the package holds them${o.gzip ? ', gzip-encoded' : ', not compressed'}), median of ${o.runs}; times from the course document's request. Targets: first text ≤ ${FIRST_TEXT_TARGET_MS} ms, first control ≤ ${FIRST_CONTROL_TARGET_MS} ms.`);
  console.log('Control: new learner, "Start the course"; returning learner, the Next button of their bookmarked page once it shows their answers.\n');
  const head = ['package', 'learner', 'first text', 'bytes, requests before', 'first control', 'bytes, requests before', 'control range', 'page 1 if pressed'];
  const widths = [14, 8, 11, 23, 14, 23, 16, 18];
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
  console.log(line(head));
  for (const r of rows) {
    const name = `${r.format}-${r.lang}`;
    if (!r.runs.length) {
      console.log(`${line([name, r.learner, 'failed', '', '', '', '', ''])}  ${r.failures[0] ?? ''}`);
      continue;
    }
    const text = median(r.runs.map((x) => x.firstText));
    const control = median(r.runs.map((x) => x.control));
    const arrivals = r.runs.map((x) => x.arrival).filter((x): x is number => x !== null);
    const tally = (pick: (x: RunResult) => Tally) => `${kb(median(r.runs.map((x) => pick(x).bytes)))}, ${median(r.runs.map((x) => pick(x).requests))}`;
    const controls = r.runs.map((x) => x.control);
    const over = [text > FIRST_TEXT_TARGET_MS ? 'text' : '', control > FIRST_CONTROL_TARGET_MS ? 'control' : ''].filter(Boolean);
    console.log(line([name, r.learner, ms(text), tally((x) => x.beforeText), ms(control), tally((x) => x.beforeControl), `${Math.round(Math.min(...controls))}–${Math.round(Math.max(...controls))}`, arrivals.length ? ms(median(arrivals)) : '—'])
      + (over.length ? `  OVER: ${over.join(', ')}` : '') + (r.failures.length ? `  (${r.failures.length} run(s) failed: ${r.failures[0]})` : ''));
  }
}

export async function firstControlBench(root: string, dist: string, output: string, o: FirstControlOptions): Promise<void> {
  const h = await startBenchHarness(root, dist, output, o);
  const browser = await launchBrowser();
  try {
    if (o.trace) {
      const { traceFirstControl } = await import('./first-control-trace.js');
      await traceFirstControl(browser, h);
      return;
    }
    const rows: Row[] = [];
    const seeds = new Map<string, ResumeSeed>();
    for (const lang of o.langs) {
      for (const format of o.formats) {
        seeds.set(`${format}-${lang}`, await sitToBookmark(browser, h, format, h.facts[lang]));
        for (const learner of ['new', 'resumed'] as const) rows.push({ format, lang, learner, runs: [], failures: [] });
      }
    }
    for (let run = 0; run < o.runs; run++) {
      for (const r of rows) {
        try {
          r.runs.push(await measureOnce(browser, h, r.format, h.facts[r.lang], r.learner, seeds.get(`${r.format}-${r.lang}`)!));
        } catch (e) {
          r.failures.push(String(e instanceof Error ? e.message : e).split('\n')[0]);
        }
      }
      process.stderr.write(`first control: run ${run + 1} of ${o.runs} done\n`);
    }
    printTable(rows, o);
    const out = join(output, 'first-control');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'results.json'), JSON.stringify({ profile: SLOW_PHONE, gzip: o.gzip, rows }, null, 1));
    console.log(`\nEvery run, with the course's requests: ${join(out, 'results.json')}`);
  } finally {
    await browser.close();
    await h.close();
  }
}
