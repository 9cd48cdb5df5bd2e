// Parses the command line of `npm run insights` (see cli.ts and docs/insights.md).
import { resolve } from 'node:path';
import { InsightsError } from './errors.js';
import type { Source } from './run.js';

const USAGE = `usage: npm run insights -- <source> --out DIR [--include-reflections]
sources (one):
  --statements FILE.jsonl                         an LRS's JSON-lines statement export
  --lrs URL --auth KEY:SECRET [--since DATE] [--timeout SECONDS] [--page-size N]
  --moodle-report interactions.csv [--moodle-basic basic.csv]   (repeat both for each activity)`;

export function parseArgs(argv: string[]): { source: Source; out: string; includeReflections: boolean; contentRoot: string } {
  const multi = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--include-reflections') flags.add(a);
    else if (a.startsWith('--')) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new InsightsError(`${a} needs a value\n${USAGE}`);
      multi.set(a, [...(multi.get(a) ?? []), v]);
    } else throw new InsightsError(`unexpected argument "${a}"\n${USAGE}`);
  }
  const one = (k: string) => multi.get(k)?.at(-1);
  const out = one('--out');
  if (!out) throw new InsightsError(`--out DIR is required\n${USAGE}`);
  const kinds = ['--statements', '--lrs', '--moodle-report'].filter((k) => multi.has(k));
  if (kinds.length !== 1) throw new InsightsError(`give exactly one source${kinds.length ? ` (got ${kinds.join(', ')})` : ''}\n${USAGE}`);
  let source: Source;
  if (kinds[0] === '--statements') source = { kind: 'statements', file: one('--statements')! };
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
  return { source, out, includeReflections: flags.has('--include-reflections'), contentRoot: resolve(one('--content') ?? resolve(import.meta.dirname, '..', '..')) };
}
