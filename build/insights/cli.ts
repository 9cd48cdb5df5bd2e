// `npm run insights -- <source> --out DIR`: a CME register and item analysis from an LRS, an LRS's
// statement export, or Moodle's SCORM reports. See docs/insights.md.
import { interruptQueries } from './db.js';
import { insightsMain } from './main.js';
import { removeWorkInFlight } from './out-folder.js';

// Ctrl-C or a kill: stop the query, remove the unfinished output folder (--out stays as it was).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    interruptQueries();
    for (const dir of removeWorkInFlight()) console.error(`insights: interrupted; removed ${dir}`);
    process.exit(code);
  });
}

process.exitCode = await insightsMain(process.argv.slice(2));
