// The insights tool at scale, for `npm run bench`: a ground-truth export (ground-truth.ts) of a
// national programme (10,000 learners, 1.4 M statements) or of a region's trusts together (100,000
// learners, 14 M statements), one gzipped file a day, reported on by the CLI as its own process
// under /usr/bin/time -v (wall time, CPU time, peak resident memory). Every register and in-progress
// row is compared with the one the export's stories must give.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeGroundTruth } from './ground-truth.js';

export interface Scale { label: string; learners: number; minStatements: number; budgetS: number; budgetMb: number }

export const SCALES: Record<string, Scale> = {
  '1.4M': { label: '1.4 M', learners: 10_000, minStatements: 1_400_000, budgetS: 60, budgetMb: 1024 },
  '14M': { label: '14 M', learners: 100_000, minStatements: 14_000_000, budgetS: 180, budgetMb: 2048 },
};

/** Bump when ground-truth.ts changes what it writes, so a cached export is made again. */
const GENERATION = 1;

const OVER = '  OVER';

/** Rows of two CSV texts that differ, as "line n: expected … / got …" (at most three). */
function differences(expected: string, got: string): { rows: number; diffs: string[] } {
  const [e, g] = [expected.split('\r\n'), got.split('\r\n')];
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(e.length, g.length) && diffs.length < 3; i++) if (e[i] !== g[i]) diffs.push(`line ${i + 1}: expected ${JSON.stringify(e[i] ?? null)}, got ${JSON.stringify(g[i] ?? null)}`);
  return { rows: e.length - 2, diffs };
}

export async function insightsAtScale(root: string, workDir: string, scale: Scale): Promise<string> {
  const dir = join(workDir, `ground-truth-${scale.minStatements}-g${GENERATION}`);
  const stamp = join(dir, 'complete.json');
  let made = '';
  if (!existsSync(stamp)) {
    const t0 = performance.now();
    const g = await writeGroundTruth({ root, out: dir, learners: scale.learners, minStatements: scale.minStatements });
    writeFileSync(stamp, JSON.stringify({ lines: g.lines, bytes: g.bytes, files: g.files.length, events: g.events }));
    made = ` (generated in ${((performance.now() - t0) / 1000).toFixed(0)} s)`;
  }
  const facts = JSON.parse(readFileSync(stamp, 'utf8')) as { lines: number; bytes: number; files: number; events: number };
  const out = join(workDir, `out-${scale.minStatements}`);
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', join(root, 'build', 'insights', 'cli.ts'), '--statements', join(dir, 'statements'), '--out', out], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) return `Insights at ${scale.label}: failed: ${r.stderr.slice(-800)}`;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  // CPU seconds and the share of the machine the run got: on a machine shared with other work,
  // wall time says more about the neighbours than about the tool.
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  const share = /Percent of CPU this job got: (\d+)%/.exec(r.stderr)?.[1] ?? '?';
  const learners = r.stdout.match(/(\d+) learners/)?.[1] ?? '?';
  const events = Number(r.stdout.match(/(\d+) events/)?.[1] ?? NaN);
  const checks = ['cme-register.csv', 'in-progress.csv'].map((f) => {
    const d = differences(readFileSync(join(dir, 'expected', 'UTC', f), 'utf8'), readFileSync(join(out, f), 'utf8'));
    return d.diffs.length ? `${f}: MISMATCH ${d.diffs.join('; ')}` : `${f}: all ${d.rows.toLocaleString('en')} rows as expected`;
  });
  if (events !== facts.events) checks.push(`statements counted: MISMATCH ${events}, expected ${facts.events}`);
  return [
    `Insights at ${scale.label}: ${facts.lines.toLocaleString('en')} lines (${facts.events.toLocaleString('en')} statements about the course, ${learners} learners) in ${facts.files} gzipped daily files (${(facts.bytes / 1e9).toFixed(1)} GB unzipped)${made}:`,
    `  wall ${seconds.toFixed(1)} s (budget ${scale.budgetS} s)${seconds > scale.budgetS ? OVER : ''}, CPU ${cpu.toFixed(1)} s (${share} % of one core), peak memory ${rssMb.toFixed(0)} MB (budget ${scale.budgetMb} MB)${rssMb > scale.budgetMb ? OVER : ''}`,
    ...checks.map((c) => `  ${c}`),
  ].join('\n');
}
