// One writer per attempt. An LMS such as Moodle lets a learner open the same attempt in two tabs,
// and then each tab's saves land over the other's: the older tab's state, interactions and status
// overwrite the newer ones (docs/standards-notes.md). So each sitting says hello on a channel of
// its attempt when it starts; a sitting that hears a newer one tells the learner and records
// nothing more, so the newer sitting's record only grows. The learner carries on there.
import type { Tracker, TrackerNotice } from '../events/tracker';

interface Hello { kind: 'hello'; id: string; startedAt: number }

export function withSittingGuard(tracker: Tracker, channelName: string): Tracker {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const startedAt = Date.now();
  const listeners: ((n: TrackerNotice) => void)[] = [];
  let stale = false;
  let channel: BroadcastChannel | null = null;
  const newer = (h: Hello) => h.startedAt > startedAt || (h.startedAt === startedAt && h.id > id);
  const live = <A extends unknown[]>(f: (...args: A) => void) => (...args: A) => {
    if (!stale) f(...args);
  };

  return {
    get standard() {
      return tracker.standard;
    },
    async start() {
      const launch = await tracker.start();
      if (launch.mode !== 'normal' || typeof BroadcastChannel === 'undefined') return launch;
      channel = new BroadcastChannel(`${channelName}:${launch.learner.id ?? ''}`);
      channel.onmessage = (e: MessageEvent<Hello>) => {
        if (e.data?.kind !== 'hello' || e.data.id === id || stale || !newer(e.data)) return;
        stale = true;
        tracker.standBy?.();
        listeners.forEach((l) => l({ key: 'notice.otherSitting' }));
      };
      channel.postMessage({ kind: 'hello', id, startedAt } satisfies Hello);
      return launch;
    },
    visitPage: live((s) => tracker.visitPage(s)),
    answer: live((e, s) => tracker.answer(e, s)),
    reflect: live((e, s) => tracker.reflect(e, s)),
    survey: live((e, s) => tracker.survey(e, s)),
    setResult: live((e, s) => tracker.setResult(e, s)),
    save: live((s) => tracker.save(s)),
    // A stale sitting does not end the session either: its last post would carry its old state.
    finish: live((x, s) => {
      tracker.finish(x, s);
      channel?.close();
    }),
    onNotice(l) {
      listeners.push(l);
      tracker.onNotice(l);
    },
    onSync: (l) => tracker.onSync?.(l),
    ...(tracker.leave && { leave: live((x: 'suspend' | 'normal', s: Parameters<Tracker['finish']>[1]) => tracker.leave?.(x, s)) }),
  };
}
