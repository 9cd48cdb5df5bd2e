import { defineConfig } from 'vitest/config';

// `npm run test:lms`: the course in real learning platforms (Moodle 4.3, Forma LMS 4.0.19, ADL's
// CATAPULT cmi5 player, a real LRS), brought up by tests/lms/setup.sh. Each test is a learner's
// story and asserts what the platform recorded. One file at a time per platform: the rigs share this
// 2-core machine, and Moodle's stories change a site setting (standards mode) as they go. Forma's
// stories run beside Moodle's fault matrix (two rigs that share nothing but the CPU), then the rest,
// one file after another.
const story = {
  // A story in an LMS takes 1–3 minutes on a quiet 2-core machine; room for a busy one.
  testTimeout: 1_200_000,
  hookTimeout: 300_000,
};
const FORMA = 'tests/lms/forma-*.test.ts';
const MOODLE_FAULTS = 'tests/lms/moodle-faults.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: `${process.env.OUTPUT_DIR ?? 'tests/.output'}/lms-results.json` }]],
    projects: [
      { test: { ...story, name: 'forma', include: [FORMA], sequence: { groupOrder: 0 }, maxWorkers: 2 } },
      { test: { ...story, name: 'moodle-faults', include: [MOODLE_FAULTS], sequence: { groupOrder: 0 }, maxWorkers: 2 } },
      { test: { ...story, name: 'lms', include: ['tests/lms/**/*.test.ts'], exclude: [FORMA, MOODLE_FAULTS], sequence: { groupOrder: 1 }, maxWorkers: 1 } },
    ],
  },
});
