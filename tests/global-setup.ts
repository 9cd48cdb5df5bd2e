// Builds every package once before the suite, so each test reads the real zips in dist/.
// SKIP_BUILD=1 reuses an existing dist/ (handy while iterating on pure-logic tests).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, OUTPUT } from '../build/harness/paths';

export default function setup(): void {
  // Packages unpacked by an earlier run's test processes (build/harness/packages.ts).
  rmSync(join(OUTPUT, 'packages'), { recursive: true, force: true });
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync('npx', ['tsx', 'build/cli.ts', 'build', '.', DIST], { stdio: 'inherit' });
}
