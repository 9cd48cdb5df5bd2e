import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/lms/ needs the real platforms: `npm run test:lms` (vitest.lms.config.ts).
    exclude: ['tests/lms/**', '**/node_modules/**'],
    // Browser tests share one built dist/ and one Chromium; keep files in one worker at a time
    // where they start servers, and give real-browser steps room.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['tests/global-setup.ts'],
    // The JSON report is what .ci/run reads for its `N passed, N failed` line.
    reporters: ['default', ['json', { outputFile: `${process.env.OUTPUT_DIR ?? 'tests/.output'}/results.json` }]],
  },
});
