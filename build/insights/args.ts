// Parses the command line of `npm run insights` (see cli.ts and docs/insights.md).
import { resolve } from 'node:path';
import { InsightsError } from './errors.js';
import type { Source } from './run.js';

const USAGE = `usage: npm run insights -- <source> --out DIR [--tz ZONE] [--include-reflections]
sources (one kind):
  --statements PATH [--skip-invalid]   an LRS's statement export: a JSON-lines file (.jsonl), a gzipped one
                                       (.jsonl.gz), or a folder of them; repeat for several
  --lrs URL --auth KEY:SECRET [--since DATE] [--timeout SECONDS] [--page-size N]
  --moodle-report interactions.csv [--moodle-basic basic.csv]   (repeat both for each activity)
options:
  --out DIR        a new or empty folder, or one this tool wrote before (it is replaced)
  --tz ZONE        the time zone of every date written (default UTC), and the one Moodle's reports
                   were downloaded in: an IANA name such as Europe/London
  --skip-invalid   skip statement lines that are not JSON statements, listing each, instead of stopping`;

export interface Args { source: Source; out: string; tz: string | null; includeReflections: boolean; contentRoot: string }

const FLAGS = new Set(['--include-reflections', '--skip-invalid']);

/** True when the zone is one the time zone database knows (the same ICU data DuckDB uses). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function parseArgs(argv: string[]): Args {
  const multi = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (FLAGS.has(a)) flags.add(a);
    else if (a.startsWith('--')) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InsightsError(`${a} needs a value\n${USAGE}`);
      multi.set(a, [...(multi.get(a) ?? []), v]);
    } else throw new InsightsError(`unexpected argument "${a}"\n${USAGE}`);
  }
  const one = (k: string) => multi.get(k)?.at(-1);
  const out = one('--out');
  if (!out) throw new InsightsError(`--out DIR is required\n${USAGE}`);
  const tz = one('--tz') ?? null;
  if (tz !== null && !isTimeZone(tz)) throw new InsightsError(`--tz "${tz}" is not a time zone: use an IANA name such as Europe/London, Europe/Rome or UTC`);
  const kinds = ['--statements', '--lrs', '--moodle-report'].filter((k) => multi.has(k));
  if (kinds.length !== 1) throw new InsightsError(`give exactly one source${kinds.length ? ` (got ${kinds.join(', ')})` : ''}\n${USAGE}`);
  if (flags.has('--skip-invalid') && kinds[0] !== '--statements') throw new InsightsError(`--skip-invalid is for --statements (a statement export)`);
  let source: Source;
  if (kinds[0] === '--statements') source = { kind: 'statements', paths: multi.get('--statements')!, skipInvalid: flags.has('--skip-invalid') };
  else if (kinds[0] === '--lrs') {
    const auth = one('--auth');
    if (!auth) throw new InsightsError(`--lrs needs --auth KEY:SECRET\n${USAGE}`);
    const since = one('--since');
    if (since !== undefined && Number.isNaN(Date.parse(since))) throw new InsightsError(`--since "${since}" is not a date (use 2026-12-01 or an ISO 8601 time)`);
    const timeout = Number(one('--timeout') ?? 30);
    const pageSize = one('--page-size') === undefined ? undefined : Number(one('--page-size'));
    if (!Number.isFinite(timeout) || timeout <= 0) throw new InsightsError(`--timeout wants a number of seconds`);
    source = { kind: 'lrs', endpoint: one('--lrs')!, auth, since: since && new Date(since).toISOString(), timeoutMs: timeout * 1000, pageSize };
  } else source = { kind: 'moodle', interactions: multi.get('--moodle-report')!, basics: multi.get('--moodle-basic') ?? [] };
  return { source, out, tz, includeReflections: flags.has('--include-reflections'), contentRoot: resolve(one('--content') ?? resolve(import.meta.dirname, '..', '..')) };
}
