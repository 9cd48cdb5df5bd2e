// Builds every package once before the suite, so each test reads the real zips in dist/.
// SKIP_BUILD=1 reuses an existing dist/ (handy while iterating on pure-logic tests).
import { execFileSync } from 'node:child_process';
import { DIST } from '../build/harness/paths';

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync('npx', ['tsx', 'build/cli.ts', 'build', '.', DIST], { stdio: 'inherit' });
}
