// Runs before each browser test file. The files of one worker share a process and its modules, so
// each starts from the same state: Playwright's actionability checks on (a file that skips them says so).
import { useActionabilityChecks } from '../build/harness/course-driver';

useActionabilityChecks();
