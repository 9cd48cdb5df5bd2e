// `npm run insights -- <source> --out DIR`: a CME register and item analysis from an LRS, an LRS's
// statement export, or Moodle's SCORM reports. See docs/insights.md.
import { insightsMain } from './main.js';

process.exitCode = await insightsMain(process.argv.slice(2));
