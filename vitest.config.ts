import { defineConfig } from 'vitest/config';

// `npm test` runs two projects side by side:
// - unit: pure logic, the build's checks and the manifests against the official XSDs; files in
//   parallel, no build first (`npm run test:unit`, the loop to run while editing);
// - browser: real Chromium on the packages that one build (tests/global-setup.ts) writes first, and
//   the packages themselves (reproducible, within budget); three files at a time, and a worker's files share one process.
// tests/lms/ needs the real platforms: `npm run test:lms` (vitest.lms.config.ts).
const BROWSER = ['tests/e2e/**/*.test.ts', 'tests/conformance/packages.test.ts', 'tests/conformance/budgets.test.ts'];

export default defineConfig({
  test: {
    // Three files at a time on two cores: while one file waits on Chromium or a timer, another runs.
    maxWorkers: 3,
    // The JSON report is what .ci/run reads for its `N passed, N failed` line.
    reporters: ['default', ['json', { outputFile: `${process.env.OUTPUT_DIR ?? 'tests/.output'}/results.json` }], './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/conformance/**/*.test.ts'],
          exclude: [...BROWSER, '**/node_modules/**'],
          testTimeout: 30_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: BROWSER,
          globalSetup: ['tests/global-setup.ts'],
          // The files of a worker share one process and its imports (Playwright, the harness): no
          // process and no module graph per file. Shared state is reset per file (browser-file-setup.ts).
          isolate: false,
          setupFiles: ['tests/browser-file-setup.ts'],
          // Real-browser steps on a busy 2-core machine: room, not a budget (speed lives in npm run bench).
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
