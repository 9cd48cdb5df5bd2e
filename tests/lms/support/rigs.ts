// Where the real platforms live (tests/lms/setup.sh installs them there).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const RIGS = process.env.LMS_RIGS ?? '/opt/lms-rigs';
export const MOODLE_URL = process.env.MOODLE_URL ?? 'http://127.0.0.1:8765';

export function rigPath(...parts: string[]): string {
  const path = join(RIGS, ...parts);
  if (!existsSync(path)) throw new Error(`${path} is missing: run tests/lms/setup.sh (it installs the real platforms)`);
  return path;
}
