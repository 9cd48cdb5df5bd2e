// Standalone mode: no LMS. Progress and answers live in this browser's localStorage, and the
// learner is told plainly that nothing is reported to an LMS.
import type { LaunchData, Snapshot, Tracker, TrackerNotice } from '../../events/tracker';

export interface StandaloneOptions {
  storageKey: string;
  /** Notice keys to show at launch (e.g. "an LMS was expected but not found"). */
  notices: string[];
}

interface Stored { location: string; suspendData: string; completed: boolean }

export function createStandaloneTracker(options: StandaloneOptions): Tracker {
  const listeners: ((n: TrackerNotice) => void)[] = [];
  let completed = false;
  let warnedStorage = false;

  const write = (s: Snapshot) => {
    try {
      const stored: Stored = { location: s.location, suspendData: s.suspendData, completed };
      localStorage.setItem(options.storageKey, JSON.stringify(stored));
    } catch {
      if (!warnedStorage) listeners.forEach((l) => l({ key: 'notice.storageUnavailable' }));
      warnedStorage = true;
    }
  };

  const read = (): Stored | null => {
    try {
      const raw = localStorage.getItem(options.storageKey);
      if (!raw) return null;
      const v = JSON.parse(raw) as Partial<Stored>;
      return { location: String(v.location ?? ''), suspendData: String(v.suspendData ?? ''), completed: v.completed === true };
    } catch {
      return null;
    }
  };

  return {
    standard: 'standalone',
    async start(): Promise<LaunchData> {
      const stored = read();
      completed = stored?.completed ?? false;
      return {
        standard: 'standalone',
        reporting: false,
        mode: 'normal',
        learner: { id: null, name: null },
        savedState: stored?.suspendData ?? null,
        location: stored?.location ?? null,
        masteryScore: null,
        previouslyCompleted: completed,
        preferredLang: null,
        notices: ['notice.standalone', ...options.notices],
      };
    },
    visitPage: write,
    answer: (_e, s) => write(s),
    reflect: (_e, s) => write(s),
    survey: (_e, s) => write(s),
    setResult(e, s) {
      completed = e.completed;
      write(s);
    },
    save: write,
    finish: (_exit, s) => write(s),
    onNotice(l) {
      listeners.push(l);
    },
  };
}
