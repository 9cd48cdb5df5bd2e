// The command's whole behaviour as a function: arguments in, exit code out, messages to the given
// streams. cli.ts runs it as a process; tests run it in-process.
import { InsightsError } from './errors.js';
import { parseArgs } from './args.js';
import { runInsights } from './run.js';

export interface Io { out(line: string): void; err(line: string): void }
const processIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function insightsMain(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    const t0 = performance.now();
    const s = await runInsights({ ...args, warn: io.err });
    const skipped = s.skipped.length ? `, ${s.skipped.length} bad line${s.skipped.length > 1 ? 's' : ''} skipped` : '';
    io.out(`${args.out}: ${s.learners} learners (${s.passed} passed, ${s.inProgress} not yet), ${s.items} items, ${s.events} events${skipped}, dates in ${s.zone}, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    if (e instanceof InsightsError) {
      io.err(`insights: ${e.message}`);
      return 1;
    }
    io.err(String((e as Error)?.stack ?? e));
    return 2;
  }
}
