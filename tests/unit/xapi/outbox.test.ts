// The durable outbox against a test double of the LRS (FakeLrs below is a test double, not an LRS:
// it only records what it was sent and answers what the test tells it to).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { backoffDelay, createOutbox, type LrsAnswer, type OutboxOptions, type StatementTransport } from '../../../src/xapi/outbox';
import { sessionStatement } from '../../../src/xapi/statements';
import { randomUuid } from '../../../src/xapi/uuid';
import { scope } from './fixtures';

/** Test double for the LRS transport. */
class FakeLrs implements StatementTransport {
  stored: Statement[] = [];
  posts: { ids: string[]; keepalive: boolean }[] = [];
  /** Answers to give, in turn; when empty, 200. 'down' throws like a network failure. */
  script: (number | 'down')[] = [];
  rejectId: string | null = null;
  async send(statements: Statement[], { keepalive }: { keepalive: boolean }): Promise<LrsAnswer> {
    this.posts.push({ ids: statements.map((s) => s.id!), keepalive });
    const next = this.script.shift() ?? 200;
    if (next === 'down') throw new TypeError('Failed to fetch');
    if (next !== 200) return { status: next, body: `status ${next}` };
    if (this.rejectId && statements.some((s) => s.id === this.rejectId)) return { status: 400, body: 'invalid statement: result.score.scaled' };
    for (const s of statements) if (!this.stored.some((x) => x.id === s.id)) this.stored.push(s);
    return { status: 200, body: JSON.stringify(statements.map((s) => s.id)) };
  }
}

/** Test double for localStorage. */
class MemoryStorage {
  data = new Map<string, string>();
  quota = Infinity;
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  };
}

const make = (n: number): Statement[] => Array.from({ length: n }, () => sessionStatement(scope(), { id: randomUuid(), timestamp: new Date().toISOString() }, 'resumed'));

let lrs: FakeLrs;
let storage: MemoryStorage;
let notices: string[];
const outbox = (o: Partial<OutboxOptions> = {}) =>
  createOutbox({ storageKey: 'outbox', transport: lrs, storage, onNotice: (k) => notices.push(k), random: () => 0.5, ...o });

beforeEach(() => {
  vi.useFakeTimers();
  lrs = new FakeLrs();
  storage = new MemoryStorage();
  notices = [];
});
afterEach(() => {
  vi.useRealTimers();
});

const stored = () => JSON.parse(storage.getItem('outbox') ?? '{"pending":[]}') as { pending: Statement[]; setAside: { statement: Statement; status: number; reason: string }[] };

describe('durable outbox', () => {
  it('stores each statement the moment it is queued, and forgets it only when the LRS says 200', async () => {
    const box = outbox();
    const s = make(3);
    box.enqueue(s);
    expect(stored().pending.map((x) => x.id)).toEqual(s.map((x) => x.id));
    expect(lrs.posts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(lrs.stored.map((x) => x.id)).toEqual(s.map((x) => x.id));
    expect(stored().pending).toEqual([]);
  });

  it('batches: events close together share one POST, large queues go in batches of 25, in order', async () => {
    const box = outbox();
    const s = make(30);
    for (const x of s) box.enqueue([x]);
    await vi.advanceTimersByTimeAsync(500);
    expect(lrs.posts.map((p) => p.ids.length)).toEqual([25, 5]);
    expect(lrs.stored.map((x) => x.id)).toEqual(s.map((x) => x.id));
  });

  it('retries 500s and network failures with growing, jittered delays; every statement arrives once, in order', async () => {
    const box = outbox();
    lrs.script = ['down', 500, 503, 'down'];
    const s = make(4);
    box.enqueue(s.slice(0, 2));
    await vi.advanceTimersByTimeAsync(500);
    box.enqueue(s.slice(2));
    expect(lrs.stored).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lrs.stored.map((x) => x.id)).toEqual(s.map((x) => x.id));
    expect(notices).toEqual(['notice.xapiOffline']);
    expect(stored().pending).toEqual([]);
  });

  it('computes backoff as equal jitter under a ceiling', () => {
    expect(backoffDelay(0, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(0, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(6000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('sets aside a statement the LRS refuses (400) with the reason, and delivers the rest in order', async () => {
    const box = outbox();
    const s = make(6);
    lrs.rejectId = s[2].id!;
    box.enqueue(s);
    await vi.advanceTimersByTimeAsync(500);
    expect(lrs.stored.map((x) => x.id)).toEqual(s.filter((x) => x !== s[2]).map((x) => x.id));
    expect(box.setAside()).toHaveLength(1);
    expect(stored().setAside[0]).toMatchObject({ status: 400, reason: 'invalid statement: result.score.scaled', statement: { id: s[2].id } });
    expect(stored().pending).toEqual([]);
    expect(notices).toEqual(['notice.xapiRejected']);
  });

  it('stops on 401/403, tells the learner, keeps every statement, and sends them on the next launch', async () => {
    const first = outbox();
    lrs.script = [401];
    const s = make(3);
    first.enqueue(s);
    await vi.advanceTimersByTimeAsync(10_000);
    first.enqueue(make(1));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.stopped).toBe(true);
    expect(lrs.posts).toHaveLength(1);
    expect(notices).toEqual(['notice.xapiUnauthorised']);
    expect(stored().pending).toHaveLength(4);
    // Next launch: a new outbox over the same storage sends what the last one kept, first.
    const next = outbox();
    const later = make(1);
    next.enqueue(later);
    await vi.advanceTimersByTimeAsync(500);
    expect(lrs.stored.map((x) => x.id).slice(0, 3)).toEqual(s.map((x) => x.id));
    expect(lrs.stored.at(-1)?.id).toBe(later[0].id);
    expect(lrs.stored).toHaveLength(5);
  });

  it('sends what is left with keepalive on pagehide, and a resend of the same ids is harmless', async () => {
    const box = outbox();
    lrs.script = ['down'];
    const s = make(3);
    box.enqueue(s);
    await vi.advanceTimersByTimeAsync(500); // fails: waiting to retry
    box.flushOnExit();
    await vi.advanceTimersByTimeAsync(0);
    expect(lrs.posts.at(-1)).toEqual({ ids: s.map((x) => x.id), keepalive: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lrs.stored.map((x) => x.id)).toEqual(s.map((x) => x.id));
  });

  it('a learner who leaves before the first batch went: pagehide sends everything at once, with keepalive', async () => {
    const box = outbox();
    const s = make(2);
    box.enqueue(s);
    box.flushOnExit(); // before the batch delay has passed: nothing sent yet
    await vi.advanceTimersByTimeAsync(0);
    expect(lrs.posts[0]).toEqual({ ids: s.map((x) => x.id), keepalive: true });
    expect(lrs.stored.map((x) => x.id)).toEqual(s.map((x) => x.id));
  });

  it('never sends again a statement still on the wire with keepalive (a cmi5 LMS refuses anything after terminated)', async () => {
    // Seen in ADL's CATAPULT: pagehide sent the queue with keepalive, then Exit flushed the outbox and
    // sent the first batch again; it arrived after terminated and was refused (403).
    const box = outbox();
    let answer!: () => void;
    lrs.send = async (statements, { keepalive }) => {
      lrs.posts.push({ ids: statements.map((x) => x.id!), keepalive });
      if (keepalive) await new Promise<void>((r) => (answer = r));
      return { status: 200, body: '[]' };
    };
    const s = make(31);
    box.enqueue(s);
    box.flushOnExit();
    await box.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lrs.posts).toEqual([{ ids: s.map((x) => x.id), keepalive: true }]);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(box.pending()).toEqual([]);
  });

  it('on pagehide sends everything left in one request, so the last statement cannot overtake the others', async () => {
    const box = outbox();
    await box.flush();
    const s = make(40);
    box.enqueue(s);
    box.flushOnExit();
    await vi.advanceTimersByTimeAsync(0);
    expect(lrs.posts).toEqual([{ ids: s.map((x) => x.id), keepalive: true }]);
  });

  it('close(): sends the rest in order, one request at a time, with keepalive, and resolves when all is confirmed', async () => {
    const box = outbox();
    let inFlight = 0;
    let most = 0;
    const send = lrs.send.bind(lrs);
    lrs.send = async (statements, o) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      return send(statements, o);
    };
    const s = make(60);
    box.enqueue(s);
    const closed = box.close();
    await vi.advanceTimersByTimeAsync(1_000);
    await closed;
    expect(most).toBe(1);
    expect(lrs.posts.every((p) => p.keepalive)).toBe(true);
    expect(lrs.posts.flatMap((p) => p.ids)).toEqual(s.map((x) => x.id));
    expect(box.pending()).toEqual([]);
  });

  it('sets aside, unsent, what an earlier launch left that this one may not send (cmi5: another session)', async () => {
    const first = outbox();
    lrs.script = ['down'];
    const old = make(2);
    first.enqueue(old);
    await vi.advanceTimersByTimeAsync(500);
    expect(stored().pending).toHaveLength(2);
    // The next launch (its own LRS connection) reads the same storage.
    const oldIds = new Set(old.map((x) => x.id));
    const nextLrs = new FakeLrs();
    const next = outbox({ stillSendable: (x) => !oldIds.has(x.id), transport: nextLrs });
    const fresh = make(1);
    next.enqueue(fresh);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(nextLrs.posts.flatMap((p) => p.ids)).toEqual(fresh.map((x) => x.id));
    expect(next.setAside().map((a) => [a.statement.id, a.reason])).toEqual(old.map((x) => [x.id, 'left from an earlier session']));
  });

  it('bounds its storage: keeps the oldest statements, tells the learner once, still sends everything', async () => {
    const box = outbox({ maxStoredChars: 4000 });
    lrs.script = ['down'];
    const s = make(20);
    box.enqueue(s);
    const kept = stored().pending;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(20);
    expect(kept.map((x) => x.id)).toEqual(s.slice(0, kept.length).map((x) => x.id));
    expect(notices).toEqual(['notice.xapiStorageFull']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lrs.stored).toHaveLength(20);
  });

  it('survives a storage quota error the same way', () => {
    storage.quota = 100;
    const box = outbox();
    box.enqueue(make(5));
    expect(box.pending()).toHaveLength(5);
    expect(notices).toEqual(['notice.xapiStorageFull']);
  });
});
