import { defineConfig } from 'vitest/config';

// `npm run test:lms`: the course in real learning platforms (Moodle 4.3, ADL's CATAPULT cmi5 player,
// a real LRS), brought up by tests/lms/setup.sh. Each test is a learner's story and asserts what the
// platform recorded. One file at a time: the rigs share this 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/lms/**/*.test.ts'],
    // A story in Moodle takes 1–3 minutes on a quiet 2-core machine; room for a busy one.
    testTimeout: 1_200_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: `${process.env.OUTPUT_DIR ?? 'tests/.output'}/lms-results.json` }]],
  },
});
