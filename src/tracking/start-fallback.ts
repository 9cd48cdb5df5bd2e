// If the LMS will not initialise, the learner still takes the course: standalone, and told so.
import type { Tracker } from '../events/tracker';

export function withStartFallback(tracker: Tracker, fallback: () => Tracker): Tracker {
  let active = tracker;
  const listeners: Parameters<Tracker['onNotice']>[0][] = [];
  return {
    get standard() {
      return active.standard;
    },
    async start() {
      try {
        return await tracker.start();
      } catch (e) {
        console.warn(e);
        active = fallback();
        listeners.forEach((l) => active.onNotice(l));
        return active.start();
      }
    },
    visitPage: (s) => active.visitPage(s),
    answer: (e, s) => active.answer(e, s),
    reflect: (e, s) => active.reflect(e, s),
    survey: (e, s) => active.survey(e, s),
    setResult: (e, s) => active.setResult(e, s),
    save: (s) => active.save(s),
    finish: (x, s) => active.finish(x, s),
    onNotice(l) {
      listeners.push(l);
      tracker.onNotice(l);
    },
    onSync: (l) => tracker.onSync?.(l),
    standBy: () => active.standBy?.(),
  };
}
