// The durable outbox: every statement is written to localStorage the moment it is made and stays
// there until the LRS answers 2xx. Sends in batches, in order; retries with exponential backoff and
// jitter; on pagehide sends what is left with fetch keepalive. A statement the LRS rejects (400) is
// set aside with the reason so it never blocks the rest; 401/403 stops sending (the statements wait
// for the next launch). A statement on the wire is not sent again while its request may still
// arrive: a cmi5 LMS refuses anything after `terminated`, so a late duplicate is not harmless there.
import type { Statement } from '@xapi/xapi';
import { openOutboxStore, type SetAside } from './outbox-store';

export type { SetAside } from './outbox-store';

export interface LrsAnswer { status: number; body: string }

/** Posts statements to the LRS; throws when the network fails or times out. */
export interface StatementTransport {
  send(statements: Statement[], options: { keepalive: boolean }): Promise<LrsAnswer>;
}

export type OutboxNotice = 'notice.xapiOffline' | 'notice.xapiUnauthorised' | 'notice.xapiRejected' | 'notice.xapiStorageFull';

export interface OutboxOptions {
  storageKey: string;
  /** Given at once, so pagehide can always send; it may load its own library lazily (the LRS
   *  client is not on the first page's critical path; see lazyLrsClient). */
  transport: StatementTransport;
  onNotice?: (key: OutboxNotice) => void;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  batchSize?: number;
  /** Wait this long after a statement is queued, so events close together share one POST. */
  batchDelayMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Most characters of JSON this outbox keeps in storage. */
  maxStoredChars?: number;
  /** Statements left from an earlier launch that this launch may still send (cmi5: only its own
   *  session's; a finished session takes nothing more). The others are set aside, not sent. */
  stillSendable?: (s: Statement) => boolean;
  random?: () => number;
}

export interface Outbox {
  enqueue(statements: Statement[]): void;
  /** Sends now (skipping any wait); resolves when the queue is empty, stopped or waiting to retry. */
  flush(): Promise<void>;
  /** On pagehide: sends what is left in one keepalive request (so the LRS gets it in order),
   *  synchronously started; statements already on the wire with keepalive are not sent again. */
  flushOnExit(): void;
  /** The session ends: sends what is left in order, one request at a time, with keepalive from now
   *  on (so a request outlives the page). Resolves when the queue is empty, stopped or waiting. */
  close(): Promise<void>;
  pending(): Statement[];
  setAside(): SetAside[];
  readonly stopped: boolean;
}

/** Keepalive requests share a 64 KiB budget per page; leave room for headers. */
const KEEPALIVE_BUDGET = 60_000;

const defaultStorage = (): Pick<Storage, 'getItem' | 'setItem'> | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** attempt);
  // "Equal jitter": at least half the ceiling, so retries never bunch at zero.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function createOutbox(o: OutboxOptions): Outbox {
  const storage = o.storage === undefined ? defaultStorage() : o.storage;
  const batchSize = o.batchSize ?? 25;
  const batchDelay = o.batchDelayMs ?? 400;
  const base = o.baseDelayMs ?? 1000;
  const max = o.maxDelayMs ?? 60_000;
  const maxChars = o.maxStoredChars ?? 1_500_000;
  const random = o.random ?? Math.random;
  const told = new Set<OutboxNotice>();
  const notify = (key: OutboxNotice, always = false) => {
    if (!always && told.has(key)) return;
    told.add(key);
    o.onNotice?.(key);
  };

  const store = openOutboxStore(storage, o.storageKey, maxChars);
  if (o.stillSendable) {
    const stale = store.queue.filter((s) => !o.stillSendable!(s));
    store.remove(stale);
    for (const s of stale) store.setAside(s, 0, 'left from an earlier session');
  }

  let stopped = false;
  let sending: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  /** After a batch is refused, send this many statements one by one to find the bad one. */
  let isolate = 0;
  /** Ids in a keepalive request not answered yet: it may still arrive, so they are not resent. */
  const onTheWire = new Set<string>();
  /** Characters of keepalive bodies not answered yet (the browser's budget is per page). */
  let keepaliveInFlight = 0;
  /** After close(): every send uses keepalive. */
  let closing = false;

  const persist = () => {
    if (!store.persist()) notify('notice.xapiStorageFull');
  };
  const remove = (sent: Statement[]) => store.remove(sent);


  /** The oldest statements of `list` whose JSON fits in `budget` characters (at least one). */
  const fitting = (list: Statement[], budget: number): Statement[] => {
    let n = list.length;
    while (n > 1 && JSON.stringify(list.slice(0, n)).length > budget) n = Math.ceil(n / 2);
    return list.slice(0, n);
  };

  /** One keepalive request; its statements count as on the wire until the LRS answers. */
  const sendKeepalive = async (batch: Statement[]): Promise<LrsAnswer> => {
    const size = JSON.stringify(batch).length;
    batch.forEach((s) => onTheWire.add(s.id!));
    keepaliveInFlight += size;
    try {
      return await o.transport.send(batch, { keepalive: true });
    } finally {
      keepaliveInFlight -= size;
      batch.forEach((s) => onTheWire.delete(s.id!));
    }
  };

  const schedule = (ms: number) => {
    if (timer !== null || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, ms);
  };

  /** Sends one batch; returns false when the loop must pause (retry later or stopped). */
  const sendOne = async (): Promise<boolean> => {
    const waiting = store.queue.filter((s) => !onTheWire.has(s.id!));
    if (!waiting.length) return false;
    let batch = waiting.slice(0, isolate > 0 ? 1 : batchSize);
    if (closing) batch = fitting(batch, KEEPALIVE_BUDGET - keepaliveInFlight);
    let answer: LrsAnswer;
    try {
      answer = await (closing ? sendKeepalive(batch) : o.transport.send(batch, { keepalive: false }));
    } catch {
      answer = { status: 0, body: 'network error' };
    }
    const { status } = answer;
    if (status >= 200 && status < 300) {
      remove(batch);
      if (isolate > 0) isolate--;
      attempt = 0;
      persist();
      return true;
    }
    if (status === 401 || status === 403) {
      stopped = true;
      notify('notice.xapiUnauthorised');
      return false;
    }
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      if (batch.length > 1) {
        isolate = batch.length;
        return true;
      }
      remove(batch);
      if (isolate > 0) isolate--;
      store.setAside(batch[0], status, answer.body.slice(0, 500));
      persist();
      console.warn(`LRS refused statement ${batch[0].id} (${status}): ${answer.body.slice(0, 200)}`);
      notify('notice.xapiRejected');
      return true;
    }
    // 5xx, 408, 429, network down or timed out: try again later, the statements stay stored.
    if (attempt >= 1) notify('notice.xapiOffline');
    schedule(backoffDelay(attempt++, base, max, random));
    return false;
  };

  const flush = (): Promise<void> => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    sending ??= (async () => {
      try {
        while (store.queue.length && !stopped && (await sendOne()));
      } finally {
        sending = null;
      }
    })();
    return sending;
  };

  return {
    enqueue(statements) {
      if (!statements.length) return;
      store.queue = [...store.queue, ...statements];
      persist();
      if (!sending && attempt === 0) schedule(batchDelay);
    },
    flush: () => (stopped ? Promise.resolve() : flush()),
    flushOnExit() {
      if (stopped) return;
      const waiting = store.queue.filter((s) => !onTheWire.has(s.id!));
      if (!waiting.length) return;
      // One request: the LRS stores a batch in order, so `terminated` cannot overtake what came
      // before it. What does not fit the keepalive budget stays stored for the next launch.
      const budget = KEEPALIVE_BUDGET - keepaliveInFlight;
      const batch = fitting(waiting, budget);
      if (JSON.stringify(batch).length > budget) return;
      sendKeepalive(batch)
        .then((a) => {
          if (a.status >= 200 && a.status < 300) {
            remove(batch);
            persist();
          }
        })
        .catch(() => undefined);
    },
    close() {
      closing = true;
      return stopped ? Promise.resolve() : flush();
    },
    pending: () => [...store.queue],
    setAside: () => [...store.aside],
    get stopped() {
      return stopped;
    },
  };
}
